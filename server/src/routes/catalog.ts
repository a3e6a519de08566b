import type { FastifyPluginCallback } from 'fastify';
import { CATALOG } from '@wizard/shared';

/**
 * `GET /api/catalog`: the catalog module from `shared/`, as is (PRODUCT.md §2a). No response schema:
 * the shape belongs to shared, and a schema here would silently drop any field added there.
 */
const catalog: FastifyPluginCallback = (app, _options, done) => {
  // Serialized once: the catalog is constant for the life of the process.
  const body = JSON.stringify(CATALOG);
  app.get('/catalog', (_request, reply) => {
    reply.type('application/json');
    return body;
  });
  done();
};

export default catalog;
