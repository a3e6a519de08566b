/**
 * The page: header (share, start over), the stepper, the current step and the live preview beside it
 * (below it on narrow screens).
 */
import { Suspense, useEffect, useState } from 'react';
import { useCatalog } from './api/catalog.ts';
import { ANNOUNCER_ID } from './components/announce.ts';
import { LogoMark } from './components/icons.tsx';
import { StatusStrip } from './preview/status-strip.tsx';
import { AnalysisProvider } from './wizard/analysis/analysis-provider.tsx';
import { WizardStoreContext } from './wizard/state/context.ts';
import { PreviewPane, preloadRest, SharePanel } from './wizard/loading/chunks.ts';
import { markFirstStepInteractive, useFirstStepInteractive } from './wizard/loading/first-step.ts';
import { ShareButton } from './wizard/sharing/share-link.tsx';
import { StartOver } from './wizard/dialogs/start-over.tsx';
import { Stepper } from './wizard/frame/stepper.tsx';
import { StepOutlet } from './wizard/frame/step-outlet.tsx';
import { keepKnownIds } from './wizard/state/draft.ts';
import type { WizardStore } from './wizard/state/store.ts';

function PreviewLoading() {
  return (
    <div className="panel preview-placeholder">
      <h2 className="preview-placeholder__title" tabIndex={-1}>
        Preview
      </h2>
      <p role="status">Loading the preview…</p>
    </div>
  );
}

export function App({ store }: { store: WizardStore }) {
  const [share, setShare] = useState<{ copied: boolean } | null>(null);
  const catalog = useCatalog();

  const firstStepShown = useFirstStepInteractive();
  // Without the catalog no step shows its questions: the rest must not wait for them forever.
  useEffect(() => {
    if (catalog.isError) markFirstStepInteractive();
  }, [catalog.isError]);

  // Everything after the first step arrives while the user reads it, one chunk at a time.
  useEffect(() => (firstStepShown ? preloadRest() : undefined), [firstStepShown]);

  // A link from another version may name methods, warehouses or services this catalog does not have.
  useEffect(() => {
    const known = catalog.data;
    if (known) store.updateDraft((draft) => keepKnownIds(draft, known));
  }, [catalog.data, store]);

  return (
    <WizardStoreContext value={store}>
      <AnalysisProvider>
        <a
          className="skip-link"
          href="#main"
          onClick={(event) => {
            // The fragment holds the answers: move focus without touching it.
            event.preventDefault();
            document.querySelector<HTMLElement>('#main h2')?.focus();
          }}
        >
          Skip to the current step
        </a>
        <header className="app-header">
          <div className="app-header__inner">
            <div className="app-title">
              <LogoMark className="app-title__mark" />
              <div>
                <h1>CARTO Self-hosted proxy wizard</h1>
                <p>
                  The proxy configuration for your installation, and what your proxy admin needs.
                </p>
              </div>
            </div>
            <div className="app-header__actions">
              <ShareButton open={share !== null} onOpen={(copied) => setShare({ copied })} />
              <StartOver />
            </div>
          </div>
        </header>
        {share && (
          <Suspense fallback={null}>
            <SharePanel copied={share.copied} onClose={() => setShare(null)} />
          </Suspense>
        )}
        {/* Narrow screens only (global.css): the preview's news, above everything, always in view. */}
        <StatusStrip />
        <div className="layout">
          <div className="layout__steps">
            <Stepper />
          </div>
          <main id="main" className="layout__main">
            <StepOutlet />
          </main>
          <aside className="layout__preview" aria-label="Preview of the files">
            {/* Not before the first question: the preview's code is not on its critical path. */}
            {firstStepShown ? (
              <Suspense fallback={<PreviewLoading />}>
                <PreviewPane />
              </Suspense>
            ) : (
              <PreviewLoading />
            )}
          </aside>
        </div>
        <footer className="app-footer">
          {/* The single-file build (vite.standalone.config.ts) has no server at all. */}
          {import.meta.env.MODE === 'standalone' ? (
            <p>
              Everything runs in this browser, from this one file: no request goes anywhere, and
              proxy passwords are never accepted.
            </p>
          ) : (
            <p>
              Everything runs in this browser and on this wizard’s own server. That server sends
              nothing anywhere else, except when you press “Test my proxy”: then it connects to your
              proxy. Proxy passwords are never accepted.
            </p>
          )}
        </footer>
        <div id={ANNOUNCER_ID} role="status" aria-live="polite" className="visually-hidden" />
      </AnalysisProvider>
    </WizardStoreContext>
  );
}
