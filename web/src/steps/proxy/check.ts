/** The Proxy step's check (see wizard/validation/step-check.ts). */
import { methodFacts } from '@wizard/shared/method-facts';
import {
  KOTS_SERVICE_IP,
  PLACEHOLDER,
  releaseOf,
  type StepCheck,
} from '../../wizard/validation/step-check.ts';

export const proxyCheck: StepCheck = {
  candidate: (input, draft) => {
    const { protocol, host, port } = input.proxy;
    // The method decides which hosts are accepted (the Admin Console refuses IPv6 and `_`, §V.3).
    const method = draft.deployment.method === '' ? 'helm' : draft.deployment.method;
    // And so does the release: the Admin Console's Host check changed by release (D3). A release
    // that is not one (a typo) stays on the Deployment step; the host is then checked for every release.
    const deployment = {
      method,
      ...(methodFacts(method, undefined).options.kubernetesServiceIp && KOTS_SERVICE_IP),
      ...releaseOf(draft),
    };
    return { ...PLACEHOLDER, deployment, proxy: { protocol, host, port } };
  },
};
