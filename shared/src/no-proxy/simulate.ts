/**
 * How real HTTP clients decide, from NO_PROXY, whether a target goes direct or through the proxy.
 * Each matcher follows no-proxy-semantics.md §1.2–§1.3 (read from each client's source and tested there);
 * the data-driven tests in simulate.test.ts encode that matrix cell by cell.
 */
import { cidrContains, parseCidr, parseIpv4Range, ipv4ToNumber } from './cidr.ts';
import { isIPv4, isIPv6 } from '../host.ts';
import { parseTarget, type Target } from './target.ts';

export const CLIENT_IDS = [
  'curl',
  'python-requests',
  'go',
  'axios',
  'node-fetch',
  'node-http',
  'grpc-js',
] as const;
export type ClientId = (typeof CLIENT_IDS)[number];
export type Route = 'direct' | 'proxy';

export interface ClientInfo {
  id: ClientId;
  label: string;
  /** Which versions the rules describe. */
  versions: string;
}

export const CLIENTS: readonly ClientInfo[] = [
  { id: 'curl', label: 'curl', versions: 'curl ≥ 8.9 (and libcurl)' },
  { id: 'python-requests', label: 'Python requests', versions: 'requests 2.x with urllib' },
  { id: 'go', label: 'Go', versions: 'net/http (golang.org/x/net/http/httpproxy)' },
  { id: 'axios', label: 'axios', versions: 'axios 1.x (proxy-from-env)' },
  { id: 'node-fetch', label: 'Node fetch', versions: 'undici ≤ 7.21, as in Node 22' },
  { id: 'node-http', label: 'Node http', versions: 'Node’s built-in NODE_USE_ENV_PROXY support' },
  { id: 'grpc-js', label: 'gRPC (grpc-js)', versions: '@grpc/grpc-js ≥ 1.13' },
];

type Matcher = (value: string, target: Target) => boolean;

/** proxy-from-env (axios) and undici ≤ 7.21 share this algorithm (no-proxy-semantics.md §1.3). */
const proxyFromEnv: Matcher = (raw, target) => {
  const value = raw.toLowerCase();
  if (value === '') return false;
  if (value === '*') return true;
  // The URL's host keeps IPv6 brackets, so only bracketed entries can match an IPv6 target.
  const hostname = target.kind === 'ipv6' ? `[${target.host}]` : target.host;
  return value.split(/[,\s]/).some((entry) => {
    if (entry === '') return false;
    const withPort = /^(.+):(\d+)$/.exec(entry);
    let pattern = withPort ? (withPort[1] ?? '') : entry;
    const port = withPort ? Number(withPort[2]) : 0;
    if (port && port !== target.port) return false;
    if (!/^[.*]/.test(pattern)) return hostname === pattern;
    if (pattern.startsWith('*')) pattern = pattern.slice(1);
    return hostname.endsWith(pattern);
  });
};

const curl: Matcher = (raw, target) => {
  if (raw.trim() === '*') return true;
  return raw.split(',').some((token) => {
    const entry = token.trim().toLowerCase();
    // Since 8.9.0 only commas separate entries; a token with inner blanks matches nothing.
    if (entry === '' || /\s/.test(entry)) return false;
    if (target.kind !== 'dns') {
      const cidr = parseCidr(entry);
      if (cidr) return cidrContains(cidr, target.host);
      return (isIPv4(entry) || isIPv6(entry)) && entry === target.host;
    }
    if (isIPv4(entry) || isIPv6(entry) || parseCidr(entry)) return false;
    const name = entry.replace(/\.$/, '').replace(/^\./, '');
    const host = target.host.replace(/\.$/, '');
    return name !== '' && (host === name || host.endsWith(`.${name}`));
  });
};

const pythonRequests: Matcher = (raw, target) => {
  if (raw.trim() === '*') return true;
  // requests deletes every space before splitting.
  const entries = raw.replace(/ /g, '').split(',').filter(Boolean);
  if (target.kind === 'ipv4') {
    for (const entry of entries) {
      const cidr = parseCidr(entry);
      if (cidr?.family === 4 && cidr.bits >= 1 && cidrContains(cidr, target.host)) return true;
      if (entry === target.host) return true;
    }
  }
  const host = target.host;
  const hostPort = target.explicitPort ? `${host}:${target.port}` : undefined;
  return entries.some((raw) => {
    const name = raw.trim().replace(/^\.+/, '').toLowerCase();
    if (name === '') return false;
    if (host === name || hostPort === name) return true;
    return host.endsWith(`.${name}`) || (hostPort?.endsWith(`.${name}`) ?? false);
  });
};

function isLoopback(target: Target): boolean {
  if (target.host === 'localhost') return true;
  if (target.kind === 'ipv4') return target.host.startsWith('127.');
  return target.kind === 'ipv6' && target.host === '::1';
}

function goSplitHostPort(entry: string): { host: string; port?: number } {
  const bracketed = /^\[([^\]]*)\]:(\d+)$/.exec(entry);
  if (bracketed) return { host: bracketed[1] ?? '', port: Number(bracketed[2]) };
  const plain = /^([^:[\]]*):(\d+)$/.exec(entry);
  if (plain) return { host: plain[1] ?? '', port: Number(plain[2]) };
  return { host: entry };
}

const go: Matcher = (raw, target) => {
  if (isLoopback(target)) return true;
  const entries = raw
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  if (entries.includes('*')) return true;
  return entries.some((entry) => {
    const cidr = parseCidr(entry);
    if (cidr) return target.kind !== 'dns' && cidrContains(cidr, target.host);
    const { host: phost, port } = goSplitHostPort(entry);
    if (phost === '') return false;
    const portOk = port === undefined || port === target.port;
    if (isIPv4(phost) || isIPv6(phost))
      return portOk && target.kind !== 'dns' && phost === target.host;
    let name = phost.startsWith('*.') ? phost.slice(1) : phost;
    const matchApex = !name.startsWith('.');
    if (matchApex) name = `.${name}`;
    const matches = target.host.endsWith(name) || (matchApex && target.host === name.slice(1));
    return matches && portOk;
  });
};

/** Node's ProxyConfig, after the label-boundary fix of nodejs/node PR #62333. */
const nodeHttp: Matcher = (raw, target) => {
  const entries = raw
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const host = target.host;
  return entries.some((entry) => {
    if (entry === '*') return true;
    if (entry === host || entry === `${host}:${target.port}`) return true;
    const range = parseIpv4Range(entry);
    if (range) {
      if (target.kind !== 'ipv4') return false;
      const n = ipv4ToNumber(host);
      return n >= range[0] && n <= range[1];
    }
    if (entry.startsWith('*.')) return host.endsWith(entry.slice(1));
    if (entry.startsWith('.')) {
      const name = entry.slice(1);
      return host === name || host.endsWith(`.${name}`);
    }
    return false;
  });
};

const grpcJs: Matcher = (raw, target) => {
  if (raw === '') return false;
  // No trim, no lowercasing, no filtering of empty entries: "" ends every host name.
  return raw.split(',').some((entry) => {
    const cidr = parseCidr(entry);
    if (cidr?.family === 4) return target.kind === 'ipv4' && cidrContains(cidr, target.host);
    return target.host.endsWith(entry);
  });
};

const MATCHERS: Record<ClientId, Matcher> = {
  curl,
  'python-requests': pythonRequests,
  go,
  axios: proxyFromEnv,
  'node-fetch': proxyFromEnv,
  'node-http': nodeHttp,
  'grpc-js': grpcJs,
};

/** The route one client takes to `target`, with NO_PROXY set to the entries joined by commas. */
export function routeFor(client: ClientId, noProxy: readonly string[], target: Target): Route {
  return MATCHERS[client](noProxy.join(','), target) ? 'direct' : 'proxy';
}

export type Routes = Record<ClientId, Route>;

/** Every client's route to a URL or `host[:port]`; undefined when the target cannot be read. */
export function routesFor(noProxy: readonly string[], targetText: string): Routes | undefined {
  const target = parseTarget(targetText);
  if (!target) return undefined;
  return Object.fromEntries(CLIENT_IDS.map((id) => [id, routeFor(id, noProxy, target)])) as Routes;
}
