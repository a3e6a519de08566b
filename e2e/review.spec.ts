/**
 * The Review step where the user is (issue 11): Helm's next steps as runnable commands with
 * placeholders and copy buttons, the same text as README.md (item 8); "Change" then "Back to review"
 * (item 15); the release an imported file states, named on Review (item 17).
 */
import { HELM_UPGRADE_COMMAND } from '@wizard/shared';
import { expect, test } from './support/fixtures.ts';

test('Helm’s next steps are runnable, copyable and the same as README.md’s', async ({
  context,
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.nextUntilReview();
  const steps = wizard.main.getByRole('region', { name: 'Next steps' });
  const command = steps.getByText(HELM_UPGRADE_COMMAND, { exact: true });
  await expect(command).toBeVisible();
  expect(HELM_UPGRADE_COMMAND).toContain('<release> <chart> --namespace <namespace>');
  await expect(steps).not.toContainText('…');
  const item = steps
    .getByRole('listitem')
    .filter({ has: page.getByText(HELM_UPGRADE_COMMAND, { exact: true }) });
  await item.getByRole('button', { name: 'Copy command' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(HELM_UPGRADE_COMMAND);
  const readme = await wizard.previewText('README.md');
  for (const text of await steps.locator('pre code').allTextContents()) {
    for (const line of text.split('\n')) expect(readme).toContain(line);
  }
});

test('a step opened with Change goes back to Review', async ({ wizard }) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.nextUntilReview();
  await wizard.main.getByRole('button', { name: 'Change Proxy' }).click();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByRole('button', { name: 'Back', exact: true })).toHaveCount(0);
  await wizard.main.getByLabel('Port').fill('3129');
  await wizard.main.getByRole('button', { name: 'Back to review' }).click();
  await wizard.expectStep('review');
  await expect(wizard.main.getByRole('region', { name: 'Proxy', exact: true })).toContainText(
    'http://proxy.corp.example:3129',
  );
  // Moving on from Review as usual: plain Back again.
  await wizard.page
    .getByRole('navigation', { name: 'Wizard steps' })
    .getByRole('link', { name: /Proxy/ })
    .click();
  await wizard.expectStep('proxy');
  await expect(wizard.main.getByRole('button', { name: 'Back', exact: true })).toBeVisible();
});

test('the release an imported .env states is used, and Review names it', async ({ wizard }) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.importFile(
    '.env',
    'CARTO_SELFHOSTED_VERSION=2025.7.16\nHTTP_PROXY=http://proxy.corp.example:3128\nhttp_proxy=http://proxy.corp.example:3128\n',
  );
  await expect(wizard.main.getByLabel('CARTO Self-hosted release')).toHaveValue('2025.7.16');
  await wizard.nextUntilReview();
  const deployment = wizard.main.getByRole('region', { name: 'Deployment', exact: true });
  await expect(deployment).toContainText('2025.7.16');
  await expect(deployment).not.toContainText('none given');
});

// Issue 11, item 10: on a narrow screen the download and the next steps need no scrolling past files.
test('on a narrow screen Review keeps the download and the next steps at hand', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await page.setViewportSize({ width: 390, height: 800 });
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.nextUntilReview();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(wizard.main.getByRole('button', { name: 'Download all (.zip)' })).toBeInViewport();
  await wizard.main.getByRole('button', { name: 'Next steps', exact: true }).click();
  const heading = wizard.main.getByRole('heading', { name: 'Next steps' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(wizard.main.getByRole('button', { name: 'Download all (.zip)' })).toBeInViewport();
});
