import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WIZARD_VERSION } from '@wizard/shared';

const HealthSchema = z.object({ status: z.literal('ok'), version: z.string() });

/** `GET /api/health`: liveness for load balancers and the e2e web server (PRODUCT.md §4). */
const health: FastifyPluginCallbackZod = (app, _options, done) => {
  app.get(
    '/health',
    { schema: { summary: 'Liveness and the wizard version', response: { 200: HealthSchema } } },
    () => ({ status: 'ok' as const, version: WIZARD_VERSION }),
  );
  done();
};

export default health;
