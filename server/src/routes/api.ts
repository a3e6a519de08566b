import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler } from '../contract.ts';
import openapi from '../plugins/openapi.ts';
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
 *
 * Every route declares its request and response schemas with zod (contract.ts), which this scope's
 * compilers check and encode with, and which the OpenAPI document (plugins/openapi.ts, registered
 * before the routes so that it sees them) describes.
 */
const api: FastifyPluginAsync<ApiOptions> = async (app, opts) => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  acceptAnswersBodies(app);
  await app.register(openapi, { rateLimit: opts.rateLimit });
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
