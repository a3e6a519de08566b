import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles/global.css';
import { connectPersistence, loadInitialLocation } from './wizard/persistence.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { catalogQuery } from './api/catalog.ts';
import { QueryDevtools } from './api/devtools.tsx';
import { createQueryClient } from './api/query-client.ts';
import { preloadStep } from './wizard/chunks.ts';
import { createWizardStore } from './wizard/store.ts';

/** localStorage can throw on access (storage disabled): the wizard then keeps state in the URL only. */
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const storage = safeStorage();
const store = createWizardStore(loadInitialLocation({ location: window.location, storage }));
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
void queryClient.prefetchQuery(catalogQuery());

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App store={store} />
      <QueryDevtools />
    </QueryClientProvider>
  </StrictMode>,
);
