/**
 * "Start from an existing file": reads the proxy settings of a customer.env (Docker Compose) or a Helm
 * customizations.yaml into answers, and says what it read, what disagreed and what it ignored.
 * Runs in the browser: the file can hold secrets and never leaves it. Nothing here repeats a value
 * that is not a proxy setting, and a proxy URL with credentials is reported without them.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import type { DeploymentMethodId } from '../catalog.ts';
import { DEFAULT_CLUSTER_DOMAIN, NO_PROXY_RULES } from '../catalog.ts';
import { isDnsName } from '../host.ts';
import { parseProxyInput } from '../host.ts';
import { methodFacts } from '../method-facts.ts';
import { parseRelease } from '../release-names.ts';
import { dropByteOrderMark } from './byte-order-mark.ts';
import { envAssignments } from './env-lines.ts';

/** The answers an import can fill; the wizard merges them into its draft. */
export interface ImportedAnswers {
  deployment: {
    method: DeploymentMethodId;
    /** When the file states it (the `.env` install.sh writes has CARTO_SELFHOSTED_VERSION). */
    release?: string;
    gkeWorkloadIdentity?: boolean;
    clusterDomain?: string;
    usePubSubRestApi?: boolean;
  };
  proxy: {
    protocol?: 'http' | 'https';
    host?: string;
    port?: number;
    verifyCertificate?: boolean;
    customCa?: string;
  };
  excludedDomains: string[];
}

export interface ImportReport {
  kind: 'customer.env' | 'helm';
  /** What was read into which answer. */
  read: { from: string; to: string; value: string }[];
  /** Settings that disagree with each other or with what CARTO supports. */
  inconsistent: string[];
  /** Settings that were left out, and why. */
  ignored: { from: string; reason: string }[];
  /** How many other settings the file has (left untouched, never read). */
  otherSettings: number;
  /** What the wizard leaves out of the file's text (a byte-order mark), in words. */
  notes: string[];
}

export type ImportResult =
  { ok: true; answers: ImportedAnswers; report: ImportReport } | { ok: false; message: string };

/** Variables the wizard manages in customer.env, both cases (carto-proxy-facts.md §1(a)). */
export const ENV_PROXY_KEYS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'GRPC_PROXY',
  'grpc_proxy',
  'NO_PROXY',
  'no_proxy',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'NODE_EXTRA_CA_CERTS',
] as const;

const ENV_KEY_SET = new Set<string>(ENV_PROXY_KEYS);
/** The release, in the `.env` install.sh generates from customer.env. */
const RELEASE_KEY = 'CARTO_SELFHOSTED_VERSION';

/**
 * Entries the rules add by themselves for a method (methodFacts' requiredNoProxy, and the GKE metadata
 * entries when all are there); an imported list keeps only the user's own.
 */
function splitRequired(
  entries: readonly string[],
  method: DeploymentMethodId,
  clusterDomain?: string,
): { own: string[]; gke: boolean } {
  const facts = methodFacts(method, undefined);
  const required = new Set<string>(
    facts.requiredNoProxy(clusterDomain).map((e) => e.entry.toLowerCase()),
  );
  const gkeEntries: readonly string[] = NO_PROXY_RULES.gkeWorkloadIdentity.entries;
  const gke = facts.options.gkeWorkloadIdentity && gkeEntries.every((e) => entries.includes(e));
  if (gke) gkeEntries.forEach((e) => required.add(e));
  const seen = new Set<string>();
  const own: string[] = [];
  for (const entry of entries) {
    const key = entry.toLowerCase();
    if (entry === '' || required.has(key) || seen.has(key)) continue;
    seen.add(key);
    own.push(entry);
  }
  return { own, gke };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}

interface ProxyUrlReading {
  protocol?: 'http' | 'https';
  host?: string;
  port?: number;
}

function readProxyUrl(
  from: string,
  value: string,
  report: ImportReport,
  /** A URL variable needs its scheme; Helm's externalProxy.host is a bare host (the chart adds it). */
  needsScheme = true,
): ProxyUrlReading | undefined {
  const parsed = parseProxyInput(value);
  if (!parsed.ok) {
    report.ignored.push({ from, reason: parsed.message });
    return undefined;
  }
  if (!parsed.protocol && needsScheme) {
    report.inconsistent.push(
      `${from} has no http:// or https:// scheme: several clients then ignore it.`,
    );
  }
  return { protocol: parsed.protocol, host: parsed.host.toLowerCase(), port: parsed.port };
}

function importEnv(text: string): ImportResult {
  const assignments = envAssignments(text);
  const values = new Map<string, string>();
  for (const a of assignments) if (ENV_KEY_SET.has(a.key)) values.set(a.key, a.value);
  const otherKeys = new Set(
    assignments.filter((a) => !ENV_KEY_SET.has(a.key) && a.key !== RELEASE_KEY).map((a) => a.key),
  );
  const report: ImportReport = {
    kind: 'customer.env',
    read: [],
    inconsistent: [],
    ignored: [],
    otherSettings: otherKeys.size,
    notes: [],
  };
  const answers: ImportedAnswers = {
    deployment: { method: 'docker-compose' },
    proxy: {},
    excludedDomains: [],
  };

  /** Only one case of a variable set: the wizard writes both (said only when it writes the variable). */
  const onlyOneCase = (upper: string) => {
    const u = values.get(upper);
    const l = values.get(upper.toLowerCase());
    if ((u === undefined) !== (l === undefined)) {
      report.inconsistent.push(
        `Only ${u !== undefined ? upper : upper.toLowerCase()} is set: curl and gRPC read only lowercase, Go prefers uppercase. The wizard writes both.`,
      );
    }
  };
  const pair = (upper: string, quiet = false) => {
    const lower = upper.toLowerCase();
    const u = values.get(upper);
    const l = values.get(lower);
    if (quiet) {
      // Reported once the proxy's protocol says whether the variable is written at all.
    } else if (u !== undefined && l !== undefined && u !== l) {
      report.inconsistent.push(
        `${upper} and ${lower} differ: clients that read one case get another proxy than those that read the other.`,
      );
    } else {
      onlyOneCase(upper);
    }
    return u !== undefined
      ? { from: upper, value: u }
      : l !== undefined
        ? { from: lower, value: l }
        : undefined;
  };

  const http = pair('HTTP_PROXY');
  const https = pair('HTTPS_PROXY');
  // An https:// proxy gets no GRPC_PROXY at all: its notes wait for the protocol (issue 21, item 2).
  const grpc = pair('GRPC_PROXY', true);
  const source = http ?? https;
  if (http && https && http.value !== https.value) {
    report.inconsistent.push(
      'HTTP_PROXY and HTTPS_PROXY differ: CARTO uses one proxy for both; the wizard keeps HTTP_PROXY.',
    );
  }
  if (source) {
    const url = readProxyUrl(source.from, source.value, report);
    if (url) {
      Object.assign(
        answers.proxy,
        Object.fromEntries(Object.entries(url).filter(([, v]) => v !== undefined)),
      );
      report.read.push({ from: source.from, to: 'proxy', value: source.value });
      if (url.protocol === 'https' && grpc) {
        report.inconsistent.push(
          `${grpc.from} is set with an HTTPS proxy: gRPC cannot use an https:// proxy, so the wizard leaves it out.`,
        );
      }
      if (url.protocol !== 'https' && grpc) {
        const other = values.get(grpc.from === 'GRPC_PROXY' ? 'grpc_proxy' : 'GRPC_PROXY');
        if (other !== undefined && other !== grpc.value) {
          report.inconsistent.push(
            'GRPC_PROXY and grpc_proxy differ: clients that read one case get another proxy than those that read the other.',
          );
        } else onlyOneCase('GRPC_PROXY');
      }
      if (url.protocol === 'http' && !grpc) {
        report.inconsistent.push(
          'GRPC_PROXY is missing: with an HTTP proxy CARTO needs it too. The wizard adds it.',
        );
      }
    }
  }

  // install.sh writes the release into .env (carto-proxy-facts.md §1(a)): the release the file is for
  // (issue 11, item 17).
  const version = assignments
    .filter((a) => a.key === RELEASE_KEY)
    .at(-1)
    ?.value.trim();
  if (version !== undefined) {
    if (parseRelease(version)) {
      answers.deployment.release = version;
      report.read.push({ from: RELEASE_KEY, to: 'deployment.release', value: version });
    } else {
      report.ignored.push({
        from: RELEASE_KEY,
        reason: 'Not a release like 2026.7.16 or 2026.8.11-rc.7.',
      });
    }
  }

  const noProxy = pair('NO_PROXY');
  if (noProxy) {
    const { own } = splitRequired(splitList(noProxy.value), 'docker-compose');
    answers.excludedDomains = own;
    report.read.push({ from: noProxy.from, to: 'excludedDomains', value: own.join(',') });
  }

  const reject = values.get('NODE_TLS_REJECT_UNAUTHORIZED');
  if (reject !== undefined) {
    answers.proxy.verifyCertificate = reject !== '0';
    report.read.push({
      from: 'NODE_TLS_REJECT_UNAUTHORIZED',
      to: 'proxy.verifyCertificate',
      value: reject,
    });
  }
  const extraCa = values.get('NODE_EXTRA_CA_CERTS');
  if (extraCa !== undefined) {
    // What the merge does with the line (mergeEnv keeps it unless the answers carry a CA): the
    // report and the updated file say the same thing (issue 21, item 2).
    report.ignored.push({
      from: 'NODE_EXTRA_CA_CERTS',
      reason:
        answers.proxy.protocol === 'https'
          ? `It points to a file (${extraCa}) the browser cannot read. The updated file keeps this line as it is; to have the wizard write it, paste that certificate on the “TLS to the proxy” step.`
          : `It points to a file (${extraCa}) the browser cannot read, and an http:// proxy needs no CA. The updated file keeps this line as it is.`,
    });
  }
  return { ok: true, answers, report };
}

function importHelm(root: Record<string, unknown>, otherKeys: number): ImportResult {
  const report: ImportReport = {
    kind: 'helm',
    read: [],
    inconsistent: [],
    ignored: [],
    otherSettings: otherKeys,
    notes: [],
  };
  const answers: ImportedAnswers = {
    deployment: { method: 'helm' },
    proxy: {},
    excludedDomains: [],
  };
  const ep = (root.externalProxy ?? {}) as Record<string, unknown>;
  if (typeof ep !== 'object' || Array.isArray(ep)) {
    return { ok: false, message: 'externalProxy is not a mapping in this file.' };
  }
  if (ep.enabled === false) {
    report.inconsistent.push('externalProxy.enabled is false: the wizard turns the proxy on.');
  }
  const connection =
    typeof ep.connectionString === 'string' && ep.connectionString !== ''
      ? ep.connectionString
      : undefined;
  if (connection !== undefined) {
    const url = readProxyUrl('externalProxy.connectionString', connection, report);
    if (url) {
      Object.assign(
        answers.proxy,
        Object.fromEntries(Object.entries(url).filter(([, v]) => v !== undefined)),
      );
      report.read.push({ from: 'externalProxy.connectionString', to: 'proxy', value: connection });
    }
    if (ep.host !== undefined && ep.host !== '') {
      report.inconsistent.push(
        'externalProxy.connectionString overrides host, port and type: the wizard writes host, port and type and removes connectionString.',
      );
    }
  } else {
    if (typeof ep.type === 'string' && ['http', 'https'].includes(ep.type.toLowerCase())) {
      answers.proxy.protocol = ep.type.toLowerCase() as 'http' | 'https';
      report.read.push({ from: 'externalProxy.type', to: 'proxy.protocol', value: ep.type });
    } else if (ep.type !== undefined && ep.type !== '') {
      report.ignored.push({
        from: 'externalProxy.type',
        reason: 'Only http and https proxies are supported.',
      });
    }
    if (typeof ep.host === 'string' && ep.host !== '') {
      const url = readProxyUrl('externalProxy.host', ep.host, report, false);
      if (url?.host) {
        answers.proxy.host = url.host;
        report.read.push({ from: 'externalProxy.host', to: 'proxy.host', value: url.host });
      }
    }
    const port = typeof ep.port === 'string' ? Number(ep.port) : ep.port;
    if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535) {
      answers.proxy.port = port;
      report.read.push({ from: 'externalProxy.port', to: 'proxy.port', value: String(port) });
    } else if (ep.port !== undefined && ep.port !== '') {
      report.ignored.push({
        from: 'externalProxy.port',
        reason: 'Not a port number from 1 to 65535.',
      });
    }
  }
  // clusterDomain builds every in-cluster name, so the required entry follows it (§V.5).
  let clusterDomain = DEFAULT_CLUSTER_DOMAIN;
  if (typeof root.clusterDomain === 'string' && root.clusterDomain !== '') {
    if (isDnsName(root.clusterDomain) && !root.clusterDomain.endsWith('.')) {
      clusterDomain = root.clusterDomain.toLowerCase();
      if (clusterDomain !== DEFAULT_CLUSTER_DOMAIN)
        answers.deployment.clusterDomain = clusterDomain;
      report.read.push({
        from: 'clusterDomain',
        to: 'deployment.clusterDomain',
        value: clusterDomain,
      });
    } else {
      report.ignored.push({ from: 'clusterDomain', reason: 'Not a DNS name like cluster.local.' });
    }
  }
  const cartoConfig = root.cartoConfigValues as Record<string, unknown> | undefined;
  const pubSub = cartoConfig?.usePubSubRestApi;
  if (typeof pubSub === 'boolean') {
    answers.deployment.usePubSubRestApi = pubSub;
    report.read.push({
      from: 'cartoConfigValues.usePubSubRestApi',
      to: 'deployment.usePubSubRestApi',
      value: String(pubSub),
    });
  }
  const excluded = ep.excludedDomains;
  const list = Array.isArray(excluded)
    ? excluded.flatMap((e) => (typeof e === 'string' ? splitList(e) : []))
    : typeof excluded === 'string'
      ? splitList(excluded)
      : [];
  if (excluded !== undefined) {
    const { own, gke } = splitRequired(list, 'helm', clusterDomain);
    answers.excludedDomains = own;
    if (gke) answers.deployment.gkeWorkloadIdentity = true;
    report.read.push({
      from: 'externalProxy.excludedDomains',
      to: 'excludedDomains',
      value: own.join(','),
    });
    if (gke)
      report.read.push({
        from: 'externalProxy.excludedDomains',
        to: 'deployment.gkeWorkloadIdentity',
        value: 'true',
      });
    if (!list.map((e) => e.toLowerCase()).includes(`.svc.${clusterDomain}`)) {
      report.inconsistent.push(
        `.svc.${clusterDomain} was missing from excludedDomains: CARTO components could not talk to each other. The wizard adds it.`,
      );
    }
  }
  if (typeof ep.sslRejectUnauthorized === 'boolean') {
    answers.proxy.verifyCertificate = ep.sslRejectUnauthorized;
    report.read.push({
      from: 'externalProxy.sslRejectUnauthorized',
      to: 'proxy.verifyCertificate',
      value: String(ep.sslRejectUnauthorized),
    });
  }
  const trusted = (root.trustedCACerts as { value?: unknown } | undefined)?.value;
  const legacyCa = ep.sslCA;
  const ca =
    typeof trusted === 'string' && trusted.trim() !== ''
      ? { from: 'trustedCACerts.value', value: trusted }
      : typeof legacyCa === 'string' && legacyCa.trim() !== ''
        ? { from: 'externalProxy.sslCA', value: legacyCa }
        : undefined;
  if (ca) {
    answers.proxy.customCa = ca.value;
    report.read.push({ from: ca.from, to: 'proxy.customCa', value: '(certificate)' });
  }
  const configMap = (ep.sslCAConfigmap as { name?: unknown } | undefined)?.name;
  if (typeof configMap === 'string' && configMap !== '') {
    // mergeHelm keeps sslCAConfigmap unless the answers carry a CA written as sslCA (issue 21, item 2).
    report.ignored.push({
      from: 'externalProxy.sslCAConfigmap',
      reason:
        answers.proxy.protocol === 'http'
          ? 'The CA lives in a ConfigMap the wizard cannot read, and an http:// proxy needs no CA. The updated file keeps it as it is.'
          : 'The CA lives in a ConfigMap the wizard cannot read. The updated file keeps it as it is; to have the wizard write the CA instead, paste the certificate on the “TLS to the proxy” step.',
    });
  }
  return { ok: true, answers, report };
}

/**
 * Configuration files are a few KiB: 1 MiB is far beyond any real customer.env or values file, and
 * keeps reading and diffing quick (a 40 MB file once took 55 s and 2.6 GB, issue 13 item 14). The
 * browser's file picker has the same limit.
 */
export const CONFIG_FILE_MAX_BYTES = 1024 * 1024;

export const FILE_TOO_LARGE_MESSAGE =
  'This file is larger than 1 MiB: a customer.env or customizations.yaml is a few KiB. Choose the configuration file itself.';

/** Why a file's text is too large to read, or undefined. */
export function fileTooLarge(text: string): string | undefined {
  // Each UTF-16 unit is at most 3 bytes of UTF-8: count bytes only near the limit.
  if (text.length * 3 <= CONFIG_FILE_MAX_BYTES) return undefined;
  const bytes =
    text.length > CONFIG_FILE_MAX_BYTES ? text.length : new TextEncoder().encode(text).length;
  return bytes > CONFIG_FILE_MAX_BYTES ? FILE_TOO_LARGE_MESSAGE : undefined;
}

/** Aliases a values file may expand: enough for any real one, never an "alias bomb". */
const MAX_ALIAS_COUNT = 100;

/**
 * A parsed YAML document's values, or why they cannot be read: yaml throws "Excessive alias count"
 * on a billion-laughs file, which must be an answer, not an uncaught error (issue 13, item 13).
 */
export function readYamlValues(
  doc: Document,
): { ok: true; values: Record<string, unknown> } | { ok: false; message: string } {
  try {
    return {
      ok: true,
      values: (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>,
    };
  } catch {
    return {
      ok: false,
      message:
        'This file cannot be read: its YAML aliases (*name) expand to far more values than a values file holds.',
    };
  }
}

/**
 * Reads an existing customer.env or Helm values file. A byte-order mark is dropped first and the
 * report says so, as the merge does (byte-order-mark.ts).
 */
export function importConfig(file: string): ImportResult {
  const tooLarge = fileTooLarge(file);
  if (tooLarge !== undefined) return { ok: false, message: tooLarge };
  const { text, notes } = dropByteOrderMark(file);
  const result = readConfig(text);
  if (result.ok) result.report.notes.push(...notes);
  return result;
}

function readConfig(text: string): ImportResult {
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' };
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length === 0 && isMap(doc.contents)) {
    const values = readYamlValues(doc);
    if (!values.ok) return values;
    const root = values.values;
    if ('externalProxy' in root || 'trustedCACerts' in root) {
      const others = Object.keys(root).filter(
        (k) => k !== 'externalProxy' && k !== 'trustedCACerts',
      ).length;
      return importHelm(root, others);
    }
    if (!envAssignments(text).some((a) => ENV_KEY_SET.has(a.key))) {
      return { ok: false, message: 'This YAML file has no externalProxy settings to start from.' };
    }
  }
  if (envAssignments(text).length > 0) return importEnv(text);
  return {
    ok: false,
    message: 'This is neither a customer.env (KEY=value lines) nor Helm values with externalProxy.',
  };
}
