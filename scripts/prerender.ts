/**
 * Build-time prerender of the first question (issue 16, ADR 008): after `vite build` has written
 * dist/web, this plugin renders the shell and the first step with React's own `prerender`
 * (web/src/prerender.tsx, loaded through Vite's SSR module loader so it is the same source and the
 * same React as the browser's) and writes them into dist/web/index.html, which then shows the
 * question, its help text, method cards and links before any JavaScript, and readable without it.
 *
 * The same pass:
 * - inlines the page's own stylesheets (global styles and the first step's) into one <style>, so the
 *   first paint needs no second request. Each <link> stays, `disabled` (a disabled stylesheet is not
 *   fetched), only so Vite's chunk loader, which looks for the link before adding one, does not
 *   download the same CSS again when the first step's chunk loads;
 * - inlines the early script (web/src/early-input.ts) at the top of <head>; the server allows it by
 *   its hash (server/src/plugins/helmet.ts).
 *
 * It runs before precompressPlugin (both sequential), so index.html.br/.gz hold the result.
 *
 * @see {@link https://react.dev/reference/react-dom/static/prerender}
 * @see {@link https://vite.dev/guide/ssr#setting-up-the-dev-server} (ssrLoadModule)
 * @see {@link https://html.spec.whatwg.org/multipage/links.html#link-type-stylesheet} (disabled: not fetched)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';

interface PrerenderModule {
  prerenderFirstStep: () => Promise<{ markup: string; earlyScript: string }>;
}

const ROOT_ELEMENT = '<div id="root"></div>';
const STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="(\/assets\/[^"]+\.css)">/g;

/**
 * Renders web/src/prerender.tsx in Node with Vite (TSX, CSS imports, the shared workspace); the
 * loader stays open until the render is done, since the lazy first step is imported during it.
 */
async function renderWithVite(webRoot: string): Promise<{ markup: string; earlyScript: string }> {
  const server = await createServer({
    configFile: false,
    root: webRoot,
    mode: 'production',
    logLevel: 'error',
    appType: 'custom',
    plugins: [react()],
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const module = (await server.ssrLoadModule('/src/prerender.tsx')) as PrerenderModule;
    return await module.prerenderFirstStep();
  } finally {
    await server.close();
  }
}

/** index.html with the prerendered markup, the inlined styles and the early script. */
export function assemblePage(
  html: string,
  parts: {
    markup: string;
    earlyScript: string;
    /** Chunks to modulepreload besides those Vite links (paths under the output folder). */
    preload?: readonly string[];
    readAsset: (path: string) => string;
  },
): string {
  if (!html.includes(ROOT_ELEMENT)) throw new Error(`index.html has no ${ROOT_ELEMENT}`);
  const styles: string[] = [];
  let page = html.replace(STYLESHEET, (_link, href: string) => {
    styles.push(parts.readAsset(href));
    return `<link rel="stylesheet" href="${href}" disabled>`;
  });
  if (styles.length === 0) throw new Error('index.html links no stylesheet to inline');
  const links = (parts.preload ?? [])
    .map((name) => `/${name}`)
    .filter((href) => !page.includes(`href="${href}"`) && !page.includes(`src="${href}"`))
    .map((href) => `<link rel="modulepreload" crossorigin href="${href}">\n    `)
    .join('');
  page = page
    .replace(
      '</head>',
      () =>
        `  ${links}<script>${parts.earlyScript}</script>\n    <style>${styles.join('\n')}</style>\n  </head>`,
    )
    .replace(ROOT_ELEMENT, () => `<div id="root">${parts.markup}</div>`);
  return page;
}

/**
 * What answering the first question needs next, fetched from the start in parallel with the
 * hydration's code: Next validates with the shared schema (the analysis chunk and what it imports)
 * and shows the Proxy step. The page asks for them itself once hydrated (main.tsx); the
 * modulepreload links only start the bytes earlier, while the visitor reads.
 */
const AFTER_FIRST_QUESTION = ['/src/wizard/analysis.ts', '/src/steps/proxy/proxy-step.tsx'];

/** The chunks (with their static imports) whose entry module ends with one of `modules`. */
export function chunksFor(bundle: Rolldown.OutputBundle, modules: readonly string[]): string[] {
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const found = new Set<string>();
  const visit = (fileName: string) => {
    if (found.has(fileName)) return;
    found.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) {
    const facade = chunk.facadeModuleId?.replaceAll('\\', '/');
    if (facade && modules.some((module) => facade.endsWith(module))) visit(chunk.fileName);
  }
  return [...found];
}

export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig | undefined;
  let preload: string[] = [];
  return {
    name: 'wizard-prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle(_options, bundle) {
      preload = chunksFor(bundle, AFTER_FIRST_QUESTION);
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler() {
        if (!config) return;
        const outDir = join(config.root, config.build.outDir);
        const file = join(outDir, 'index.html');
        const { markup, earlyScript } = await renderWithVite(config.root);
        const page = assemblePage(readFileSync(file, 'utf8'), {
          markup,
          earlyScript,
          preload,
          readAsset: (href) => readFileSync(join(outDir, href), 'utf8'),
        });
        writeFileSync(file, page);
        config.logger.info(`prerendered the first step into index.html (${page.length} bytes)`);
      },
    },
  };
}
