/** The wizard's steps, in order (PRODUCT.md §2), and which of them apply to a draft. */
import type { Draft } from '../state/draft.ts';

export const STEP_IDS = [
  'deployment',
  'proxy',
  'tls',
  'excluded-domains',
  'warehouses',
  'services',
  'review',
] as const;

export type StepId = (typeof STEP_IDS)[number];

export interface StepMeta {
  id: StepId;
  /** Shown in the stepper. */
  label: string;
  /** The step's heading. */
  title: string;
}

export const STEPS: Readonly<Record<StepId, StepMeta>> = {
  deployment: { id: 'deployment', label: 'Deployment', title: 'How is CARTO deployed?' },
  proxy: { id: 'proxy', label: 'Proxy', title: 'Which proxy does traffic go through?' },
  tls: { id: 'tls', label: 'TLS to the proxy', title: 'How does CARTO trust the HTTPS proxy?' },
  'excluded-domains': {
    id: 'excluded-domains',
    label: 'Excluded domains',
    title: 'What must bypass the proxy?',
  },
  warehouses: { id: 'warehouses', label: 'Data warehouses', title: 'Which data warehouses?' },
  services: { id: 'services', label: 'Optional services', title: 'Which optional services?' },
  review: { id: 'review', label: 'Review and download', title: 'Review and download' },
};

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

/** TLS questions exist only for an HTTPS proxy; every other step always applies. */
export function stepApplies(step: StepId, draft: Draft): boolean {
  return step !== 'tls' || draft.proxy.protocol === 'https';
}

export function applicableSteps(draft: Draft): StepId[] {
  return STEP_IDS.filter((step) => stepApplies(step, draft));
}

export function stepIndex(step: StepId): number {
  return STEP_IDS.indexOf(step);
}

/** The step after/before `step` among those that apply, or undefined at either end. */
export function nextStep(step: StepId, draft: Draft): StepId | undefined {
  return applicableSteps(draft).find((s) => stepIndex(s) > stepIndex(step));
}

export function previousStep(step: StepId, draft: Draft): StepId | undefined {
  return applicableSteps(draft)
    .reverse()
    .find((s) => stepIndex(s) < stepIndex(step));
}

/** A step that no longer applies (TLS after switching to http) falls back to the nearest one before it. */
export function applicableStepAtOrBefore(step: StepId, draft: Draft): StepId {
  return stepApplies(step, draft) ? step : (previousStep(step, draft) ?? 'deployment');
}

/** The deployment answers the Excluded domains step asks: each only adds excluded domains. */
export const CLUSTER_FACTS = [
  'gkeWorkloadIdentity',
  'clusterDomain',
  'kubernetesServiceIp',
] as const;
export type ClusterFact = (typeof CLUSTER_FACTS)[number];

/** Which step owns a field of the answers (for warnings and errors that link back to it). */
export function stepForPath(path: readonly (string | number)[]): StepId {
  const [head, field] = path;
  // Pub/Sub over HTTPS is asked with the other HTTPS-proxy questions.
  if (head === 'deployment' && field === 'usePubSubRestApi') return 'tls';
  // The cluster's facts are asked where they are used: they add excluded domains (issue 21, item 4).
  if (head === 'deployment' && CLUSTER_FACTS.includes(field as ClusterFact)) {
    return 'excluded-domains';
  }
  if (head === 'deployment') return 'deployment';
  if (head === 'proxy') {
    return field === 'verifyCertificate' || field === 'customCa' ? 'tls' : 'proxy';
  }
  if (head === 'excludedDomains') return 'excluded-domains';
  if (head === 'warehouses') return 'warehouses';
  if (head === 'services') return 'services';
  return 'review';
}
