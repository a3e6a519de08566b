/** The whole journey with the keyboard alone: Tab, arrows, Space and Enter, from the first step to the file. */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

/** Presses Tab until `target` has the focus (as a keyboard user would), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('keyboard only: from the first question to the downloaded zip', async ({ page, wizard }) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.expectStep('deployment');

  // Radios: Tab into the group, arrows to choose.
  await tabTo(page, wizard.main.getByLabel('Docker Compose (legacy single VM)', { exact: true }));
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(wizard.main.getByLabel('Kubernetes with Helm')).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(
    wizard.main.getByLabel('Docker Compose (legacy single VM)', { exact: true }),
  ).toBeChecked();
  await tabTo(page, wizard.main.getByRole('button', { name: 'Next: Proxy' }));
  await page.keyboard.press('Enter');

  // Each step starts with its heading focused.
  await wizard.expectStep('proxy');
  await expect(wizard.heading('proxy')).toBeFocused();
  await tabTo(page, wizard.main.getByLabel('HTTP', { exact: true }));
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await tabTo(page, wizard.main.getByLabel('Host'));
  await page.keyboard.type('proxy.corp.example');
  await page.keyboard.press('Tab');
  await expect(wizard.main.getByLabel('Port')).toBeFocused();
  await page.keyboard.type('3128');
  // Enter in a field submits the step, like Next.
  await page.keyboard.press('Enter');

  await wizard.expectStep('excluded-domains');
  await expect(wizard.heading('excluded-domains')).toBeFocused();
  await tabTo(page, wizard.main.getByRole('button', { name: 'Add a domain' }));
  await page.keyboard.press('Enter');
  await expect(wizard.main.getByLabel('Excluded domain 1', { exact: true })).toBeFocused();
  await page.keyboard.type('.corp.example');
  // Enter in a row opens the next row; it never submits the step (issue 11, item 5).
  await page.keyboard.press('Enter');
  await expect(wizard.main.getByLabel('Excluded domain 2', { exact: true })).toBeFocused();
  await tabTo(page, wizard.main.getByRole('button', { name: 'Next: Data warehouses' }));
  await page.keyboard.press('Enter');

  await wizard.expectStep('warehouses');
  await tabTo(page, wizard.main.getByLabel('Google BigQuery', { exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, wizard.main.getByRole('button', { name: 'Next: Optional services' }));
  await page.keyboard.press('Enter');

  await wizard.expectStep('services');
  await tabTo(page, wizard.main.getByRole('button', { name: 'Next: Review and download' }));
  await page.keyboard.press('Enter');

  await wizard.expectStep('review');
  await expect(wizard.heading('review')).toBeFocused();
  // The preview's file tabs work with arrow keys too.
  const tabs = wizard.preview.getByRole('tab');
  await tabTo(page, tabs.first());
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Shift+Tab');
  const downloadAll = wizard.main.getByRole('button', { name: 'Download all (.zip)' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await tabTo(page, downloadAll, 80);
      await page.keyboard.press('Enter');
    })(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
});
