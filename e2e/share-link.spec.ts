/**
 * A share link replaces the whole draft, asking first when this browser has other answers, and tells
 * its receiver that a custom CA is expected (issue 11, items 1 and 2).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeCa } from './support/ca.ts';
import { expect, test } from './support/fixtures.ts';
import { paste, Wizard } from './support/wizard.ts';

const ca = makeCa();

// Another install's link: Docker Compose behind an HTTPS proxy, sent without a custom CA.
const OTHER_INSTALL =
  '#v=1&step=review&method=docker-compose&protocol=https&host=proxy.other.example&port=3129';

/** A Helm draft with a custom CA, on the Review step. */
async function helmWithCa(wizard: Wizard): Promise<void> {
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.expectStep('tls');
  await paste(wizard.main.getByLabel('Custom CA certificate'), ca.certificate);
  await wizard.next();
  await wizard.nextUntilReview();
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

const prompt = (wizard: Wizard) =>
  wizard.page.getByRole('region', { name: 'Open the answers of this link?' });

test('a share link opened over a draft with a CA asks first and keeps nothing of it', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await helmWithCa(wizard);
  await page.goto(`/${OTHER_INSTALL}`);
  await expect(prompt(wizard)).toBeVisible();
  await expect(prompt(wizard).getByText(/including your custom CA/)).toBeVisible();
  await expect(prompt(wizard).getByRole('heading')).toBeFocused();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoViolations(page, `the share link question (${colorScheme})`);
  }
  // Nothing replaced before the user says so.
  const proxySummary = (w: Wizard) => w.main.getByRole('region', { name: 'Proxy', exact: true });
  await expect(proxySummary(wizard)).toContainText('https://proxy.corp.example:3129');

  await prompt(wizard).getByRole('button', { name: 'Open the link’s answers' }).click();
  await expect(prompt(wizard)).toHaveCount(0);
  await wizard.expectStep('review');
  await expect(proxySummary(wizard)).toContainText('https://proxy.other.example:3129');
  const { files } = await wizard.downloadAll();
  expect([...files.keys()].some((name) => name.endsWith('certs/proxy-ca.crt'))).toBe(false);
  const env = [...files].find(([name]) => name.endsWith('customer.env.proxy'))?.[1] ?? '';
  expect(env).toContain('HTTPS_PROXY=https://proxy.other.example:3129');
  expect(env).not.toContain('NODE_EXTRA_CA_CERTS');
});

test('a share link in a new tab of the same browser asks too, and "Keep my answers" keeps them', async ({
  context,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await helmWithCa(wizard);
  const page = await context.newPage();
  await page.goto(`/${OTHER_INSTALL}`);
  const other = new Wizard(page);
  await expect(prompt(other)).toBeVisible();
  await prompt(other).getByRole('button', { name: 'Keep my answers' }).click();
  await expect(prompt(other)).toHaveCount(0);
  await other.expectStep('review');
  await expect(other.main.getByRole('region', { name: 'Proxy', exact: true })).toContainText(
    'https://proxy.corp.example:3129',
  );
  await expect(page).toHaveURL(/host=proxy\.corp\.example/);
  await expect(page).toHaveURL(/ca=1/);
});

test('the receiver of a link whose sender used a CA is asked for it until they answer', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open(
    '#v=1&step=review&method=helm&protocol=https&host=proxy.corp.example&port=3129&ca=1',
  );
  await wizard.expectStep('review');
  const notice = wizard.main.getByText('The sender of this link used a custom CA: paste it');
  await expect(notice).toBeVisible();

  await wizard.main.getByRole('button', { name: 'Paste the CA' }).click();
  await wizard.expectStep('tls');
  await expect(notice).toBeVisible();
  await expect(wizard.main.getByLabel('Custom CA certificate')).toBeFocused();
  await paste(wizard.main.getByLabel('Custom CA certificate'), ca.certificate);
  await expect(notice).toHaveCount(0);

  // Or the user says none is needed: the notice goes, on this step and on Review.
  await wizard.main.getByLabel('Custom CA certificate').fill('');
  await expect(notice).toBeVisible();
  await wizard.main.getByRole('button', { name: 'No custom CA is needed' }).click();
  await expect(notice).toHaveCount(0);
  await wizard.nextUntilReview();
  await expect(notice).toHaveCount(0);
});
