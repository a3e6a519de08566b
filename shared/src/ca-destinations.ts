/**
 * Where CARTO reads a custom CA from, per method and release (carto-proxy-facts.md §V.2 for kots and
 * Single VM, §1(b) and §V.5 for Helm, §V.4 for Docker Compose). Kept apart from the plan so the first
 * wizard step can explain the release's consequence without loading the renderers.
 */
import type { DeploymentMethodId, RELEASE_RULES } from './catalog.ts';
import { isAtLeast } from './release-names.ts';

/** The release boundaries (the catalog's RELEASE_RULES, or the copy GET /api/catalog serves). */
export type CaReleaseRules = Readonly<
  Record<
    keyof Pick<typeof RELEASE_RULES, 'trustedCaCertsSince' | 'privateCaConfigMapSince'>,
    string
  >
>;

export type CaDestination =
  /** Docker Compose: `certs/proxy-ca.crt`, mounted at /usr/src/certs, read through NODE_EXTRA_CA_CERTS. */
  | 'compose-certs-folder'
  /** Helm from 2026.8.11: `trustedCACerts.value`. */
  | 'helm-trusted-ca-certs'
  /** Helm before 2026.8.11: `externalProxy.sslCA`. */
  | 'helm-external-proxy-ssl-ca'
  /** kots 2024.2.21 – 2025.6.10: the Admin Console file field "Proxy SSL CA". */
  | 'admin-console-proxy-ssl-ca'
  /** kots 2025.7.16 – 2026.7.16: `kubectl kots install … --private-ca-configmap NAME`. */
  | 'kots-private-ca-configmap'
  /** kots and Single VM from 2026.8.11: the Admin Console textarea "Trusted CA certificate(s)". */
  | 'admin-console-trusted-ca'
  /** Single VM, every release: the VM's trust store, before `./carto install`. */
  | 'host-trust-store';

/** The destinations in the order the user acts on them (Single VM: trust store first, then the field). */
export function caDestinations(
  method: DeploymentMethodId,
  release: string,
  rules: CaReleaseRules,
): CaDestination[] {
  const trustedCa = isAtLeast(release, rules.trustedCaCertsSince);
  switch (method) {
    case 'docker-compose':
      return ['compose-certs-folder'];
    case 'helm':
      return [trustedCa ? 'helm-trusted-ca-certs' : 'helm-external-proxy-ssl-ca'];
    case 'kots':
      if (trustedCa) return ['admin-console-trusted-ca'];
      return isAtLeast(release, rules.privateCaConfigMapSince)
        ? ['kots-private-ca-configmap']
        : ['admin-console-proxy-ssl-ca'];
    case 'single-vm':
      // "Make sure it's already configured on the host", in every release (§V.2).
      return trustedCa ? ['host-trust-store', 'admin-console-trusted-ca'] : ['host-trust-store'];
  }
}

/** One sentence per destination, for the wizard's help text. */
export const CA_DESTINATION_TEXT: Readonly<Record<CaDestination, string>> = {
  'compose-certs-folder':
    'the CA file goes in the installation’s certs/ folder, read through NODE_EXTRA_CA_CERTS',
  'helm-trusted-ca-certs': 'the CA goes in trustedCACerts.value',
  'helm-external-proxy-ssl-ca': 'the CA goes in externalProxy.sslCA',
  'admin-console-proxy-ssl-ca':
    'the CA is uploaded in the Admin Console field “Proxy SSL CA” (--private-ca-configmap is not read)',
  'kots-private-ca-configmap':
    'the CA is passed to the installer as a ConfigMap with --private-ca-configmap',
  'admin-console-trusted-ca':
    'the CA is pasted into the Admin Console field “Trusted CA certificate(s)”',
  'host-trust-store': 'the CA must be in the VM’s trust store before ./carto install',
};
