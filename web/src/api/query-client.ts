/**
 * The one QueryClient of the page (main.tsx puts it at the root with QueryClientProvider), and the
 * defaults every query of the wizard shares. Tests make a fresh one per test with the same defaults.
 *
 * - A failed read is tried three times in all, with a growing pause (1 s, then 2 s): a server that
 *   restarts under the visitor is back before the "Try again" button has to show.
 * - Nothing is refetched behind the visitor's back (window focus, reconnect): the catalog is part of
 *   the server's build, and the proxy check runs only when asked.
 * - Mutations (downloads) are never retried on their own: the error and "Try again" show instead.
 *
 * @see {@link https://tanstack.com/query/v5/docs/framework/react/guides/query-retries}
 * @see {@link https://tanstack.com/query/v5/docs/framework/react/guides/window-focus-refetching}
 */
import { QueryClient } from '@tanstack/react-query';

/** Attempts per read after the first failure, and the pause before each (1 s, then 2 s). */
export const QUERY_RETRIES = 2;
/** TanStack Query passes the failures so far before this one: 0 before the first retry. */
export const retryDelay = (failureCount: number) => 1000 * (failureCount + 1);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: QUERY_RETRIES,
        retryDelay,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
