/**
 * First-load page weight: gzip bytes (level 9) of index.html plus the JS and CSS it loads before any
 * code runs (the entry script, its modulepreloads and stylesheets), from the built files. Budget
 * 100 KB (100,000 bytes).
 *
 * For the record it also prints what the first question needs on top: the first step's chunk and its
 * dependencies (the form library, field components and their CSS), which the entry requests at
 * start-up in parallel with /api/catalog. Everything later (other steps, the preview with the schema,
 * X.509 parser, YAML and renderers) loads when the browser is idle and is listed as well.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './types.ts';
import { ensureWebBuild } from './web-build.ts';

export const PAGE_WEIGHT_BUDGET = 100_000;

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** `/assets/x.js` → `assets/x.js`, for URLs of this site only. */
const local = (url: string) =>
  url.startsWith('/') && !url.startsWith('//') ? url.slice(1) : undefined;

/** The JS and CSS index.html loads up front. */
export function initialAssets(html: string): string[] {
  const assets: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    const isScript = tag.startsWith('<script') && attr('type') === 'module';
    const rel = attr('rel');
    const url = isScript
      ? attr('src')
      : rel === 'modulepreload' || rel === 'stylesheet'
        ? attr('href')
        : undefined;
    const path = url && local(url);
    if (path) assets.push(path);
  }
  return assets;
}

/**
 * The chunks the first step needs: the dynamic import of deployment-step-*.js in the entry and the
 * dependencies Vite lists for it (`__vite__mapDeps`). Undefined when the bundle's shape is not recognised.
 */
export function firstStepAssets(entry: string): string[] | undefined {
  const files = /m\.f=\[([^\]]*)\]/.exec(entry)?.[1];
  const call = /import\(`\.\/(deployment-step-[\w-]+\.js)`\),__vite__mapDeps\(\[([\d,]+)\]\)/.exec(
    entry,
  );
  if (!files || !call) return undefined;
  const names = [...files.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
  return [`assets/${call[1]}`, ...(call[2] ?? '').split(',').map((i) => names[Number(i)] ?? '')];
}

export function pageWeight(): Promise<BenchResult[]> {
  const dist = ensureWebBuild();
  const read = (path: string) => readFileSync(join(dist, path));
  const html = read('index.html');
  const initial = initialAssets(html.toString('utf8'));
  const sizes = new Map<string, number>([['index.html', gzipSize(html)]]);
  for (const asset of initial) sizes.set(asset, gzipSize(read(asset)));
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);

  const entry = initial.find((a) => a.endsWith('.js'));
  const firstStep = (entry && firstStepAssets(read(entry).toString('utf8'))) ?? [];
  const firstStepExtra = [...new Set(firstStep)].filter((a) => a && !sizes.has(a));
  const firstStepBytes = firstStepExtra.reduce((sum, a) => sum + gzipSize(read(a)), 0);

  const all = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const later = all
    .map((f) => `assets/${f}`)
    .filter((a) => !sizes.has(a) && !firstStepExtra.includes(a));
  const laterBytes = later.reduce((sum, a) => sum + gzipSize(read(a)), 0);

  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const detail = [
    'First load (index.html + entry + modulepreload + CSS), gzip -9:',
    ...[...sizes].map(([name, size]) => `  ${kb(size).padStart(9)}  ${name}`),
    `  ${kb(total).padStart(9)}  total (budget ${kb(PAGE_WEIGHT_BUDGET)})`,
    firstStep.length > 0
      ? `Requested at start-up for the first question, in parallel with /api/catalog: +${kb(firstStepBytes)} (${firstStepExtra.length} files) → ${kb(total + firstStepBytes)} until the first step is interactive.`
      : 'First-step chunks: bundle shape not recognised, not measured.',
    `Loaded when idle (other steps, preview, schema, X.509 parser, YAML, renderers): ${kb(laterBytes)} in ${later.length} files.`,
  ].join('\n');

  return Promise.resolve([
    {
      name: 'first-load page weight (gzip)',
      value: Math.round(total / 100) / 10,
      unit: 'KB',
      budget: `≤ ${PAGE_WEIGHT_BUDGET / 1000} KB`,
      pass: total <= PAGE_WEIGHT_BUDGET,
      detail,
    },
  ]);
}
