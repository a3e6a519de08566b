/**
 * Issue 13, items 10, 13 and 14 in the browser: a file the import or the merge cannot use says so
 * in the page, throws nothing uncaught (the fixture's page guard fails the test on any uncaught
 * error or console error), and leaves the wizard usable.
 */
import { expect, test } from './support/fixtures.ts';
import { METHOD_LABELS } from './support/wizard.ts';

/** A billion-laughs file: nine levels of nine aliases each, then an externalProxy. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'externalProxy:',
  '  host: old-proxy.corp.example',
  '',
].join('\n');

/** Readable, but its externalProxy host is anchored and used elsewhere: no splice keeps it valid. */
const ANCHORED = [
  'externalProxy:',
  '  enabled: true',
  '  host: &proxyHost old-proxy.corp.example',
  '  port: 3128',
  '  type: http',
  'monitoring:',
  '  proxyHost: *proxyHost',
  '',
].join('\n');

const file = (name: string, text: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text, 'utf8'),
});

test('an alias bomb in the import panel is refused in words, and the wizard goes on', async ({
  wizard,
}) => {
  await wizard.open();
  await wizard.main
    .getByLabel('Choose a file…')
    .setInputFiles(file('customizations.yaml', ALIAS_BOMB));
  await expect(wizard.main.getByRole('alert')).toContainText('cannot be read');
  await expect(wizard.main.getByRole('alert')).toContainText('Your answers are unchanged');
  // Still usable: choose a method by hand and move on.
  await wizard.main.getByLabel(METHOD_LABELS.helm).check();
  await wizard.next();
  await wizard.expectStep('proxy');
});

test('a file over the size limit is refused before it is read', async ({ wizard }) => {
  await wizard.open();
  await wizard.main
    .getByLabel('Choose a file…')
    .setInputFiles(file('customizations.yaml', `# ${'x'.repeat(2 * 1024 * 1024)}\n`));
  await expect(wizard.main.getByRole('alert')).toContainText('larger than 1 MiB');
});

test('the merge view says why a file cannot be updated, and opening an alias bomb there is refused too', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.importFile('customizations.yaml', ANCHORED);
  await wizard.next();
  await wizard.expectStep('proxy');
  await wizard.main.getByLabel('Host').fill('proxy.corp.example');
  await wizard.nextUntilReview();
  const updated = wizard.main.getByText('customizations.yaml could not be updated');
  await expect(updated).toBeVisible();
  await expect(wizard.main.getByText(/holds an anchor \(&proxyHost\) on line 3/)).toBeVisible();
  // Which lines to change by hand, and the exact text for each (issue 20, item 3).
  const edits = wizard.main.locator('.merged__hand-edits > li');
  await expect(edits).toHaveCount(2);
  await expect(edits.nth(0)).toContainText('In customizations.yaml, replace lines 1–5 with:');
  await expect(edits.nth(0).getByLabel('Text for lines 1–5')).toHaveText(
    [
      'externalProxy:',
      '  enabled: true',
      '  host: "proxy.corp.example"',
      '  port: 3128',
      '  type: "http"',
      '  excludedDomains:',
      '    - "localhost"',
      '    - ".svc.cluster.local"',
      '',
    ].join('\n'),
  );
  await expect(edits.nth(1)).toContainText('replace line 7 with:');
  await expect(edits.nth(1).getByLabel('Text for line 7')).toHaveText(
    '  proxyHost: old-proxy.corp.example',
  );
  await expect(edits.nth(1).getByRole('button', { name: 'Copy' })).toBeVisible();

  // After a reload the file is forgotten; re-opening an alias bomb there is refused in words.
  await page.reload();
  await wizard.expectStep('review');
  const reopen = wizard.main.getByRole('region', { name: 'Update your own customizations.yaml' });
  await reopen
    .getByLabel('Open your customizations.yaml…')
    .setInputFiles(file('customizations.yaml', ALIAS_BOMB));
  await expect(reopen.getByRole('alert')).toContainText('cannot be read');
});
