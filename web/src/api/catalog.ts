/** GET /api/catalog: methods, releases, warehouses, services and the sources behind them. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Catalog } from '@wizard/shared';
import { request } from './http.ts';

export type { Catalog };

export const catalogQueryOptions = queryOptions({
  queryKey: ['catalog'],
  queryFn: async ({ signal }): Promise<Catalog> => {
    const response = await request('/api/catalog', { signal, credentials: 'same-origin' });
    return (await response.json()) as Catalog;
  },
  // The catalog is part of the server's build: it never changes while the page is open.
  staleTime: Infinity,
  gcTime: Infinity,
  retry: 2,
});

export function useCatalog() {
  return useQuery(catalogQueryOptions);
}
