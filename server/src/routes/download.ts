import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { downloadFor, downloadName } from '@wizard/shared/download';
import { ApiError } from '../errors.ts';
import { DownloadBody } from './answers-body.ts';
import { errors } from '../contract.ts';

/**
 * `?file=NAME`: one file instead of the zip. Other query parameters are dropped, not refused, as
 * Fastify's JSON Schema validation did before (its Ajv removes additional properties).
 */
const DownloadQuery = z.object({
  file: z
    .string({ error: 'must be one file name' })
    .min(1, { error: 'must not be empty' })
    .max(255, { error: 'must be at most 255 characters' })
    .optional(),
});

/** The bytes of a download, whichever file it is: the zip, or one text file of it. */
const BYTES = { schema: z.custom<Buffer>() };

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
const download: FastifyPluginCallbackZod = (app, _options, done) => {
  app.post(
    '/download',
    {
      schema: {
        summary: 'Download every output file as a zip, or one file',
        description:
          'The body is the answers document, or {"answers": …, "preflight": [...]} with a finished proxy check run for README.md; either as JSON or as the form field "answers" (and "preflight") of a native form post.',
        querystring: DownloadQuery,
        body: DownloadBody,
        response: {
          200: {
            description:
              'An attachment (Content-Disposition names the file): the zip of every file, or with ?file=NAME that file, as text.',
            content: {
              'application/zip': BYTES,
              'text/*': BYTES,
              'application/yaml': BYTES,
              'application/x-pem-file': BYTES,
            },
          },
          ...errors(400, 404, 413, 415, 429),
        },
      },
    },
    (request, reply) => {
      const { answers, preflight, ownFile } = request.body;
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
