/**
 * Build time only (scripts/prerender.ts loads this through Vite's SSR loader, in Node): the page as
 * a first visitor's browser renders it before any answer, with the catalog the server sends (the
 * same module from shared/), as HTML for index.html. `prerender` waits for the lazy first step, so
 * its questions, help text, method cards and links are all in it.
 *
 * @see {@link https://react.dev/reference/react-dom/static/prerender}
 */
import { CATALOG } from '@wizard/shared';
import { prerender } from 'react-dom/static';
import { catalogQuery } from './api/catalog.ts';
import { createQueryClient } from './api/query-client.ts';
import { EARLY_SCRIPT } from './early-input.ts';
import { Root } from './root.tsx';
import { createWizardStore } from './wizard/state/store.ts';

/** The markup of #root, and the inline script that goes with it (web/src/early-input.ts). */
export async function prerenderFirstStep(): Promise<{ markup: string; earlyScript: string }> {
  const queryClient = createQueryClient();
  queryClient.setQueryData(catalogQuery().queryKey, CATALOG);
  const { prelude } = await prerender(
    <Root store={createWizardStore()} queryClient={queryClient} />,
  );
  return { markup: await new Response(prelude).text(), earlyScript: EARLY_SCRIPT };
}
