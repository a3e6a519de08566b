/**
 * React Query Devtools, in `npm run dev` only. `import.meta.env.DEV` is replaced by `false` in
 * `vite build`, so the dynamic import below is dropped with its branch and the devtools never reach
 * the production bundle (scripts/bench checks the bundle for them). Not in the unit tests either.
 *
 * @see {@link https://tanstack.com/query/v5/docs/framework/react/devtools}
 * @see {@link https://vite.dev/guide/env-and-mode#built-in-constants}
 */
import { lazy, Suspense } from 'react';

const ReactQueryDevtools =
  import.meta.env.DEV && import.meta.env.MODE !== 'test'
    ? lazy(() =>
        import('@tanstack/react-query-devtools').then((module) => ({
          default: module.ReactQueryDevtools,
        })),
      )
    : null;

export function QueryDevtools() {
  if (!ReactQueryDevtools) return null;
  return (
    <Suspense fallback={null}>
      <ReactQueryDevtools buttonPosition="bottom-left" />
    </Suspense>
  );
}
