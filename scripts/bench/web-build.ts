/** The built web app (dist/web), built first when it is missing. Shared by the web benchmarks. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_DIST = join(ROOT, 'dist/web');

export function ensureWebBuild(): string {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    console.log('dist/web is missing: running vite build…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  return WEB_DIST;
}

/**
 * Markers of what the production bundle holds (issue 16): React DOM's root container key,
 * TanStack Query's query hash, the devtools' `tsqd-` class prefix, Preact's name (in its option
 * hooks and error messages). Strings that survive minification.
 */
const MARKERS = {
  'React DOM': '__reactContainer$',
  'TanStack Query': 'queryHash',
  'Query Devtools': 'tsqd-',
  Preact: 'preact',
} as const;

/** Which of the markers appear in dist/web's scripts. */
export function bundleHolds(): Record<keyof typeof MARKERS, boolean> {
  const dist = ensureWebBuild();
  const scripts = readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(dist, 'assets', name), 'utf8'));
  const has = (marker: string) => scripts.some((text) => text.includes(marker));
  return {
    'React DOM': has(MARKERS['React DOM']),
    'TanStack Query': has(MARKERS['TanStack Query']),
    'Query Devtools': has(MARKERS['Query Devtools']),
    Preact: has(MARKERS.Preact),
  };
}
