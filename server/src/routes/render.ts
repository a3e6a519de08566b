import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { renderAll } from '@wizard/shared';
import { AnswersBody, errors, jsonAsIs } from '../contract.ts';

/**
 * `POST /api/render`: the answers document in, every output file and the facts behind them out
 * (PRODUCT.md §4). The same `renderAll` runs in the browser preview and the CLI, so all three give
 * the same bytes.
 *
 * The response is sent as is: its shape is `RenderResult`, owned by shared/src/render/types.ts, and
 * a copy here would silently drop any field added there. It would not be faster either: the body
 * is mostly long file contents, which `JSON.stringify` escapes faster than fast-json-stringify
 * (measured 0.03 ms against 0.05 ms for a 16 KB result). render.test.ts compares every response
 * with `renderAll()` itself.
 */
const render: FastifyPluginCallbackZod = (app, _options, done) => {
  app.post(
    '/render',
    {
      schema: {
        summary: 'Render every output file for an answers document',
        body: AnswersBody,
        response: {
          200: jsonAsIs(
            'Every output file and the facts behind them: {"files","noProxy","allowlist","egress","warnings","nextSteps"} (RenderResult in shared/src/render/types.ts).',
          ),
          ...errors(400, 413, 415, 429),
        },
      },
    },
    (request) => renderAll(request.body),
  );
  done();
};

export default render;
