import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { answersJsonSchema } from '@wizard/shared';
import { jsonAsIs } from '../contract.ts';

/** `GET /api/schema`: JSON Schema of the answers document, generated from the shared zod schema. */
const schema: FastifyPluginCallbackZod = (app, _options, done) => {
  const body = JSON.stringify(answersJsonSchema());
  const response = {
    200: jsonAsIs('JSON Schema (draft 2020-12) of the answers document, as the client writes it.'),
  };
  app.get(
    '/schema',
    { schema: { summary: 'JSON Schema of the answers document', response } },
    (_request, reply) => {
      reply.type('application/json');
      return body;
    },
  );
  done();
};

export default schema;
