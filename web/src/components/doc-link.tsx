import { ExternalIcon } from './icons.tsx';

export interface DocSource {
  title: string;
  url: string;
}

/**
 * A link to the CARTO doc (or chart file) a step or rule rests on. Opens in a new tab so the wizard
 * stays put; the icon stays on the line of the last word.
 */
export function DocLink({ source, children }: { source: DocSource; children?: string }) {
  const text = children ?? source.title;
  const cut = text.lastIndexOf(' ');
  return (
    <a href={source.url} target="_blank" rel="noreferrer noopener" title={source.title}>
      {cut > 0 && text.slice(0, cut + 1)}
      <span className="doc-link__end">
        {text.slice(cut + 1)}
        <ExternalIcon className="doc-link__icon" />
      </span>
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
