/** Which release the outputs are written for, and the release-dependent choices (PRODUCT.md §2, step 1). */
import type { Answers } from '../answers.ts';
import { isKubernetesMethod } from '../answers.ts';
import { DEFAULT_CLUSTER_DOMAIN, LATEST_RELEASE, RELEASE_RULES } from '../catalog.ts';
import { isAtLeast } from '../release.ts';

/** The release the user gave, or the newest one the catalog knows. */
export function effectiveRelease(answers: Answers): string {
  return answers.deployment.release ?? LATEST_RELEASE;
}

/** Whether this release has `trustedCACerts.value` (Helm) and the Admin Console "Trusted CA certificate(s)" field. */
export function hasTrustedCaCerts(answers: Answers): boolean {
  return isAtLeast(effectiveRelease(answers), RELEASE_RULES.trustedCaCertsSince);
}

/** The custom CA, when one applies (HTTPS proxy with a non-empty CA). */
export function customCaOf(answers: Answers): string | undefined {
  const ca = answers.proxy.customCa;
  return answers.proxy.protocol === 'https' && ca !== undefined && ca.trim() !== ''
    ? ca
    : undefined;
}

/**
 * Whether Helm writes `cartoConfigValues.usePubSubRestApi: true` (carto-proxy-facts.md §V.5): Pub/Sub
 * over HTTPS, which goes through an HTTPS proxy, where gRPC cannot. On by default with an HTTPS proxy
 * from 2025.2.13; the user can turn it off (or on with an HTTP proxy, where it does no harm).
 */
export function usesPubSubRestApi(answers: Answers): boolean {
  const { deployment, proxy } = answers;
  if (deployment.method !== 'helm') return false;
  if (!isAtLeast(effectiveRelease(answers), RELEASE_RULES.pubSubRestApiSince)) return false;
  return deployment.usePubSubRestApi ?? proxy.protocol === 'https';
}

/** Whether the Pub/Sub-over-REST choice is offered at all: Helm from 2025.2.13. */
export function offersPubSubRestApi(answers: Answers): boolean {
  return (
    answers.deployment.method === 'helm' &&
    isAtLeast(effectiveRelease(answers), RELEASE_RULES.pubSubRestApiSince)
  );
}

/** The cluster domain for Kubernetes methods: `cluster.local` unless the user set another (§V.5). */
export function clusterDomainOf(answers: Answers): string | undefined {
  return isKubernetesMethod(answers.deployment.method)
    ? (answers.deployment.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN)
    : undefined;
}
