import type { FastifyPluginCallback } from 'fastify';
import { renderAll } from '@wizard/shared';
import { answersFrom } from './answers-body.ts';

/**
 * `POST /api/render`: the answers document in, every output file and the facts behind them out
 * (PRODUCT.md §4). The same `renderAll` runs in the browser preview and the CLI, so all three give
 * the same bytes.
 *
 * No response schema: the body's shape is `RenderResult`, owned by shared/src/render/types.ts, and
 * a copy here would silently drop any field added there. It would not be faster either: the body
 * is mostly long file contents, which `JSON.stringify` escapes faster than fast-json-stringify
 * (measured 0.03 ms against 0.05 ms for a 16 KB result). render.test.ts compares every response
 * with `renderAll()` itself.
 */
const render: FastifyPluginCallback = (app, _options, done) => {
  app.post('/render', (request) => renderAll(answersFrom(request.body)));
  done();
};

export default render;
