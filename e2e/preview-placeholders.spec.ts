/**
 * Issue 21, item 8: Markdown previews wrap by default; `<namespace>`-style placeholders are marked as
 * what to replace (the text and Copy stay exact); a download before the last step says it is a draft.
 */
import { expect, test } from './support/fixtures.ts';

test('Markdown wraps, placeholders are marked, early downloads are drafts', async ({ wizard }) => {
  await wizard.open();
  await wizard.deployment({ method: 'kots', clusterIp: '10.96.0.1' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.expectStep('excluded-domains');
  // Kots's ClusterIP is asked here (issue 21, item 4): the files follow once it is given.
  await wizard.clusterFacts();

  // Before Review: the preview offers a draft.
  await expect(wizard.preview.getByRole('button', { name: 'Download draft (.zip)' })).toBeVisible();
  await expect(wizard.preview.getByRole('button', { name: 'Download all (.zip)' })).toHaveCount(0);
  await expect(
    wizard.preview.getByRole('button', { name: 'Download a draft of kots-proxy-setup.md' }),
  ).toBeVisible();

  // kots-proxy-setup.md: wrapped by default, placeholders marked, the text unchanged.
  await wizard.preview.getByRole('tab', { name: 'kots-proxy-setup.md', exact: true }).click();
  const content = wizard.preview.getByLabel('Content of kots-proxy-setup.md');
  await expect(wizard.preview.getByLabel('Wrap lines')).toBeChecked();
  await expect(content).toHaveCSS('white-space', 'pre-wrap');
  await expect(content.locator('mark', { hasText: '<app-slug>' }).first()).toBeVisible();
  await expect(content.locator('mark', { hasText: '<namespace>' }).first()).toBeVisible();
  await expect(wizard.preview).toContainText('Replace the highlighted <values> with yours.');
  await expect(content).toContainText('kubectl kots install <app-slug> --namespace <namespace>');

  // The user's choice holds; other files keep their lines.
  await wizard.preview.getByLabel('Wrap lines').uncheck();
  await expect(content).toHaveCSS('white-space', 'pre');
  await wizard.preview.getByRole('tab', { name: 'proxy-allowlist.txt', exact: true }).click();
  await expect(wizard.preview.getByLabel('Wrap lines')).not.toBeChecked();

  // On Review the download is the real one, and the steps mark their placeholders too.
  await wizard.nextUntilReview();
  await expect(wizard.preview.getByRole('button', { name: 'Download all (.zip)' })).toBeVisible();
  const steps = wizard.main.getByRole('region', { name: 'Next steps' });
  await expect(steps.locator('mark', { hasText: '<namespace>' }).first()).toBeVisible();
});
