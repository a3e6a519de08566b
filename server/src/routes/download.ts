import type { FastifyPluginCallback } from 'fastify';
import { downloadFor, downloadName } from '@wizard/shared/download';
import { ApiError } from '../errors.ts';
import { downloadFrom } from './answers-body.ts';

interface DownloadQuery {
  file?: string;
}

/** A `Content-Disposition` that every browser saves under `name` (file names are plain ASCII). */
export function attachment(name: string): string {
  return `attachment; filename="${downloadName(name)}"`;
}

/**
 * `POST /api/download`: the `.zip` of every file for the answers, or with `?file=NAME` that one
 * file, as an attachment (PRODUCT.md §4). Accepts a JSON body or a native form post (see
 * answers-body.ts), so a plain `<form method="post">` can trigger the download, and optionally a
 * finished "Test my proxy" run, which README.md then records (issue 6).
 */
const download: FastifyPluginCallback = (app, _options, done) => {
  app.post<{ Querystring: DownloadQuery }>(
    '/download',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { file: { type: 'string', minLength: 1, maxLength: 255 } },
          additionalProperties: false,
        },
      },
    },
    (request, reply) => {
      const { answers, preflight, ownFile } = downloadFrom(request.body);
      const name = request.query.file;
      // The bytes come from shared/, as in the single-file wizard's browser-made zip (issue 19).
      const result = downloadFor(answers, { file: name, preflight, ownFile });
      if (!result.ok) {
        throw new ApiError(404, {
          error: 'file_not_found',
          message: `These answers produce no file named ${JSON.stringify(name)}. Available: ${result.available.join(', ')}.`,
          available: result.available,
        });
      }
      const { filename, mediaType, bytes } = result.download;
      // A sync handler must not return the reply it sent: Fastify would send() it again.
      reply
        .type(mediaType)
        .header('content-disposition', attachment(filename))
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
  done();
};

export default download;
