/** Warnings about the answers: what is risky, limited or chosen for the user, and why (PRODUCT.md §2). */
import { RELEASE_RULES } from '../catalog.ts';
import { inspectPem } from '../certificates.ts';
import type { Warning } from '../domain-types.ts';
import { lintNoProxy } from '../no-proxy/lint.ts';
import type { Plan } from '../plan.ts';
import { compareReleases } from '../release-names.ts';

/** D10: the YAML to paste into the Admin Console's Custom Configuration field for Pub/Sub over REST. */
export const KOTS_PUBSUB_REST_YAML = 'cartoConfigValues:\n  usePubSubRestApi: true\n';
const KOTS_PUBSUB_REST_YAML_INLINE = '`cartoConfigValues: {usePubSubRestApi: true}`';

/** What is risky, limited or chosen for the user in this plan; every condition is the plan's decision. */
export function answerWarnings(plan: Plan): Warning[] {
  const warnings: Warning[] = [];
  const { answers, facts, release } = plan;
  const { proxy } = answers;
  const offersPubSubRestApi = facts.options.pubSubRestApi.offered;

  if (plan.releaseNewerThanKnown) {
    warnings.push({
      code: 'release-newer-than-known',
      severity: 'info',
      message: `Release ${release} is newer than the newest release the wizard knows (${facts.latestRelease}): the files follow that release's rules. Check CARTO's release notes for proxy changes.`,
      path: ['deployment', 'release'],
    });
  }

  if (facts.releaseAssumed) {
    warnings.push({
      code: 'release-assumed',
      severity: 'info',
      message: `No release given: these files are written to work on every release of ${facts.label} from ${facts.proxySupport.since} on${plan.ca !== undefined && facts.caDestinations.includes('helm-external-proxy-ssl-ca') ? ' (the custom CA goes in externalProxy.sslCA, which every chart reads)' : ''}${facts.method === 'helm' && proxy.protocol === 'https' ? '; Pub/Sub over HTTPS needs your release' : ''}. Give your release (${facts.releaseHowTo}) to get its own rules.`,
      path: ['deployment', 'release'],
    });
  }

  if (proxy.protocol === 'https' && !proxy.verifyCertificate) {
    warnings.push({
      code: 'tls-verification-off',
      severity: 'warning',
      message:
        'Certificate verification of the proxy is off: anyone on the path to the proxy can read and change CARTO’s traffic. Provide the proxy’s CA instead and keep verification on.',
      path: ['proxy', 'verifyCertificate'],
    });
  }

  if (plan.ca !== undefined) {
    warnings.push({
      code: 'custom-ca-import-limitation',
      severity: 'warning',
      message:
        'Importing data through an HTTPS proxy whose certificate is signed by a custom CA is not supported by CARTO: imports may fail. Contact CARTO Support if you need it.',
      path: ['proxy', 'customCa'],
    });
  }

  if (proxy.protocol === 'https' && !plan.pubSubRestApi) {
    warnings.push({
      code: 'grpc-bypasses-https-proxy',
      severity: 'warning',
      message: offersPubSubRestApi
        ? 'Google Pub/Sub (over gRPC) cannot use an https:// proxy and connects directly instead: turn “Pub/Sub over HTTPS” back on, or have your network team allow it directly (see egress-rules.md).'
        : facts.options.pubSubRestApi.customConfiguration
          ? `Google Pub/Sub (over gRPC) cannot use an https:// proxy and connects directly instead: have your network team allow it directly (see egress-rules.md), or send Pub/Sub over HTTPS by pasting ${KOTS_PUBSUB_REST_YAML_INLINE} into the Admin Console's Custom Configuration field (see kots-proxy-setup.md).`
          : 'Google Pub/Sub (over gRPC) cannot use an https:// proxy and connects directly instead: have your network team allow it directly (see egress-rules.md), or use an http:// proxy.',
      path: offersPubSubRestApi ? ['deployment', 'usePubSubRestApi'] : ['proxy', 'protocol'],
    });
  }

  if (plan.pubSubRestApi) {
    warnings.push({
      code: 'pubsub-rest-api',
      severity: 'info',
      message:
        'Pub/Sub goes over HTTPS through the proxy (cartoConfigValues.usePubSubRestApi), so Pub/Sub needs no direct connection.',
      path: ['deployment', 'usePubSubRestApi'],
    });
  }

  if (plan.snowflakeBypass) {
    warnings.push({
      code: 'snowflake-bypass-added',
      severity: 'info',
      message:
        'Snowflake cannot go through an HTTPS proxy: .snowflakecomputing.com was added to the excluded domains and must be reachable directly on TCP 443.',
      path: ['warehouses'],
    });
  }

  const destinations = plan.ca?.destinations ?? [];
  if (facts.releaseAssumed && destinations.includes('helm-external-proxy-ssl-ca')) {
    // Covered by release-assumed: externalProxy.sslCA is read by every chart (deprecated, still
    // honoured while externalProxy.enabled from 2026.8.11-rc.2, carto-selfhosted-helm 07b7d4ec).
  } else if (
    destinations.includes('helm-trusted-ca-certs') ||
    destinations.includes('helm-external-proxy-ssl-ca')
  ) {
    warnings.push(
      destinations.includes('helm-trusted-ca-certs')
        ? {
            code: 'release-ca-key',
            severity: 'info',
            message: `Release ${release} reads custom CAs from trustedCACerts.value (externalProxy.sslCA is deprecated since ${RELEASE_RULES.trustedCaCertsSince}).`,
            path: ['deployment', 'release'],
          }
        : {
            code: 'release-ca-key',
            severity: 'info',
            message: `Release ${release} is older than ${RELEASE_RULES.trustedCaCertsSince}: the custom CA goes in externalProxy.sslCA.`,
            path: ['deployment', 'release'],
          },
    );
  }

  // kots and Single VM read the CA in a different place in each release range (§V.2).
  if (destinations.includes('admin-console-proxy-ssl-ca')) {
    warnings.push({
      code: 'release-ca-proxy-ssl-ca',
      severity: 'info',
      message: `Release ${release} is older than ${RELEASE_RULES.privateCaConfigMapSince}: upload the custom CA in the Admin Console field "Proxy SSL CA" (these releases do not read --private-ca-configmap).`,
      path: ['deployment', 'release'],
    });
  }
  if (destinations.includes('kots-private-ca-configmap')) {
    warnings.push({
      code: 'release-ca-configmap',
      severity: 'warning',
      message: `Release ${release} is older than ${RELEASE_RULES.trustedCaCertsSince}: create the CA ConfigMap and pass it to the installer with --private-ca-configmap (see kots-proxy-setup.md).`,
      path: ['deployment', 'release'],
    });
  }
  if (destinations.includes('host-trust-store')) {
    warnings.push({
      code: 'release-ca-host-trust',
      severity: 'warning',
      message: `Single VM: the custom CA must be in the VM's trust store before you run ./carto install (kots-proxy-setup.md has the commands for Debian, Ubuntu and RHEL-family hosts)${destinations.includes('admin-console-trusted-ca') ? ', and pasted into the Admin Console field "Trusted CA certificate(s)"' : ''}.`,
      path: ['proxy', 'customCa'],
    });
  } else if (destinations.includes('admin-console-trusted-ca')) {
    warnings.push({
      code: 'release-ca-key',
      severity: 'info',
      message: `Release ${release}: paste the custom CA into the Admin Console field "Trusted CA certificate(s)".`,
      path: ['deployment', 'release'],
    });
  }

  // D5: every install reads and writes its buckets through the proxy, and the Kubernetes preflight
  // checks them (BucketsValidator); from 2026.8.11-rc.2 a CORS probe fails the install (801fb701).
  const buckets: readonly string[] = ['gcs-buckets', 's3-buckets', 'azure-buckets'];
  if (!answers.services.some((id) => buckets.includes(id))) {
    warnings.push({
      code: 'no-bucket-provider',
      severity: 'warning',
      message: `No storage bucket provider chosen: every CARTO installation reads and writes its buckets (imports, exports, map assets) through this proxy${facts.method === 'docker-compose' ? '' : `, and CARTO's preflight checks them (from ${RELEASE_RULES.bucketCorsCheckSince} with a CORS probe that fails the install)`}. Choose your buckets' provider (Google Cloud Storage, AWS S3 or Azure Blob) so its hosts are allowed; without it, imports and exports fail behind an allowlist.`,
      path: ['services'],
    });
  }

  if (plan.ca !== undefined && (facts.method === 'helm' || facts.adminConsole)) {
    // D9: router-metrics mounts the proxy CA only from 2026.5.14 (carto-selfhosted-helm 17bafcac, #865).
    if (facts.releaseAssumed || compareReleases(release, RELEASE_RULES.routerMetricsCaSince) < 0) {
      warnings.push({
        code: 'router-metrics-ca',
        severity: 'warning',
        message: `${facts.releaseAssumed ? 'Before' : `Release ${release} is older than`} ${RELEASE_RULES.routerMetricsCaSince}${facts.releaseAssumed ? ',' : ':'} router-metrics does not get the custom CA (carto-selfhosted-helm 17bafcac, #865): its Pub/Sub metrics fail through this proxy. Upgrade to ${RELEASE_RULES.routerMetricsCaSince} or newer for them.`,
        path: ['deployment', 'release'],
      });
    }
    // D7: disconnected mode (2026.8.11-rc.4, 948ae353) adds auth-api and accounts-api, whose CA comes
    // only from externalProxy.sslCA (never trustedCACerts), and which get no GRPC_PROXY.
    if (
      facts.method === 'helm' &&
      !facts.releaseAssumed &&
      compareReleases(release, RELEASE_RULES.disconnectedModeSince) >= 0
    ) {
      warnings.push({
        code: 'disconnected-mode-ca',
        severity: 'info',
        message: `If you enable disconnected mode (appConfigValues.disconnected.enabled, from ${RELEASE_RULES.disconnectedModeSince}), its auth-api and accounts-api read the CA only from externalProxy.sslCA, not trustedCACerts.value (carto-selfhosted-helm 948ae353): set externalProxy.sslCA to the same CA too.`,
        path: ['proxy', 'customCa'],
      });
    }
  }

  if (facts.adminConsole) {
    warnings.push({
      code: 'kots-installer-flags',
      severity: 'info',
      message:
        'In the Admin Console the proxy host and excluded domains are read-only: they come from the installer flags. To change them later, run the installer again with new flags.',
      path: ['deployment', 'method'],
    });
  }

  return warnings;
}

/**
 * Warnings about the custom CA's certificates. They depend on the clock, so they are kept apart from
 * answerWarnings: generated files never include them and stay the same bytes over time.
 */
export function certificateWarnings(plan: Plan, now: Date): Warning[] {
  const warnings: Warning[] = [];
  if (plan.ca === undefined) return warnings;
  const inspection = inspectPem(plan.ca.pem);
  if (inspection.ok) {
    for (const [index, cert] of inspection.certificates.entries()) {
      const label = `Certificate ${index + 1} (${cert.subject})`;
      if (new Date(cert.notAfter) < now) {
        warnings.push({
          code: 'certificate-expired',
          severity: 'warning',
          message: `${label} expired on ${cert.notAfter.slice(0, 10)}: the proxy connection will fail verification.`,
          path: ['proxy', 'customCa'],
        });
      } else if (new Date(cert.notBefore) > now) {
        warnings.push({
          code: 'certificate-not-yet-valid',
          severity: 'warning',
          message: `${label} is only valid from ${cert.notBefore.slice(0, 10)}.`,
          path: ['proxy', 'customCa'],
        });
      }
      if (!cert.isCa) {
        warnings.push({
          code: 'certificate-not-ca',
          severity: 'warning',
          message: `${label} is not a CA certificate: paste the CA that signed the proxy’s certificate, not the proxy’s own certificate.`,
          path: ['proxy', 'customCa'],
        });
      }
    }
  }
  return warnings;
}

/**
 * The NO_PROXY linter's findings on the user's own entries, as render warnings. Entries the rules add
 * (localhost, .svc.cluster.local, …) come from CARTO's documentation and are not second-guessed here.
 */
export function noProxyWarnings(plan: Plan): Warning[] {
  const { answers } = plan;
  const userEntries = new Set(answers.excludedDomains);
  const warnings: Warning[] = [];
  const reports = lintNoProxy(plan.noProxy.map((e) => e.entry));
  for (const report of reports) {
    if (!userEntries.has(report.entry)) continue;
    const index = answers.excludedDomains.indexOf(report.entry);
    for (const finding of report.findings) {
      warnings.push({
        code: `no-proxy-${finding.code}`,
        severity: finding.severity,
        message: `Excluded domain ${report.entry}: ${finding.message}`,
        path: ['excludedDomains', index],
      });
    }
  }
  return warnings;
}
