/**
 * A customer.env saved with a UTF-8 byte-order mark (issue 20, item 1), in the browser: the import
 * reads its first key and says the mark is left out, the merge says so too, and the downloaded file
 * has no mark, so CARTO's install.sh reads it (its `export $line` loop stopped at the mark).
 */
import { BYTE_ORDER_MARK_NOTE } from '@wizard/shared/import/index';
import { readWithInstallSh } from '@wizard/shared/test-support/env-readers';
import { expect, test } from './support/fixtures.ts';

const WINDOWS_ENV = [
  '\ufeffHTTP_PROXY=http://old-proxy.corp.example:8080',
  'http_proxy=http://old-proxy.corp.example:8080',
  'DB_PASSWORD=kept',
  '',
].join('\r\n');

test('a customer.env with a byte-order mark is read from its first key, and comes back without the mark', async ({
  wizard,
}) => {
  // The whole wizard, from the import to the merged download: a budget for a busy machine.
  test.slow();
  await wizard.open();
  await wizard.importFile('customer.env', WINDOWS_ENV);
  const report = wizard.main.getByRole('region', { name: 'Started from customer.env' });
  await expect(report.getByRole('row', { name: /^HTTP_PROXY Proxy/ })).toBeVisible();
  await expect(report.getByRole('heading', { name: 'Left out of the file (1)' })).toBeVisible();
  await expect(report.getByText(BYTE_ORDER_MARK_NOTE)).toBeVisible();

  await wizard.nextUntilReview();
  const merged = wizard.main.getByRole('region', { name: 'Your customer.env, updated' });
  await expect(merged.getByText(BYTE_ORDER_MARK_NOTE)).toBeVisible();
  // The mark is said in words, not shown as a changed first line.
  await expect(merged.getByRole('list', { name: /What changes/ })).not.toContainText('DB_PASSWORD');

  const { bytes } = await wizard.download(
    merged.getByRole('button', { name: 'Download customer.env' }),
  );
  expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.startsWith('HTTP_PROXY=http://old-proxy.corp.example:8080\r\n')).toBe(true);
  const installSh = readWithInstallSh(text);
  if (!installSh.ok) throw new Error(installSh.error);
  expect(installSh.env.DB_PASSWORD).toBe('kept\r');
});
