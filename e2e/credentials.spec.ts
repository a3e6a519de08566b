/** A proxy URL with a user name and password is refused on the spot; nothing of it is kept or downloaded. */
import { expect, test } from './support/fixtures.ts';
import { paste } from './support/wizard.ts';

const SECRET = 's3cr3t-Pa55';

test('pasting a URL fills protocol, host and port', async ({ wizard }) => {
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.expectStep('proxy');
  await paste(wizard.main.getByLabel('Host'), 'https://proxy.corp.example:3129');
  await expect(wizard.main.getByLabel('HTTPS', { exact: true })).toBeChecked();
  await expect(wizard.main.getByLabel('Host')).toHaveValue('proxy.corp.example');
  await expect(wizard.main.getByLabel('Port')).toHaveValue('3129');
  await expect(
    wizard.main.getByText('Filled protocol, host and port', { exact: false }),
  ).toBeVisible();
});

test('a pasted URL with credentials shows why it is refused, and nothing downloads', async ({
  page,
  wizard,
}) => {
  let downloads = 0;
  page.on('download', () => downloads++);
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/download')) posts.push(request.url());
  });

  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.expectStep('proxy');
  await wizard.main.getByLabel('HTTP', { exact: true }).check();
  const host = wizard.main.getByLabel('Host');
  await paste(host, `http://carto:${SECRET}@proxy.corp.example:3128`);

  await expect(host).toHaveValue('');
  await expect(host).toHaveAttribute('aria-invalid', 'true');
  await expect(
    wizard.main.getByText(/CARTO does not support proxy password authentication/),
  ).toBeVisible();
  await expect(wizard.main.getByLabel('Port')).toHaveValue('');

  // Typing one in is refused the same way.
  await host.fill(`carto:${SECRET}@proxy.corp.example`);
  await expect(host).toHaveValue('');
  await expect(
    wizard.main.getByText(/CARTO does not support proxy password authentication/),
  ).toBeVisible();

  // Next does not move on, and there is nothing to download.
  await wizard.next();
  await wizard.expectStep('proxy');
  await expect(page.getByRole('button', { name: /Download/ })).toHaveCount(0);
  await expect(
    wizard.preview.getByText('The files appear here as soon as these are answered:'),
  ).toBeVisible();

  // The password is nowhere: not on the page, in the address, or in saved state.
  expect(await page.content()).not.toContain(SECRET);
  expect(page.url()).not.toContain(SECRET);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(SECRET);
  expect(downloads).toBe(0);
  expect(posts).toEqual([]);
});
