/**
 * The plan: one place that decides, for validated answers, what goes where — the release the files are
 * written for, the proxy URL and the host as each method writes it, the NO_PROXY entries with their
 * reasons, the allowlist, the egress rules, where the custom CA goes, and the optional chart values.
 * Every renderer only formats a plan, so two files can never disagree about a rule, and tests can assert
 * on the decisions apart from the bytes. What the method and release alone imply comes from
 * `methodFacts` (method-facts.ts); the plan adds what the rest of the answers decide.
 * Facts: ../shared/reference/carto-proxy-facts.md §V.
 */
import type { Answers } from './answers.ts';
import type { CaDestination } from './ca-destinations.ts';
import type { DeploymentMethodId } from './catalog.ts';
import { normalizedCaPem } from './certificates.ts';
import type { AllowlistEntry, EgressRule, NoProxyEntry } from './domain-types.ts';
import { hostForUrl, isIPv6, proxyUrl } from './host.ts';
import { methodFacts, type MethodFacts } from './method-facts.ts';
import { allowlistEntries } from './rules/allowlist.ts';
import { egressRules } from './rules/egress.ts';
import { noProxyEntries, snowflakeBypassesProxy } from './rules/no-proxy.ts';

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
  /** What the method and release imply (the release in force, CA destinations, options offered, …). */
  facts: MethodFacts;
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
  /** Snowflake is chosen and cannot use this proxy (HTTPS): it is excluded and reached directly. */
  snowflakeBypass: boolean;
  allowlist: AllowlistEntry[];
  egress: EgressRule[];
  ca?: CaPlan;
  /**
   * HTTPS proxies: whether CARTO checks the proxy's certificate, written as NODE_TLS_REJECT_UNAUTHORIZED
   * (`1`/`0`, Docker Compose), `externalProxy.sslRejectUnauthorized` (Helm) or the Admin Console's "SSL
   * certificate checks" (Kots). Undefined for HTTP proxies, where no file sets it (§1(c)).
   */
  rejectUnauthorized?: boolean;
  /** Helm: write `cartoConfigValues.usePubSubRestApi: true` (Pub/Sub over HTTPS, through the proxy). */
  pubSubRestApi: boolean;
  /** Docker Compose: the Docker daemon's own proxy settings (docker-daemon-proxy.conf), for image pulls. */
  dockerDaemonProxy: boolean;
}

/** The custom CA, when one applies: an HTTPS proxy with a non-empty CA. */
function caPlanOf(answers: Answers, facts: MethodFacts): CaPlan | undefined {
  const ca = answers.proxy.customCa;
  if (answers.proxy.protocol !== 'https' || ca === undefined || ca.trim() === '') return undefined;
  return { pem: normalizedCaPem(ca), file: facts.caFile, destinations: facts.caDestinations };
}

/**
 * Whether Helm writes `cartoConfigValues.usePubSubRestApi: true` (carto-proxy-facts.md §V.5): Pub/Sub
 * over HTTPS, which goes through an HTTPS proxy, where gRPC cannot. On by default with an HTTPS proxy
 * where it is offered (Helm from 2025.2.13); the user can turn it off (or on with an HTTP proxy).
 */
function usesPubSubRestApi(answers: Answers, facts: MethodFacts): boolean {
  if (!facts.options.pubSubRestApi.offered) return false;
  return answers.deployment.usePubSubRestApi ?? answers.proxy.protocol === 'https';
}

/** NODE_TLS_REJECT_UNAUTHORIZED as Node reads it (the chart: `ternary "1" "0" sslRejectUnauthorized`). */
export function nodeTlsRejectUnauthorized(reject: boolean): '1' | '0' {
  return reject ? '1' : '0';
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
  const facts = methodFacts(deployment.method, deployment.release);
  const clusterDomain = facts.options.clusterDomain.offered
    ? (deployment.clusterDomain ?? facts.options.clusterDomain.default)
    : undefined;
  const pubSubRestApi = usesPubSubRestApi(answers, facts);
  const snowflakeBypass = snowflakeBypassesProxy(answers);
  const noProxy = noProxyEntries(answers, facts, { clusterDomain, snowflakeBypass });
  const plan: Plan = {
    answers,
    method: deployment.method,
    facts,
    release: facts.release,
    releaseNewerThanKnown: facts.releaseNewerThanKnown,
    proxyUrl: proxyUrl(proxy),
    configHost:
      facts.hostRules.bracketIpv6 && isIPv6(proxy.host) ? hostForUrl(proxy.host) : proxy.host,
    noProxy,
    noProxyValue: noProxy.map((e) => e.entry).join(','),
    snowflakeBypass,
    allowlist: allowlistEntries(answers),
    egress: egressRules(answers, pubSubRestApi),
    pubSubRestApi,
    dockerDaemonProxy: facts.options.dockerDaemonProxy,
  };
  if (clusterDomain !== undefined) plan.clusterDomain = clusterDomain;
  if (proxy.protocol === 'https') plan.rejectUnauthorized = proxy.verifyCertificate;
  const ca = caPlanOf(answers, facts);
  if (ca !== undefined) plan.ca = ca;
  return plan;
}
