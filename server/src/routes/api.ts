import type { FastifyPluginAsync } from 'fastify';
import { acceptAnswersBodies } from './answers-body.ts';
import catalog from './catalog.ts';
import download from './download.ts';
import health from './health.ts';
import noProxyCheck from './no-proxy-check.ts';
import render from './render.ts';
import schema from './schema.ts';

export interface ApiOptions {
  /** Apply the per-IP rate limit (the `@fastify/rate-limit` plugin must be registered). */
  rateLimit: boolean;
}

/**
 * The JSON API under `/api` (PRODUCT.md §4), one encapsulated scope so that its rate limit and
 * body parsers stay off the static web app.
 */
const api: FastifyPluginAsync<ApiOptions> = async (app, opts) => {
  if (opts.rateLimit) app.addHook('onRequest', app.rateLimit());
  acceptAnswersBodies(app);
  await app.register(health);
  await app.register(catalog);
  await app.register(schema);
  await app.register(render);
  await app.register(download);
  await app.register(noProxyCheck);
};

export default api;
