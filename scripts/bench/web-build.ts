/** The built web app (dist/web), built first when it is missing. Shared by the web benchmarks. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
