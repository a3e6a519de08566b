import fastifyCompress, { type FastifyCompressOptions } from '@fastify/compress';

/**
 * Compresses API responses above 1 KB (the catalog, render results, the schema) by the request's
 * `Accept-Encoding`, brotli first, at the plugin's per-request brotli quality (4: fast, and still
 * smaller than gzip). The web app's files are compressed at build time instead
 * (scripts/precompress.ts) and arrive here with their `Content-Encoding` set, which the plugin
 * leaves alone; the zip download is `application/zip`, which mime-db marks as not compressible, so it
 * is never compressed twice.
 *
 * @see {@link https://github.com/fastify/fastify-compress}
 */
export const autoConfig: FastifyCompressOptions = {
  global: true,
  threshold: 1024,
  encodings: ['br', 'gzip'],
};

export default fastifyCompress;
