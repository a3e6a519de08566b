/**
 * Each step's form holds its slice of the draft, under the same names as the answers document
 * (`deployment.method`, `proxy.host`, …), so errors from the shared schema land on the right field and
 * warnings can point back to it. Excluded domains are a field array of `{ value }` rows (react-hook-form
 * field arrays need objects).
 */
import type { DeploymentDraft, Draft, ProxyDraft } from '../state/draft.ts';
import type { FieldPath } from '../state/store.ts';
import { CLUSTER_FACTS, STEPS, type ClusterFact, type StepId } from './steps.ts';

export interface StepValues {
  deployment: { deployment: Omit<DeploymentDraft, ClusterFact> };
  proxy: { proxy: Pick<ProxyDraft, 'protocol' | 'host' | 'port'> };
  tls: {
    proxy: Pick<ProxyDraft, 'verifyCertificate' | 'customCa'>;
    deployment: Pick<DeploymentDraft, 'usePubSubRestApi'>;
  };
  'excluded-domains': {
    excludedDomains: { value: string }[];
    deployment: Pick<DeploymentDraft, ClusterFact>;
  };
  warehouses: { warehouses: Draft['warehouses'] };
  services: { services: Draft['services'] };
  review: Record<string, never>;
}

export function stepValuesOf<S extends StepId>(step: S, draft: Draft): StepValues[S] {
  const values: { [K in StepId]: () => StepValues[K] } = {
    deployment: () => ({
      deployment: Object.fromEntries(
        Object.entries(draft.deployment).filter(
          ([key]) => !(CLUSTER_FACTS as readonly string[]).includes(key),
        ),
      ) as StepValues['deployment']['deployment'],
    }),
    proxy: () => ({
      proxy: { protocol: draft.proxy.protocol, host: draft.proxy.host, port: draft.proxy.port },
    }),
    tls: () => ({
      proxy: { verifyCertificate: draft.proxy.verifyCertificate, customCa: draft.proxy.customCa },
      deployment: { usePubSubRestApi: draft.deployment.usePubSubRestApi },
    }),
    'excluded-domains': () => ({
      excludedDomains: draft.excludedDomains.map((value) => ({ value })),
      deployment: {
        gkeWorkloadIdentity: draft.deployment.gkeWorkloadIdentity,
        clusterDomain: draft.deployment.clusterDomain,
        kubernetesServiceIp: draft.deployment.kubernetesServiceIp,
      },
    }),
    warehouses: () => ({ warehouses: [...draft.warehouses] }),
    services: () => ({ services: [...draft.services] }),
    review: () => ({}),
  };
  return values[step]();
}

/** The draft with one step's form values written in. */
export function withStepValues<S extends StepId>(
  step: S,
  draft: Draft,
  values: StepValues[S],
): Draft {
  switch (step) {
    case 'deployment': {
      const v = values as StepValues['deployment'];
      return { ...draft, deployment: { ...draft.deployment, ...v.deployment } };
    }
    case 'proxy': {
      const v = values as StepValues['proxy'];
      return { ...draft, proxy: { ...draft.proxy, ...v.proxy } };
    }
    case 'tls': {
      const v = values as StepValues['tls'];
      return {
        ...draft,
        proxy: { ...draft.proxy, ...v.proxy },
        deployment: { ...draft.deployment, ...(v.deployment ?? {}) },
      };
    }
    case 'excluded-domains': {
      const v = values as StepValues['excluded-domains'];
      return {
        ...draft,
        deployment: { ...draft.deployment, ...(v.deployment ?? {}) },
        excludedDomains: v.excludedDomains.map((row) => row?.value ?? ''),
      };
    }
    case 'warehouses': {
      const v = values as StepValues['warehouses'];
      return { ...draft, warehouses: Array.isArray(v.warehouses) ? [...v.warehouses] : [] };
    }
    case 'services': {
      const v = values as StepValues['services'];
      return { ...draft, services: Array.isArray(v.services) ? [...v.services] : [] };
    }
    default:
      return draft;
  }
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
