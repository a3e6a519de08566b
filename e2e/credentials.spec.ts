/**
 * A proxy URL with a user name and password: the credentials are stripped on the spot and the rest fills
 * the fields, saying why (issue 11, item 6); nothing of them is kept or downloaded.
 */
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

test('a pasted URL with credentials fills the fields without them and says why', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/download')) posts.push(request.postData() ?? '');
  });

  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.expectStep('proxy');
  const host = wizard.main.getByLabel('Host');
  await paste(host, `http://carto:${SECRET}@proxy.corp.example:3128`);

  await expect(wizard.main.getByLabel('HTTP', { exact: true })).toBeChecked();
  await expect(host).toHaveValue('proxy.corp.example');
  await expect(wizard.main.getByLabel('Port')).toHaveValue('3128');
  await expect(host).not.toHaveAttribute('aria-invalid', 'true');
  const notice = wizard.main.getByText(/The user name and password were removed from that URL/);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('CARTO does not support proxy password authentication');

  // Typing one in is stripped the same way.
  await host.fill(`carto:${SECRET}@proxy2.corp.example`);
  await expect(host).toHaveValue('proxy2.corp.example');
  await expect(notice).toBeVisible();

  // Editing the host by hand afterwards clears the notice.
  await host.fill('proxy3.corp.example');
  await expect(notice).toHaveCount(0);

  await wizard.next();
  await wizard.nextUntilReview();
  await wizard.downloadAll();

  // The password is nowhere: not on the page, in the address, saved state or what was sent.
  expect(await page.content()).not.toContain(SECRET);
  expect(page.url()).not.toContain(SECRET);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(SECRET);
  expect(posts.length).toBeGreaterThan(0);
  for (const body of posts) expect(body).not.toContain(SECRET);
});

test('a URL that is only credentials and no usable host is refused, and nothing is kept', async ({
  page,
  wizard,
}) => {
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.expectStep('proxy');
  const host = wizard.main.getByLabel('Host');
  await paste(host, `ftp://carto:${SECRET}@proxy.corp.example:21`);
  await expect(host).toHaveAttribute('aria-invalid', 'true');
  await wizard.next();
  await wizard.expectStep('proxy');
  expect(await page.content()).not.toContain(SECRET);
  expect(page.url()).not.toContain(SECRET);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(SECRET);
});
