import type { FastifyPluginCallback } from 'fastify';
import { answersJsonSchema } from '@wizard/shared';

/** `GET /api/schema`: JSON Schema of the answers document, generated from the shared zod schema. */
const schema: FastifyPluginCallback = (app, _options, done) => {
  const body = JSON.stringify(answersJsonSchema());
  app.get('/schema', (_request, reply) => {
    reply.type('application/json');
    return body;
  });
  done();
};

export default schema;
