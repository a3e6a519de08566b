/**
 * GET /api/catalog: methods, releases, warehouses, services and the sources behind them. One query,
 * read by every step that needs it: the catalog is part of the server's build and never changes while
 * the page is open (`staleTime: Infinity`, never collected), so it is fetched once per page. index.html
 * preloads it, and the query's request is the same (same URL, `credentials: 'same-origin'` as the
 * preload's `crossorigin="anonymous"`), so the browser hands the preloaded response to it: no second
 * request.
 *
 * @see {@link https://tanstack.com/query/v5/docs/framework/react/guides/query-options}
 * @see {@link https://html.spec.whatwg.org/multipage/links.html#link-type-preload} (matching a preload)
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Catalog } from '@wizard/shared';
import { request } from './http.ts';

export type { Catalog };

export const CATALOG_URL = '/api/catalog';

export async function fetchCatalog(): Promise<Catalog> {
  const response = await request(CATALOG_URL, { credentials: 'same-origin' });
  return (await response.json()) as Catalog;
}

/** The single-file wizard's catalog, from the same shared module the server sends (issue 19). */
async function inlinedCatalog(): Promise<Catalog> {
  return (await import('./catalog-inlined.ts')).inlinedCatalog();
}

export const catalogQuery = () =>
  queryOptions({
    queryKey: ['catalog'] as const,
    // No abort signal: a step that unmounts while the catalog loads must not cancel the one request
    // the next step needs too.
    // The single-file wizard (vite.standalone.config.ts) has no server: the catalog is compiled in.
    queryFn: import.meta.env.MODE === 'standalone' ? inlinedCatalog : fetchCatalog,
    staleTime: Infinity,
    gcTime: Infinity,
    // A step or the preview that mounts after the catalog failed shows the error with "Try again";
    // it does not start a new round of attempts on its own. TanStack Query's default would put every
    // reader back to "Loading…" under the visitor's cursor, and the button they reached for would vanish.
    // https://tanstack.com/query/v5/docs/framework/react/reference/useQuery (retryOnMount)
    retryOnMount: false,
  });

export function useCatalog() {
  return useQuery(catalogQuery());
}

export type CatalogQuery = ReturnType<typeof useCatalog>;
