/**
 * The egress check verify-carto.sh pipes into `node` inside a CARTO container (issue 12): for each
 * allowlisted domain a CONNECT through the container's own HTTPS_PROXY, and for each destination the
 * rules send direct a plain TCP connection. It runs on the container's own Node with Node's defaults,
 * so NODE_EXTRA_CA_CERTS and NODE_TLS_REJECT_UNAUTHORIZED act on the TLS to the proxy exactly as they
 * do for CARTO (no-proxy-semantics.md §5.3 for the CONNECT answers; carto-proxy-facts.md §V.5 for the
 * variables every CARTO container gets).
 *
 * The script is CommonJS without dependencies (`node -` reads stdin as CommonJS) and prints one
 * tab-separated line per target, `status host label detail`, in the order given; the shell formats
 * them. Details hold printable ASCII only (no tab, quote or backslash), so they are safe in a shell
 * `read` and in JSON. The proxy URL is never printed: it could carry credentials.
 *
 * @see {@link https://nodejs.org/docs/latest-v20.x/api/cli.html#node_extra_ca_certsfile}
 * @see {@link https://nodejs.org/docs/latest-v20.x/api/http.html#event-connect}
 */

export interface EgressTarget {
  /** The concrete host connected to (a wildcard's representative host). */
  host: string;
  port: number;
  /** What the user knows it as: the allowlist domain or the egress rule's target. */
  label: string;
  via: 'proxy' | 'direct';
}

/** Every status the script prints, first field of each line. */
export const EGRESS_STATUSES = [
  'allowed',
  'blocked',
  'auth-required',
  'tls-error',
  'error',
  'direct-ok',
  'direct-error',
] as const;
export type EgressStatus = (typeof EGRESS_STATUSES)[number];

export interface EgressResult {
  status: EgressStatus;
  host: string;
  label: string;
  detail: string;
}

/** Parses the script's output back (tests, and the CLI's `verify --json`). */
export function parseEgressOutput(text: string): EgressResult[] {
  const results: EgressResult[] = [];
  for (const line of text.split('\n')) {
    const [status, host, label, detail] = line.split('\t');
    if (!(EGRESS_STATUSES as readonly string[]).includes(status ?? '')) continue;
    results.push({
      status: status as EgressStatus,
      host: host ?? '',
      label: label ?? '',
      detail: detail ?? '',
    });
  }
  return results;
}

export function renderEgressCheckScript(
  targets: readonly EgressTarget[],
  timeoutMs = 10_000,
): string {
  // JSON of catalog domains and numbers only: a valid JavaScript literal with no line that could end
  // the shell heredoc around it.
  const list = targets.map((t) => ({ host: t.host, port: t.port, label: t.label, via: t.via }));
  return `'use strict';
// CARTO Self-hosted proxy wizard: egress check, run by verify-carto.sh inside a CARTO container.
const net = require('net');
const tls = require('tls');
const targets = ${JSON.stringify(list)};
const timeoutMs = ${String(timeoutMs)};
const clean = (text) => String(text).replace(/[^\\x20-\\x7e]|["\\\\]/g, ' ').slice(0, 160);
const raw = process.env.https_proxy || process.env.HTTPS_PROXY || '';
let proxy = null;
let proxyProblem = 'HTTPS_PROXY is not set in this container';
if (raw !== '') {
  try {
    proxy = new URL(raw.includes('://') ? raw : 'http://' + raw);
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
      proxyProblem = 'HTTPS_PROXY has an unsupported scheme ' + clean(proxy.protocol);
      proxy = null;
    }
  } catch (error) {
    proxyProblem = 'HTTPS_PROXY is not a valid URL';
  }
}

function attempt(open, onOpen, onData) {
  return new Promise((resolve) => {
    let done = false;
    let socket = null;
    const finish = (status, detail) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (socket) socket.destroy();
      resolve({ status: status, detail: clean(detail) });
    };
    const timer = setTimeout(() => finish('error', 'no answer within ' + timeoutMs / 1000 + ' s'), timeoutMs);
    socket = open(() => onOpen(socket, finish));
    socket.on('error', (error) => finish(error.tlsError ? 'tls-error' : 'error', (error.code || 'error') + ': ' + error.message));
    if (onData) {
      let head = '';
      socket.on('data', (chunk) => {
        head += chunk.toString('latin1');
        if (head.includes('\\r\\n')) onData(head, finish);
      });
    }
    socket.on('end', () => finish('error', 'the connection closed without an answer'));
  });
}

function throughProxy(target) {
  if (proxy === null) return Promise.resolve({ status: 'error', detail: proxyProblem });
  const host = proxy.hostname.replace(/^\\[|\\]$/g, '');
  const https = proxy.protocol === 'https:';
  const port = Number(proxy.port) || (https ? 443 : 80);
  const where = 'proxy ' + clean(proxy.host);
  let secured = !https;
  const open = (ready) => {
    if (!https) return net.connect({ host: host, port: port }, ready);
    // Node's defaults: NODE_EXTRA_CA_CERTS and NODE_TLS_REJECT_UNAUTHORIZED apply as for CARTO.
    const options = { host: host, port: port };
    if (net.isIP(host) === 0) options.servername = host;
    const socket = tls.connect(options, () => {
      secured = true;
      ready();
    });
    socket.on('error', (error) => {
      if (!secured) error.tlsError = true;
    });
    return socket;
  };
  return attempt(
    open,
    (socket) => {
      const authority = target.host + ':' + target.port;
      socket.write('CONNECT ' + authority + ' HTTP/1.1\\r\\nHost: ' + authority + '\\r\\n\\r\\n');
    },
    (head, finish) => {
      const match = /^HTTP\\/\\d(?:\\.\\d)? (\\d{3})/.exec(head);
      const code = match ? Number(match[1]) : 0;
      if (code >= 200 && code < 300) finish('allowed', where + ' answered ' + code);
      else if (code === 403) finish('blocked', where + ' answered 403');
      else if (code === 407) finish('auth-required', where + ' answered 407');
      else if (code !== 0) finish('error', where + ' answered ' + code);
      else finish('error', where + ' did not answer with HTTP');
    },
  ).then((result) => {
    if (result.status === 'tls-error') result.detail = 'TLS to the ' + where + ' failed: ' + result.detail;
    else if (result.status === 'error' && !result.detail.startsWith(where)) result.detail = where + ': ' + result.detail;
    return result;
  });
}

function direct(target) {
  return attempt(
    (ready) => net.connect({ host: target.host, port: target.port }, ready),
    (socket, finish) => finish('direct-ok', 'reachable directly on TCP ' + target.port),
  ).then((result) =>
    result.status === 'direct-ok' ? result : { status: 'direct-error', detail: result.detail },
  );
}

Promise.all(targets.map((target) => (target.via === 'proxy' ? throughProxy(target) : direct(target)))).then(
  (results) => {
    const lines = results.map((result, index) =>
      [result.status, targets[index].host, targets[index].label, result.detail].join('\\t'),
    );
    process.stdout.write(lines.join('\\n') + (lines.length > 0 ? '\\n' : ''));
  },
);
`;
}
