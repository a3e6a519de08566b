/** Nothing is lost: reload, a share link in another browser, and the browser's Back and Forward. */
import { makeCa } from './support/ca.ts';
import { expect, guardPage, expectClean, test } from './support/fixtures.ts';
import { paste, Wizard } from './support/wizard.ts';

const ca = makeCa();

/** Every question answered, HTTPS with a CA, ending on the Review step. */
async function answerEverything(wizard: Wizard): Promise<void> {
  await wizard.open();
  await wizard.deployment({
    method: 'kots',
    release: '2026.8.11',
    gke: true,
    clusterIp: '10.96.0.1',
  });
  await wizard.expectStep('proxy');
  await wizard.main.getByLabel('HTTPS', { exact: true }).check();
  await wizard.main.getByLabel('Host').fill('10.20.0.5');
  await wizard.main.getByLabel('Port').fill('3129');
  await wizard.next();
  await wizard.expectStep('tls');
  await wizard.main.getByLabel('Verify the proxy’s certificate').uncheck();
  await paste(wizard.main.getByLabel('Custom CA certificate'), ca.certificate);
  await wizard.next();
  await wizard.excludedDomains(['.corp.example', 'git.corp.example']);
  await wizard.warehouses(['Snowflake', 'Amazon Redshift']);
  await wizard.services(['AWS S3 buckets', 'HERE geocoding and isolines']);
}

/** Checks every answer by visiting every step from the stepper. */
async function expectEverything(wizard: Wizard, { withCa }: { withCa: boolean }): Promise<void> {
  const steps = wizard.page.getByRole('navigation', { name: 'Wizard steps' });
  await steps.getByRole('link', { name: /^Deployment/ }).click();
  await wizard.expectStep('deployment');
  await expect(wizard.main.getByLabel('Kubernetes with the Admin Console (Kots)')).toBeChecked();
  await expect(wizard.main.getByLabel('CARTO Self-hosted release')).toHaveValue('2026.8.11');

  await steps.getByRole('link', { name: /Proxy/ }).click();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByLabel('HTTPS', { exact: true })).toBeChecked();
  await expect(wizard.main.getByLabel('Host')).toHaveValue('10.20.0.5');
  await expect(wizard.main.getByLabel('Port')).toHaveValue('3129');

  await steps.getByRole('link', { name: /TLS to the proxy/ }).click();
  await wizard.expectStep('tls');
  await expect(wizard.main.getByLabel('Verify the proxy’s certificate')).not.toBeChecked();
  if (withCa) {
    await expect(wizard.main.getByLabel('Custom CA certificate')).toHaveValue(ca.certificate);
  } else {
    await expect(wizard.main.getByLabel('Custom CA certificate')).toHaveValue('');
  }

  await steps.getByRole('link', { name: /Excluded domains/ }).click();
  await wizard.expectStep('excluded-domains');
  await expect(wizard.main.getByLabel('CARTO runs on GKE with Workload Identity')).toBeChecked();
  await expect(wizard.main.getByLabel('ClusterIP of the kubernetes service')).toHaveValue(
    '10.96.0.1',
  );
  await expect(wizard.main.getByLabel('Excluded domain 1', { exact: true })).toHaveValue(
    '.corp.example',
  );
  await expect(wizard.main.getByLabel('Excluded domain 2', { exact: true })).toHaveValue(
    'git.corp.example',
  );

  await steps.getByRole('link', { name: /Data warehouses/ }).click();
  await wizard.expectStep('warehouses');
  await expect(wizard.main.getByLabel('Snowflake', { exact: true })).toBeChecked();
  await expect(wizard.main.getByLabel('Amazon Redshift', { exact: true })).toBeChecked();
  await expect(wizard.main.getByLabel('Google BigQuery', { exact: true })).not.toBeChecked();

  await steps.getByRole('link', { name: /Optional services/ }).click();
  await wizard.expectStep('services');
  await expect(wizard.main.getByLabel('AWS S3 buckets', { exact: true })).toBeChecked();
  await expect(
    wizard.main.getByLabel('HERE geocoding and isolines', { exact: true }),
  ).toBeChecked();
  await expect(wizard.main.getByLabel('Google Maps', { exact: true })).not.toBeChecked();
}

test('a reload keeps every answer, the custom CA and the step', async ({ page, wizard }) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await answerEverything(wizard);
  const before = await wizard.previewText('kots-proxy-setup.md');
  await page.reload();
  await wizard.expectStep('review');
  expect(await wizard.previewText('kots-proxy-setup.md')).toBe(before);
  await expectEverything(wizard, { withCa: true });
});

test('an edit made just before a reload survives it', async ({ page, wizard }) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.expectStep('proxy');
  await wizard.main.getByLabel('Host').fill('squid');
  await page.reload();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByLabel('Host')).toHaveValue('squid');
});

test('a share link opened in a fresh browser restores the answers, without the custom CA', async ({
  browser,
  origin,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await answerEverything(wizard);
  await wizard.page.getByRole('button', { name: 'Copy share link' }).click();
  const panel = wizard.page.getByRole('region', { name: /Share link/ });
  await expect(panel.getByText(/Your custom CA is not included/)).toBeVisible();
  const link = await panel.getByLabel('Share link').inputValue();
  expect(link.startsWith(`${origin}/#`)).toBe(true);

  const context = await browser.newContext();
  const page = await context.newPage();
  const guard = guardPage(page, origin);
  await page.goto(link);
  const other = new Wizard(page);
  await other.expectStep('review');
  await expectEverything(other, { withCa: false });
  expect(await page.evaluate(() => localStorage.length)).toBe(1);
  expectClean(guard);
  await context.close();
});

test('Back and Forward move between steps and keep what was typed', async ({ page, wizard }) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.expectStep('excluded-domains');
  await wizard.addExcludedDomain('.corp.example');

  await page.goBack();
  await wizard.expectStep('proxy');
  await expect(wizard.heading('proxy')).toBeFocused();
  await expect(wizard.main.getByLabel('Host')).toHaveValue('proxy.corp.example');
  await page.goBack();
  await wizard.expectStep('deployment');
  await expect(wizard.main.getByLabel('Kubernetes with Helm')).toBeChecked();

  await page.goForward();
  await wizard.expectStep('proxy');
  await page.goForward();
  await wizard.expectStep('excluded-domains');
  await expect(wizard.main.getByLabel('Excluded domain 1', { exact: true })).toHaveValue(
    '.corp.example',
  );
});
