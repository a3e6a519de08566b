/**
 * Issue 21, item 10: Review shows the curl and `npx carto-proxy-wizard` commands for the current
 * answers, with an answers.json download; that file, sent as the curl command sends it, gives the
 * same zip as the Download button.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures.ts';

test('Review: answers.json and the commands that give the same files', async ({
  page,
  wizard,
  baseURL,
  request,
}) => {
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose', release: '2026.8.11' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.nextUntilReview();

  const automation = wizard.main.getByRole('region', { name: 'Automate it' });
  await expect(automation).toContainText(
    `curl -fsS -X POST ${baseURL}/api/download -H 'content-type: application/json' -d @answers.json -o carto-proxy-config.zip`,
  );
  await expect(automation).toContainText(
    'npx carto-proxy-wizard render answers.json --out carto-proxy-config',
  );
  await expect(automation).toContainText(
    'npx carto-proxy-wizard merge --answers answers.json --into customer.env --write',
  );
  await expect(automation.getByRole('button', { name: 'Copy command' })).toHaveCount(3);

  const saved = page.waitForEvent('download');
  await automation.getByRole('button', { name: 'Download answers.json' }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe('answers.json');
  const json = await readFile((await download.path()) ?? '', 'utf8');
  const answers = JSON.parse(json) as { deployment: { method: string }; proxy: { host: string } };
  expect(answers.deployment.method).toBe('docker-compose');
  expect(answers.proxy.host).toBe('proxy.corp.example');

  // What curl gets for that file is what the Download button gets.
  const viaApi = await request.post('/api/download', {
    headers: { 'content-type': 'application/json' },
    data: json,
  });
  expect(viaApi.status()).toBe(200);
  const { bytes } = await wizard.download(
    wizard.main.getByRole('button', { name: 'Download all (.zip)' }).first(),
  );
  expect(Buffer.compare(await viaApi.body(), bytes)).toBe(0);
});
