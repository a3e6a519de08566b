/**
 * Not a test: full-page screenshots of every step in both themes, wide and narrow, for a person to look
 * at. `npm run screenshots` (into ./screenshots, or SCREENSHOTS_DIR); playwright.config.ts leaves this
 * file out of every other run.
 */
import { join } from 'node:path';
import { startTestProxy } from '../server/test/test-proxy.ts';
import { makeCa } from './support/ca.ts';
import { test } from './support/fixtures.ts';
import { paste, type StepTitle } from './support/wizard.ts';

const dir = process.env.SCREENSHOTS_DIR ?? 'screenshots';
const ca = makeCa();

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1440, 1024, 390]) {
    test(`screenshots: ${colorScheme}, ${width}px`, async ({ page, wizard }) => {
      test.setTimeout(240_000);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      let n = 0;
      const shot = async (name: string) => {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(150);
        n++;
        await page.screenshot({
          path: join(dir, `${colorScheme}-${width}-${String(n).padStart(2, '0')}-${name}.png`),
          fullPage: true,
        });
      };
      const at = async (step: StepTitle) => wizard.expectStep(step);

      await wizard.open();
      await at('deployment');
      await shot('deployment');
      await wizard.next();
      await shot('deployment-error');
      await wizard.main.getByLabel('Kubernetes with the Admin Console (Kots)').check();
      await wizard.main.getByLabel('CARTO Self-hosted release').fill('2025.8.1');
      await shot('deployment-kots');
      await wizard.next();

      await at('proxy');
      await paste(wizard.main.getByLabel('Host'), 'http://user:pw@proxy.corp.example:3129');
      await shot('proxy-credentials');
      await paste(wizard.main.getByLabel('Host'), 'https://proxy.corp.example:3129');
      await shot('proxy');
      await wizard.next();

      await at('tls');
      await paste(wizard.main.getByLabel('Custom CA certificate'), ca.certificate);
      await wizard.main.getByLabel('Verify the proxy’s certificate').uncheck();
      await shot('tls');
      await wizard.next();

      await at('excluded-domains');
      await wizard.main.getByLabel('ClusterIP of the kubernetes service').fill('10.96.0.1');
      await wizard.main.getByLabel('CARTO runs on GKE with Workload Identity').check();
      await wizard.addExcludedDomain('.corp.example');
      await wizard.addExcludedDomain('http://bad.example');
      await wizard.next();
      await shot('excluded-domains');
      await wizard.main.getByRole('button', { name: /Remove excluded domain 2/ }).click();
      await wizard.next();

      await at('warehouses');
      await wizard.main.getByLabel('Snowflake', { exact: true }).check();
      await wizard.main.getByLabel('PostgreSQL', { exact: true }).check();
      await shot('warehouses');
      await wizard.next();

      await at('services');
      await wizard.main.getByLabel('Google Maps', { exact: true }).check();
      await shot('services');
      await wizard.next();

      await at('review');
      await shot('review');
      await page.getByRole('button', { name: 'Copy share link' }).click();
      await shot('share');
      await page.getByRole('button', { name: 'Start over' }).click();
      await page.getByRole('dialog', { name: 'Start over?' }).waitFor();
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(dir, `${colorScheme}-${width}-99-dialog.png`) });
    });
  }
}

/** The import report, the merged file's changed lines and the proxy check results (issues 5 and 6). */
const CUSTOMER_ENV = [
  '# CARTO Self-hosted customer.env',
  'SELFHOSTED_DOMAIN=carto.corp.example',
  'DB_PASSWORD=not-a-real-password',
  '',
  '# Proxy (added by hand last year)',
  'HTTP_PROXY=http://old-proxy.corp.example:8080',
  'http_proxy="http://old-proxy.corp.example:8080"',
  'HTTPS_PROXY=http://old-proxy.corp.example:8080',
  'NO_PROXY=localhost,.corp.example',
  'NODE_EXTRA_CA_CERTS=/usr/src/certs/ca.crt',
  '',
].join('\n');

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1440, 390]) {
    test(`screenshots: import, merge and proxy check, ${colorScheme}, ${width}px`, async ({
      page,
      wizard,
    }) => {
      test.setTimeout(240_000);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      const shot = async (name: string) => {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(150);
        await page.screenshot({
          path: join(dir, `${colorScheme}-${width}-issues-${name}.png`),
          fullPage: true,
        });
      };

      await wizard.open();
      await wizard.importFile('customer.env', CUSTOMER_ENV);
      await shot('1-import-report');
      await wizard.next();
      await wizard.expectStep('proxy');
      await wizard.main.getByLabel('Host').fill('proxy.corp.example');
      await wizard.main.getByLabel('Port').fill('3128');
      await wizard.nextUntilReview();
      await wizard.main.getByText('Show the whole updated file').click();
      await shot('2-merged-file');
      await wizard.main.getByRole('button', { name: 'Forget the file' }).click();

      const proxy = await startTestProxy({
        'auth.carto.com:443': 'allow',
        'registry.self-hosted.carto.com:443': 'auth',
        'api.mapbox.com:443': 'deny',
      });
      try {
        await wizard.openLinkReplacingAnswers(
          `#v=1&step=review&reached=review&method=helm&protocol=http&host=127.0.0.1&port=${proxy.port}&service=geocoding-mapbox`,
        );
        const check = wizard.main.getByRole('region', { name: 'Test my proxy' });
        await check.getByRole('button', { name: 'Test my proxy' }).click();
        await check.getByText(/Added to README\.md/).waitFor();
        await check.scrollIntoViewIfNeeded();
        await shot('3-proxy-check');
      } finally {
        await proxy.close();
      }
    });
  }
}
