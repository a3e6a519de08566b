import type { FastifyPluginCallback } from 'fastify';
import { renderAll } from '@wizard/shared';
import { ApiError } from '../errors.ts';
import { zipFiles } from '../output-files.ts';
import { downloadFrom } from './answers-body.ts';

interface DownloadQuery {
  file?: string;
}

/** A `Content-Disposition` that every browser saves under `name` (file names are plain ASCII). */
export function attachment(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).replace(/[^\w.-]/g, '_');
  return `attachment; filename="${base}"`;
}

/** Every file is text sent as UTF-8; say so unless the renderer already did. */
function withCharset(mediaType: string): string {
  return /;\s*charset=/i.test(mediaType) ? mediaType : `${mediaType}; charset=utf-8`;
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
      const { files } = renderAll(answers, { preflight, ownFile });
      const name = request.query.file;
      // A sync handler must not return the reply it sent: Fastify would send() it again.
      if (name === undefined) {
        reply
          .type('application/zip')
          .header('content-disposition', attachment(`carto-proxy-${answers.deployment.method}.zip`))
          .send(Buffer.from(zipFiles(files)));
        return;
      }
      const file = files.find((candidate) => candidate.name === name);
      if (!file) {
        const available = files.map((candidate) => candidate.name);
        throw new ApiError(404, {
          error: 'file_not_found',
          message: `These answers produce no file named ${JSON.stringify(name)}. Available: ${available.join(', ')}.`,
          available,
        });
      }
      reply
        .type(withCharset(file.mediaType))
        .header('content-disposition', attachment(file.name))
        .send(file.content);
    },
  );
  done();
};

export default download;
