import { ExternalIcon } from './icons.tsx';

export interface DocSource {
  title: string;
  url: string;
}

/** A link to the CARTO doc (or chart file) a step or rule rests on. Opens in a new tab so the wizard stays put. */
export function DocLink({ source, children }: { source: DocSource; children?: string }) {
  return (
    <a href={source.url} target="_blank" rel="noreferrer noopener" title={source.title}>
      {children ?? source.title}
      <ExternalIcon className="doc-link__icon" />
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
