import { Readable } from 'node:stream';
import { hostname } from 'node:os';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors.ts';
import { LOOPBACK_HOST } from '../plugins/helmet.ts';
import { PREFLIGHT_RATE_LIMIT } from '../plugins/rate-limit.ts';
import { planPreflight, runPreflight } from '../preflight/probe.ts';
import { hostHeaderAllowed, type PreflightOptions } from '../preflight/settings.ts';
import { planFor } from '@wizard/shared';
import { clampPreflightLine, type PreflightLine } from '@wizard/shared/preflight';
import { z } from 'zod';
import { AnswersBody, errors } from '../contract.ts';

export interface PreflightRouteOptions {
  preflight: PreflightOptions;
  /** Apply the preflight's own rate limit (the `@fastify/rate-limit` plugin must be registered). */
  rateLimit: boolean;
}

export const NDJSON = 'application/x-ndjson; charset=utf-8';

/**
 * One JSON object per line, as each check ends, clamped to the line schema: the client may send
 * the run back with a download, which reads it with that same schema (issue 13, item 3).
 */
async function* ndjson(lines: AsyncIterable<PreflightLine>): AsyncGenerator<string> {
  for await (const line of lines) yield `${JSON.stringify(clampPreflightLine(line))}\n`;
}

/**
 * Refuses, before the body is read, what must never start a preflight: a server where it is off, a
 * request addressed to another name than loopback when only loopback is allowed (DNS rebinding), a
 * request another site's page sent (`Sec-Fetch-Site`), and a form post, which a page on any site
 * can send without asking (a JSON post from another origin needs a CORS preflight this server
 * never grants).
 *
 * @see {@link https://developer.mozilla.org/docs/Web/HTTP/Reference/Headers/Sec-Fetch-Site}
 * @see {@link https://fetch.spec.whatwg.org/#cors-safelisted-request-header} (form posts need no CORS preflight)
 */
function gate(options: PreflightOptions) {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify runs an async hook's throw as an error reply
  return async (request: FastifyRequest): Promise<void> => {
    if (!options.enabled) {
      throw new ApiError(403, {
        error: 'preflight_disabled',
        message:
          'The preflight check is off on this server: it lets whoever can reach the wizard make this machine connect to a proxy of their choice. It runs when the server listens on a loopback address (HOST=127.0.0.1, the default); start it with PREFLIGHT=on to allow it here, or run check-proxy.sh from the download instead.',
      });
    }
    if (options.loopbackHostsOnly === true && !LOOPBACK_HOST.test(request.hostname)) {
      throw new ApiError(403, {
        error: 'preflight_host_refused',
        message: `The preflight check answers only pages opened at a loopback address (http://127.0.0.1 or http://localhost), not ${request.hostname}. Behind a reverse proxy, start the server with PREFLIGHT=on PREFLIGHT_HOSTS=<its name>.`,
      });
    }
    const names = options.allowedHostNames;
    if (names !== undefined && !hostHeaderAllowed(request.hostname, names)) {
      throw new ApiError(403, {
        error: 'preflight_host_refused',
        message: `The preflight check answers pages opened at a loopback or IP address, or at a name given in PREFLIGHT_HOSTS${names.length > 0 ? ` (${names.join(', ')})` : ''}, not ${request.hostname}: another name can be a DNS rebinding attack. Add the wizard's name to PREFLIGHT_HOSTS.`,
      });
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new ApiError(403, {
        error: 'cross_site_request',
        message:
          "The preflight check answers only the wizard's own pages, not requests sent by another site.",
      });
    }
    const type = (request.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new ApiError(415, {
        error: 'unsupported_media_type',
        message: 'Send the answers document as Content-Type: application/json.',
      });
    }
  };
}

/**
 * `POST /api/preflight` (issue 6): the answers document in, a stream of NDJSON lines out, each
 * written as its check ends (see preflight/types.ts for the shapes): `reach`, `tls` for an HTTPS
 * proxy, one `connect` per allowlist domain, then `summary`. Invalid answers get the usual 400
 * before anything is contacted; once the 200 is sent every failure is a line, never an error status.
 *
 * `X-Accel-Buffering: no` keeps nginx, a common reverse proxy in front of the wizard, from holding
 * the lines back until the end; `Cache-Control: no-store` because the result is a live measurement.
 *
 * @see {@link https://github.com/ndjson/ndjson-spec}
 * @see {@link https://fastify.dev/docs/latest/Reference/Reply/#streams}
 */
const preflight: FastifyPluginCallbackZod<PreflightRouteOptions> = (app, opts, done) => {
  const { preflight: options } = opts;
  const refuse = gate(options);
  const limit = { ...PREFLIGHT_RATE_LIMIT, ...options.rateLimit };
  const onRequest = opts.rateLimit ? [app.rateLimit(limit), refuse] : [refuse];
  const schema = {
    summary: 'Test the proxy named in the answers from this server',
    body: AnswersBody,
    response: {
      200: {
        description:
          'NDJSON, streamed: one PreflightLine (components.schemas.PreflightLine) per line, each written as its check ends (reach, tls, one connect per allowlisted domain, then the summary).',
        content: { 'application/x-ndjson': { schema: z.custom<Readable>() } },
      },
      ...errors(400, 403, 413, 415, 429),
    },
  };
  app.post('/preflight', { onRequest, schema }, (request, reply) => {
    const plan = planPreflight(planFor(request.body), options);
    // The client going away stops the checks still running.
    const closed = new AbortController();
    reply.raw.once('close', () => closed.abort());
    const lines = runPreflight(plan, {
      signal: closed.signal,
      // Where the proxy answered from: the result says so (issue 21, item 6).
      from: hostname(),
      ...(options.timeouts ? { timeouts: options.timeouts } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    });
    reply
      .type(NDJSON)
      .header('cache-control', 'no-store')
      .header('x-accel-buffering', 'no')
      .send(Readable.from(ndjson(lines)));
  });
  done();
};

export default preflight;
