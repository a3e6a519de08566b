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
