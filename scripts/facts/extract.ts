/**
 * The facts extractor behind `npm run facts:sync` (issue 18, item 8): walks the release tags of local
 * clones of CartoDB/carto-selfhosted-helm (chart + Kots manifests) and CartoDB/carto-selfhosted (Docker
 * Compose) and records, per release (final and rc), what the wizard's rules depend on. Each fact is kept
 * as spans of releases in which it holds, each span with the commit of the tag it first appeared in, so
 * a new CARTO release shows up as a small diff of the committed file.
 *
 * Only what can be read mechanically is here; what cannot (a PR's intent, docs pages) stays hand-written
 * in shared/src/catalog.ts with its source beside it.
 */
import { parse } from 'yaml';
import { compareReleases, parseRelease } from '../../shared/src/release-names.ts';
import type {
  CartoFacts,
  Fact,
  SkippedTag,
  ReleaseRow,
  RepoRead,
  Span,
} from '../../shared/src/facts/carto-facts-types.ts';
import { GitRepo } from './git.ts';

export type { CartoFacts };

export interface ExtractOptions {
  helm: string;
  compose: string;
  /** Oldest release read (releases before the first with proxy support still show what was missing). */
  since?: string;
}

export const DEFAULT_SINCE = '2023.1.1';

type FactValue = Record<string, string | number | boolean | null>;

/** The facts of one release: identity (kind + fields) → fields. */
type ReleaseFacts = Map<string, Fact['fact']>;

function add(facts: ReleaseFacts, kind: string, fields: FactValue): void {
  const fact = { kind, ...sortKeys(fields) };
  facts.set(JSON.stringify(fact), fact);
}

function sortKeys<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ) as T;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{a: {b: 1}}` → `[['a.b', 1]]`; arrays and scalars are leaves. */
function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (!isRecord(value)) return [[prefix, value]];
  const entries = Object.entries(value);
  if (entries.length === 0) return [[prefix, {}]];
  return entries.flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

function leaf(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

function parseYaml(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    // Kots manifests hold `repl{{ … }}` templates; as plain YAML they are strings, which is what we record.
    return parse(text, { strict: false, uniqueKeys: false, maxAliasCount: -1 });
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// carto-selfhosted-helm

/** values.yaml keys the wizard writes or reads (externalProxy, trustedCACerts, Pub/Sub, clusterDomain). */
const VALUES_PREFIXES = [
  'externalProxy',
  'trustedCACerts',
  'cartoConfigValues.usePubSubRestApi',
  'cartoConfigValues.pubsubDomain',
  'clusterDomain',
];

/** Kots config items about the proxy, its CA and the free-form Custom Configuration. */
const KOTS_ITEM = /proxy|trustedca|privateca|advancedtuning/i;

/** Values the Kots manifest passes to the chart that the wizard cares about. */
const KOTS_VALUES_PREFIXES = [
  'externalProxy',
  'trustedCACerts',
  'cartoConfigValues.pubsubDomain',
  'cartoConfigValues.usePubSubRestApi',
];

const PROXY_ENV = 'HTTPS_PROXY|GRPC_PROXY|NODE_USE_ENV_PROXY|NODE_EXTRA_CA_CERTS';

export function helmReleaseFacts(repo: GitRepo, tag: string): ReleaseFacts {
  const facts: ReleaseFacts = new Map();

  const values = parseYaml(repo.show(tag, 'chart/values.yaml'));
  if (isRecord(values)) {
    for (const [key, value] of flatten(values)) {
      if (VALUES_PREFIXES.some((p) => key === p || key.startsWith(`${p}.`))) {
        add(facts, 'values-key', { key, default: leaf(value) });
      }
      if (key.endsWith('image.registry') && typeof value === 'string' && value !== '') {
        add(facts, 'image-registry', { registry: value });
      }
    }
  }

  const lock = parseYaml(repo.show(tag, 'chart/Chart.lock'));
  if (isRecord(lock) && Array.isArray(lock.dependencies)) {
    for (const dep of lock.dependencies) {
      if (!isRecord(dep)) continue;
      add(facts, 'chart-dependency', {
        name: leaf(dep.name),
        repository: leaf(dep.repository),
        version: leaf(dep.version),
      });
    }
  }

  const config = parseYaml(repo.show(tag, 'manifests/kots-config.yaml'));
  const groups = isRecord(config) && isRecord(config.spec) ? config.spec.groups : undefined;
  if (Array.isArray(groups)) {
    for (const group of groups) {
      if (!isRecord(group) || !Array.isArray(group.items)) continue;
      for (const item of group.items) {
        if (!isRecord(item) || typeof item.name !== 'string' || !KOTS_ITEM.test(item.name))
          continue;
        const validation = isRecord(item.validation) ? item.validation : undefined;
        const regex =
          validation && isRecord(validation.regex) ? validation.regex.pattern : undefined;
        add(facts, 'kots-item', {
          group: leaf(group.title),
          name: item.name,
          title: typeof item.title === 'string' ? item.title.trim() : null,
          type: leaf(item.type),
          regex: leaf(regex),
        });
      }
    }
  }

  // Values derived from the license's environment, base64 in kots-config.yaml (carto-release-audit.md D2, D4).
  const configText = repo.show(tag, 'manifests/kots-config.yaml') ?? '';
  let environment: string | undefined;
  for (const line of configText.split('\n')) {
    const env = /if eq \$environment "([^"]+)"/.exec(line);
    if (env) environment = env[1];
    else if (/\{\{\s*end\s*\}\}/.test(line)) environment = undefined;
    const set = /set \$result "([^"]+)" "([A-Za-z0-9+/=]+)"/.exec(line);
    if (set && environment !== undefined) {
      add(facts, 'kots-derived-value', {
        environment,
        key: set[1] ?? '',
        value: Buffer.from(set[2] ?? '', 'base64').toString('utf8'),
      });
    }
  }

  const helmChart = parseYaml(repo.show(tag, 'manifests/kots-helm.yaml'));
  const spec = isRecord(helmChart) && isRecord(helmChart.spec) ? helmChart.spec : undefined;
  if (spec) {
    const blocks: unknown[] = [
      spec.values,
      ...(Array.isArray(spec.optionalValues)
        ? spec.optionalValues.map((o) => (isRecord(o) ? o.values : undefined))
        : []),
    ];
    for (const block of blocks) {
      if (typeof block === 'string') {
        // `values: repl{{ ConfigOption "platformAdvancedTuningValues" … }}`: a whole-values merge.
        add(facts, 'kots-values', { key: '(merged whole)', value: block.trim() });
        continue;
      }
      for (const [key, value] of flatten(block)) {
        if (KOTS_VALUES_PREFIXES.some((p) => key === p || key.startsWith(`${p}.`))) {
          add(facts, 'kots-values', {
            key,
            value: leaf(typeof value === 'string' ? value.trim() : value),
          });
        }
      }
    }
  }
  // Image registries the Kots manifest sets (quoted literals inside `registry:` lines).
  for (const line of (repo.show(tag, 'manifests/kots-helm.yaml') ?? '').split('\n')) {
    if (!/^\s*registry:/.test(line)) continue;
    for (const m of line.matchAll(/"((?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[\w.-]+)*)"/g)) {
      add(facts, 'kots-image-registry', { registry: m[1] ?? '' });
    }
    const bare = /^\s*registry:\s*((?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[\w.-]+)*)\s*$/.exec(line);
    if (bare) add(facts, 'kots-image-registry', { registry: bare[1] ?? '' });
  }

  const ec = parseYaml(repo.show(tag, 'manifests/embbeded-cluster.yaml'));
  if (isRecord(ec) && isRecord(ec.spec) && isRecord(ec.spec.domains)) {
    for (const [key, value] of Object.entries(ec.spec.domains)) {
      add(facts, 'embedded-cluster-domain', { key, domain: leaf(value) });
    }
  }

  // The checks CARTO's preflight (tenant-requirements-checker) runs, by name.
  for (const path of ['chart/templates/_commonChecks.tpl', 'chart/templates/preflight.yaml']) {
    for (const m of (repo.show(tag, path) ?? '').matchAll(/"(Check_\w+)"/g)) {
      add(facts, 'preflight-check', { check: m[1] ?? '' });
    }
  }

  // Which components' templates set the proxy variables.
  for (const { path, match } of repo.grepOnly(tag, PROXY_ENV, 'chart/templates')) {
    const parts = path.split('/');
    const component = parts.length > 3 ? (parts[2] ?? path) : '(chart)';
    add(facts, 'proxy-env', { component, variable: match });
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------------
// carto-selfhosted (Docker Compose)

function envTemplate(text: string | undefined): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of (text ?? '').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) vars.set(m[1] ?? '', m[2] ?? '');
  }
  return vars;
}

/** `${NAME}` and `$NAME` from env.tpl, repeatedly; names env.tpl does not set stay as written. */
function expand(text: string, vars: Map<string, string>): string {
  let out = text;
  for (let i = 0; i < 5; i++) {
    const next = out.replace(
      /\$\{([A-Z0-9_]+)\}|\$([A-Z0-9_]+)/g,
      (whole, a: string, b: string) => vars.get(a ?? b) ?? whole,
    );
    if (next === out) break;
    out = next;
  }
  return out;
}

const DOMAIN_LINE = /^\*?\.?(?:[a-z0-9-]+\.)+[a-z]{2,}$/;

export function composeReleaseFacts(repo: GitRepo, tag: string): ReleaseFacts {
  const facts: ReleaseFacts = new Map();
  const vars = envTemplate(repo.show(tag, 'env.tpl'));
  const registry = vars.get('DOCKER_REGISTRY_BASE_PATH');
  if (registry !== undefined)
    add(facts, 'registry', { variable: 'DOCKER_REGISTRY_BASE_PATH', value: registry });
  for (const key of [...vars.keys()].filter((k) => /PROXY/.test(k)).sort()) {
    add(facts, 'env-proxy-key', { key });
  }

  const compose = parseYaml(repo.show(tag, 'docker-compose.yml'));
  const services = isRecord(compose) && isRecord(compose.services) ? compose.services : {};
  for (const [name, service] of Object.entries(services)) {
    if (!isRecord(service)) continue;
    const image = typeof service.image === 'string' ? expand(service.image, vars) : null;
    add(facts, 'service', { name, image });
    const networks = isRecord(service.networks) ? service.networks : {};
    for (const network of Object.values(networks)) {
      if (!isRecord(network) || !Array.isArray(network.aliases)) continue;
      for (const alias of network.aliases)
        add(facts, 'service-alias', { service: name, alias: leaf(alias) });
    }
    for (const volume of Array.isArray(service.volumes) ? service.volumes : []) {
      if (typeof volume !== 'string' || !volume.includes('certs/')) continue;
      add(facts, 'certs-mount', { service: name, target: volume.split(':')[1] ?? volume });
    }
  }

  // The egress list the repository shipped (2023–2024), by its "## group" headings.
  for (const path of ['doc/whitelisted_domains.md', 'proxy/config/whitelisted_domains.md']) {
    let group = '';
    for (const line of (repo.show(tag, path) ?? '').split('\n')) {
      const heading = /^##\s+(.+)$/.exec(line.trim());
      if (heading) group = heading[1]?.trim() ?? '';
      else if (DOMAIN_LINE.test(line.trim()))
        add(facts, 'whitelisted-domain', { file: path, group, domain: line.trim() });
    }
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------------
// Walking the tags

interface TaggedRelease {
  release: string;
  tag: string;
  chart?: string;
}

function compareSemver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Days from a release's name (its date) to a commit date. */
function daysAfter(release: string, date: string): number {
  const r = parseRelease(release);
  if (!r) return 0;
  return (Date.parse(date) - Date.UTC(r.year, r.month - 1, r.day)) / 86_400_000;
}

/**
 * A chart whose appVersion names a day more than this long before the chart was tagged is a typo
 * (1.72.1, tagged 2024-01-10, says 2023.1.10-rc.1): it is listed under `skipped`, not read as that release.
 */
const MISLABELLED_AFTER_DAYS = 180;

/** Chart tags `X.Y.Z` → their `appVersion`; when several charts carry one release, the newest chart. */
export function helmReleases(
  repo: GitRepo,
  since: string,
  skipped: SkippedTag[] = [],
): TaggedRelease[] {
  const byRelease = new Map<string, TaggedRelease>();
  for (const tag of repo.tags().filter((t) => /^\d+\.\d+\.\d+$/.test(t))) {
    const chart = parseYaml(repo.show(tag, 'chart/Chart.yaml'));
    if (!isRecord(chart)) continue;
    const release = String(leaf(chart.appVersion) ?? '');
    if (!parseRelease(release) || compareReleases(release, since) < 0) continue;
    const date = repo.date(tag);
    if (daysAfter(release, date) > MISLABELLED_AFTER_DAYS) {
      skipped.push({
        tag,
        release,
        reason: `tagged ${date}, long after the release its appVersion names`,
      });
      continue;
    }
    const known = byRelease.get(release);
    if (known === undefined || compareSemver(tag, known.tag) > 0) {
      byRelease.set(release, { release, tag, chart: String(leaf(chart.version) ?? tag) });
    }
  }
  return [...byRelease.values()].sort((a, b) => compareReleases(a.release, b.release));
}

/** Compose tags are the release names themselves. */
export function composeReleases(repo: GitRepo, since: string): TaggedRelease[] {
  return repo
    .tags()
    .filter((t) => parseRelease(t) !== undefined && compareReleases(t, since) >= 0)
    .map((tag) => ({ release: tag, tag }))
    .sort((a, b) => compareReleases(a.release, b.release));
}

function walk(
  repo: GitRepo,
  releases: TaggedRelease[],
  read: (repo: GitRepo, tag: string) => ReleaseFacts,
): { releases: ReleaseRow[]; facts: Fact[] } {
  const rows: ReleaseRow[] = releases.map((r) => ({
    release: r.release,
    tag: r.tag,
    commit: repo.commit(r.tag),
    date: repo.date(r.tag),
    ...(r.chart !== undefined ? { chart: r.chart } : {}),
  }));
  const spans = new Map<string, { fact: Fact['fact']; spans: Span[] }>();
  let previous = new Set<string>();
  rows.forEach((row, index) => {
    const facts = read(repo, row.tag);
    for (const [id, fact] of facts) {
      let entry = spans.get(id);
      if (entry === undefined) {
        entry = { fact, spans: [] };
        spans.set(id, entry);
      }
      const last = entry.spans.at(-1);
      if (previous.has(id) && last !== undefined && index > 0) last.to = row.release;
      // The span keeps the commit's first 12 hex digits; the release row beside it has all 40.
      else
        entry.spans.push({ from: row.release, to: row.release, commit: row.commit.slice(0, 12) });
    }
    previous = new Set(facts.keys());
  });
  const facts = [...spans.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => ({ fact: v.fact, spans: v.spans }));
  return { releases: rows, facts };
}

function repoRead(repo: GitRepo, name: string, rows: ReleaseRow[]): RepoRead {
  const newest = rows.at(-1);
  return {
    repo: name,
    tagsRead: rows.length,
    newestRelease: newest?.release ?? null,
    newestTag: newest?.tag ?? null,
    newestCommit: newest?.commit ?? null,
  };
}

export function extractFacts(options: ExtractOptions): CartoFacts {
  const since = options.since ?? DEFAULT_SINCE;
  const helmRepo = new GitRepo(options.helm);
  const composeRepo = new GitRepo(options.compose);
  const skipped: SkippedTag[] = [];
  const helm = walk(helmRepo, helmReleases(helmRepo, since, skipped), helmReleaseFacts);
  const compose = walk(composeRepo, composeReleases(composeRepo, since), composeReleaseFacts);
  return {
    about:
      'Generated by `npm run facts:sync -- --helm <clone> --compose <clone>` (scripts/facts-sync.ts) from the release tags of CartoDB/carto-selfhosted-helm and CartoDB/carto-selfhosted. Do not edit by hand: regenerate. Each fact holds in the releases of its spans; `commit` is the tag commit of the span’s first release (carto-releases.json has each release’s tag, full commit and date).',
    since,
    sources: {
      helm: { ...repoRead(helmRepo, 'CartoDB/carto-selfhosted-helm', helm.releases), skipped },
      compose: repoRead(composeRepo, 'CartoDB/carto-selfhosted', compose.releases),
    },
    helm,
    compose,
  };
}

/**
 * The two files' bytes (carto-facts-types.ts): one release or fact per line, so a new CARTO release is
 * a small, readable diff. JSON.stringify keeps insertion order, and every object here is built in a
 * fixed order.
 */
export function serializeFacts(facts: CartoFacts): { facts: string; releases: string } {
  const lines = (items: readonly unknown[]) =>
    items.map((i) => `      ${JSON.stringify(i)}`).join(',\n');
  const section = (s: CartoFacts['helm']) =>
    `{\n    "releases": [\n${lines(s.releases.map((r) => r.release))}\n    ],\n    "facts": [\n${lines(s.facts)}\n    ]\n  }`;
  const ledger = (rows: ReleaseRow[]) =>
    `[\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`;
  return {
    facts: `{\n  "about": ${JSON.stringify(facts.about)},\n  "since": ${JSON.stringify(facts.since)},\n  "sources": ${JSON.stringify(facts.sources)},\n  "helm": ${section(facts.helm)},\n  "compose": ${section(facts.compose)}\n}\n`,
    releases: `{\n  "about": ${JSON.stringify(RELEASES_ABOUT)},\n  "helm": ${ledger(facts.helm.releases)},\n  "compose": ${ledger(facts.compose.releases)}\n}\n`,
  };
}

const RELEASES_ABOUT =
  'Generated by `npm run facts:sync` with carto-facts.json: each release read from CartoDB/carto-selfhosted-helm (helm, with its chart version) and CartoDB/carto-selfhosted (compose), with its tag, full commit and date. Do not edit by hand: regenerate.';
