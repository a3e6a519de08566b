/**
 * Build-time compression of the web app: next to every text asset in dist/web, a `.br` (brotli,
 * quality 11) and a `.gz` (gzip, level 9), made once with Node's zlib, so the server sends them by
 * `Accept-Encoding` without compressing anything per request (`@fastify/static`'s `preCompressed`;
 * server/src/plugins/static.ts). A compressed copy that is not smaller than the file is not written:
 * the server then falls back to the next encoding, and finally to the file itself.
 *
 * @see {@link https://github.com/fastify/fastify-static#precompressed}
 * @see {@link https://nodejs.org/docs/latest-v20.x/api/zlib.html#brotli-constants}
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/** Text formats worth compressing; images other than SVG, fonts and archives already are compressed. */
export const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|xml|webmanifest|map)$/;

export interface Compressed {
  /** Path relative to the folder. */
  file: string;
  bytes: number;
  /** Bytes of each copy written; undefined when the copy would not be smaller. */
  br?: number;
  gz?: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export function brotli(bytes: Buffer): Buffer {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export function gzip(bytes: Buffer): Buffer {
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
}

/** Writes `<file>.br` and `<file>.gz` beside every compressible file under dir (replacing old ones). */
export function precompress(dir: string): Compressed[] {
  const results: Compressed[] = [];
  for (const path of filesUnder(dir)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    if (!COMPRESSIBLE.test(path)) continue;
    const bytes = readFileSync(path);
    const result: Compressed = { file: relative(dir, path), bytes: bytes.length };
    for (const [extension, compress] of [
      ['br', brotli],
      ['gz', gzip],
    ] as const) {
      const copy = compress(bytes);
      if (copy.length < bytes.length) {
        writeFileSync(`${path}.${extension}`, copy);
        result[extension] = copy.length;
      } else {
        rmSync(`${path}.${extension}`, { force: true });
      }
    }
    results.push(result);
  }
  return results;
}

/** The Vite plugin: precompresses the output folder once the build (public/ included) is written. */
export function precompressPlugin(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'wizard-precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (!config) return;
        const outDir = join(config.root, config.build.outDir);
        const results = precompress(outDir);
        const total = (key: 'bytes' | 'br') =>
          results.reduce((sum, r) => sum + (r[key] ?? r.bytes), 0);
        config.logger.info(
          `precompressed ${results.length} files: ${(total('bytes') / 1000).toFixed(1)} kB → ${(total('br') / 1000).toFixed(1)} kB brotli`,
        );
      },
    },
  };
}
