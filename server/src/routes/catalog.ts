import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { CATALOG } from '@wizard/shared';
import { jsonAsIs } from '../contract.ts';

/**
 * `GET /api/catalog`: the catalog module from `shared/`, as is (PRODUCT.md §2a). Documented, not
 * encoded: the shape belongs to shared, and a schema here would silently drop any field added there.
 */
const catalog: FastifyPluginCallbackZod = (app, _options, done) => {
  // Serialized once: the catalog is constant for the life of the process.
  const body = JSON.stringify(CATALOG);
  const schema = {
    summary: 'The catalog: methods, releases and their rules, warehouses, services, domains',
    response: {
      200: jsonAsIs('The catalog module of shared/src/catalog.ts, with the source of every fact.'),
    },
  };
  app.get('/catalog', { schema }, (_request, reply) => {
    reply.type('application/json');
    return body;
  });
  done();
};

export default catalog;
