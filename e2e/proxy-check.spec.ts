/**
 * "Test my proxy" (issue 6) against a real forward proxy on 127.0.0.1, started here: it answers CONNECT
 * from an ACL (200, 403, 407, or no answer) and never connects anywhere, so no traffic leaves loopback.
 * The wizard's server under test listens on 127.0.0.1, where the check is on by default.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { closedPort, startTestProxy, type TestProxy } from '../server/src/preflight/test-proxy.ts';
import { expect, test } from './support/fixtures.ts';
import type { Wizard } from './support/wizard.ts';

/** Helm's allowlist (auth.carto.com, *.self-hosted.carto.com) plus Mapbox geocoding: three domains. */
const ACL = {
  'auth.carto.com:443': 'allow',
  'registry.self-hosted.carto.com:443': 'auth',
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
  page,
  wizard,
}) => {
  await wizard.open(reviewAt(proxy.port));
  await wizard.expectStep('review');
  const check = section(wizard);
  // Before running: where the check runs from, and what it will ask.
  await expect(check).toContainText('The check runs on the wizard’s server, not in this browser');
  await expect(check).toContainText('http://127.0.0.1:');
  await expect(check).toContainText('each of the 3 domains CARTO needs');

  await check.getByRole('button', { name: 'Test my proxy' }).click();
  await expect(
    check.getByText('Not every domain gets through: 1 allowed, 2 blocked, 0 errors.'),
  ).toBeVisible();
  await expect(page.locator('#announcer')).toHaveText(
    'Not every domain gets through: 1 allowed, 2 blocked, 0 errors.',
  );

  await expect(row(wizard, 'The proxy at 127.0.0.1')).toContainText('Reachable');
  await expect(row(wizard, 'auth.carto.com')).toContainText('Allowed (200)');
  const auth = row(wizard, '*.self-hosted.carto.com');
  await expect(auth).toContainText('via registry.self-hosted.carto.com');
  await expect(auth).toContainText('Needs credentials (407)');
  await expect(auth).toContainText('ask the proxy admin to allow *.self-hosted.carto.com');
  const blocked = row(wizard, 'api.mapbox.com');
  await expect(blocked).toContainText('Blocked (403)');
  await expect(blocked).toContainText(
    'ask the proxy admin to allow api.mapbox.com (see squid-allowlist.conf or proxy-allowlist.txt)',
  );
  expect([...proxy.connects].sort()).toEqual(Object.keys(ACL).sort());
  await expect(check.getByRole('button', { name: 'Retry' })).toBeVisible();

  // README.md records the run, in the preview and in the zip, byte for byte the same.
  const readme = await wizard.previewText('README.md');
  expect(readme).toContain('## Proxy check');
  expect(readme).toContain('- BLOCKED (403): `api.mapbox.com`.');
  expect(readme).toContain('- AUTH REQUIRED (407): `*.self-hosted.carto.com`.');
  expect(readme).toContain('Result: 1 allowed, 2 blocked, 0 errors.');
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
  const slow = await startTestProxy({ ...ACL, 'api.mapbox.com:443': 'hang' });
  try {
    await wizard.open(reviewAt(slow.port));
    await wizard.expectStep('review');
    const check = section(wizard);
    await check.getByRole('button', { name: 'Test my proxy' }).click();
    await expect(row(wizard, 'auth.carto.com')).toContainText('Allowed (200)');
    await expect(row(wizard, 'api.mapbox.com')).toContainText('Waiting');
    await expect.poll(() => slow.openTunnels()).toBeGreaterThan(0);
    await check.getByRole('button', { name: 'Stop' }).click();
    await expect(check).toContainText('Stopped: the results so far are shown');
    // The keyboard stays in the section: the Stop button is gone, Retry has the focus.
    await expect(check.getByRole('button', { name: 'Retry' })).toBeFocused();
    // Closing the response stopped the hanging CONNECT on the wizard's server.
    await expect.poll(() => slow.openTunnels(), { timeout: 5_000 }).toBe(0);
    expect(await wizard.previewText('README.md')).not.toContain('## Proxy check');
  } finally {
    await slow.close();
  }

  const down = await closedPort();
  await wizard.open(reviewAt(down));
  await wizard.expectStep('review');
  await section(wizard).getByRole('button', { name: 'Test my proxy' }).click();
  await expect(
    section(wizard).getByText('The proxy could not be reached from the wizard’s server.'),
  ).toBeVisible();
  await expect(row(wizard, 'The proxy at 127.0.0.1')).toContainText('Not reachable');
  await expect(row(wizard, 'auth.carto.com')).toContainText('Not tried');
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
