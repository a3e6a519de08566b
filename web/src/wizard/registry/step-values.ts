/**
 * Each step's form holds its slice of the draft (the fields its definition asks, steps/<step>/definition.ts),
 * under the same names as the answers document (`deployment.method`, `proxy.host`, …), so errors from the
 * shared schema land on the right field and warnings can point back to it.
 */
import type { Draft } from '../state/draft.ts';
import type { FieldPath } from '../state/store.ts';
import { STEPS, type StepId, type StepValues } from './steps.ts';

export type { StepValues } from './steps.ts';

export function stepValuesOf<S extends StepId>(step: S, draft: Draft): StepValues[S] {
  const { valuesOf } = STEPS[step] as unknown as { valuesOf: (draft: Draft) => StepValues[S] };
  return valuesOf(draft);
}

/** The draft with one step's form values written in. */
export function withStepValues<S extends StepId>(
  step: S,
  draft: Draft,
  values: StepValues[S],
): Draft {
  const { withValues } = STEPS[step] as unknown as {
    withValues: (draft: Draft, values: StepValues[S]) => Draft;
  };
  return withValues(draft, values);
}

/** The form field (react-hook-form name) for a path in the draft. */
export function fieldNameOf(path: FieldPath): string {
  if (path[0] === 'excludedDomains' && typeof path[1] === 'number') {
    return `excludedDomains.${path[1]}.value`;
  }
  if (path.length === 1 && path[0] === 'deployment') return 'deployment.release';
  return path.join('.');
}

/** A human name for a field, for lists of problems and warnings ("Proxy › Host"). */
export function fieldLabelOf(path: FieldPath): string {
  const key = path.join('.');
  const labels: Record<string, string> = {
    deployment: 'Release',
    'deployment.method': 'Deployment method',
    'deployment.release': 'Release',
    'deployment.gkeWorkloadIdentity': 'GKE Workload Identity',
    'deployment.kubernetesServiceIp': 'ClusterIP of the kubernetes service',
    'deployment.clusterDomain': 'Cluster domain',
    'deployment.imagePullsThroughProxy': 'Nodes pull images through this proxy',
    'deployment.usePubSubRestApi': 'Pub/Sub over HTTPS',
    proxy: 'Proxy',
    'proxy.protocol': 'Protocol',
    'proxy.host': 'Host',
    'proxy.port': 'Port',
    'proxy.verifyCertificate': 'Verify the proxy certificate',
    'proxy.customCa': 'Custom CA',
    excludedDomains: 'Excluded domains',
    warehouses: 'Data warehouses',
    services: 'Optional services',
  };
  if (path[0] === 'excludedDomains' && typeof path[1] === 'number') {
    return `Excluded domain ${path[1] + 1}`;
  }
  if (path[0] === 'warehouses') return labels.warehouses ?? key;
  if (path[0] === 'services') return labels.services ?? key;
  return labels[key] ?? key;
}

export function stepLabelOf(step: StepId): string {
  return STEPS[step].label;
}
