/** A server that fails (or is gone) never costs an answer: the error is shown, the form stays as it was. */
import { expect, test } from './support/fixtures.ts';

test('a failed download says so and keeps every answer; trying again works', async ({
  page,
  pageGuard,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.excludedDomains(['.corp.example']);
  await wizard.warehouses(['Snowflake']);
  await wizard.services([]);

  await page.route('**/api/download**', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ message: 'Service Unavailable: the server is overloaded.' }),
    }),
  );
  const downloadAll = wizard.main.getByRole('button', { name: 'Download all (.zip)' });
  await downloadAll.click();
  const alert = wizard.main.getByRole('alert').filter({ hasText: 'The download failed' });
  await expect(alert).toContainText('the server is overloaded');
  await expect(alert).toContainText('Your answers are unchanged');

  // Everything is still there.
  await expect(wizard.main.getByText('Kubernetes with Helm', { exact: true })).toBeVisible();
  await expect(wizard.main.getByText('Snowflake')).toBeVisible();
  expect(page.url()).toContain('host=proxy.corp.example');

  await page.unroute('**/api/download**');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'try again' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);

  // The browser logged the 503; that one was expected.
  expect(pageGuard.errors.every((e) => /503/.test(e))).toBe(true);
  pageGuard.errors.length = 0;
});

test('when the catalog cannot be loaded, the step says so and recovers on Try again', async ({
  page,
  pageGuard,
  wizard,
}) => {
  // The first answer fails (index.html preloads the catalog, so refuse every request until told).
  let fail = true;
  await page.route('**/api/catalog', (route) =>
    fail
      ? route.fulfill({ status: 500, body: '{"message":"Internal Server Error"}' })
      : route.continue(),
  );
  await page.goto('/#v=1&step=proxy&method=docker-compose&host=squid');
  const alert = page.getByRole('alert').filter({ hasText: 'The wizard’s server did not answer' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(wizard.heading('proxy')).toBeVisible();

  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByLabel('Host')).toHaveValue('squid');

  expect(pageGuard.errors.every((e) => /500/.test(e))).toBe(true);
  pageGuard.errors.length = 0;
});
