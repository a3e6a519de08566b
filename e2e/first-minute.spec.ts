/**
 * Issue 21: what a newcomer meets first. Step 1 asks its question first, and starting from a file is
 * the secondary way in (item 4).
 */
import { expect, test } from './support/fixtures.ts';

test('step 1: the method question comes first, the import after it (390 px)', async ({
  page,
  wizard,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await wizard.open();
  await wizard.expectStep('deployment');
  const method = wizard.main.getByRole('group', { name: 'Deployment method' });
  const firstChoice = wizard.main.getByRole('radio').first();
  await expect(firstChoice).toBeInViewport();
  const importPanel = wizard.main.getByRole('region', { name: /Start from an existing file/ });
  await expect(importPanel).toBeAttached();
  const methodFirst = await method.evaluate(
    (group, panel) =>
      !!(group.compareDocumentPosition(panel as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
    await importPanel.elementHandle(),
  );
  expect(methodFirst).toBe(true);
});

/**
 * Items 3 and 9: Review gives a verdict first, the files by who acts on them (each group downloads),
 * then the numbered steps; warnings come in tiers, a risky choice offers Fix or Keep and marks its step.
 */
test('Review: verdict, files by audience, steps, and tiered warnings', async ({ page, wizard }) => {
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'kots', release: '2025.8.1', clusterIp: '10.96.0.1' });
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.tls({ verify: false });
  await wizard.excludedDomains(['.corp.example']);
  await wizard.warehouses(['Snowflake']);
  await wizard.nextUntilReview();

  // The verdict first, then the groups, then the steps.
  // Three: verification off, no storage bucket provider (issue 18), .corp.example without corp.example.
  const verdict = wizard.main.getByText(/^Ready, with 3 risky choices to decide below$/);
  await expect(verdict).toBeVisible();
  const admin = wizard.main.getByRole('region', { name: 'For your proxy admin', exact: true });
  await expect(admin).toContainText('proxy-allowlist.txt, squid-allowlist.conf');
  await expect(
    wizard.main.getByRole('region', { name: 'For your network team', exact: true }),
  ).toContainText('egress-rules.md');
  const { name } = await wizard.download(admin.getByRole('button', { name: /Download these/ }));
  expect(name).toBe('carto-proxy-admin.zip');
  const order = await page.evaluate(() => {
    const top = (selector: string) =>
      document.querySelector(selector)?.getBoundingClientRect().top ?? -1;
    return [top('.callout'), top('.file-groups'), top('.next-steps'), top('.warnings')];
  });
  expect([...order].sort((a, b) => a - b)).toEqual(order);

  // Tiers: the risky choice to decide, the network team's, the facts collapsed; no repeats.
  const warnings = wizard.main.locator('section.warnings');
  await expect(warnings.getByRole('heading', { name: 'Risky choices: decide' })).toBeVisible();
  await expect(warnings.getByRole('link', { name: /^Fix: change TLS to the proxy/ })).toBeVisible();
  await expect(
    warnings.getByRole('heading', { name: 'For your network team', exact: true }),
  ).toBeVisible();
  await expect(warnings.locator('details summary')).toContainText('already account for');
  await expect(warnings.getByText(/Snowflake cannot go through an HTTPS proxy/)).toHaveCount(1);
  for (const link of await warnings.getByRole('link').allTextContents()) {
    expect(link).toMatch(/^(Fix: change|Check) /);
  }
  const steps = page.getByRole('navigation', { name: 'Wizard steps' });
  await expect(
    steps.getByRole('link', { name: /TLS to the proxy\s*, done, with a risky choice/ }),
  ).toBeVisible();
  await warnings.getByRole('button', { name: /^Keep TLS to the proxy/ }).click();
  await expect(warnings.getByText(/^Kept as it is: TLS to the proxy/)).toBeVisible();
});
