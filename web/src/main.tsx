/**
 * The browser's entry. index.html already shows the first step (prerendered at build time,
 * scripts/prerender.ts): a first visit hydrates it, keeping whatever the visitor chose before the
 * JavaScript arrived (early-input.ts). A returning visitor (saved answers, a share link, a reload)
 * had the prerendered step hidden by the inline script, and gets a client render of where they left
 * off.
 */
import { createRoot, hydrateRoot } from 'react-dom/client';
import { catalogQuery } from './api/catalog.ts';
import { createQueryClient } from './api/query-client.ts';
import {
  captureEarlyInput,
  releaseEarlySubmit,
  replayEarlyInput,
  type EarlyInput,
} from './early-input.ts';
import { Root } from './root.tsx';
import './styles/global.css';
import { preloadStep, STEP_CHUNKS } from './wizard/loading/chunks.ts';
import { firstStepInteractive } from './wizard/loading/first-step.ts';
import { loadValidation } from './wizard/loading/load-analysis.ts';
import { connectPersistence, loadInitialLocation } from './wizard/state/persistence.ts';
import { createWizardStore } from './wizard/state/store.ts';
import { scopedStorage } from './wizard/state/storage-scope.ts';

/** localStorage can throw on access (storage disabled): the wizard then keeps state in the URL only. */
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// The single-file wizard keys its draft by the file's path: two copies never share answers (issue 19).
const storage =
  import.meta.env.MODE === 'standalone'
    ? scopedStorage(safeStorage(), window.location.pathname)
    : safeStorage();
const initial = loadInitialLocation({ location: window.location, storage });
const store = createWizardStore(initial);
connectPersistence(store, {
  location: window.location,
  history: window.history,
  storage,
  addEventListener: window.addEventListener.bind(window),
  removeEventListener: window.removeEventListener.bind(window),
});

// The current step's code is requested now, alongside the catalog (preloaded by index.html).
preloadStep(store.getState().step);
const queryClient = createQueryClient();
const catalog = queryClient.fetchQuery(catalogQuery());

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

/** The page is React's: the prerendered step may show again (it was hidden for a returning visitor). */
const shown = () => document.documentElement.removeAttribute('data-resume');

async function start(root: HTMLElement): Promise<void> {
  // The prerendered page is the fresh wizard: it is hydrated only for a visitor who starts afresh.
  if (initial === undefined && root.querySelector('#main form') !== null) {
    try {
      // Hydration renders exactly what the prerender did, so what it reads must be there first.
      await Promise.all([catalog, STEP_CHUNKS.deployment.preload()]);
      const early: EarlyInput[] = captureEarlyInput(root);
      void firstStepInteractive.then(() => {
        replayEarlyInput(root, early);
        // What the first Next needs (index.html modulepreloads its scripts, so the bytes are on
        // their way): the schema it validates with (without the renderers) and the Proxy step.
        // Evaluated once the page is hydrated, not before (the schema's chunk is the heaviest
        // script to run after React's), and not left to the idle queue (chunks.ts): a visitor who
        // answers at once does not wait for them.
        void loadValidation().catch(() => undefined);
        preloadStep('proxy');
      });
      hydrateRoot(root, <Root store={store} queryClient={queryClient} onMount={shown} />);
      return;
    } catch {
      // No catalog or no step code: the client render below shows the error and "Try again".
    }
  }
  void catalog.catch(() => undefined);
  releaseEarlySubmit();
  createRoot(root).render(<Root store={store} queryClient={queryClient} onMount={shown} />);
}

void start(container);
