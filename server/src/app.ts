/**
 * The whole HTTP application as a function, so tests drive it with `app.inject()` and only
 * main.ts (and one test on a real port) ever calls `listen()`.
 *
 * @see {@link https://github.com/fastify/demo/blob/main/src/app.ts} (the layout this follows)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { BODY_LIMIT, errorHandler, notFoundHandler, type RouteTable } from './errors.ts';
import compress, { autoConfig as compressConfig } from './plugins/compress.ts';
import helmet, {
  inlineScriptHashes,
  originIsolationHeaders,
  withInlineScripts,
} from './plugins/helmet.ts';
import rateLimit, { autoConfig as rateLimitConfig } from './plugins/rate-limit.ts';
import serveStatic, { autoConfig as staticConfig } from './plugins/static.ts';
import underPressure, { autoConfig as underPressureConfig } from './plugins/under-pressure.ts';
import type { PreflightOptions } from './preflight/settings.ts';
import { logRequestsInOneLine } from './log-format.ts';
import api from './routes/api.ts';
import {
  clientErrorHandler,
  frameworkErrors,
  TRANSPORT_TIMEOUTS,
  type TransportTimeouts,
} from './transport.ts';

export interface BuildAppOptions {
  /** Fastify's logger option; off unless given (main.ts turns it on). */
  logger?: FastifyServerOptions['logger'];
  /** The built web app (`dist/web`); served at `/` when it holds an index.html. */
  webDist?: string;
  /**
   * `one-line`: one readable line per request ("GET / 200 3 ms") instead of Fastify's two JSON
   * objects; main.ts uses it for the readable log format (log-format.ts).
   */
  requestLog?: 'fastify' | 'one-line';
  /**
   * Overrides for the API rate limit (tests lower it, the benchmark raises it), or `false` to turn
   * it off entirely.
   */
  rateLimit?: false | { max?: number; timeWindow?: number | string };
  /**
   * `POST /api/preflight`, which connects to the proxy named in the answers: off unless enabled
   * (main.ts enables it from HOST and PREFLIGHT). Tests also inject the allowlist, the hosts under
   * wildcards and short timeouts here.
   */
  preflight?: PreflightOptions;
  /** How long a client may take to send a request (transport.ts); tests shorten them. */
  timeouts?: Partial<TransportTimeouts>;
  /** Overrides for the event-loop guard (plugins/under-pressure.ts); tests on a loaded machine raise it. */
  underPressure?: { maxEventLoopDelay?: number };
}

export async function buildApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const timeouts = { ...TRANSPORT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: options.logger ?? false,
    ...(options.requestLog === 'one-line' && {
      logController: new LogController({ disableRequestLogging: true }),
    }),
    bodyLimit: BODY_LIMIT,
    requestTimeout: timeouts.request,
    http: {
      requestTimeout: timeouts.request,
      headersTimeout: timeouts.headers,
      connectionsCheckingInterval: timeouts.checkEvery,
    },
    // Answers Fastify and Node give outside the hooks, in the app's shape and headers.
    frameworkErrors,
    clientErrorHandler,
  });
  // Before any register(): a child scope keeps the error handler its parent had when it was created.
  app.setErrorHandler(errorHandler);
  if (options.requestLog === 'one-line') logRequestsInOneLine(app);

  const { webDist } = options;
  const page = webDist === undefined ? undefined : join(webDist, 'index.html');
  const spa = page !== undefined && existsSync(page);
  // The page's inline script (the prerender's early script) runs by its hash, nothing else inline.
  await app.register(
    helmet,
    withInlineScripts(spa ? inlineScriptHashes(readFileSync(page, 'utf8')) : []),
  );
  app.addHook('onRequest', originIsolationHeaders);
  await app.register(underPressure, { ...underPressureConfig, ...options.underPressure });
  await app.register(compress, compressConfig);
  const limited = options.rateLimit !== false;
  if (limited) await app.register(rateLimit, { ...rateLimitConfig, ...options.rateLimit });

  // Remember which methods each API path answers, so a wrong method gets 405 with `Allow`.
  const apiRoutes: RouteTable = new Map();
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = apiRoutes.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) {
      methods.add(method);
      // Fastify answers HEAD for every GET route (exposeHeadRoutes).
      if (method === 'GET') methods.add('HEAD');
    }
    apiRoutes.set(route.url, methods);
  });
  await app.register(api, {
    prefix: '/api',
    rateLimit: limited,
    preflight: options.preflight ?? { enabled: false },
  });

  if (spa && webDist !== undefined) await app.register(serveStatic, staticConfig(webDist));

  app.setNotFoundHandler(
    limited ? { preHandler: app.rateLimit() } : {},
    notFoundHandler(apiRoutes, spa),
  );
  return app;
}
