/**
 * The wizard's state in the URL fragment: readable (`#v=1&step=proxy&method=helm&host=…`), versioned,
 * and never sent to any server (browsers do not send the fragment). The custom CA is never written
 * here: it is too large for a link, and it stays in this browser; only the fact that one is used is
 * (`ca=1`), so the receiver knows to paste theirs.
 */
import { normalizeDraft, type Draft } from '../state/draft.ts';
import { isStepId, type StepId } from '../registry/steps.ts';

export const FRAGMENT_VERSION = '1';

export interface WizardLocation {
  draft: Draft;
  step: StepId;
  /** The furthest step the user has reached: steps up to it can be revisited from the stepper. */
  reached: StepId;
}

/** Encodes everything but the custom CA. Defaults are left out to keep links short. */
export function encodeFragment({ draft, step, reached }: WizardLocation): string {
  const params = new URLSearchParams();
  params.set('v', FRAGMENT_VERSION);
  params.set('step', step);
  if (reached !== step) params.set('reached', reached);
  const { deployment, proxy } = draft;
  const put = (key: string, value: string) => {
    if (value !== '') params.set(key, value);
  };
  put('method', deployment.method);
  put('release', deployment.release);
  if (deployment.gkeWorkloadIdentity) params.set('gke', '1');
  put('clusterIp', deployment.kubernetesServiceIp);
  put('clusterDomain', deployment.clusterDomain);
  if (deployment.imagePullsThroughProxy) params.set('images', '1');
  if (!deployment.usePubSubRestApi) params.set('pubsubRest', '0');
  put('protocol', proxy.protocol);
  put('host', proxy.host);
  put('port', proxy.port);
  if (!proxy.verifyCertificate) params.set('verify', '0');
  // That a custom CA is used travels (so the receiver is asked for it); the CA itself never does.
  if (proxy.customCa.trim() !== '' || proxy.customCaExpected) params.set('ca', '1');
  for (const entry of draft.excludedDomains) params.append('exclude', entry);
  for (const id of draft.warehouses) params.append('warehouse', id);
  for (const id of draft.services) params.append('service', id);
  return `#${params.toString()}`;
}

/**
 * Reads a fragment written by `encodeFragment`. Returns undefined when the fragment is not ours
 * (empty, another anchor, another version); anything malformed inside it is dropped, never trusted.
 */
export function decodeFragment(hash: string): WizardLocation | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return undefined;
  const params = new URLSearchParams(raw);
  if (params.get('v') !== FRAGMENT_VERSION) return undefined;
  const get = (key: string) => params.get(key) ?? '';
  const draft = normalizeDraft({
    deployment: {
      method: get('method'),
      release: get('release'),
      gkeWorkloadIdentity: get('gke') === '1',
      kubernetesServiceIp: get('clusterIp'),
      clusterDomain: get('clusterDomain'),
      imagePullsThroughProxy: get('images') === '1',
      usePubSubRestApi: get('pubsubRest') !== '0',
    },
    proxy: {
      protocol: get('protocol'),
      host: get('host'),
      port: get('port'),
      verifyCertificate: get('verify') !== '0',
      customCa: '',
      customCaExpected: get('ca') === '1',
    },
    excludedDomains: params.getAll('exclude'),
    warehouses: params.getAll('warehouse'),
    services: params.getAll('service'),
  });
  const step = isStepId(params.get('step')) ? (params.get('step') as StepId) : 'deployment';
  const reachedParam = params.get('reached');
  const reached = isStepId(reachedParam) ? reachedParam : step;
  return { draft, step, reached };
}
