/**
 * `npm run build`'s last word on the single-file wizard (issue 19): `dist/carto-proxy-wizard.html` is
 * opened from disk in Chromium with every network request refused, and the build fails when the page
 * asks for anything but itself (a script, a style, a font, an icon, an API call), throws, or does not
 * show its first question. `npm run bench` reuses it for the file's size and its time to that question.
 *
 * The page is walked to Review (where the preview, the downloads and "Test my proxy" are) with the
 * method asked for, so a request made only later than the first screen is caught too; the e2e suite
 * (e2e/single-file.spec.ts) does the full journey with the network refused as well.
 *
 * Without a Chromium (a user's `npm start` on a machine that has none; CI always has one), the file
 * is scanned instead for anything it would load (`src=`, `href=`, CSS `url()` and `@import` other
 * than data: and fragments), with a warning that the browser check did not run.
 *
 * @see {@link https://playwright.dev/docs/network#abort-requests}
 */
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';

export const SINGLE_FILE = join(resolve(import.meta.dirname, '..'), 'dist/carto-proxy-wizard.html');

export interface SingleFileCheck {
  bytes: number;
  gzipBytes: number;
  /** Brotli at quality 11, as the served app's assets are precompressed (scripts/precompress.ts). */
  brotliBytes: number;
  /** Every request the page made besides its own file (must be none). */
  requests: string[];
  /** Uncaught errors and console errors. */
  errors: string[];
  /** From the start of navigation until the first question's first control was enabled. */
  firstQuestionMs: number;
}

const FIRST_CONTROL = '#main input[name="deployment.method"]';

/** A share link to the Review step of a Helm installation behind an HTTP proxy. */
const REVIEW_LINK = '#v=1&step=review&method=helm&protocol=http&host=proxy.corp.example&port=3128';

export async function checkSingleFile(file = SINGLE_FILE): Promise<SingleFileCheck> {
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first.`);
  const html = readFileSync(file);
  const url = pathToFileURL(file).href;
  const browser = await chromium.launch(chromiumLaunchOptions);
  const requests: string[] = [];
  const errors: string[] = [];
  /** A fresh page (its own storage) where only the file itself loads, as with no network at all. */
  const offlinePage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) =>
      route.request().url().split('#')[0] === url ? route.continue() : route.abort(),
    );
    context.on('request', (request) => {
      if (request.url().split('#')[0] !== url) requests.push(request.url());
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return page;
  };
  try {
    const page = await offlinePage();
    await page.goto(url);
    // A string, evaluated in the page (this script has no DOM types): resolves at the first frame
    // where the first control is enabled, with the time since navigation started.
    const firstQuestionMs = await page.evaluate<number>(`new Promise((done) => {
      const check = () => {
        const control = document.querySelector(${JSON.stringify(FIRST_CONTROL)});
        if (control && !control.disabled) done(performance.now());
        else requestAnimationFrame(check);
      };
      check();
    })`);
    // Review shows the preview, the downloads and Test my proxy: everything that might ask for more.
    const review = await offlinePage();
    await review.goto(`${url}${REVIEW_LINK}`);
    await review.getByRole('heading', { name: 'Test my proxy' }).waitFor({ timeout: 30_000 });
    await review.getByRole('tab', { name: /customizations\.proxy\.yaml/ }).waitFor();
    return {
      bytes: html.byteLength,
      gzipBytes: gzipSync(html, { level: 9 }).byteLength,
      brotliBytes: brotliCompressSync(html, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).byteLength,
      requests,
      errors,
      firstQuestionMs,
    };
  } finally {
    await browser.close();
  }
}

/**
 * What the HTML would load, read from its text: attributes and CSS references that are not data:
 * URIs or fragments. Weaker than the browser check (a script could build a URL), hence only a fallback.
 */
export function referencesIn(html: string): string[] {
  // The inlined script is code, not markup: only what it is wrapped in is read here.
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
  const found = [
    ...markup
      .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '')
      .matchAll(/\s(?:src|href|srcset|poster|data)\s*=\s*["']?([^"'\s>]+)/gi),
    ...styles.flatMap((css) => [
      ...css.matchAll(/url\(\s*["']?([^"')\s]+)/g),
      ...css.matchAll(/@import\s+(?:url\()?["']?([^"')\s]+)/g),
    ]),
  ].map((match) => match[1] ?? '');
  return found.filter((ref) => !/^(data:|#)/i.test(ref));
}

const chromiumMissing = () =>
  !existsSync(chromiumLaunchOptions.executablePath ?? '/usr/bin/chromium') && !process.env.CI;

if (process.argv[1] === fileURLToPath(import.meta.url) && chromiumMissing()) {
  const refs = referencesIn(readFileSync(SINGLE_FILE, 'utf8'));
  if (refs.length > 0) {
    console.error(
      `dist/carto-proxy-wizard.html must load nothing, but refers to:\n  ${refs.join('\n  ')}`,
    );
    process.exitCode = 1;
  } else {
    console.warn(
      'dist/carto-proxy-wizard.html: refers to nothing outside itself. No Chromium here, so it was not opened with the network refused (CI does that; set CHROMIUM_PATH to do it here).',
    );
  }
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await checkSingleFile();
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const problems = [
    ...result.requests.map((request) => `requested ${request}`),
    ...result.errors.map((error) => `error: ${error}`),
  ];
  if (problems.length > 0) {
    console.error(
      `dist/carto-proxy-wizard.html must work with no network, but with the network refused:\n  ${problems.join('\n  ')}`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `dist/carto-proxy-wizard.html: ${kb(result.bytes)} (${kb(result.gzipBytes)} gzip, ${kb(result.brotliBytes)} brotli), no request with the network refused, first question after ${Math.round(result.firstQuestionMs)} ms.`,
    );
  }
}
