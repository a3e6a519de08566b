/**
 * Preview latency: in Chromium, a burst of typing into the proxy host field, timed from each
 * keystroke (the keydown event's timestamp) to the moment the previewed file's text changes in the
 * DOM (a MutationObserver on the preview). Median over the burst; budget 16 ms (one frame).
 *
 * Runs the real server (in this process, on a free port) on the built app, and Debian's Chromium
 * (CHROMIUM_PATH overrides it), with the same switches as the e2e suite.
 */
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { buildApp } from '../../server/src/app.ts';
import type { BenchResult } from './types.ts';
import { ensureWebBuild } from './web-build.ts';
import { chromiumLaunchOptions } from '../../e2e/support/chromium.ts';

export const PREVIEW_LATENCY_BUDGET_MS = 16;

/** Letters and digits only: the host stays valid after every keystroke, so the files stay rendered. */
const BURST = 'benchmarkhost0123456789abcdefghij';

/** Runs in the page: records keystroke → preview text changed, in ms, into window.__latencies. */
const INSTRUMENT = `(() => {
  const pre = document.querySelector('[role="tabpanel"] pre');
  if (!pre) throw new Error('no preview on the page');
  const samples = [];
  let pending;
  let before = pre.textContent;
  document.addEventListener('keydown', (event) => { pending = event.timeStamp; }, true);
  new MutationObserver(() => {
    const text = pre.textContent;
    if (pending === undefined || text === before) return;
    samples.push(performance.now() - pending);
    pending = undefined;
    before = text;
  }).observe(pre, { subtree: true, childList: true, characterData: true });
  window.__latencies = samples;
})()`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;

export async function previewLatency(): Promise<BenchResult[]> {
  const webDist = ensureWebBuild();
  const app = await buildApp({ webDist, rateLimit: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const hash =
      '#v=1&step=proxy&method=docker-compose&protocol=http&host=proxy.corp.example&port=3128';
    await page.goto(`${origin}/${hash}`);
    const host = page.getByLabel('Host');
    await host.waitFor();
    await page.locator('[role="tabpanel"] pre').waitFor();
    await page.evaluate(INSTRUMENT);
    await host.click();
    await page.keyboard.press('End');
    // A person typing fast: about 12 characters per second.
    await page.keyboard.type(BURST, { delay: 80 });
    await page.waitForTimeout(200);
    const samples = await page.evaluate<number[]>('window.__latencies');
    const sorted = [...samples].sort((a, b) => a - b);
    const median = percentile(sorted, 0.5);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const missed = BURST.length - samples.length;
    return [
      {
        name: 'preview update latency (median)',
        value: round(median),
        unit: 'ms',
        budget: `≤ ${PREVIEW_LATENCY_BUDGET_MS} ms`,
        pass: samples.length > 0 && missed === 0 && median <= PREVIEW_LATENCY_BUDGET_MS,
        detail: [
          `Keystroke → preview text changed, ${samples.length} of ${BURST.length} keystrokes measured` +
            (missed > 0 ? ` (${missed} never updated the preview: FAIL)` : ''),
          `  median ${round(median)} ms, p95 ${round(percentile(sorted, 0.95))} ms, max ${round(sorted.at(-1) ?? NaN)} ms, min ${round(sorted[0] ?? NaN)} ms`,
        ].join('\n'),
      },
    ];
  } finally {
    await browser.close();
    await app.close();
  }
}
