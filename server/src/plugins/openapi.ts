import fastifySwagger from '@fastify/swagger';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from 'fastify-type-provider-zod';
import { WIZARD_VERSION } from '@wizard/shared';
import { COMPONENTS, jsonAsIs } from '../contract.ts';

export interface OpenApiOptions {
  /** Apply the per-IP rate limit to the document (the `@fastify/rate-limit` plugin must be registered). */
  rateLimit: boolean;
}

/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document of the API, made from the same zod schemas the
 * routes declare (contract.ts), so it cannot drift from what they accept and send.
 *
 * Registered without encapsulation (fastify-plugin) in the API's scope, before its routes:
 * `@fastify/swagger` collects the routes from an `onRoute` hook, so it sees every route registered
 * after it in that scope and its children. It builds the document on the first `swagger()` call,
 * so start-up only pays for collecting the routes; the JSON text is then kept for the process.
 * No Swagger UI is served: the document is for tools (client generators, linters) and readers.
 *
 * @see {@link https://github.com/fastify/fastify-swagger#dynamic}
 * @see {@link https://github.com/turkerdev/fastify-type-provider-zod#how-to-use-together-with-fastifyswagger}
 * @see {@link https://spec.openapis.org/oas/v3.1.1.html}
 */
const openapi: FastifyPluginAsync<OpenApiOptions> = async (app, opts) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CARTO Self-hosted Proxy Wizard API',
        version: WIZARD_VERSION,
        description:
          'Answers in, proxy configuration for CARTO Self-hosted out. Errors are JSON {"error", "message"?, "issues"?}: a 400 names every offending field by its path.',
      },
    },
    // The provider's transforms turn the zod schemas into JSON Schema 2020-12 (OpenAPI 3.1's
    // dialect); the schemas in COMPONENTS are written once under components.schemas.
    transform: createJsonSchemaTransform({ skipList: [], schemaRegistry: COMPONENTS }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: COMPONENTS }),
  });

  let document: string | undefined;
  app.get(
    '/openapi.json',
    {
      ...(opts.rateLimit ? { onRequest: app.rateLimit() } : {}),
      schema: {
        summary: 'This OpenAPI 3.1 document',
        response: { 200: jsonAsIs('The OpenAPI 3.1 document of the API.') },
      },
    },
    (_request, reply) => {
      document ??= JSON.stringify(app.swagger());
      reply.type('application/json');
      return document;
    },
  );
};

export default fp(openapi, { name: 'openapi', fastify: '5.x' });
