/**
 * The answers document a draft stands for: what the preview renders and the download sends. Loaded
 * with the analysis (it reads the shared catalog through methodFacts), never on the first step's path.
 */
import type { AnswersInput } from '@wizard/shared';
import { methodFacts } from '@wizard/shared/method-facts';
import { portInput, type Draft } from './draft.ts';

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/**
 * The answers document for this draft: only the questions that apply (TLS for HTTPS, the ClusterIP for
 * kots, Workload Identity for Kubernetes), empty optional fields omitted, blank list rows ignored.
 * This is exactly what the preview renders and what the download sends to the server.
 */
export function toAnswersInput(draft: Draft): AnswersInput {
  const { deployment, proxy } = draft;
  const method = deployment.method === '' ? undefined : deployment.method;
  const release = optional(deployment.release.trim());
  // What the method and release offer (methodFacts); nothing before a method is chosen.
  const offers = method === undefined ? undefined : methodFacts(method, release).options;
  const input = {
    deployment: {
      method,
      ...(release !== undefined && { release }),
      ...(offers?.gkeWorkloadIdentity && {
        gkeWorkloadIdentity: deployment.gkeWorkloadIdentity,
      }),
      ...(offers?.kubernetesServiceIp &&
        optional(deployment.kubernetesServiceIp) !== undefined && {
          kubernetesServiceIp: deployment.kubernetesServiceIp.trim(),
        }),
      ...(offers?.clusterDomain.offered &&
        optional(deployment.clusterDomain) !== undefined && {
          clusterDomain: deployment.clusterDomain.trim(),
        }),
      ...(offers?.imagePullsThroughProxy &&
        deployment.imagePullsThroughProxy && { imagePullsThroughProxy: true }),
      // Only the user's "off" is sent: "on" is the shared default with an HTTPS proxy (§V.5).
      ...(offers?.pubSubRestApi.offered === true &&
        proxy.protocol === 'https' &&
        !deployment.usePubSubRestApi && { usePubSubRestApi: false }),
    },
    proxy: {
      protocol: proxy.protocol === '' ? undefined : proxy.protocol,
      host: proxy.host.trim(),
      port: portInput(proxy.port),
      ...(proxy.protocol === 'https' && {
        verifyCertificate: proxy.verifyCertificate,
        ...(optional(proxy.customCa) !== undefined && { customCa: proxy.customCa }),
      }),
    },
    excludedDomains: draft.excludedDomains
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    warehouses: [...draft.warehouses],
    services: [...draft.services],
  };
  // Incomplete drafts are not valid answers yet; the schema says what is missing.
  return input as unknown as AnswersInput;
}
