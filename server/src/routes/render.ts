import type { FastifyPluginCallback } from 'fastify';
import { renderAll } from '@wizard/shared';
import { answersFrom } from './answers-body.ts';
import { RenderResultSchema } from './render-result-schema.ts';

/**
 * `POST /api/render`: the answers document in, every output file and the facts behind them out
 * (PRODUCT.md §4). The same `renderAll` runs in the browser preview and the CLI, so all three give
 * the same bytes.
 */
const render: FastifyPluginCallback = (app, _options, done) => {
  app.post(
    '/render',
    // Only the 200 body has a schema: 4xx bodies come from the error handler in several shapes.
    { schema: { response: { 200: RenderResultSchema } } },
    (request) => renderAll(answersFrom(request.body)),
  );
  done();
};

export default render;
