/**
 * Narrow screens put the preview after the step, below Next: this one line stays at the top of the
 * screen with what it would say (how many files, how many risky choices, whether it is out of date)
 * and "View", which takes the user to it (issue 21, item 5). Wide screens show the preview beside
 * the step and hide the strip (global.css).
 *
 * In the first chunk and the prerendered page (it holds its place before the analysis arrives, so
 * nothing moves when it does): only the analysis context and the warning tiers, both already there.
 */
import { warningTier, withoutDuplicates } from '@wizard/shared/rules/warning-tiers';
import { useState } from 'react';
import { WarningIcon } from '../components/icons.tsx';
import { useAnalysis, useWizardStore } from '../wizard/state/context.ts';
import { useWizardState } from '../wizard/state/store.ts';

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
  const store = useWizardStore();
  const epoch = useWizardState(store, (s) => s.epoch);
  // As the preview does (preview-pane.tsx): once the answers gave files, an invalid edit leaves them
  // on screen, out of date; answers replaced from outside (a link, start over) start afresh.
  const [shown, setShown] = useState<{ epoch: number; files: number } | null>(null);
  const files = analysis?.render?.files.length;
  if (files !== undefined && (shown?.files !== files || shown.epoch !== epoch)) {
    setShown({ epoch, files });
  }

  let status;
  let risky = 0;
  if (loadError) {
    status = 'The preview could not be loaded';
  } else if (!analysis) {
    status = 'Loading the preview…';
  } else if (analysis.render) {
    risky = withoutDuplicates(analysis.warnings).filter((w) => warningTier(w) === 'risky').length;
    status = plural(analysis.render.files.length, 'file', 'files');
  } else if (shown?.epoch === epoch) {
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
