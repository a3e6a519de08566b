/**
 * Issue 21, item 7: one name per thing. Walks every step (and Review for three methods) and reads the
 * prose on screen, the step and the preview beside it, without the files' bytes and code: the chosen
 * terms only ("Excluded domains", "allowlist" and direct connections for the network team, "TLS to
 * the proxy" and verifying the proxy's certificate), client names and CONNECT behind a "Why?", and
 * each variable or CARTO label shown once, where its setting is explained.
 */
import type { Page } from '@playwright/test';
import { makeCa } from './support/ca.ts';
import { expect, test } from './support/fixtures.ts';
import type { Wizard } from './support/wizard.ts';

const ca = makeCa();

/** Words that name the same thing as a chosen term, or that belong behind a "Why?". */
const LOSING: [RegExp, string][] = [
  [/bypass/i, 'say “excluded” or “directly”'],
  [/\bno_proxy\b/i, 'say “excluded domains” (NO_PROXY is named once, in code, on that step)'],
  [/\begress\b/i, 'say “direct connections” or “allowlist”'],
  [/firewall/i, 'say “your network team”'],
  [/\bSSL\b/, 'say “TLS to the proxy” or “verify the proxy’s certificate”'],
  [/tunnel|\bCONNECT\b/, 'behind a “Why?”'],
  [/\b(?:curl|axios|Node|Go|Python|grpc-js|global-agent)\b/, 'client names behind a “Why?”'],
];

/**
 * Where a losing word is the right one: file names, CARTO's own labels (its docs page, the Admin
 * Console's field names).
 */
const ALLOWED = [
  'egress-rules.md',
  'CARTO docs: Network egress requirements',
  '“Network egress requirements”',
  'In the Admin Console it is “SSL certificate checks”.',
  '“Proxy SSL CA”',
];

/**
 * The prose a user reads: the step and the preview, without code, the files' contents and the file
 * tabs (file names), and without what a closed "Why?" holds (not rendered, so not in innerText).
 */
async function prose(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [...document.querySelectorAll('main, aside')].map((region) => {
      const copy = region.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('pre, code, [role="tab"], [role="tablist"]').forEach((e) => e.remove());
      copy.style.position = 'absolute';
      copy.style.left = '-10000px';
      document.body.append(copy);
      const text = copy.innerText;
      copy.remove();
      return text;
    });
    return parts.join('\n');
  });
}

async function expectChosenTerms(page: Page, where: string): Promise<string> {
  let text = await prose(page);
  for (const allowed of ALLOWED) text = text.split(allowed).join('');
  for (const [word, instead] of LOSING) {
    const line = text.split('\n').find((l) => word.test(l));
    expect(line, `${where}: ${String(word)} (${instead})`).toBeUndefined();
  }
  return text;
}

/** The first "Why?" on the step opens with the keyboard, says something, and closes again. */
async function expectWhyOpens(wizard: Wizard): Promise<void> {
  const why = wizard.main.locator('details.why > summary').first();
  await why.focus();
  await wizard.page.keyboard.press('Enter');
  await expect(wizard.main.locator('details.why[open] .why__body').first()).not.toBeEmpty();
  await wizard.page.keyboard.press('Enter');
  await expect(wizard.main.locator('details.why[open]')).toHaveCount(0);
}

test('every step says one name per thing, with the details behind “Why?”', async ({
  page,
  wizard,
}) => {
  test.slow();
  await wizard.open();
  await wizard.expectStep('deployment');
  await expectChosenTerms(page, 'deployment');
  await wizard.main.getByLabel('Kubernetes with the Admin Console (Kots)').check();
  await wizard.main.getByLabel('CARTO Self-hosted release').fill('2025.8.1');
  await expectChosenTerms(page, 'deployment (Kots)');
  await wizard.next();

  await wizard.expectStep('proxy');
  await expectChosenTerms(page, 'proxy');
  await expectWhyOpens(wizard);
  await wizard.main.getByLabel('HTTPS', { exact: true }).check();
  await wizard.main.getByLabel('Host').fill('proxy.corp.example');
  await wizard.main.getByLabel('Port').fill('3129');
  await expectChosenTerms(page, 'proxy (HTTPS)');
  await wizard.next();

  await wizard.expectStep('tls');
  await wizard.main.getByLabel('Verify the proxy’s certificate').uncheck();
  await wizard.main.getByLabel('Custom CA certificate').fill(ca.certificate);
  await expectChosenTerms(page, 'TLS to the proxy');
  // CARTO's label for the setting, once, beside it.
  await expect(wizard.main.getByText('SSL certificate checks')).toHaveCount(1);
  await wizard.next();

  await wizard.expectStep('excluded-domains');
  await wizard.main.getByLabel('ClusterIP of the kubernetes service').fill('10.96.0.1');
  await wizard.addExcludedDomain('.corp.example');
  await wizard.addExcludedDomain('*.internal');
  await wizard.main.getByLabel('URL or host to test').fill('https://corp.example');
  await expectChosenTerms(page, 'excluded domains');
  // The variable, once, where the list is explained.
  await expect(wizard.main.locator('code', { hasText: /^NO_PROXY$/ })).toHaveCount(1);
  // The clients that read an entry differently: one "Why?" away.
  const finding = wizard.main.getByText('.corp.example does not cover corp.example itself');
  await expect(finding).toBeVisible();
  await expect(wizard.main.getByText('Go, axios, Node fetch and gRPC read')).toBeHidden();
  await finding.locator('..').getByText('Why?', { exact: true }).click();
  await expect(wizard.main.getByText('Go, axios, Node fetch and gRPC read')).toBeVisible();
  await finding.locator('..').getByText('Why?', { exact: true }).click();
  await wizard.main.getByRole('button', { name: /Remove excluded domain 2/ }).click();
  await wizard.next();

  await wizard.expectStep('warehouses');
  for (const label of ['Snowflake', 'PostgreSQL', 'Databricks', 'Google BigQuery']) {
    await wizard.main.getByLabel(label, { exact: true }).check();
  }
  await expect(wizard.main.getByText('allow these direct connections')).toBeVisible();
  await expectChosenTerms(page, 'warehouses');
  await wizard.next();

  await wizard.expectStep('services');
  await expectChosenTerms(page, 'services');
  await wizard.next();

  await wizard.expectStep('review');
  await expect(wizard.main.getByRole('button', { name: 'Download all (.zip)' })).toBeVisible();
  await page.getByText(/facts? the files already account for/).click();
  // The prose read is the whole review, warnings included.
  expect(await expectChosenTerms(page, 'review (Kots)')).toContain('For your network team');

  // Helm and Docker Compose: their own warnings and setting names.
  await wizard.openLinkReplacingAnswers(
    '#v=1&step=tls&reached=review&method=helm&protocol=https&host=proxy.corp.example&port=3129&verify=0&warehouse=snowflake&exclude=*.internal',
  );
  await wizard.expectStep('tls');
  await expect(wizard.main.locator('code', { hasText: 'sslRejectUnauthorized' })).toHaveCount(1);
  await expectChosenTerms(page, 'TLS to the proxy (Helm)');
  await page
    .getByRole('navigation', { name: 'Wizard steps' })
    .getByText('Review and download')
    .click();
  await wizard.expectStep('review');
  await page.getByText(/facts? the files already account for/).click();
  await expectChosenTerms(page, 'review (Helm)');

  await wizard.openLinkReplacingAnswers(
    '#v=1&step=tls&reached=review&method=docker-compose&protocol=https&host=proxy.corp.example&port=3129&warehouse=postgres',
  );
  await wizard.expectStep('tls');
  await expect(
    wizard.main.locator('code', { hasText: /^NODE_TLS_REJECT_UNAUTHORIZED$/ }),
  ).toHaveCount(1);
  await page
    .getByRole('navigation', { name: 'Wizard steps' })
    .getByText('Review and download')
    .click();
  await wizard.expectStep('review');
  await expectChosenTerms(page, 'review (Docker Compose)');
  await expectWhyOpens(wizard);
});
