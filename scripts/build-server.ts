/**
 * Builds the server and the CLI to plain JavaScript (server/dist/main.js, server/dist/cli.js), so
 * `npm start` and the `carto-proxy-wizard` command run with `node` alone instead of transpiling
 * TypeScript at every start (issue 10; docs/decisions/006-build-and-compression.md).
 *
 * esbuild bundles each entry with everything it imports: the server's sources, the `@wizard/shared`
 * workspace (still the single source: its `.ts` files are compiled in, and its `#x509` import
 * resolves to the Node variant) and the packages from node_modules. One file per entry (plus the
 * chunk they share) is what makes the start fast: with packages left external, Node resolved and
 * read hundreds of files of zod, yaml, asn1js and Fastify at every start, and the CLI took 3.4× a
 * bare `node -e 0` (2.2× bundled; numbers in the ADR). Type checking stays with `tsc`.
 *
 * @see {@link https://esbuild.github.io/api/#build}
 * @see {@link https://esbuild.github.io/plugins/#on-resolve}
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
export const SERVER_DIST = join(ROOT, 'server/dist');

/**
 * The bundle is ESM, and some dependencies are CommonJS that call `require` for Node built-ins:
 * esbuild's ESM output has no `require`, so one is made from the bundle's own URL.
 * @see {@link https://github.com/evanw/esbuild/issues/1921}
 */
const REQUIRE_SHIM =
  "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);";

export async function buildServer(): Promise<void> {
  rmSync(SERVER_DIST, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'server/src/main.ts', cli: 'server/src/cli.ts' },
    outdir: SERVER_DIST,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    outExtension: { '.js': '.js' },
    banner: { js: REQUIRE_SHIM },
    sourcemap: 'linked',
    // Build output is not for reading; the warnings are (e.g. an import esbuild cannot resolve).
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
