import type { FastifyPluginCallback } from 'fastify';
import { WIZARD_VERSION } from '@wizard/shared';

/** `GET /api/health`: liveness for load balancers and the e2e web server (PRODUCT.md §4). */
const health: FastifyPluginCallback = (app, _options, done) => {
  app.get(
    '/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, version: { type: 'string' } },
            required: ['status', 'version'],
          },
        },
      },
    },
    () => ({ status: 'ok', version: WIZARD_VERSION }),
  );
  done();
};

export default health;
