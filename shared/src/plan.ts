/**
 * The plan: one place that decides, for validated answers, what goes where — the release the files are
 * written for, the proxy URL and the host as each method writes it, the NO_PROXY entries with their
 * reasons, the allowlist, the egress rules, where the custom CA goes, and the optional chart values.
 * Every renderer only formats a plan, so two files can never disagree about a rule, and tests can assert
 * on the decisions apart from the bytes. Facts: ../shared/reference/carto-proxy-facts.md §V.
 */
import type { Answers } from './answers.ts';
import { caDestinations, type CaDestination } from './ca-destinations.ts';
import { LATEST_RELEASE, RELEASE_RULES, type DeploymentMethodId } from './catalog.ts';
import { normalizedCaPem } from './certificates.ts';
import { hostForUrl, isIPv6, proxyUrl } from './host.ts';
import { compareReleases } from './release.ts';
import { allowlistEntries } from './rules/allowlist.ts';
import { egressRules } from './rules/egress.ts';
import { noProxyEntries } from './rules/no-proxy.ts';
import { clusterDomainOf, effectiveRelease, usesPubSubRestApi } from './rules/release.ts';
import type { AllowlistEntry, EgressRule, NoProxyEntry } from './render/types.ts';

export type { CaDestination };

export interface CaPlan {
  /** The certificates as every file writes them (normalised PEM, one final newline). */
  pem: string;
  /** The CA's name in the downloads. */
  file: string;
  destinations: CaDestination[];
}

export interface Plan {
  answers: Answers;
  method: DeploymentMethodId;
  /** The release the files are written for: the user's, or the newest the catalog knows. */
  release: string;
  /** The user's release is newer than the newest the catalog knows: the newest known rules apply. */
  releaseNewerThanKnown: boolean;
  /** `http://host:port` (IPv6 bracketed), as every client reads it. */
  proxyUrl: string;
  /**
   * The host as the method's own file writes it. Helm builds the URL with `printf "%s://%s:%d"`, so an
   * IPv6 host is written bracketed there (§V.3); the other methods write the whole URL.
   */
  configHost: string;
  /** Kubernetes only: the cluster domain in-cluster names end with (`.svc.<clusterDomain>`). */
  clusterDomain?: string;
  noProxy: NoProxyEntry[];
  /** The list as every output writes it: comma-joined, no spaces (curl ≥ 8.9 stops at a space). */
  noProxyValue: string;
  allowlist: AllowlistEntry[];
  egress: EgressRule[];
  ca?: CaPlan;
  /** Helm: write `cartoConfigValues.usePubSubRestApi: true` (Pub/Sub over HTTPS, through the proxy). */
  pubSubRestApi: boolean;
  /** Docker Compose: the Docker daemon's own proxy settings (docker-daemon-proxy.conf), for image pulls. */
  dockerDaemonProxy: boolean;
}

/** The ConfigMap kots 2025.7.16 – 2026.7.16 reads a private CA from (key ca_0.crt, chart PR #737). */
export const KOTS_CA_CONFIGMAP = 'carto-proxy-ca';
/** Where the installation's ./certs folder is mounted in CARTO's containers (docker-compose.yml). */
export const DOCKER_CERTS_MOUNT = '/usr/src/certs';
export const DOCKER_CA_FILE = 'certs/proxy-ca.crt';

function caPlanOf(answers: Answers, release: string): CaPlan | undefined {
  const ca = answers.proxy.customCa;
  if (answers.proxy.protocol !== 'https' || ca === undefined || ca.trim() === '') return undefined;
  const method = answers.deployment.method;
  return {
    pem: normalizedCaPem(ca),
    file: method === 'docker-compose' ? DOCKER_CA_FILE : 'proxy-ca.crt',
    destinations: caDestinations(method, release, RELEASE_RULES),
  };
}

const plans = new WeakMap<Answers, Plan>();

/** The plan for these answers; computed once per answers object, however many files ask. */
export function planFor(answers: Answers): Plan {
  let plan = plans.get(answers);
  if (plan === undefined) {
    plan = computePlan(answers);
    plans.set(answers, plan);
  }
  return plan;
}

function computePlan(answers: Answers): Plan {
  const { deployment, proxy } = answers;
  const release = effectiveRelease(answers);
  const noProxy = noProxyEntries(answers);
  const plan: Plan = {
    answers,
    method: deployment.method,
    release,
    releaseNewerThanKnown: compareReleases(release, LATEST_RELEASE) > 0,
    proxyUrl: proxyUrl(proxy),
    configHost:
      deployment.method === 'helm' && isIPv6(proxy.host) ? hostForUrl(proxy.host) : proxy.host,
    noProxy,
    noProxyValue: noProxy.map((e) => e.entry).join(','),
    allowlist: allowlistEntries(answers),
    egress: egressRules(answers),
    pubSubRestApi: usesPubSubRestApi(answers),
    dockerDaemonProxy: deployment.method === 'docker-compose',
  };
  const clusterDomain = clusterDomainOf(answers);
  if (clusterDomain !== undefined) plan.clusterDomain = clusterDomain;
  const ca = caPlanOf(answers, release);
  if (ca !== undefined) plan.ca = ca;
  return plan;
}
