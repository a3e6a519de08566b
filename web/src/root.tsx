/**
 * The whole tree, the same for the build-time prerender (prerender.tsx) and the browser (main.tsx):
 * hydration needs both to render exactly this.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, useLayoutEffect } from 'react';
import { QueryDevtools } from './api/devtools.tsx';
import { App } from './app.tsx';
import type { WizardStore } from './wizard/state/store.ts';

export function Root({
  store,
  queryClient,
  onMount,
}: {
  store: WizardStore;
  queryClient: QueryClient;
  /** Once the page is React's (rendered or hydrated), before the browser paints it. */
  onMount?: () => void;
}) {
  useLayoutEffect(() => onMount?.(), [onMount]);
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App store={store} />
        <QueryDevtools />
      </QueryClientProvider>
    </StrictMode>
  );
}
