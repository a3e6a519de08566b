/**
 * Narrow screens put the preview after the step, below Next: this one line stays at the top of the
 * screen with what it would say (how many files, how many risky choices, whether it is out of date)
 * and "View", which takes the user to it (issue 21, item 5). Wide screens show the preview beside
 * the step and hide the strip (global.css).
 *
 * In the first chunk and the prerendered page (it holds its place before the analysis arrives, so
 * nothing moves when it does): only the analysis context and the warning tiers, both already there.
 */
import { riskyChoices } from '@wizard/shared/rules/warning-tiers';
import { WarningIcon } from '../components/icons.tsx';
import { useAnalysis } from '../wizard/state/context.ts';
import { useStaleRender } from './last-render.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Where "View" lands: the risky choices when there are some (under the files in the preview, or on
 * Review in the step), else the preview's heading (the pane's, or its placeholder's while it loads).
 */
function focusFeedback(risky: boolean): void {
  const heading =
    (risky ? document.querySelector<HTMLElement>('.warnings__title') : null) ??
    document.querySelector<HTMLElement>('.layout__preview h2');
  if (!heading) return;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

export function StatusStrip() {
  const { analysis, loadError } = useAnalysis();
  // Files an invalid edit left on screen, as the preview shows them (last-render.ts).
  const stale = useStaleRender(analysis);

  let status;
  let risky = 0;
  if (loadError) {
    status = 'The preview could not be loaded';
  } else if (!analysis) {
    status = 'Loading the preview…';
  } else if (analysis.render) {
    risky = riskyChoices(analysis.warnings).length;
    status = plural(analysis.render.files.length, 'file', 'files');
  } else if (stale) {
    status = `Out of date · ${plural(analysis.problems.length, 'answer', 'answers')} to fix`;
  } else {
    status = `No files yet · ${plural(analysis.problems.length, 'answer', 'answers')} to give`;
  }

  return (
    <div className="status-strip" role="region" aria-label="Files and warnings">
      <p className="status-strip__text">
        <span>{status}</span>
        {analysis?.render && (
          <>
            <span aria-hidden> · </span>
            {risky > 0 ? (
              <span className="status-strip__risky">
                <WarningIcon className="inline-icon" />{' '}
                {plural(risky, 'risky choice', 'risky choices')}
              </span>
            ) : (
              <span>no risky choice</span>
            )}
          </>
        )}
      </p>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => focusFeedback(risky > 0)}
      >
        View
        <span className="visually-hidden">{risky > 0 ? ' the risky choices' : ' the files'}</span>
      </button>
    </div>
  );
}
