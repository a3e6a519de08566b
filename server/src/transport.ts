/**
 * What happens before a request reaches a route: how long a client may take to send it, and the
 * answers Fastify and Node give on their own, outside the app's hooks (issue 13, items 7 and 8): a
 * URL that cannot be decoded (`/%`), a request Node cannot parse, headers over the size limit (431),
 * a request that takes too long (408). Each gets the same security headers and the same JSON error
 * shape as every other answer, and none repeats the URL.
 *
 * @see {@link https://fastify.dev/docs/latest/Reference/Server/#frameworkerrors}
 * @see {@link https://fastify.dev/docs/latest/Reference/Server/#clienterrorhandler}
 * @see {@link https://nodejs.org/docs/latest-v20.x/api/http.html#serverrequesttimeout}
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import helmetCore, { type HelmetOptions } from 'helmet';
import type { ApiErrorBody } from './errors.ts';
import { autoConfig as helmetConfig } from './plugins/helmet.ts';

export interface TransportTimeouts {
  /** The whole request, headers and body, from its first byte. */
  request: number;
  /** The request line and headers alone. */
  headers: number;
  /** How often Node looks for requests over these limits. */
  checkEvery: number;
}

/**
 * A body of 256 KiB takes well under a second on any real link; 30 s is far beyond what a browser
 * ever needs and ends a client that trickles a byte every few seconds (item 7). Node checks every
 * 30 s by default, which would let such a request live for up to twice the limit.
 */
export const TRANSPORT_TIMEOUTS: Readonly<TransportTimeouts> = {
  request: 30_000,
  headers: 15_000,
  checkEvery: 5_000,
};

/** The header names and values helmet sets, worked out once from the same configuration. */
function helmetHeaders(): [string, string][] {
  const headers = new Map<string, string>();
  const response = {
    setHeader(name: string, value: string | number) {
      headers.set(name.toLowerCase(), String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  helmetCore(helmetConfig as HelmetOptions)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    () => undefined,
  );
  return [...headers];
}

const SECURITY_HEADERS = helmetHeaders();

/** The security headers of every answer, for the answers that skip the app's hooks. */
export function securityHeaders(): Readonly<Record<string, string>> {
  return Object.fromEntries(SECURITY_HEADERS);
}

const BAD_URL: ApiErrorBody = {
  error: 'bad_url',
  message:
    'The request URL cannot be read: a % must start a valid escape such as %20. Check the link.',
};

/**
 * Fastify's own refusals before routing (a URL that does not decode, a parameter too long): a 400
 * in the app's shape, without the URL, which Fastify's default message quotes.
 */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body: ApiErrorBody =
    error.code === 'FST_ERR_BAD_URL'
      ? BAD_URL
      : { error: 'bad_request', message: 'The request cannot be routed: check the URL.' };
  void reply.code(400).headers(securityHeaders()).header('cache-control', 'no-store').send(body);
}

/** Node's parse and timeout errors, as the status and body the client gets. */
function describeClientError(code: string | undefined): readonly [number, ApiErrorBody] {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [
      408,
      {
        error: 'request_timeout',
        message: `The request was not received within ${TRANSPORT_TIMEOUTS.request / 1000} seconds.`,
      },
    ];
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return [
      431,
      {
        error: 'headers_too_large',
        message:
          'The request headers are too large: clear this site’s cookies, or send fewer headers.',
      },
    ];
  }
  return [400, { error: 'bad_request', message: 'The request is not valid HTTP/1.1.' }];
}

/**
 * Node's `clientError`: answer on the raw socket, as Node and Fastify do by default, but with the
 * security headers and the app's JSON shape, then close the connection.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body] = describeClientError(error.code);
  const text = JSON.stringify(body);
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(text)}`,
    'cache-control: no-store',
    'connection: close',
    ...SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}`),
  ];
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`${headers.join('\r\n')}\r\n\r\n${text}`, () => socket.destroy());
}
