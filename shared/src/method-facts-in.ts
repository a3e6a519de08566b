/**
 * The body of `methodFacts` (method-facts.ts), with the catalog as an argument and no value import of
 * it: the web's first step reads the catalog GET /api/catalog served, and must not bundle the shared
 * one as a default. Everything a method and release imply is decided here, and only here.
 */
import { caDestinations, type CaDestination } from './ca-destinations.ts';
import type { CATALOG, DeploymentMethodId, Source } from './catalog.ts';
import type { NoProxyEntry } from './domain-types.ts';
import { compareReleases, isAtLeast, parseRelease } from './release-names.ts';

export type { CaDestination };

/** The parts of the catalog the facts read: the shared CATALOG, or the copy the API served. */
export interface FactsCatalog {
  deploymentMethods: typeof CATALOG.deploymentMethods;
  releases: {
    latest: string;
    rules: Readonly<Record<keyof typeof CATALOG.releases.rules, string>>;
  };
  proxySupportSince: typeof CATALOG.proxySupportSince;
  defaultClusterDomain: string;
  noProxyRules: typeof CATALOG.noProxyRules;
}

export interface MethodFacts {
  method: DeploymentMethodId;
  /** The method's name in the wizard. */
  label: string;
  /** CARTO runs inside a Kubernetes cluster (Helm, Kots): in-cluster names, cluster domain, GKE. */
  kubernetes: boolean;
  /** Set up with the installer's flags and the Admin Console (Kots, Single VM), where they are read-only. */
  adminConsole: boolean;
  /** The release as given, when it is one (`YYYY.M.D`); undefined when blank or not (yet) a release. */
  givenRelease: string | undefined;
  /** The release the files are written for: the given one, or the newest the catalog knows. */
  release: string;
  /** No release was given: the newest known release's rules apply. */
  releaseAssumed: boolean;
  /** The newest release the catalog knows. */
  latestRelease: string;
  /** The given release is newer than the newest known: the newest known rules apply. */
  releaseNewerThanKnown: boolean;
  /** Whether the release in force reads proxy settings at all (§V.1), and from which release on. */
  proxySupport: { supported: boolean; since: string; reason: string; source: Source };
  /** Where a custom CA goes on this release, in the order the user acts on them (§V.2). */
  caDestinations: CaDestination[];
  /** The CA's name in the downloads (Docker Compose: in the installation's certs/ folder). */
  caFile: string;
  /** The choices this method and release offer beyond the proxy itself. */
  options: {
    /** Helm from 2025.2.13: `cartoConfigValues.usePubSubRestApi` (§V.5). */
    pubSubRestApi: { offered: boolean; since: string };
    /** Kubernetes: the cluster domain in-cluster names end with, and its default (§V.5). */
    clusterDomain: { offered: boolean; default: string };
    /** Kubernetes: GKE Workload Identity reaches the metadata server directly. */
    gkeWorkloadIdentity: boolean;
    /** Kots: the kubernetes service ClusterIP, which NO_PROXY must hold (required there). */
    kubernetesServiceIp: boolean;
    /** Kubernetes: whether the nodes pull CARTO's images through this proxy. */
    imagePullsThroughProxy: boolean;
    /** Docker Compose: the Docker daemon's own proxy file, for image pulls. */
    dockerDaemonProxy: boolean;
  };
  /** Which proxy hosts the method's own configuration accepts, and how it writes them (§V.3). */
  hostRules: {
    /** The Admin Console's Host regex refuses IPv6 addresses (Kots, Single VM). */
    ipv6: boolean;
    /** The Admin Console's Host regex refuses `_` (Kots, Single VM). */
    underscore: boolean;
    /** The file writes the host alone, so an IPv6 host is bracketed there (Helm's `printf "%s://%s:%d"`). */
    bracketIpv6: boolean;
  };
  /** The file the method's proxy settings are in (the first one the preview shows). */
  mainFile: string;
  /** The NO_PROXY entries the method always needs, in the given cluster domain (default: the chart's). */
  requiredNoProxy: (clusterDomain?: string) => NoProxyEntry[];
}

/** The release as given, when it is one; a blank or half-typed one counts as not given. */
function givenReleaseOf(release: string | undefined): string | undefined {
  const trimmed = release?.trim();
  return trimmed !== undefined && parseRelease(trimmed) !== undefined ? trimmed : undefined;
}

/** The ConfigMap kots 2025.7.16 – 2026.7.16 reads a private CA from (key ca_0.crt, chart PR #737). */
export const KOTS_CA_CONFIGMAP = 'carto-proxy-ca';
/** Where the installation's ./certs folder is mounted in CARTO's containers (docker-compose.yml). */
export const DOCKER_CERTS_MOUNT = '/usr/src/certs';
/** The CA file of a Docker Compose download: it goes in the installation's ./certs folder. */
export const DOCKER_CA_FILE = 'certs/proxy-ca.crt';

/**
 * The facts of `method` on `release` (blank, undefined or not a release: the newest known one), from
 * `catalog`. `methodFacts` (method-facts.ts) is the same with the shared catalog as the default.
 */
export function methodFactsIn(
  catalog: FactsCatalog,
  method: DeploymentMethodId,
  release: string | undefined,
): MethodFacts {
  const entry = catalog.deploymentMethods.find((m) => m.id === method);
  if (entry === undefined) throw new Error(`Unknown deployment method: ${String(method)}`);
  const rules = catalog.releases.rules;
  const givenRelease = givenReleaseOf(release);
  const inForce = givenRelease ?? catalog.releases.latest;
  const support = catalog.proxySupportSince[method];
  const kubernetes = entry.kubernetes;
  const adminConsole = method === 'kots' || method === 'single-vm';
  const noProxyRules = catalog.noProxyRules;
  return {
    method,
    label: entry.label,
    kubernetes,
    adminConsole,
    givenRelease,
    release: inForce,
    releaseAssumed: givenRelease === undefined,
    latestRelease: catalog.releases.latest,
    releaseNewerThanKnown: compareReleases(inForce, catalog.releases.latest) > 0,
    proxySupport: {
      supported: isAtLeast(inForce, support.release),
      since: support.release,
      reason: support.reason,
      source: support.source,
    },
    caDestinations: caDestinations(method, inForce, rules),
    caFile: method === 'docker-compose' ? DOCKER_CA_FILE : 'proxy-ca.crt',
    options: {
      pubSubRestApi: {
        offered: method === 'helm' && isAtLeast(inForce, rules.pubSubRestApiSince),
        since: rules.pubSubRestApiSince,
      },
      clusterDomain: { offered: kubernetes, default: catalog.defaultClusterDomain },
      gkeWorkloadIdentity: kubernetes,
      kubernetesServiceIp: method === 'kots',
      imagePullsThroughProxy: kubernetes,
      dockerDaemonProxy: method === 'docker-compose',
    },
    hostRules: { ipv6: !adminConsole, underscore: !adminConsole, bracketIpv6: method === 'helm' },
    mainFile: entry.mainOutput,
    requiredNoProxy: (clusterDomain = catalog.defaultClusterDomain) => {
      const entries: NoProxyEntry[] = [];
      const add = (list: readonly string[], rule: { reason: string; source: Source }) => {
        for (const item of list)
          entries.push({ entry: item, reason: rule.reason, source: rule.source });
      };
      add(noProxyRules.localhost.entries, noProxyRules.localhost);
      // The Compose counterpart of .svc.cluster.local (carto-proxy-facts.md §V.4).
      if (method === 'docker-compose')
        add(noProxyRules.composeServices.entries, noProxyRules.composeServices);
      // `.svc.<clusterDomain>`: every in-cluster name ends with it (carto-proxy-facts.md §V.5).
      if (kubernetes) add([`.svc.${clusterDomain}`], noProxyRules.kubernetes);
      return entries;
    },
  };
}
