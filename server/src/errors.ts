/**
 * How the API reports errors: one JSON shape (`{"error": code, "message": sentence}`), a 4xx for
 * everything a client can fix, and a 500 only for the server's own bugs, which are the only errors
 * logged. Fastify's built-in failures (body parsing, size, media type) arrive here as `FST_ERR_*`
 * codes and are translated into sentences that say what to send instead.
 *
 * @see {@link https://fastify.dev/docs/latest/Reference/Errors/} (FST_ERR_* codes)
 * @see {@link https://fastify.dev/docs/latest/Reference/Server/#seterrorhandler}
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { capIssues } from './issues.ts';
import { wantsSpaPage } from './plugins/static.ts';

/** Request bodies above this size are refused with 413; an answers document is a few KiB. */
export const BODY_LIMIT = 256 * 1024;

/**
 * Every error body the API sends. Loose, so that the response encoder (contract.ts) never
 * drops a key; the keys are in the order the bodies have always been written.
 */
export const ApiErrorSchema = z.looseObject({
  error: z.string(),
  message: z.string().optional(),
  issues: z
    .array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        message: z.string(),
      }),
    )
    .optional(),
  available: z.array(z.string()).optional(),
});
export type ApiErrorBody = z.output<typeof ApiErrorSchema>;

/** An error whose status and JSON body are meant for the client, as is. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly body: ApiErrorBody;

  constructor(statusCode: number, body: ApiErrorBody) {
    super(body.message ?? body.error);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.body = body;
  }
}

export const MEDIA_TYPE_MESSAGE =
  'Send the answers document as Content-Type: application/json, or as the form field "answers" with Content-Type: application/x-www-form-urlencoded.';

/** Fastify's own client errors, in words that say what to send instead. */
const FASTIFY_ERRORS: Readonly<Record<string, readonly [number, ApiErrorBody]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [
    400,
    { error: 'invalid_json', message: 'The request body is not valid JSON.' },
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    400,
    {
      error: 'invalid_json',
      message: 'The request body is empty: send the answers document as JSON.',
    },
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: [
    413,
    {
      error: 'body_too_large',
      message: `The request body is larger than ${BODY_LIMIT / 1024} KiB. An answers document is a few KiB: check that the custom CA holds only the proxy's CA certificate(s).`,
    },
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    { error: 'unsupported_media_type', message: MEDIA_TYPE_MESSAGE },
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    { error: 'bad_request', message: 'The request body does not match its Content-Length header.' },
  ],
};

/** The status and body the client gets for an error, or undefined when it is the server's fault. */
export function describeError(
  err: FastifyError | ApiError,
): readonly [number, ApiErrorBody] | undefined {
  if (err instanceof ApiError) {
    const { issues } = err.body;
    return [err.statusCode, issues ? { ...err.body, issues: capIssues(issues) } : err.body];
  }
  const known = err.code === undefined ? undefined : FASTIFY_ERRORS[err.code];
  if (known) return known;
  const status = err.statusCode ?? 500;
  if (err.code === 'FST_ERR_VALIDATION') {
    return [400, { error: 'invalid_request', message: err.message }];
  }
  if (status === 429) return [429, { error: 'rate_limited', message: err.message }];
  if (status === 503) return [503, { error: 'unavailable', message: err.message }];
  if (status >= 400 && status < 500)
    return [status, { error: 'bad_request', message: err.message }];
  return undefined;
}

export function errorHandler(
  err: FastifyError | ApiError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const described = describeError(err);
  if (described) return reply.code(described[0]).send(described[1]);
  // Only the error and the request line: never request.body, which may carry a CA or hostnames.
  request.log.error({ err, method: request.method, url: request.url }, 'unexpected error');
  return reply.code(500).send({
    error: 'internal_error',
    message: 'The server failed unexpectedly; the error is logged.',
  });
}

/** The methods each API path answers, filled as routes are registered (for 405 and `Allow`). */
export type RouteTable = Map<string, Set<string>>;

/**
 * 405 with `Allow` for a known API path called with the wrong method, `index.html` for browser
 * navigations when the web app is served, and a JSON 404 for everything else. The 404 for an API
 * path lists the routes, so a typo is a one-look fix.
 */
export function notFoundHandler(routes: RouteTable, spa: boolean) {
  return async function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
    const path = request.url.split('?', 1)[0] ?? '/';
    const allowed = routes.get(path);
    if (allowed) {
      const methods = [...allowed].join(', ');
      return reply
        .code(405)
        .header('allow', methods)
        .send({
          error: 'method_not_allowed',
          message: `${path} accepts ${methods}, not ${request.method}.`,
        });
    }
    if (spa && wantsSpaPage(request)) return reply.sendFile('index.html');
    const isApi = path === '/api' || path.startsWith('/api/');
    const known = [...routes].map(([url, methods]) => `${[...methods][0] ?? ''} ${url}`);
    return reply.code(404).send({
      error: 'not_found',
      message: isApi
        ? `No API route ${request.method} ${path}. The API has: ${known.join(', ')}.`
        : spa
          ? `Nothing at ${path}.`
          : `Nothing at ${path}. The web app is not built: run npm run build, or use the API under /api.`,
    });
  };
}
