/**
 * The preview is rendered in the browser; downloads are rendered by the server. Both use the shared
 * renderer, and this proves it: every file's preview text is byte-identical to the downloaded file,
 * also when README.md records a "Test my proxy" run (sent back with the download).
 */
import { startTestProxy } from '../server/test/test-proxy.ts';
import { makeCa } from './support/ca.ts';
import { expect, test } from './support/fixtures.ts';
import { paste, type Wizard } from './support/wizard.ts';

const ca = makeCa();

/** Every previewed file is byte-identical to its own download and to its entry in the zip. */
async function expectPreviewEqualsDownloads(
  wizard: Wizard,
  names: string[],
): Promise<Map<string, string>> {
  const { files } = await wizard.downloadAll();
  expect([...files.keys()].sort()).toEqual([...names].sort());
  for (const name of names) {
    const previewed = Buffer.from(await wizard.previewText(name), 'utf8');
    const downloaded = Buffer.from(await wizard.downloadFile(name), 'utf8');
    expect(previewed.equals(downloaded), `${name}: preview and download differ`).toBe(true);
    expect(
      previewed.equals(Buffer.from(files.get(name) ?? '', 'utf8')),
      `${name}: zip differs`,
    ).toBe(true);
  }
  return files;
}

test('every previewed file is byte-identical to the downloaded file and to the zip entry', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose', release: '2025.7.16' });
  await wizard.proxy({ protocol: 'HTTPS', host: 'Proxy.Corp.Example', port: '3129' });
  await wizard.expectStep('tls');
  await paste(
    wizard.main.getByLabel('Custom CA certificate'),
    ca.certificate.replace(/\n/g, '\r\n'),
  );
  await wizard.next();
  await wizard.excludedDomains(['.corp.example', '192.168.0.0/16', 'bücher.example']);
  await wizard.warehouses(['Snowflake', 'Databricks', 'PostgreSQL']);
  await wizard.services(['Azure Blob Storage containers', 'Mapbox geocoding']);

  const names = await wizard.fileNames();
  expect(names).toEqual(
    expect.arrayContaining([
      'customer.env.proxy',
      'certs/proxy-ca.crt',
      'README.md',
      'check-proxy.sh',
      'verify-carto.sh',
    ]),
  );
  await expectPreviewEqualsDownloads(wizard, names);
});

test('with a finished proxy check, README.md and every other file still preview as they download', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  // A real forward proxy on 127.0.0.1 that allows one domain and refuses the other.
  const proxy = await startTestProxy({ 'auth.carto.com:443': 'allow' });
  try {
    await wizard.open(
      `#v=1&step=review&reached=review&method=helm&protocol=http&host=127.0.0.1&port=${proxy.port}`,
    );
    await wizard.expectStep('review');
    const check = wizard.main.getByRole('region', { name: 'Test my proxy' });
    await check.getByRole('button', { name: 'Test my proxy' }).click();
    await expect(check.getByText(/Added to README\.md/)).toBeVisible();

    const names = await wizard.fileNames();
    const files = await expectPreviewEqualsDownloads(wizard, names);
    expect(files.get('README.md')).toContain('## Proxy check');
  } finally {
    await proxy.close();
  }
});
