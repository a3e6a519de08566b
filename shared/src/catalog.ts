import {
  CARTO_FACTS,
  findFacts,
  holdsSince,
  newestFinalRead,
  newestRead,
} from './facts/release-facts.ts';

/**
 * The catalog: every deployment method, release rule, warehouse, optional service and domain the wizard
 * knows, each with the source it comes from. Facts: ../shared/reference/carto-proxy-facts.md (§1–§3).
 * Served as is by GET /api/catalog.
 */

export interface Source {
  title: string;
  url: string;
}

export const SOURCES = {
  proxyDocs: {
    title: 'CARTO docs: Configure a forward proxy',
    url: 'https://docs.carto.com/carto-self-hosted/configuration/networking/configure-an-external-proxy',
  },
  proxyDocsKots: {
    title: 'CARTO docs: Configure an external proxy (Kots)',
    url: 'https://docs.carto.com/carto-self-hosted/guides/guides/configure-an-external-proxy',
  },
  proxyDocsHelm: {
    title: 'CARTO docs: Configure an external proxy (Helm)',
    url: 'https://docs.carto.com/carto-self-hosted/guides/guides-helm/configure-an-external-proxy',
  },
  proxyDocsLegacy: {
    title: 'CARTO docs: Configure an external proxy (legacy Docker Compose)',
    url: 'https://docs.carto.com/carto-self-hosted/carto-self-hosted-legacy/guides/configure-an-external-proxy',
  },
  egress: {
    title: 'CARTO docs: Network egress requirements',
    url: 'https://docs.carto.com/carto-self-hosted/planning/prerequisites/network/egress',
  },
  legacyWhitelist: {
    title: 'carto-selfhosted: proxy/config/whitelisted_domains.md (2023–2024)',
    url: 'https://github.com/CartoDB/carto-selfhosted/blob/306e122/proxy/config/whitelisted_domains.md',
  },
  helmValues: {
    title: 'carto-selfhosted-helm: chart/values.yaml (externalProxy, trustedCACerts)',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/blob/main/chart/values.yaml',
  },
  helmTrustedCa: {
    title: 'carto-selfhosted-helm PR #894: trustedCACerts replaces externalProxy.sslCA',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/pull/894',
  },
  kotsFullSupport: {
    title:
      'carto-selfhosted-helm PR #737: full HTTP and HTTPS proxy support with KOTS (2025-07-16)',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/pull/737',
  },
  dockerInstall: {
    title: 'carto-selfhosted: install.sh builds .env from customer.env',
    url: 'https://github.com/CartoDB/carto-selfhosted/blob/master/install.sh',
  },
  helmProxyIntroduced: {
    title: 'carto-selfhosted-helm PR #345: externalProxy values (2023-05-12, release 2023.5.12)',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/pull/345',
  },
  composeProxyIntroduced: {
    title: 'carto-selfhosted f530a63: proxy documentation for Docker Compose (release 2023.5.12)',
    url: 'https://github.com/CartoDB/carto-selfhosted/commit/f530a63',
  },
  kotsProxyItems: {
    title:
      'carto-selfhosted-helm PR #467: Admin Console proxy items in "Advanced Config" (2024-02-14)',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/pull/467',
  },
  kotsConfig: {
    title: 'carto-selfhosted-helm: manifests/kots-config.yaml (group "Advanced Config")',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/blob/main/manifests/kots-config.yaml',
  },
  pubSubRestApi: {
    title: 'carto-selfhosted-helm PR #667: cartoConfigValues.usePubSubRestApi (2025.2.13)',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/pull/667',
  },
  helmClusterDomain: {
    title: 'carto-selfhosted-helm: chart/values.yaml (clusterDomain builds every in-cluster name)',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/blob/main/chart/values.yaml',
  },
  composeEnvTemplate: {
    title: 'carto-selfhosted: env.tpl (services call each other by compose service name)',
    url: 'https://github.com/CartoDB/carto-selfhosted/blob/master/env.tpl',
  },
  dockerDaemonProxy: {
    title: 'Docker docs: Daemon proxy configuration',
    url: 'https://docs.docker.com/engine/daemon/proxy/',
  },
  dockerAllowlist: {
    title: 'Docker docs: the hosts Docker Hub pulls use (registry, auth, blob CDN)',
    url: 'https://docs.docker.com/desktop/setup/allow-list/',
  },
  composeFile: {
    title: 'carto-selfhosted: docker-compose.yml (services, images, the valkey alias redis)',
    url: 'https://github.com/CartoDB/carto-selfhosted/blob/master/docker-compose.yml',
  },
  helmKotsRegistry: {
    title:
      'carto-selfhosted-helm: manifests/kots-helm.yaml (every image from registry.self-hosted.carto.com/proxy/…)',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/blob/main/manifests/kots-helm.yaml',
  },
  aiPrerequisites: {
    title: 'CARTO docs: Configure CARTO AI prerequisites (AI provider domains)',
    url: 'https://docs.carto.com/carto-self-hosted/configuration/ai-features/configure-carto-ai-prerequisites',
  },
  helmAiApi: {
    title:
      'carto-selfhosted-helm eee8b108 (#916): ai-api calls the accounts and data-catalog APIs (2026.8.11-rc.2)',
    url: 'https://github.com/CartoDB/carto-selfhosted-helm/commit/eee8b108',
  },
  composeWarehouses: {
    title: 'carto-selfhosted: env.tpl (WAREHOUSE_PROVIDERS_FABRIC, WAREHOUSE_PROVIDERS_ORACLE)',
    url: 'https://github.com/CartoDB/carto-selfhosted/blob/master/env.tpl',
  },
  grpcJsProxy: {
    title: 'grpc-js: only http:// proxies are supported (packages/grpc-js/src/http_proxy.ts)',
    url: 'https://github.com/grpc/grpc-node/blob/master/packages/grpc-js/src/http_proxy.ts',
  },
} as const satisfies Record<string, Source>;

export const DEPLOYMENT_METHOD_IDS = ['docker-compose', 'helm', 'kots', 'single-vm'] as const;
export type DeploymentMethodId = (typeof DEPLOYMENT_METHOD_IDS)[number];

export interface DeploymentMethod {
  id: DeploymentMethodId;
  label: string;
  description: string;
  mainOutput: string;
  kubernetes: boolean;
  /** Where the installed CARTO release can be read (issue 18, item 1: asked when it decides the files). */
  releaseHowTo: string;
  source: Source;
}

export const DEPLOYMENT_METHODS: readonly DeploymentMethod[] = [
  {
    id: 'docker-compose',
    // Two single-host installs exist: this legacy one and the installer's (single-vm). The labels and
    // descriptions each name the other, so nobody picks the wrong one (issue 11, item 16).
    label: 'Docker Compose (legacy single VM)',
    description:
      'The legacy single-VM installation: docker-compose with a customer.env file. Installed with ./carto install? Choose Single VM instead.',
    mainOutput: 'customer.env.proxy',
    releaseHowTo:
      'CARTO_SELFHOSTED_VERSION in the installation’s .env (grep CARTO_SELFHOSTED_VERSION .env), or the VERSION file of the carto-selfhosted checkout',
    kubernetes: false,
    source: SOURCES.proxyDocsLegacy,
  },
  {
    id: 'helm',
    label: 'Kubernetes with Helm',
    description: 'Your own Kubernetes cluster, installed with Helm and a customizations.yaml file.',
    mainOutput: 'customizations.proxy.yaml',
    releaseHowTo: 'the APP VERSION column of `helm list -n <namespace>` (the chart’s appVersion)',
    kubernetes: true,
    source: SOURCES.proxyDocsHelm,
  },
  {
    id: 'kots',
    label: 'Kubernetes with the Admin Console (Kots)',
    releaseHowTo:
      'the version the Admin Console shows (Dashboard or Version history), or `kubectl kots get versions carto -n <namespace>`',
    description: 'Your own Kubernetes cluster, installed and configured through the Admin Console.',
    mainOutput: 'kots-proxy-setup.md',
    kubernetes: true,
    source: SOURCES.proxyDocsKots,
  },
  {
    id: 'single-vm',
    label: 'Single VM (./carto install)',
    releaseHowTo: 'the version the Admin Console shows (Dashboard or Version history)',
    description:
      'The current single-VM installation, made with the CARTO installer (./carto install, an embedded Kots cluster). Not Docker Compose.',
    mainOutput: 'kots-proxy-setup.md',
    kubernetes: false,
    source: SOURCES.proxyDocs,
  },
];

/**
 * The proxy guide for the chosen deployment method, which every step links (Docker Compose gets the
 * legacy page, not Helm's; issue 11, item 12). The general page until a method is chosen.
 */
export function proxyGuideFor(
  method: string,
  methods: readonly { id: string; source: Source }[] = DEPLOYMENT_METHODS,
): Source {
  return methods.find((m) => m.id === method)?.source ?? SOURCES.proxyDocs;
}

/**
 * The first release of each method with proxy support at all (carto-proxy-facts.md §V.1): an older
 * release silently ignores the proxy settings, so the wizard refuses it instead of rendering.
 */
export const PROXY_SUPPORT_SINCE: Readonly<
  Record<DeploymentMethodId, { release: string; reason: string; source: Source }>
> = {
  'docker-compose': {
    release: '2023.5.12',
    reason: 'Docker Compose installations read the proxy variables from release 2023.5.12 on.',
    source: SOURCES.composeProxyIntroduced,
  },
  helm: {
    release: '2023.5.12',
    reason:
      'the chart has externalProxy from release 2023.5.12 (chart 1.45) on; older charts ignore it.',
    source: SOURCES.helmProxyIntroduced,
  },
  kots: {
    release: '2024.2.21',
    reason: 'the Admin Console has its proxy items from release 2024.2.21 on.',
    source: SOURCES.kotsProxyItems,
  },
  'single-vm': {
    release: '2025.7.16',
    reason: 'Single VM (./carto install) supports a proxy from release 2025.7.16 on.',
    source: SOURCES.kotsFullSupport,
  },
};

/** The first release (rc included) in which CARTO's repository has a fact, read from carto-facts.json. */
function since(
  what: string,
  section: 'helm' | 'compose',
  kind: string,
  match: Record<string, unknown>,
): string {
  const found = holdsSince(section, kind, match);
  if (!found)
    throw new Error(`carto-facts.json no longer has ${what}: run the release-facts tests`);
  return found.release;
}

/**
 * Release boundaries that change what the wizard writes. Each is the first release whose tag has the
 * fact in CARTO's repository (carto-facts.json, `npm run facts:sync`), rc builds included: the 2026.8.11
 * line has trustedCACerts from rc.2 on (07b7d4ec, chart 1.281.10), and there is no final 2026.8.11 yet.
 */
export const RELEASE_RULES = {
  /** Single VM (embedded cluster) supports a proxy from this release on (chart PR #737, 2025-07-16). */
  singleVmProxySince: PROXY_SUPPORT_SINCE['single-vm'].release,
  /**
   * From this release on kots reads a private CA from `--private-ca-configmap` (the hidden Admin Console
   * item externalProxyCAConfigmapName = PrivateCACert); before it, from the file field "Proxy SSL CA".
   */
  privateCaConfigMapSince: since('the PrivateCACert item', 'helm', 'kots-item', {
    name: 'externalProxyCAConfigmapName',
  }),
  /** `cartoConfigValues.usePubSubRestApi` exists from this chart release on (PR #667). */
  pubSubRestApiSince: since('usePubSubRestApi', 'helm', 'values-key', {
    key: 'cartoConfigValues.usePubSubRestApi',
  }),
  /** `trustedCACerts.value` and the Admin Console "Trusted CA certificate(s)" field exist from this release on (PR #894). */
  trustedCaCertsSince: since('trustedCACerts.value', 'helm', 'values-key', {
    key: 'trustedCACerts.value',
  }),
  /**
   * Kots (and Single VM) reach Pub/Sub through pubsub.self-hosted.carto.com from this release on: the
   * license's production environment sets `pubsubDomain` (PR #750, ba95bf39). Before it, through
   * pubsub.googleapis.com (carto-release-audit.md D2).
   */
  kotsPubSubDomainSince: since('the Kots pubsubDomain', 'helm', 'kots-derived-value', {
    environment: 'production',
    key: 'pubsubDomain',
  }),
  /**
   * router-metrics mounts the proxy CA from this release on (PR #865, 17bafcac, first final chart 1.266.1);
   * before it, it fails to verify an intercepting proxy's certificate (D9). Hand-written: the mount is a
   * container-level change the extractor does not read.
   */
  routerMetricsCaSince: '2026.5.14',
  /** Disconnected mode's auth-api (NODE_USE_ENV_PROXY, no GRPC_PROXY) exists from this release on (D7, 948ae353). */
  disconnectedModeSince: since('the disconnected-mode auth-api', 'helm', 'proxy-env', {
    component: 'auth-api',
    variable: 'NODE_USE_ENV_PROXY',
  }),
  /** CARTO's preflight probes the buckets' CORS and fails the install from this release on (D5, 801fb701). */
  bucketCorsCheckSince: since('the bucket CORS preflight', 'helm', 'preflight-check', {
    check: 'Check_assets_bucket_CORS_sanity_check',
  }),
} as const;

/**
 * The Admin Console's validation of the proxy Host item (`externalProxyHost`, the installer's
 * `--http-proxy` URL), release by release, from carto-facts.json (carto-release-audit.md D3): none
 * 2024.2.21–2024.4.17; 9c5b66ba (PR #537) 2024.7.19–2025.3.19, which refuses IPv4 addresses and allows
 * `_`; 992c82da (PR #690) from 2025.4.9, which refuses `_` and allows IPv4. IPv6 fails both.
 */
export interface AdminConsoleHostRule {
  /** First and last release read with this rule (rc included); `to` is the newest read for the current rule. */
  from: string;
  to: string;
  /** The item's `validation.regex.pattern`; null when the release has no validation. */
  pattern: string | null;
  /** carto-selfhosted-helm tag commit of `from`. */
  commit: string;
}

export const ADMIN_CONSOLE_HOST_RULES: readonly AdminConsoleHostRule[] = findFacts(
  'helm',
  'kots-item',
  { name: 'externalProxyHost' },
)
  .flatMap((f) =>
    f.spans.map((span) => ({
      from: span.from,
      to: span.to,
      pattern: typeof f.fact.regex === 'string' ? f.fact.regex : null,
      commit: span.commit,
    })),
  )
  .sort(
    (a, b) => CARTO_FACTS.helm.releases.indexOf(a.from) - CARTO_FACTS.helm.releases.indexOf(b.from),
  );

export interface KnownRelease {
  id: string;
  note: string;
  source: Source;
}

/** Releases whose proxy behaviour the wizard knows, newest first. The first one is the default. */
export const KNOWN_RELEASES: readonly KnownRelease[] = [
  {
    id: RELEASE_RULES.trustedCaCertsSince,
    note: 'Custom CAs go in trustedCACerts.value (Helm) or the Admin Console "Trusted CA certificate(s)" field.',
    source: SOURCES.helmTrustedCa,
  },
  {
    id: '2025.7.16',
    note: 'Single VM (./carto install) supports HTTP and HTTPS proxies; kots reads a custom CA from --private-ca-configmap.',
    source: SOURCES.kotsFullSupport,
  },
  {
    id: '2025.2.13',
    note: 'Helm can send Pub/Sub over HTTPS (cartoConfigValues.usePubSubRestApi), so it goes through an HTTPS proxy.',
    source: SOURCES.pubSubRestApi,
  },
  {
    id: '2024.2.21',
    note: 'The Admin Console (kots) has its proxy items in "Advanced Config"; a custom CA goes in "Proxy SSL CA".',
    source: SOURCES.kotsProxyItems,
  },
  {
    id: '2023.5.12',
    note: 'First release with proxy support (Helm externalProxy, Docker Compose proxy variables).',
    source: SOURCES.helmProxyIntroduced,
  },
];

/**
 * The newest release read from CARTO's chart repository (rc included): outputs for a newer release
 * follow its rules, with a warning. Not a default: a missing release is never silently this one (D1).
 */
export const LATEST_RELEASE = newestRead('helm');

/** The newest final (not rc) release read; what `helm list` or the Admin Console show on most installs. */
export const LATEST_FINAL_RELEASE = newestFinalRead('helm');

/** Which repository commits the release facts were read from (shown by the Review step, README.md and the API). */
export const FACTS_SOURCE = {
  helm: CARTO_FACTS.sources.helm,
  compose: CARTO_FACTS.sources.compose,
} as const;

export const WAREHOUSE_IDS = [
  'bigquery',
  'carto-dw',
  'snowflake',
  'databricks',
  'postgres',
  'redshift',
  'fabric',
  'oracle',
] as const;
export type WarehouseId = (typeof WAREHOUSE_IDS)[number];

export interface Warehouse {
  id: WarehouseId;
  label: string;
  /** Whether its traffic goes through an HTTP proxy and through an HTTPS proxy. */
  throughProxy: { http: boolean; https: boolean };
  /** What the wizard does about it, in one sentence shown next to the choice. */
  consequence: { http: string; https: string };
  /** Domains the proxy must allow when the traffic goes through it. */
  domains: readonly string[];
  /** When the traffic bypasses the proxy: where it goes directly. */
  direct?: { target: string; port: number };
  source: Source;
}

const GOOGLE_BIGQUERY_DOMAINS = [
  'bigquery.googleapis.com',
  'oauth2.googleapis.com',
  'bigquerydatatransfer.googleapis.com',
  'www.googleapis.com',
] as const;

export const WAREHOUSES: readonly Warehouse[] = [
  {
    id: 'bigquery',
    label: 'Google BigQuery',
    throughProxy: { http: true, https: true },
    consequence: {
      http: 'Goes through the proxy: the Google APIs are added to the allowlist.',
      https: 'Goes through the proxy: the Google APIs are added to the allowlist.',
    },
    domains: GOOGLE_BIGQUERY_DOMAINS,
    source: SOURCES.egress,
  },
  {
    id: 'carto-dw',
    label: 'CARTO Data Warehouse',
    throughProxy: { http: true, https: true },
    consequence: {
      http: 'Runs on BigQuery and goes through the proxy: the Google APIs are added to the allowlist.',
      https:
        'Runs on BigQuery and goes through the proxy: the Google APIs are added to the allowlist.',
    },
    domains: GOOGLE_BIGQUERY_DOMAINS,
    source: SOURCES.egress,
  },
  {
    id: 'snowflake',
    label: 'Snowflake',
    throughProxy: { http: true, https: false },
    consequence: {
      http: 'Goes through the proxy: *.snowflakecomputing.com is added to the allowlist.',
      https:
        'Snowflake cannot go through an HTTPS proxy: .snowflakecomputing.com will be excluded and must be reachable directly (TCP 443).',
    },
    domains: ['*.snowflakecomputing.com'],
    direct: { target: '*.snowflakecomputing.com (your account URL)', port: 443 },
    source: SOURCES.proxyDocsKots,
  },
  {
    id: 'databricks',
    label: 'Databricks',
    throughProxy: { http: false, https: false },
    consequence: {
      http: 'Does not use the proxy: your Databricks workspace must be reachable directly (TCP 443).',
      https:
        'Does not use the proxy: your Databricks workspace must be reachable directly (TCP 443).',
    },
    domains: [],
    direct: { target: 'your Databricks workspace host', port: 443 },
    source: SOURCES.proxyDocsKots,
  },
  {
    id: 'postgres',
    label: 'PostgreSQL',
    throughProxy: { http: false, https: false },
    consequence: {
      http: 'Connects over TCP, not HTTP: your PostgreSQL server must be reachable directly (TCP 5432 by default).',
      https:
        'Connects over TCP, not HTTP: your PostgreSQL server must be reachable directly (TCP 5432 by default).',
    },
    domains: [],
    direct: { target: 'your PostgreSQL server', port: 5432 },
    source: SOURCES.proxyDocsKots,
  },
  {
    id: 'redshift',
    label: 'Amazon Redshift',
    throughProxy: { http: false, https: false },
    consequence: {
      http: 'Connects over TCP, not HTTP: your Redshift cluster must be reachable directly (TCP 5439 by default).',
      https:
        'Connects over TCP, not HTTP: your Redshift cluster must be reachable directly (TCP 5439 by default).',
    },
    domains: [],
    direct: { target: 'your Redshift cluster endpoint', port: 5439 },
    source: SOURCES.proxyDocsKots,
  },
  {
    // D8: enabled upstream (carto-selfhosted env.tpl WAREHOUSE_PROVIDERS_FABRIC=true, since ≤2025.7.16);
    // CARTO documents no proxy behaviour for it. Its SQL endpoint speaks TDS over TCP, not HTTP.
    id: 'fabric',
    label: 'Microsoft Fabric',
    throughProxy: { http: false, https: false },
    consequence: {
      http: 'CARTO does not document Fabric behind a proxy: its SQL endpoint is TCP (TDS, port 1433), so allow your Fabric warehouse’s SQL connection host directly.',
      https:
        'CARTO does not document Fabric behind a proxy: its SQL endpoint is TCP (TDS, port 1433), so allow your Fabric warehouse’s SQL connection host directly.',
    },
    domains: [],
    direct: { target: 'your Fabric warehouse SQL connection host', port: 1433 },
    source: SOURCES.composeWarehouses,
  },
  {
    // D8: enabled upstream (env.tpl WAREHOUSE_PROVIDERS_ORACLE=true, since ≤2026.1.7); no proxy docs.
    id: 'oracle',
    label: 'Oracle',
    throughProxy: { http: false, https: false },
    consequence: {
      http: 'CARTO does not document Oracle behind a proxy: Oracle Net is TCP, not HTTP, so allow your Oracle listener directly (TCP 1521 by default).',
      https:
        'CARTO does not document Oracle behind a proxy: Oracle Net is TCP, not HTTP, so allow your Oracle listener directly (TCP 1521 by default).',
    },
    domains: [],
    direct: { target: 'your Oracle database listener', port: 1521 },
    source: SOURCES.composeWarehouses,
  },
];

export const SERVICE_IDS = [
  'gcs-buckets',
  's3-buckets',
  'azure-buckets',
  'geocoding-tomtom',
  'geocoding-mapbox',
  'isolines-here',
  'google-maps',
  'bigquery-oauth',
  'cloud-sql',
  'ai-features',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/** The accounts and data-catalog API hosts of CARTO's production environment (kots-config.yaml, base64). */
const AI_CARTO_DOMAINS: readonly string[] = ['cartoAccApiDomain', 'cartoDoApiDomain'].map((key) => {
  const found = findFacts('helm', 'kots-derived-value', { environment: 'production', key })[0];
  if (!found) throw new Error(`carto-facts.json no longer has ${key}`);
  return String(found.fact.value);
});

export interface OptionalService {
  id: ServiceId;
  label: string;
  description: string;
  domains: readonly string[];
  note?: string;
  source: Source;
}

export const SERVICES: readonly OptionalService[] = [
  {
    id: 'gcs-buckets',
    label: 'Google Cloud Storage buckets',
    description: 'Your own GCS buckets for imports, exports and map assets.',
    domains: ['storage.googleapis.com', 'www.googleapis.com'],
    source: SOURCES.egress,
  },
  {
    id: 's3-buckets',
    label: 'AWS S3 buckets',
    description: 'Your own S3 buckets.',
    domains: ['*.amazonaws.com'],
    note: 'Or allow only your full bucket URLs.',
    source: SOURCES.egress,
  },
  {
    id: 'azure-buckets',
    label: 'Azure Blob Storage containers',
    description: 'Your own Azure Blob containers.',
    domains: ['*.blob.core.windows.net'],
    note: 'Or allow only your full container URLs.',
    source: SOURCES.egress,
  },
  {
    id: 'geocoding-tomtom',
    label: 'TomTom geocoding',
    description: 'Geocoding with TomTom.',
    domains: ['api.tomtom.com'],
    source: SOURCES.legacyWhitelist,
  },
  {
    id: 'geocoding-mapbox',
    label: 'Mapbox geocoding',
    description: 'Geocoding with Mapbox.',
    domains: ['api.mapbox.com'],
    source: SOURCES.legacyWhitelist,
  },
  {
    id: 'isolines-here',
    label: 'HERE geocoding and isolines',
    description: 'Geocoding and isolines (routing areas) with HERE.',
    domains: ['isoline.router.hereapi.com'],
    source: SOURCES.legacyWhitelist,
  },
  {
    id: 'google-maps',
    label: 'Google Maps',
    description: 'Google Maps geocoding and basemaps.',
    domains: ['maps.googleapis.com'],
    source: SOURCES.legacyWhitelist,
  },
  {
    id: 'bigquery-oauth',
    label: 'BigQuery OAuth connections',
    description: 'Users create BigQuery connections by signing in with Google.',
    domains: ['oauth2.googleapis.com'],
    source: SOURCES.legacyWhitelist,
  },
  {
    id: 'cloud-sql',
    label: 'Google Cloud SQL',
    description: 'Google Cloud SQL as the external database.',
    domains: ['sqladmin.googleapis.com'],
    source: SOURCES.legacyWhitelist,
  },
  {
    // D4: from 2026.8.11-rc.2 ai-api calls https://<cartoAccApiDomain> and https://<cartoDoApiDomain>
    // server-side (eee8b108); the production values are read from kots-config.yaml (carto-facts.json).
    id: 'ai-features',
    label: 'CARTO AI features',
    description:
      'CARTO AI (ai-api and the aiproxy LLM gateway): CARTO’s accounts and data-catalog APIs, and your LLM provider.',
    domains: AI_CARTO_DOMAINS,
    note: 'Also allow the API host of the LLM provider you configure for aiproxy: CARTO lists them on its “Network egress requirements” page, which the wizard cannot read.',
    source: SOURCES.aiPrerequisites,
  },
];

export interface CoreDomainGroup {
  methods: readonly DeploymentMethodId[];
  domains: readonly string[];
  reason: string;
  source: Source;
}

/** The hosts a Docker Hub pull reaches (Docker's allowlist; docker.io itself as CARTO lists it). */
export const DOCKER_HUB_HOSTS: readonly string[] = [
  'docker.io',
  'registry-1.docker.io',
  'auth.docker.io',
  'production.cloudflare.docker.com',
];

/** workspace-postgres's image in the newest Compose release read (carto-facts.json). */
const COMPOSE_POSTGRES_IMAGE =
  findFacts('compose', 'service', { name: 'workspace-postgres' })
    .filter((f) => f.spans.some((sp) => sp.to === newestRead('compose')))
    .map((f) => String(f.fact.image))[0] ?? 'postgres';

/** Domains every installation of a method needs, before warehouses and services. */
export const CORE_DOMAINS: readonly CoreDomainGroup[] = [
  {
    methods: ['helm', 'kots', 'single-vm'],
    domains: ['auth.carto.com', '*.self-hosted.carto.com'],
    reason: 'CARTO authentication and delivery of Self-hosted releases',
    source: SOURCES.egress,
  },
  {
    // D6: CARTO lists docker.io, but a Squid dstdomain docker.io matches only the apex; Docker Hub
    // pulls go to registry-1.docker.io, auth.docker.io and the blob CDN (Docker's allowlist).
    methods: ['kots', 'single-vm'],
    domains: DOCKER_HUB_HOSTS,
    reason: 'Images that run the Admin Console (Docker Hub: registry, auth and blob CDN hosts)',
    source: SOURCES.dockerAllowlist,
  },
  {
    methods: ['docker-compose'],
    domains: [
      'auth.carto.com',
      'bigquery.googleapis.com',
      'cloudresourcemanager.googleapis.com',
      'gcr.io',
      'iamcredentials.googleapis.com',
      'logging.googleapis.com',
      'pubsub.googleapis.com',
      'storage.googleapis.com',
      'tools.google.com',
      'www.googleapis.com',
      'clientstream.launchdarkly.com',
      'events.launchdarkly.com',
      'stream.launchdarkly.com',
    ],
    reason: 'CARTO core services (legacy Docker Compose egress list)',
    source: SOURCES.legacyWhitelist,
  },
  {
    // D11: Compose's embedded workspace-postgres image comes from Docker Hub (carto-facts.json).
    methods: ['docker-compose'],
    domains: DOCKER_HUB_HOSTS,
    reason: `The embedded database image ${COMPOSE_POSTGRES_IMAGE} (workspace-postgres), pulled from Docker Hub by the Docker daemon`,
    source: SOURCES.composeFile,
  },
];

/**
 * The chart's image registries (carto-proxy-facts.md §V.5). They matter to the proxy only when the
 * cluster's nodes pull images through it, so they are an opt-in group (`deployment.imagePullsThroughProxy`).
 * Docker Compose's registry (gcr.io) is already in its core list; Single VM pulls through
 * registry.self-hosted.carto.com, covered by *.self-hosted.carto.com.
 */
export const IMAGE_REGISTRY_DOMAINS = {
  // D11: Kots rewrites every image to registry.self-hosted.carto.com/proxy/… (carto-facts.json,
  // kots-image-registry), already allowed by *.self-hosted.carto.com: nothing to add for it. The chart
  // pulls from gcr.io (every release) and us-docker.pkg.dev (2026.8.11-rc.2 on, 05b8181c), and its
  // default internal PostgreSQL (bitnami chart 11.9.13, image docker.io/bitnami/postgresql) from Docker Hub.
  methods: ['helm'] as readonly DeploymentMethodId[],
  domains: ['us-docker.pkg.dev', 'gcr.io', ...DOCKER_HUB_HOSTS] as readonly string[],
  reason:
    'CARTO’s container images and the chart’s internal PostgreSQL image (your nodes pull them through this proxy)',
  source: SOURCES.helmValues,
};

/** The chart's default `clusterDomain` (carto-proxy-facts.md §V.5). */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/**
 * A real host under each wildcard domain, so a check can CONNECT to something concrete.
 * Wildcards missing here depend on the customer's own account and cannot be checked for them.
 */
export const REPRESENTATIVE_HOSTS: Readonly<Record<string, string>> = {
  '*.self-hosted.carto.com': 'registry.self-hosted.carto.com',
  '*.amazonaws.com': 's3.amazonaws.com',
  '*.blob.core.windows.net': 'blob.core.windows.net',
};

/** Entries the NO_PROXY rules add, with their reason and source. */
export const NO_PROXY_RULES = {
  localhost: {
    entries: ['localhost'],
    reason: 'Local calls inside each container must never go through the proxy.',
    source: SOURCES.proxyDocsLegacy,
  },
  kubernetes: {
    /** `.svc.<clusterDomain>`: with another cluster domain the entry follows it (carto-proxy-facts.md §V.5). */
    entries: ['.svc.cluster.local'],
    reason: 'CARTO components talk to each other inside the cluster.',
    source: SOURCES.proxyDocsHelm,
  },
  composeServices: {
    /** The services of CARTO's docker-compose.yml (2026.8.11), carto-proxy-facts.md §V.4. */
    entries: [
      'router-http',
      'router-metrics',
      'http-cache',
      'notifier',
      'accounts-www',
      'workspace-www',
      'workspace-api',
      'workspace-subscriber',
      'workspace-migrations',
      'maps-api',
      'sql-worker',
      'cdn-invalidator-sub',
      'import-api',
      'import-worker',
      'lds-api',
      'workspace-postgres',
      'valkey',
      // D14: valkey keeps the network alias redis (carto-selfhosted master docker-compose.yml:247-248),
      // and the service was redis from 2023.3.31 to 2026.3.10.
      'redis',
    ],
    reason:
      'CARTO’s containers call each other by compose service name (workspace-api:3000, http://notifier:5561/…): those calls must not go to the proxy.',
    source: SOURCES.composeEnvTemplate,
  },
  kubernetesServiceIp: {
    reason: 'The Kubernetes API (the kubernetes service ClusterIP) must be reached directly.',
    source: SOURCES.proxyDocsKots,
  },
  gkeWorkloadIdentity: {
    entries: ['169.254.169.254', 'metadata', 'metadata.google.internal'],
    reason:
      'GKE Workload Identity authenticates through the metadata server, which is only reachable directly.',
    source: SOURCES.proxyDocsHelm,
  },
  snowflakeHttps: {
    entries: ['.snowflakecomputing.com'],
    reason: 'Snowflake cannot go through an HTTPS proxy, so it is reached directly.',
    source: SOURCES.proxyDocsKots,
  },
} as const;

export const CATALOG = {
  deploymentMethods: DEPLOYMENT_METHODS,
  releases: {
    latest: LATEST_RELEASE,
    latestFinal: LATEST_FINAL_RELEASE,
    known: KNOWN_RELEASES,
    rules: RELEASE_RULES,
    factsSource: FACTS_SOURCE,
  },
  warehouses: WAREHOUSES,
  services: SERVICES,
  coreDomains: CORE_DOMAINS,
  imageRegistries: IMAGE_REGISTRY_DOMAINS,
  proxySupportSince: PROXY_SUPPORT_SINCE,
  adminConsoleHostRules: ADMIN_CONSOLE_HOST_RULES,
  defaultClusterDomain: DEFAULT_CLUSTER_DOMAIN,
  representativeHosts: REPRESENTATIVE_HOSTS,
  noProxyRules: NO_PROXY_RULES,
  sources: SOURCES,
} as const;

export type Catalog = typeof CATALOG;
