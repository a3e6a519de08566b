/**
 * The Excluded domains step: the user's own NO_PROXY entries, and the cluster's facts, asked where they
 * are used since each only adds excluded domains (issue 21, item 4). The domains are a field array of
 * `{ value }` rows (react-hook-form field arrays need objects).
 */
import {
  formValuesOf,
  withFormValues,
  type FormValues,
  type StepDefinition,
} from '../../wizard/registry/step-definition.ts';

/** The deployment answers this step asks. */
export const CLUSTER_FACTS = [
  'deployment.gkeWorkloadIdentity',
  'deployment.clusterDomain',
  'deployment.kubernetesServiceIp',
] as const;

type ExcludedDomainsValues = FormValues<(typeof CLUSTER_FACTS)[number]> & {
  excludedDomains: { value: string }[];
};

export const excludedDomainsStep: StepDefinition<'excluded-domains', ExcludedDomainsValues> = {
  id: 'excluded-domains',
  label: 'Excluded domains',
  title: 'Which domains does CARTO reach without the proxy?',
  fields: ['excludedDomains', ...CLUSTER_FACTS],
  valuesOf: (draft) => ({
    excludedDomains: draft.excludedDomains.map((value) => ({ value })),
    ...formValuesOf(CLUSTER_FACTS, draft),
  }),
  withValues: (draft, values) => ({
    ...withFormValues(CLUSTER_FACTS, draft, values),
    excludedDomains: values.excludedDomains.map((row) => row?.value ?? ''),
  }),
};
