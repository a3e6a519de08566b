/**
 * The live preview: every output file, rendered in this browser by the shared renderer on every change
 * (the same code the server runs, so these are the bytes that download). Until the answers are first
 * valid it lists what is missing. Once they were, an invalid edit (a typo in an excluded domain) keeps
 * the last good files on screen, marked out of date under the problems, instead of blanking the pane
 * (issue 11, item 4); they cannot be copied or downloaded.
 */
import { methodFactsIn } from '@wizard/shared/method-facts-in';
import { useCatalog } from '../api/catalog.ts';
import { Callout } from '../components/callout.tsx';
import { useAnalysis, useWizardStore } from '../wizard/state/context.ts';
import { useWizardState } from '../wizard/state/store.ts';
import { DownloadButton } from './download-button.tsx';
import { FileTabs } from './file-tabs.tsx';
import { useStaleRender } from './last-render.ts';
import { ProblemsList } from './problems-list.tsx';
import { WarningsList } from './warnings-list.tsx';
import './preview.css';

export default function PreviewPane() {
  const { analysis, loadError, retry } = useAnalysis();
  const store = useWizardStore();
  const method = useWizardState(store, (s) => s.draft.deployment.method);
  const { data: catalog } = useCatalog();
  // The method's own file opens first (methodFacts' mainFile, from the catalog the API served).
  const mainFile =
    catalog && method !== '' ? methodFactsIn(catalog, method, undefined).mainFile : undefined;
  // The Review step lists the warnings itself, right next to this pane.
  const onReview = useWizardState(store, (s) => s.step === 'review');
  const stale = useStaleRender(analysis);

  let body;
  if (loadError) {
    body = (
      <Callout tone="danger" role="alert" title="The preview could not be loaded">
        <p>The wizard’s server did not answer. Your answers are kept.</p>
        <p>
          <button type="button" className="button button--small" onClick={retry}>
            Try again
          </button>
        </p>
      </Callout>
    );
  } else if (!analysis) {
    body = <p role="status">Loading the preview…</p>;
  } else if (!analysis.render && stale) {
    body = (
      <>
        <Callout tone="warning" role="status" title="Out of date: fix this to update the files">
          <ProblemsList problems={analysis.problems} />
          <p>The files below are from your last valid answers.</p>
        </Callout>
        <div className="preview__stale">
          <FileTabs files={stale.files} answers={analysis.input} preferred={mainFile} stale />
        </div>
      </>
    );
  } else if (!analysis.render) {
    body = (
      <div className="preview__missing">
        <p>The files appear here as soon as these are answered:</p>
        <ProblemsList problems={analysis.problems} />
      </div>
    );
  } else {
    body = (
      <>
        <FileTabs
          files={analysis.render.files}
          answers={analysis.input}
          preflight={analysis.preflight}
          preferred={mainFile}
          draft={!onReview}
        />
        {!onReview && <WarningsList warnings={analysis.warnings} compact />}
      </>
    );
  }

  return (
    <section className="panel preview" aria-labelledby="preview-title">
      <div className="preview__header">
        <div>
          <h2 id="preview-title" className="preview__title" tabIndex={-1}>
            Preview
          </h2>
          <p className="preview__subtitle">
            {analysis?.render
              ? `${analysis.render.files.length} files, updated as you type: exactly what downloads.`
              : 'Updated as you type.'}
          </p>
        </div>
        {analysis?.render && (
          <DownloadButton
            answers={analysis.input}
            preflight={analysis.preflight}
            ownFile={analysis.ownFile}
            // Before the last step the answers may still change: a draft, and labelled so (issue 21, item 8).
            label={onReview ? 'Download all (.zip)' : 'Download draft (.zip)'}
            primary={onReview}
          />
        )}
      </div>
      <div className="preview__body">{body}</div>
    </section>
  );
}
