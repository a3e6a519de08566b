/**
 * The single-file wizard (issue 19): `dist/carto-proxy-wizard.html`, the same React app as the served
 * one with every script, style and icon inlined and the catalog compiled in, so it works opened from
 * disk (`file://`), from any static host, or with no network at all. Built by `npm run build` after the
 * served app (`vite build --config vite.standalone.config.ts`), which it never replaces.
 *
 * - It starts from the served app's config (root, aliases, target), so both builds render the same
 *   components; only what is about loading differs.
 * - The Vite mode `standalone` is the one switch the app reads: `import.meta.env.MODE === 'standalone'`,
 *   which Vite replaces with a constant in each module, so each build keeps only its own branch (an
 *   imported flag would not be folded across chunks, and the served build would carry the other).
 *   With it the catalog comes from shared/ instead of `GET /api/catalog` (api/catalog-inlined.ts),
 *   downloads are zipped in the browser by the same shared writer as `POST /api/download`
 *   (api/download-in-browser.ts), "Test my proxy" says it needs the server and gives check-proxy.sh,
 *   and the saved draft is keyed by the file's path (wizard/state/storage-scope.ts).
 * - vite-plugin-singlefile turns code splitting off (one script) and inlines that script and the CSS
 *   into the HTML; `standaloneHtml` below inlines the favicon and drops the catalog preload.
 * - `scripts/check-single-file.ts` then opens the file in Chromium with the network refused and fails
 *   the build on any request it makes.
 *
 * @see {@link https://github.com/richardtallent/vite-plugin-singlefile#readme}
 * @see {@link https://vite.dev/guide/env-and-mode#modes}
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type PluginOption, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import served from './vite.config.ts';

export const SINGLE_FILE_NAME = 'carto-proxy-wizard.html';
export const STANDALONE_MODE = 'standalone';

const FAVICON = resolve(import.meta.dirname, 'web/public/favicon.svg');

/** The served page points to its server's API; this file has none. */
const NOSCRIPT =
  '<p class="noscript"><strong>JavaScript is off in this browser, so the wizard cannot run.</strong> Turn it on for this file and open it again. Everything runs in your browser; nothing is sent anywhere.</p>';

/**
 * index.html as the single file needs it: the favicon as a data URI (the file has no folder beside
 * it), no `<link rel=preload>` of an API URL (there is no API: the catalog is in the script), and a
 * `<noscript>` message that does not point to an API.
 */
function standaloneHtml(): Plugin {
  return {
    name: 'wizard-standalone-html',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const favicon = `data:image/svg+xml;base64,${readFileSync(FAVICON).toString('base64')}`;
        return html
          .replace(/<link\b[^>]*\bhref="\/api\/[^"]*"[^>]*>\s*/g, '')
          .replace(/<noscript>\s*<p\b[\s\S]*?<\/noscript>/, `<noscript>${NOSCRIPT}</noscript>`)
          .replace(/(<link\b[^>]*\brel="icon"[^>]*\bhref=")\/favicon\.svg(")/, `$1${favicon}$2`);
      },
    },
  };
}

/**
 * The served build's plugins, less those that work on the served app's files in dist/web: the
 * precompression (.br/.gz beside each file) and the prerender of the first step into index.html
 * (with its early script, allowed by the server's CSP; the file is rendered by its script instead).
 */
const SERVED_ONLY = new Set(['wizard-precompress', 'wizard-prerender']);

function servedPlugins(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? [])
    .flat(Infinity as 1)
    .filter(
      (plugin) =>
        !(plugin && typeof plugin === 'object' && 'name' in plugin) ||
        !SERVED_ONLY.has(plugin.name),
    );
}

export default defineConfig((): UserConfig => {
  // The served config, less its Vitest projects (they belong to `vitest`, not to this build).
  const { test: _test, ...config }: UserConfig & { test?: unknown } = served;
  void _test;
  return {
    ...config,
    mode: STANDALONE_MODE,
    // Nothing is fetched from beside the file: public/ (the favicon) is inlined above instead.
    publicDir: false,
    plugins: [
      ...servedPlugins(config.plugins),
      standaloneHtml(),
      viteSingleFile({ outputFileName: SINGLE_FILE_NAME }),
    ],
    build: {
      ...config.build,
      outDir: '../dist',
      // dist/ also holds the served app (dist/web): only the one file is written here.
      emptyOutDir: false,
      // The served build's chunk groups are about loading in parts; here there is one script.
      rolldownOptions: {},
      reportCompressedSize: false,
    },
  };
});
