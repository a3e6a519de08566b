/**
 * The body of `methodFacts` (method-facts.ts), with the catalog as an argument and no value import of
 * it: the web's first step reads the catalog GET /api/catalog served, and must not bundle the shared
 * one as a default. Everything a method and release imply is decided here, and only here.
 */
import { caDestinations, type CaDestination } from './ca-destinations.ts';
import type { AdminConsoleHostRule, CATALOG, DeploymentMethodId, Source } from './catalog.ts';
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
  /** The Admin Console's Host validation by release (absent from an older served catalog). */
  adminConsoleHostRules?: readonly AdminConsoleHostRule[];
  defaultClusterDomain: string;
  noProxyRules: typeof CATALOG.noProxyRules;
  imageRegistries: Pick<typeof CATALOG.imageRegistries, 'methods' | 'domains'>;
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
  /**
   * No release was given. The files are then written to work on every release of the method that reads
   * proxy settings (carto-release-audit.md D1): Helm's CA in externalProxy.sslCA (read by every chart,
   * still honoured after trustedCACerts, 07b7d4ec), no Pub/Sub over REST (2025.2.13-rc.3 on only),
   * Single VM's CA in the host trust store; Kots with a custom CA needs the release (three places by
   * release, none valid on all): `releaseNeededFor.customCa`.
   */
  releaseAssumed: boolean;
  /** What cannot be written for every release, so needs `deployment.release` when it is missing. */
  releaseNeededFor: { customCa: boolean };
  /** How to read the installed release for this method (asked when it is needed). */
  releaseHowTo: string;
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
    /**
     * Helm from 2025.2.13: `cartoConfigValues.usePubSubRestApi` (§V.5), `offered` as a choice. The
     * Admin Console methods from the same release (given) can set it only by hand, in the Custom
     * Configuration field, which is merged into the chart's values (D10, kots-helm.yaml since
     * dfa30bce): `customConfiguration`.
     */
    pubSubRestApi: { offered: boolean; since: string; customConfiguration: boolean };
    /** Kubernetes: the cluster domain in-cluster names end with, and its default (§V.5). */
    clusterDomain: { offered: boolean; default: string };
    /** Kubernetes: GKE Workload Identity reaches the metadata server directly. */
    gkeWorkloadIdentity: boolean;
    /** Kots: the kubernetes service ClusterIP, which NO_PROXY must hold (required there). */
    kubernetesServiceIp: boolean;
    /** Kubernetes: whether the nodes pull CARTO's images through this proxy (see `imageRegistries`). */
    imagePullsThroughProxy: boolean;
    /** Docker Compose: the Docker daemon's own proxy file, for image pulls. */
    dockerDaemonProxy: boolean;
  };
  /** Which proxy hosts the method's own configuration accepts, and how it writes them (§V.3). */
  hostRules: {
    /** Whether an IPv6 host is accepted (the Admin Console's Host regex refuses it in every release). */
    ipv6: boolean;
    /** Whether an IPv4 host is accepted (the Admin Console 2024.7.19–2025.3.19 refuses it, D3). */
    ipv4: boolean;
    /** Whether `_` in a host name is accepted (the Admin Console refuses it from 2025.4.9, D3). */
    underscore: boolean;
    /**
     * Kots and Single VM: the Admin Console Host validations that apply: the given release's, or, with
     * no release, every one from the method's first proxy release on (the URL must pass them all).
     */
    adminConsole: AdminConsoleHostRule[];
    /** The file writes the host alone, so an IPv6 host is bracketed there (Helm's `printf "%s://%s:%d"`). */
    bracketIpv6: boolean;
  };
  /**
   * Whether CARTO reaches Google Pub/Sub at pubsub.googleapis.com through the proxy (D2): Kots and
   * Single VM before 2025.9.11-rc.1 (no pubsubDomain in the license's values yet, PR #750), or with no
   * release; Helm on every release unless the customer's values set cartoConfigValues.pubsubDomain
   * (chart default "", values.yaml). Docker Compose has it in its core list already.
   */
  pubSubGoogleapis: { needed: boolean; reason: string };
  /**
   * What the allowlist gains when the nodes pull images through this proxy: Helm's registries (gcr.io,
   * us-docker.pkg.dev, Docker Hub for the internal PostgreSQL); none for Kots, which rewrites every image
   * to registry.self-hosted.carto.com, already allowed (D11), nor for methods that pull through hosts
   * their core list already has.
   */
  imageRegistries: readonly string[];
  /** The file the method's proxy settings are in (the first one the preview shows). */
  mainFile: string;
  /** The NO_PROXY entries the method always needs, in the given cluster domain (default: the chart's). */
  requiredNoProxy: (clusterDomain?: string) => NoProxyEntry[];
}

/**
 * A rule's pattern as a RegExp. 9c5b66ba's `([a-zA-Z0-9_\-.]+)+` nests quantifiers, which backtracks
 * exponentially on a long non-matching host; `(X+)+` matches exactly what `(X+)` matches, so it is
 * read that way.
 */
export function adminConsoleRegExp(pattern: string): RegExp {
  return new RegExp(pattern.replace(/\((\[[^\]]+\])\+\)\+/g, '($1+)'));
}

/** The first rule that refuses `url` (the installer's --http-proxy value), if any. */
export function adminConsoleRefusal(
  rules: readonly AdminConsoleHostRule[],
  url: string,
): AdminConsoleHostRule | undefined {
  return rules.find((r) => r.pattern !== null && !adminConsoleRegExp(r.pattern).test(url));
}

/** The Admin Console Host rules in force: the given release's, or every one from `floor` on. */
function adminConsoleRulesAt(
  rules: readonly AdminConsoleHostRule[],
  release: string | undefined,
  floor: string,
): AdminConsoleHostRule[] {
  if (release === undefined) return rules.filter((r) => compareReleases(r.to, floor) >= 0);
  const containing = rules.find(
    (r) => compareReleases(release, r.from) >= 0 && compareReleases(release, r.to) <= 0,
  );
  if (containing) return [containing];
  // A release between two read ones (a hotfix) or newer than all: the rule read just before it.
  const before = rules.filter((r) => compareReleases(r.from, release) <= 0);
  const last = before.reduce<AdminConsoleHostRule | undefined>(
    (acc, r) => (acc === undefined || compareReleases(r.to, acc.to) > 0 ? r : acc),
    undefined,
  );
  return last ? [last] : [];
}

function pubSubGoogleapisOf(
  method: DeploymentMethodId,
  release: string | undefined,
  customDomainSince: string,
): MethodFacts['pubSubGoogleapis'] {
  if (method === 'helm') {
    return {
      needed: true,
      reason:
        'Google Pub/Sub: the chart’s cartoConfigValues.pubsubDomain is empty by default (every release), so Pub/Sub goes to pubsub.googleapis.com; if your CARTO values set it, that host (under *.self-hosted.carto.com) is used instead',
    };
  }
  if (method === 'kots' || method === 'single-vm') {
    const before = release === undefined || !isAtLeast(release, customDomainSince);
    return {
      needed: before,
      reason: `Google Pub/Sub: releases before ${customDomainSince} have no custom Pub/Sub domain and call pubsub.googleapis.com${release === undefined ? ' (no release given)' : ''}`,
    };
  }
  return { needed: false, reason: '' };
}

/** The release as given, when it is one; a blank or half-typed one counts as not given. */
export function givenReleaseOf(release: string | undefined): string | undefined {
  const trimmed = release?.trim();
  return trimmed !== undefined && parseRelease(trimmed) !== undefined ? trimmed : undefined;
}

/** Where a custom CA goes when no release is given: the place every release reads (D1); none for Kots. */
const EVERY_RELEASE_CA: Readonly<Record<DeploymentMethodId, CaDestination[]>> = {
  'docker-compose': ['compose-certs-folder'],
  helm: ['helm-external-proxy-ssl-ca'],
  kots: [],
  'single-vm': ['host-trust-store'],
};

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
  const adminConsoleRules = adminConsole
    ? adminConsoleRulesAt(catalog.adminConsoleHostRules ?? [], givenRelease, support.release)
    : [];
  const accepts = (url: string) => adminConsoleRefusal(adminConsoleRules, url) === undefined;
  return {
    method,
    label: entry.label,
    kubernetes,
    adminConsole,
    givenRelease,
    release: inForce,
    releaseAssumed: givenRelease === undefined,
    releaseNeededFor: { customCa: givenRelease === undefined && method === 'kots' },
    releaseHowTo: entry.releaseHowTo,
    latestRelease: catalog.releases.latest,
    releaseNewerThanKnown: compareReleases(inForce, catalog.releases.latest) > 0,
    proxySupport: {
      supported: isAtLeast(inForce, support.release),
      since: support.release,
      reason: support.reason,
      source: support.source,
    },
    caDestinations:
      givenRelease === undefined
        ? EVERY_RELEASE_CA[method]
        : caDestinations(method, inForce, rules),
    caFile: method === 'docker-compose' ? DOCKER_CA_FILE : 'proxy-ca.crt',
    options: {
      pubSubRestApi: {
        // Not with a missing release: on a chart before it the key is silently ignored (D1).
        offered:
          method === 'helm' &&
          givenRelease !== undefined &&
          isAtLeast(givenRelease, rules.pubSubRestApiSince),
        since: rules.pubSubRestApiSince,
        customConfiguration:
          adminConsole &&
          givenRelease !== undefined &&
          isAtLeast(givenRelease, rules.pubSubRestApiSince),
      },
      clusterDomain: { offered: kubernetes, default: catalog.defaultClusterDomain },
      gkeWorkloadIdentity: kubernetes,
      kubernetesServiceIp: method === 'kots',
      imagePullsThroughProxy: kubernetes,
      dockerDaemonProxy: method === 'docker-compose',
    },
    hostRules: {
      ipv6: !adminConsole && accepts('http://[fd00::10]:3128'),
      ipv4: accepts('http://10.0.0.5:3128'),
      underscore: accepts('http://proxy_1.corp.example:3128'),
      adminConsole: adminConsoleRules,
      bracketIpv6: method === 'helm',
    },
    pubSubGoogleapis: pubSubGoogleapisOf(method, givenRelease, rules.kotsPubSubDomainSince),
    imageRegistries: catalog.imageRegistries.methods.includes(method)
      ? catalog.imageRegistries.domains
      : [],
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
