import type { FastifyPluginAsync } from 'fastify';
import type { PreflightOptions } from '../preflight/settings.ts';
import { acceptAnswersBodies } from './answers-body.ts';
import catalog from './catalog.ts';
import download from './download.ts';
import health from './health.ts';
import noProxyCheck from './no-proxy-check.ts';
import preflight from './preflight.ts';
import render from './render.ts';
import schema from './schema.ts';

export interface ApiOptions {
  /** Apply the per-IP rate limit (the `@fastify/rate-limit` plugin must be registered). */
  rateLimit: boolean;
  /** Whether and how `POST /api/preflight` runs (preflight/settings.ts). */
  preflight: PreflightOptions;
}

/**
 * The JSON API under `/api` (PRODUCT.md §4), one encapsulated scope so that its rate limit and
 * body parsers stay off the static web app.
 *
 * The preflight sits beside the scope of the general rate limit, not inside it: it has its own,
 * tighter limit, and `@fastify/rate-limit` applies only the first limit hook a request meets.
 */
const api: FastifyPluginAsync<ApiOptions> = async (app, opts) => {
  acceptAnswersBodies(app);
  await app.register(async (limited) => {
    if (opts.rateLimit) limited.addHook('onRequest', limited.rateLimit());
    await limited.register(health);
    await limited.register(catalog);
    await limited.register(schema);
    await limited.register(render);
    await limited.register(download);
    await limited.register(noProxyCheck);
  });
  await app.register(preflight, { preflight: opts.preflight, rateLimit: opts.rateLimit });
};

export default api;
