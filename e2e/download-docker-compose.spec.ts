/** Docker Compose behind an HTTP proxy: from nothing to customer.env.proxy, read back with dotenv. */
import { NO_PROXY_RULES } from '@wizard/shared';
import { parse } from 'dotenv';
import { expect, test } from './support/fixtures.ts';

test('a Docker Compose installation gets customer.env.proxy with both cases of every variable', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.excludedDomains(['.corp.example', '10.0.0.0/8']);
  await wizard.warehouses(['Google BigQuery', 'PostgreSQL']);
  await wizard.services(['Google Cloud Storage buckets']);

  const env = parse(await wizard.downloadFile('customer.env.proxy'));

  const url = 'http://proxy.corp.example:3128';
  // CARTO's compose services call each other by name: they come right after localhost (§V.4).
  const noProxy = [
    'localhost',
    ...NO_PROXY_RULES.composeServices.entries,
    '.corp.example',
    '10.0.0.0/8',
  ].join(',');
  expect(env).toEqual({
    HTTP_PROXY: url,
    http_proxy: url,
    HTTPS_PROXY: url,
    https_proxy: url,
    GRPC_PROXY: url,
    grpc_proxy: url,
    NO_PROXY: noProxy,
    no_proxy: noProxy,
  });

  // The same file is in the zip, with what the proxy admin needs.
  const zip = await wizard.downloadAll();
  expect(zip.name).toMatch(/\.zip$/);
  expect(zip.files.get('customer.env.proxy')).toBe(await wizard.previewText('customer.env.proxy'));
  const allowlist = zip.files.get('proxy-allowlist.txt') ?? '';
  const domains = allowlist.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  for (const domain of ['auth.carto.com', 'bigquery.googleapis.com', 'storage.googleapis.com']) {
    expect(domains).toContain(domain);
  }
  expect(zip.files.get('egress-rules.md')).toContain('5432');
});
