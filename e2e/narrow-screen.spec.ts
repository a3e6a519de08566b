/**
 * Issue 21, item 5: at 390 px the preview follows the step, below Next. A one-line strip at the top
 * says what it holds and takes the user there; the stepper names the step; Back and Next, and Review's
 * bar, take one row.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

/** The boxes' tops agree within a pixel or two: one row. */
async function expectOneRow(buttons: Locator[]): Promise<void> {
  const tops = await Promise.all(
    buttons.map(async (button) => (await button.boundingBox())?.y ?? Number.NaN),
  );
  for (const top of tops)
    expect(Math.abs(top - tops[0]!), `tops ${tops.join(', ')}`).toBeLessThan(3);
}

test.use({ viewport: { width: 390, height: 844 } });

test('at 390 px the status strip stays in view, counts files and risky choices, and View shows them', async ({
  page,
  wizard,
}) => {
  test.slow();
  await wizard.open();
  const strip = page.getByRole('region', { name: 'Files and warnings' });
  const stepper = page.getByRole('navigation', { name: 'Wizard steps' });
  await expect(stepper.getByText('Step 1 of 6 · Deployment', { exact: true })).toBeVisible();
  await expect(strip.getByRole('paragraph')).toHaveText('No files yet · 4 answers to give');
  // No risky choice: "View" goes to the preview (what it still needs).
  await strip.getByRole('button', { name: 'View the files' }).click();
  const preview = wizard.preview.getByRole('heading', { name: 'Preview', exact: true });
  await expect(preview).toBeFocused();
  await expect(preview).toBeInViewport();
  await expect(strip).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));

  await wizard.deployment({ method: 'helm', release: '2025.8.1' });
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.expectStep('tls');
  await expect(stepper.getByText('Step 3 of 7 · TLS to the proxy', { exact: true })).toBeVisible();
  // Off: a risky choice more (the other: gRPC cannot use an HTTPS proxy).
  await wizard.main.getByLabel('Verify the proxy’s certificate').uncheck();
  await expect(strip).toContainText('2 risky choices');
  const files = (await wizard.fileNames()).length;
  expect(files).toBeGreaterThan(3);
  await expect(strip.getByRole('paragraph')).toHaveText(`${files} files · 2 risky choices`);

  // Back and Next on one row, at the bottom of the step; the strip still in view there.
  const back = wizard.main.getByRole('button', { name: 'Back', exact: true });
  const next = wizard.main.getByRole('button', { name: /^Next: / });
  await next.scrollIntoViewIfNeeded();
  await expectOneRow([back, next]);
  await expect(strip).toBeInViewport();
  expect((await strip.boundingBox())?.height).toBeLessThan(56);

  // "View": the risky choices, below the files, in view and focused.
  await strip.getByRole('button', { name: 'View the risky choices' }).click();
  const risky = wizard.preview.getByRole('heading', { name: '2 risky choices' });
  await expect(risky).toBeFocused();
  await expect(risky).toBeInViewport();
  await expect(strip).toBeInViewport();
  await wizard.main.getByLabel('Verify the proxy’s certificate').check();
  await expect(strip.getByRole('paragraph')).toHaveText(`${files} files · 1 risky choice`);

  // An invalid answer: the preview keeps the old files, and the strip says they are out of date.
  await page.evaluate(() => window.scrollTo(0, 0));
  await wizard.main.getByRole('button', { name: 'Back', exact: true }).click();
  await wizard.expectStep('proxy');
  await wizard.main.getByLabel('Port').fill('');
  await expect(strip.getByRole('paragraph')).toHaveText('Out of date · 1 answer to fix');
  await expect(wizard.preview.getByText('Out of date: fix this to update the files')).toBeVisible();
  await expect(strip).toBeInViewport();

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('at 390 px Review’s bar takes one row', async ({ page, wizard }) => {
  test.slow();
  await wizard.open(
    '#v=1&step=review&reached=review&method=helm&protocol=http&host=proxy.corp.example&port=3128',
  );
  await wizard.expectStep('review');
  await expect(
    page
      .getByRole('navigation', { name: 'Wizard steps' })
      .getByText('Step 6 of 6 · Review and download'),
  ).toBeVisible();
  const download = wizard.main.getByRole('button', { name: 'Download all (.zip)' });
  const buttons = [
    wizard.main.getByRole('button', { name: 'Back', exact: true }),
    wizard.main.getByRole('button', { name: 'Next steps', exact: true }),
    download,
  ];
  await expect(download).toBeInViewport();
  await expectOneRow(buttons);
  const bar = wizard.main.locator('.step__nav--sticky');
  expect((await bar.boundingBox())?.height).toBeLessThan(72);
  await expect(page.getByRole('region', { name: 'Files and warnings' })).toBeInViewport();

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('at 1440 px the preview is beside the step: no strip, and the stepper shows every name', async ({
  page,
  wizard,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await wizard.open();
  await expect(page.getByRole('region', { name: 'Files and warnings' })).toBeHidden();
  const stepper = page.getByRole('navigation', { name: 'Wizard steps' });
  await expect(stepper.getByText('Step 1 of 6 · Deployment')).toBeHidden();
  await expect(stepper.getByText('Excluded domains')).toBeVisible();
});
