/**
 * "Test my proxy" (issue 6) against a real forward proxy on 127.0.0.1, started here: it answers CONNECT
 * from an ACL (200, 403, 407, or no answer) and never connects anywhere, so no traffic leaves loopback.
 * The wizard's server under test listens on 127.0.0.1, where the check is on by default.
 */
import { hostname } from 'node:os';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { closedPort, startTestProxy, type TestProxy } from '../server/test/test-proxy.ts';
import { expect, test } from './support/fixtures.ts';
import type { Wizard } from './support/wizard.ts';

/**
 * Helm's allowlist (auth.carto.com, *.self-hosted.carto.com, and pubsub.googleapis.com while the chart's
 * pubsubDomain is empty: carto-release-audit.md D2) plus Mapbox geocoding: four domains.
 */
const ACL = {
  'auth.carto.com:443': 'allow',
  'registry.self-hosted.carto.com:443': 'auth',
  'pubsub.googleapis.com:443': 'allow',
  'api.mapbox.com:443': 'deny',
} as const;

/** Straight to the Review step with Helm behind the test proxy, as a share link would. */
function reviewAt(port: number, extra = ''): string {
  return `#v=1&step=review&reached=review&method=helm&protocol=http&host=127.0.0.1&port=${port}&service=geocoding-mapbox${extra}`;
}

const section = (wizard: Wizard) => wizard.main.getByRole('region', { name: 'Test my proxy' });
/** The result row whose text starts with `name` (a domain, or "The proxy at"). */
const row = (wizard: Wizard, name: string) =>
  section(wizard)
    .getByRole('list', { name: 'Proxy check results' })
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^${name.replace(/[.*]/g, '\\$&')}`) });

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

let proxy: TestProxy;

test.beforeAll(async () => {
  proxy = await startTestProxy(ACL);
});

test.afterAll(async () => {
  await proxy.close();
});

test('the proxy check lists each domain as the proxy answers, and README.md records it', async ({
  context,
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await wizard.open(reviewAt(proxy.port));
  await wizard.expectStep('review');
  const check = section(wizard);
  // Before running: where the check runs from, and what it will ask.
  await expect(check).toContainText('The check runs on the wizard’s server, not in this browser');
  await expect(check).toContainText('http://127.0.0.1:');
  await expect(check).toContainText('each of the 4 domains CARTO needs');

  await check.getByRole('button', { name: 'Test my proxy' }).click();
  const outcome = 'Not every domain gets through: 2 allowed, 1 blocked, 1 auth required, 0 errors.';
  await expect(check.getByText(outcome)).toBeVisible();
  await expect(page.locator('#announcer')).toHaveText(outcome);

  // Issue 11, item 11: the summary comes first, failures grouped by cause, 407 apart from 403.
  const summary = check.locator('.check-summary');
  const results = check.getByRole('list', { name: 'Proxy check results' });
  const above = await summary.evaluate(
    (element, list) =>
      !!(element.compareDocumentPosition(list as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
    await results.elementHandle(),
  );
  expect(above).toBe(true);
  await expect(summary).toContainText(
    'The proxy asks for authentication (407) for 1 domain: *.self-hosted.carto.com.',
  );
  await expect(summary).toContainText('The proxy refuses (403) 1 domain: api.mapbox.com.');
  // Issue 21, item 6: where it ran from, and what proves it where CARTO runs.
  await expect(summary).toContainText(
    `Run from ${hostname()}, the wizard’s server, not necessarily where CARTO runs. The proof that counts: sh check-proxy.sh where CARTO runs`,
  );
  await expect(check).toContainText(
    'the proof that counts is sh check-proxy.sh run where CARTO runs',
  );
  await expect(page.getByRole('contentinfo')).toContainText(
    'except when you press “Test my proxy”: then it connects to your proxy',
  );
  await summary.getByRole('button', { name: 'Copy blocked domains' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    '*.self-hosted.carto.com\napi.mapbox.com\n',
  );

  await expect(row(wizard, 'The proxy at 127.0.0.1')).toContainText('Reachable');
  await expect(row(wizard, 'auth.carto.com')).toContainText('Allowed (200)');
  await expect(row(wizard, 'pubsub.googleapis.com')).toContainText('Allowed (200)');
  const auth = row(wizard, '*.self-hosted.carto.com');
  await expect(auth).toContainText('via registry.self-hosted.carto.com');
  await expect(auth).toContainText('Auth required (407)');
  await expect(auth).not.toContainText('Blocked');
  const blocked = row(wizard, 'api.mapbox.com');
  await expect(blocked).toContainText('Blocked (403)');
  expect([...proxy.connects].sort()).toEqual(Object.keys(ACL).sort());
  await expect(check.getByRole('button', { name: 'Retry' })).toBeVisible();

  // README.md records the run, in the preview and in the zip, byte for byte the same.
  const readme = await wizard.previewText('README.md');
  expect(readme).toContain('## Proxy check');
  expect(readme).toContain('- BLOCKED (403): `api.mapbox.com`.');
  expect(readme).toContain('- AUTH REQUIRED (407): `*.self-hosted.carto.com`.');
  expect(readme).toContain('Result: 2 allowed, 2 blocked, 0 errors.');
  expect(readme).toContain(
    `Checked from \`${hostname()}\` (the wizard’s server), not necessarily where CARTO runs: the proof that counts is \`sh check-proxy.sh\` run where CARTO runs.`,
  );
  const { files } = await wizard.downloadAll();
  expect(files.get('README.md')).toBe(readme);
  expect(await wizard.downloadFile('README.md')).toBe(readme);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoViolations(page, `review with the proxy check results (${colorScheme})`);
  }

  // Another answer, another proxy check: the run is dropped from the page and from README.md.
  await page
    .getByRole('navigation', { name: 'Wizard steps' })
    .getByRole('link', { name: /Optional services/ })
    .click();
  await wizard.expectStep('services');
  await wizard.main.getByLabel('Mapbox geocoding', { exact: true }).uncheck();
  await wizard.next();
  await wizard.expectStep('review');
  await expect(section(wizard).getByRole('button', { name: 'Test my proxy' })).toBeVisible();
  await expect(section(wizard).getByRole('list', { name: 'Proxy check results' })).toHaveCount(0);
  expect(await wizard.previewText('README.md')).not.toContain('## Proxy check');
});

test('Stop ends a run on the server too; an unreachable proxy is explained', async ({ wizard }) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  const slow = await startTestProxy({ ...ACL, 'api.mapbox.com:443': 'hang' });
  try {
    await wizard.open(reviewAt(slow.port));
    await wizard.expectStep('review');
    const check = section(wizard);
    await check.getByRole('button', { name: 'Test my proxy' }).click();
    await expect(row(wizard, 'auth.carto.com')).toContainText('Allowed (200)');
    await expect(row(wizard, 'pubsub.googleapis.com')).toContainText('Allowed (200)');
    await expect(row(wizard, 'api.mapbox.com')).toContainText('Waiting');
    await expect.poll(() => slow.openTunnels()).toBeGreaterThan(0);
    await check.getByRole('button', { name: 'Stop' }).click();
    await expect(check).toContainText('Stopped: the results so far are shown');
    // The keyboard stays in the section: the Stop button is gone, Retry has the focus.
    await expect(check.getByRole('button', { name: 'Retry' })).toBeFocused();
    // Closing the response stopped the hanging CONNECT on the wizard's server.
    await expect.poll(() => slow.openTunnels()).toBe(0);
    expect(await wizard.previewText('README.md')).not.toContain('## Proxy check');
  } finally {
    await slow.close();
  }

  const down = await closedPort();
  // A link over the answers in this browser asks first (issue 11, item 1).
  await wizard.openLinkReplacingAnswers(reviewAt(down));
  await wizard.expectStep('review');
  await section(wizard).getByRole('button', { name: 'Test my proxy' }).click();
  await expect(
    section(wizard).getByText('The proxy could not be reached from the wizard’s server.'),
  ).toBeVisible();
  await expect(row(wizard, 'The proxy at 127.0.0.1')).toContainText('Not reachable');
  // One message, not a row per domain it never asked for.
  await expect(section(wizard)).toContainText('No domain was tried.');
  await expect(row(wizard, 'auth.carto.com')).toHaveCount(0);
  await expect(section(wizard).getByRole('button', { name: 'Copy blocked domains' })).toHaveCount(
    0,
  );
});

test('a proxy that asks every domain for authentication is one paragraph', async ({ wizard }) => {
  const auth = await startTestProxy({
    'auth.carto.com:443': 'auth',
    'registry.self-hosted.carto.com:443': 'auth',
    'api.mapbox.com:443': 'auth',
    'pubsub.googleapis.com:443': 'auth',
  });
  try {
    await wizard.open(reviewAt(auth.port));
    await wizard.expectStep('review');
    await section(wizard).getByRole('button', { name: 'Test my proxy' }).click();
    const summary = section(wizard).locator('.check-summary');
    await expect(summary).toContainText(
      'Not every domain gets through: 0 allowed, 0 blocked, 4 auth required, 0 errors.',
    );
    await expect(summary.locator('.check-summary__group')).toHaveCount(1);
    await expect(summary).toContainText(
      'The proxy asks for authentication (407) for all 4 domains',
    );
    await expect(summary).toContainText('CARTO sends no proxy credentials');
  } finally {
    await auth.close();
  }
});

test('a server with the check turned off says how to turn it on', async ({
  page,
  pageGuard,
  wizard,
}) => {
  await page.route('**/api/preflight', (route) =>
    route.fulfill({
      status: 403,
      json: {
        error: 'preflight_disabled',
        message: 'The preflight check is off on this server.',
      },
    }),
  );
  await wizard.open(reviewAt(3128));
  await wizard.expectStep('review');
  await section(wizard).getByRole('button', { name: 'Test my proxy' }).click();
  const alert = section(wizard).getByRole('alert');
  await expect(alert).toContainText('The proxy check is off on this wizard’s server');
  await expect(alert).toContainText('HOST=0.0.0.0 PREFLIGHT=on npm start');
  await expect(alert).toContainText('check-proxy.sh');
  await expect(section(wizard).getByRole('button', { name: 'Retry' })).toBeVisible();
  // The browser logs the refused request itself; nothing else may be logged.
  expect(pageGuard.errors.every((e) => /403/.test(e))).toBe(true);
  pageGuard.errors.length = 0;
});
