import { performance } from 'node:perf_hooks';
import { isDnsName, WIZARD_VERSION } from '@wizard/shared';
import {
  attempt,
  describeSocketError,
  openToProxy,
  seconds,
  type ProxyEndpoint,
} from './proxy-socket.ts';
import type { ConnectCheck, ConnectStatus } from '@wizard/shared/preflight';

/** CARTO's traffic to its allowlist is HTTPS: the tunnel is always asked for port 443. */
export const CONNECT_PORT = 443;

/** A proxy's answer head is a few hundred bytes; past this it is not an answer to CONNECT. */
export const MAX_ANSWER_HEAD = 16 * 1024;

const HTTP_PREFIX = 'HTTP/';
const NOT_HTTP = "The proxy's answer is not HTTP: is this port a proxy?";

/** One allowlist domain and the host the CONNECT asks for. */
export interface ConnectTarget {
  domain: string;
  host: string;
}

export interface ProxyAnswer {
  status: number;
  reason: string;
  /** Header names in lowercase; a header may repeat. */
  headers: Map<string, string[]>;
}

/** Text from the proxy, made safe to show: printable, one line, at most 120 characters. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 120);
}

/**
 * The status line and headers of a proxy's answer (the bytes before the blank line), or undefined
 * when they are not HTTP/1.x.
 */
export function parseProxyAnswer(head: string): ProxyAnswer | undefined {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!match) return undefined;
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return { status: Number(match[1]), reason: printable(match[2] ?? ''), headers };
}

/** What an answer means for CARTO, and what to do about it. */
export function judgeAnswer(
  answer: ProxyAnswer,
  target: ConnectTarget,
): { status: Exclude<ConnectStatus, 'skipped'>; detail: string } {
  const { status, reason } = answer;
  const said = `${status}${reason ? ` ${reason}` : ''}`;
  const tunnel = `${target.host}:${CONNECT_PORT}`;
  if (status >= 200 && status < 300) {
    return { status: 'allowed', detail: `The proxy opened a tunnel to ${tunnel} (${said}).` };
  }
  if (status === 403) {
    return {
      status: 'blocked',
      detail: `The proxy refused CONNECT ${tunnel} (${said}): ask the proxy admin to allow ${target.domain} (see squid-allowlist.conf or proxy-allowlist.txt).`,
    };
  }
  if (status === 407) {
    const challenge = answer.headers.get('proxy-authenticate')?.[0];
    const scheme = challenge === undefined ? '' : `, ${printable(challenge.split(' ')[0] ?? '')}`;
    return {
      status: 'auth-required',
      detail: `The proxy asks for credentials (407${scheme}). CARTO sends none: ask the proxy admin to allow ${target.domain} without authentication for the CARTO hosts.`,
    };
  }
  if (status === 502 || status === 503 || status === 504) {
    return {
      status: 'error',
      detail: `The proxy could not reach ${tunnel} itself (${said}): check the proxy's DNS and outbound access.`,
    };
  }
  return { status: 'error', detail: `The proxy answered ${said} to CONNECT ${tunnel}.` };
}

/**
 * Step 3, once per allowlist domain: `CONNECT host:443` through the proxy, as every CARTO client
 * sends it for an https URL (no-proxy-semantics.md §5.1), and the proxy's answer. Only the answer
 * is read: on a 200 the tunnel is closed at once, nothing is sent to the destination. Over an HTTPS
 * proxy the request goes inside a TLS session with the proxy, verified as the answers say.
 *
 * The host must be a DNS name (the catalog's, or a test's): it goes into the request line, so
 * anything else is refused before any connection is made.
 */
export function probeConnect(
  proxy: ProxyEndpoint,
  target: ConnectTarget,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ConnectCheck> {
  const started = performance.now();
  const line = (
    status: ConnectCheck['status'],
    httpStatus: number | null,
    detail: string,
  ): ConnectCheck => ({
    check: 'connect',
    domain: target.domain,
    host: target.host,
    status,
    httpStatus,
    ms: Math.round(performance.now() - started),
    detail,
  });
  if (!isDnsName(target.host)) {
    return Promise.resolve(line('error', null, 'Not a DNS name: not checked.'));
  }
  const over = proxy.protocol === 'https' ? 'tls' : 'tcp';
  return attempt(
    timeoutMs,
    signal,
    {
      timeout: () => line('error', null, `No answer from the proxy within ${seconds(timeoutMs)}.`),
      aborted: (reason) => line('error', null, reason),
      failed: (error) => line('error', null, describeSocketError(error, proxy)),
    },
    (finish) => {
      const socket = openToProxy(proxy, over);
      socket.once(over === 'tls' ? 'secureConnect' : 'connect', () => {
        const authority = `${target.host}:${CONNECT_PORT}`;
        socket.write(
          `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\nUser-Agent: carto-proxy-wizard/${WIZARD_VERSION} preflight\r\n\r\n`,
        );
      });
      let head = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        if (!HTTP_PREFIX.startsWith(head.subarray(0, 5).toString('latin1'))) {
          finish(line('error', null, NOT_HTTP));
          return;
        }
        const end = head.indexOf('\r\n\r\n');
        if (end === -1) {
          if (head.length > MAX_ANSWER_HEAD) {
            finish(line('error', null, 'The proxy sent an answer over 16 KiB without ending it.'));
          }
          return;
        }
        const answer = parseProxyAnswer(head.subarray(0, end).toString('latin1'));
        if (!answer) {
          finish(line('error', null, NOT_HTTP));
          return;
        }
        const { status, detail } = judgeAnswer(answer, target);
        finish(line(status, answer.status, detail));
      });
      const closed = () =>
        finish(line('error', null, 'The proxy closed the connection without answering.'));
      socket.once('end', closed);
      socket.once('close', closed);
      return socket;
    },
  );
}
