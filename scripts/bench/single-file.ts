/**
 * The single-file wizard (issue 19): `dist/carto-proxy-wizard.html`, built when missing, opened from
 * disk in Chromium with the network refused (scripts/check-single-file.ts). Reports its size, raw
 * and gzip (what a static host or CDN would send), the requests it made (none allowed) and the time
 * from navigation until its first question can be answered, parsing the whole app at once.
 *
 * The size budget is the served app's budget until the network is idle (260 KB on the wire with
 * brotli, slow-link.ts), on the file compressed the same way: whoever gets the one file gets no more
 * than a visitor of the served app gets in total. Gzip (what many static hosts send) is reported.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkSingleFile, SINGLE_FILE } from '../check-single-file.ts';
import { IDLE_BYTES_BUDGET } from './slow-link.ts';
import type { BenchResult } from './types.ts';
import { ROOT } from './web-build.ts';

/** From disk on the bench machine: no link at all, only parsing and rendering. */
const FIRST_QUESTION_MS_BUDGET = 3000;

const kb = (bytes: number) => Math.round(bytes / 100) / 10;

export async function singleFile(): Promise<BenchResult[]> {
  if (!existsSync(SINGLE_FILE)) {
    console.log('dist/carto-proxy-wizard.html is missing: running npm run build:single-file…');
    execFileSync('npm', ['run', 'build:single-file', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  }
  const result = await checkSingleFile();
  return [
    {
      name: 'single file: size',
      value: kb(result.bytes),
      unit: 'KB',
      budget: 'reported',
      pass: true,
      detail: `dist/carto-proxy-wizard.html: ${kb(result.bytes)} KB raw, ${kb(result.gzipBytes)} KB gzip (level 9), ${kb(result.brotliBytes)} KB brotli (quality 11), ${result.requests.length} requests with the network refused, first question after ${Math.round(result.firstQuestionMs)} ms from disk.`,
    },
    {
      name: 'single file: size gzip',
      value: kb(result.gzipBytes),
      unit: 'KB',
      budget: 'reported',
      pass: true,
    },
    {
      name: 'single file: size brotli',
      value: kb(result.brotliBytes),
      unit: 'KB',
      budget: `≤ ${IDLE_BYTES_BUDGET / 1000} KB`,
      pass: result.brotliBytes <= IDLE_BYTES_BUDGET,
    },
    {
      name: 'single file: requests with the network off',
      value: result.requests.length + result.errors.length,
      unit: '',
      budget: '0',
      pass: result.requests.length === 0 && result.errors.length === 0,
      detail: [...result.requests, ...result.errors].join('\n') || undefined,
    },
    {
      name: 'single file: time until first question (disk)',
      value: Math.round(result.firstQuestionMs),
      unit: 'ms',
      budget: `≤ ${FIRST_QUESTION_MS_BUDGET} ms`,
      pass: result.firstQuestionMs <= FIRST_QUESTION_MS_BUDGET,
    },
  ];
}
