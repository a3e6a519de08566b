/**
 * The only place the preflight opens connections, and only ever to the proxy from the answers: a
 * plain TCP socket, or TLS for an HTTPS proxy (the CONNECT then travels inside that TLS session,
 * as curl and Node send it to an `https://` proxy). Every attempt is bounded by a timeout and by
 * the run's abort signal, and ends with its socket destroyed.
 *
 * @see {@link https://nodejs.org/docs/latest-v20.x/api/net.html#netconnectoptions-connectlistener}
 * @see {@link https://nodejs.org/docs/latest-v20.x/api/tls.html#tlsconnectoptions-callback}
 */
import net, { type Socket } from 'node:net';
import tls, { type ConnectionOptions, type TLSSocket } from 'node:tls';
import { hostKind, hostPort } from '@wizard/shared';

/** The proxy as the answers describe it; the CA only when one applies (HTTPS, not blank). */
export interface ProxyEndpoint {
  protocol: 'http' | 'https';
  host: string;
  port: number;
  verifyCertificate: boolean;
  customCa?: string;
}

/** `host:port` as a person writes it, IPv6 in brackets. */
export function endpointText(proxy: Pick<ProxyEndpoint, 'host' | 'port'>): string {
  return hostPort(proxy.host, proxy.port);
}

/** Seconds for messages: "10 s", "0.2 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * TLS options for the proxy: the custom CA replaces the system store when given (as curl's
 * `--proxy-cacert` does in check-proxy.sh), SNI only for a DNS name (an IP address is not a valid
 * server name, RFC 6066 §3).
 */
export function proxyTlsOptions(
  proxy: ProxyEndpoint,
  rejectUnauthorized: boolean,
): ConnectionOptions {
  const options: ConnectionOptions = { host: proxy.host, port: proxy.port, rejectUnauthorized };
  if (hostKind(proxy.host) === 'dns') options.servername = proxy.host;
  if (proxy.customCa !== undefined) options.ca = proxy.customCa;
  return options;
}

/** A TCP connection to the proxy, or a TLS one (verified as the answers say) for an HTTPS proxy. */
export function openToProxy(proxy: ProxyEndpoint, over: 'tcp' | 'tls'): Socket | TLSSocket {
  return over === 'tls'
    ? tls.connect(proxyTlsOptions(proxy, proxy.verifyCertificate))
    : net.connect({ host: proxy.host, port: proxy.port });
}

/** How an attempt ended when the socket did not decide it. */
export interface Endings<T> {
  /** The attempt's own time limit passed. */
  timeout: () => T;
  /** The run was stopped (its overall budget passed, or the client went away), with why. */
  aborted: (reason: string) => T;
  /** The socket failed (refused, reset, TLS…), or could not even be opened. */
  failed: (error: Error & { code?: string }) => T;
}

/**
 * Runs one attempt on a socket: `start` opens it and calls `finish` with the result. The first of
 * `finish`, a socket error, the timeout and the abort signal wins; the socket is destroyed and the
 * timer cleared either way, so no attempt outlives its time limit.
 */
export function attempt<T>(
  timeoutMs: number,
  signal: AbortSignal,
  endings: Endings<T>,
  start: (finish: (result: T) => void) => Socket,
): Promise<T> {
  if (signal.aborted) return Promise.resolve(endings.aborted(stopReason(signal)));
  return new Promise<T>((resolve) => {
    let socket: Socket | undefined;
    let done = false;
    const finish = (result: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket?.destroy();
      resolve(result);
    };
    const onAbort = () => finish(endings.aborted(stopReason(signal)));
    const timer = setTimeout(() => finish(endings.timeout()), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      socket = start(finish);
    } catch (error) {
      finish(endings.failed(error as Error));
      return;
    }
    socket.on('error', (error) => finish(endings.failed(error)));
    if (done) socket.destroy();
  });
}

/** The sentence a run was aborted with (see probe.ts), for the checks it cut short. */
export function stopReason(signal: AbortSignal): string {
  return typeof signal.reason === 'string' ? signal.reason : 'Stopped before the proxy answered.';
}

/** Node's socket and TLS error codes, in words that say where to look. */
export function describeSocketError(
  error: Error & { code?: string },
  proxy: ProxyEndpoint,
): string {
  const where = endpointText(proxy);
  switch (error.code) {
    case 'ECONNREFUSED':
      return `Connection refused: nothing listens on ${where}. Check the proxy host and port.`;
    case 'ENOTFOUND':
    case 'EAI_NONAME':
      return `The name ${proxy.host} does not resolve from this machine. Check the proxy host, or the DNS here.`;
    case 'EAI_AGAIN':
      return `DNS could not answer for ${proxy.host} (temporary failure). Retry, or check the DNS here.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `No route to ${where} from this machine (${error.code}): a firewall or routing problem.`;
    case 'ECONNRESET':
      return `The proxy at ${where} reset the connection.`;
    case 'EPIPE':
      return `The proxy at ${where} closed the connection while the request was being sent.`;
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'ERR_SSL_PACKET_LENGTH_TOO_LONG':
      return `${where} does not speak TLS: is it an http proxy rather than https?`;
    default:
      return error.code === undefined
        ? `Connection to ${where} failed: ${error.message}`
        : `Connection to ${where} failed (${error.code}): ${error.message}`;
  }
}
