/**
 * The excluded-domains list keeps up with the user (issue 11): Enter opens a row instead of submitting
 * the step (item 5), Remove and a one-click fix leave the focus in the list (item 7), and an invalid
 * entry keeps the last good preview, marked out of date, under the error (item 4).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import type { Wizard } from './support/wizard.ts';

async function toExcludedDomains(wizard: Wizard): Promise<void> {
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.expectStep('excluded-domains');
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

const row = (wizard: Wizard, n: number) =>
  wizard.main.getByLabel(`Excluded domain ${n}`, { exact: true });

test('Enter in a row keeps the text and opens the next row; it never submits the step', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await toExcludedDomains(wizard);
  await wizard.addExcludedDomain('git.corp.example');
  await page.keyboard.press('Enter');
  await wizard.expectStep('excluded-domains');
  await expect(row(wizard, 1)).toHaveValue('git.corp.example');
  await expect(row(wizard, 2)).toBeFocused();
  await page.keyboard.type('.corp.example');
  // Enter on an empty row does nothing at all.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(row(wizard, 3)).toBeFocused();
  await expect(row(wizard, 4)).toHaveCount(0);
  await wizard.expectStep('excluded-domains');
  await expect(row(wizard, 2)).toHaveValue('.corp.example');
});

test('Remove and a one-click fix leave the focus on the next row, or the list heading', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await toExcludedDomains(wizard);
  for (const entry of ['a.corp.example', 'b.corp.example', 'c.corp.example']) {
    await wizard.addExcludedDomain(entry);
  }
  await wizard.main.getByRole('button', { name: /^Remove excluded domain 1/ }).click();
  await expect(row(wizard, 1)).toHaveValue('b.corp.example');
  await expect(row(wizard, 1)).toBeFocused();

  // The last row removed: the row before it.
  await wizard.main.getByRole('button', { name: /^Remove excluded domain 2/ }).click();
  await expect(row(wizard, 1)).toBeFocused();

  // A one-click fix: the fixed row keeps the focus.
  await row(wizard, 1).fill('https://git.corp.example/x');
  await wizard.main.getByRole('button', { name: 'Use git.corp.example' }).click();
  await expect(row(wizard, 1)).toHaveValue('git.corp.example');
  await expect(row(wizard, 1)).toBeFocused();

  // The list emptied: its heading.
  await wizard.main.getByRole('button', { name: /^Remove excluded domain 1/ }).click();
  await expect(wizard.main.getByRole('heading', { name: 'Your own entries' })).toBeFocused();
});

test('an invalid entry keeps the last good preview, marked out of date under the error', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await toExcludedDomains(wizard);
  await wizard.addExcludedDomain('git.corp.example');
  const env = wizard.preview.getByRole('tabpanel').locator('pre code');
  await expect(env).toContainText('git.corp.example');

  await row(wizard, 1).fill('git.corp.example/path');
  // Leaving the field shows its own error too.
  await page.keyboard.press('Tab');
  await expect(row(wizard, 1)).toHaveAttribute('aria-invalid', 'true');
  const stale = wizard.preview.getByRole('status').filter({ hasText: 'Out of date' });
  await expect(stale).toBeVisible();
  // The error, with a link to the field, is on top; the files stay, and cannot be taken away stale.
  await expect(stale.getByRole('link', { name: /Excluded domains/ })).toBeVisible();
  await expect(env).toContainText('git.corp.example');
  await expect(
    wizard.preview.getByRole('button', { name: /^Download (all|draft) \(\.zip\)$/ }),
  ).toHaveCount(0);
  await expect(wizard.preview.getByRole('button', { name: 'Copy' })).toHaveCount(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoViolations(page, `the out-of-date preview (${colorScheme})`);
  }

  await stale.getByRole('link', { name: /Excluded domains/ }).click();
  await expect(row(wizard, 1)).toBeFocused();
  await row(wizard, 1).fill('git2.corp.example');
  await expect(stale).toHaveCount(0);
  await expect(env).toContainText('git2.corp.example');
});
