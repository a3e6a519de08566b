/**
 * GET /api/catalog: methods, releases, warehouses, services and the sources behind them. Fetched
 * once per page (index.html preloads it) and shared by every step through a tiny store: the catalog
 * is part of the server's build and never changes while the page is open, so a query library's
 * cache, refetching and devtools (about 10 KB on the first question's path, issue 10) would buy
 * nothing here.
 */
import { useSyncExternalStore } from 'react';
import type { Catalog } from '@wizard/shared';
import { request } from './http.ts';

export type { Catalog };

export interface CatalogQuery {
  data: Catalog | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  /** Fetches again after a failure (the "Try again" button). */
  refetch: () => Promise<void>;
}

/** Attempts per load, with a growing pause between them (1 s, then 2 s). */
const ATTEMPTS = 3;

type State = Pick<CatalogQuery, 'data' | 'error' | 'isError' | 'isPending'>;

let state: State = { data: undefined, error: undefined, isError: false, isPending: true };
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

function set(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

async function fetchCatalog(): Promise<Catalog> {
  // The single-file wizard (vite.standalone.config.ts) has the catalog compiled in, no server.
  if (import.meta.env.MODE === 'standalone') {
    return (await import('./catalog-inlined.ts')).inlinedCatalog();
  }
  for (let attempt = 1; ; attempt++) {
    try {
      // credentials: same-origin, as the preload in index.html, so the browser reuses that response.
      const response = await request('/api/catalog', { credentials: 'same-origin' });
      return (await response.json()) as Catalog;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

export function loadCatalog(): Promise<void> {
  if (state.data) return Promise.resolve();
  loading ??= fetchCatalog().then(
    (data) => set({ data, error: undefined, isError: false, isPending: false }),
    (error: unknown) => {
      loading = undefined;
      set({ data: undefined, error, isError: true, isPending: false });
    },
  );
  return loading;
}

function refetch(): Promise<void> {
  if (state.isError) set({ ...state, isError: false, isPending: true });
  return loadCatalog();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void loadCatalog();
  return () => listeners.delete(listener);
}

export function useCatalog(): CatalogQuery {
  const current = useSyncExternalStore(subscribe, () => state);
  return { ...current, refetch };
}
