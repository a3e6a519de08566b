/** The proxy guide of the chosen deployment method, for a step's doc link (issue 11, item 12). */
import { proxyGuideFor, type Source } from '@wizard/shared/catalog';
import type { Catalog } from '../../api/catalog.ts';
import { useWizardStore } from '../state/context.ts';
import { useWizardState } from '../state/store.ts';

export function useMethodGuide(catalog: Catalog): Source {
  const store = useWizardStore();
  const method = useWizardState(store, (s) => s.draft.deployment.method);
  return proxyGuideFor(method, catalog.deploymentMethods);
}
