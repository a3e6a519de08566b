/** HTTPS proxy with a custom CA: pasted or chosen as a file, read back, refused when it is a private key. */
import { parse as parseEnv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { makeCa, pemBodies } from './support/ca.ts';
import { expect, test } from './support/fixtures.ts';
import { paste } from './support/wizard.ts';

const ca = makeCa();

test('a pasted CA is shown, kept out of the share link, and lands where every Helm release reads it', async ({
  page,
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.expectStep('tls');

  const field = wizard.main.getByLabel('Custom CA certificate');
  await paste(field, ca.certificate);
  const details = wizard.main.getByRole('region', { name: 'The certificate you gave' });
  await expect(
    details.getByText('O=Example Corp, CN=Example Corp Proxy Root CA').first(),
  ).toBeVisible();
  await expect(
    details.getByText(/^Valid from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\.$/),
  ).toBeVisible();
  await expect(details.getByText('self-signed')).toBeVisible();
  await expect(details.getByText(/Yes, it can sign the proxy’s certificate/)).toBeVisible();
  await expect(wizard.main.getByText(/Importing data through an HTTPS proxy/)).toBeVisible();
  await wizard.next();

  // Saved in this browser for a reload, never in the address (the share link).
  const body = pemBodies(ca.certificate)[0] ?? '';
  expect(page.url()).not.toContain(body.slice(0, 40));
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toContain(body.slice(0, 40));

  await wizard.excludedDomains([]);
  await wizard.warehouses([]);
  await wizard.services([]);
  const values = parseYaml(await wizard.downloadFile('customizations.proxy.yaml'), {
    version: '1.1',
  }) as { trustedCACerts?: unknown; externalProxy: { sslCA?: string } & Record<string, unknown> };
  // No release given: externalProxy.sslCA, which every chart reads (deprecated, still honoured, from
  // 2026.8.11-rc.2 when trustedCACerts arrived: carto-release-audit.md D1, helm 07b7d4ec).
  expect(pemBodies(values.externalProxy.sslCA ?? '')).toEqual([body]);
  expect(values.externalProxy.sslRejectUnauthorized).toBe(true);
  expect(values.trustedCACerts).toBeUndefined();
});

test('a CA chosen as a binary .cer file reaches Docker Compose as certs/proxy-ca.crt', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.expectStep('tls');
  await wizard.main.getByLabel('Choose a file…').setInputFiles({
    name: 'corp-root.cer',
    mimeType: 'application/x-x509-ca-cert',
    buffer: ca.der,
  });
  await expect(wizard.main.getByText(/Yes, it can sign the proxy’s certificate/)).toBeVisible();
  await wizard.next();
  await wizard.excludedDomains([]);
  await wizard.warehouses([]);
  await wizard.services([]);

  const { files } = await wizard.downloadAll();
  expect(pemBodies(files.get('certs/proxy-ca.crt') ?? '')).toEqual(pemBodies(ca.certificate));
  const env = parseEnv(files.get('customer.env.proxy') ?? '');
  expect(env.NODE_EXTRA_CA_CERTS).toBe('/usr/src/certs/proxy-ca.crt');
  expect(env.NODE_TLS_REJECT_UNAUTHORIZED).toBe('1');
  expect(env.HTTPS_PROXY).toBe('https://proxy.corp.example:3129');
  expect(env.GRPC_PROXY).toBeUndefined();
});

test('a private key is refused on the spot and never kept', async ({ page, wizard }) => {
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.expectStep('tls');
  const field = wizard.main.getByLabel('Custom CA certificate');
  await paste(field, ca.privateKey);

  await expect(field).toHaveValue('');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.main.getByText(/private key/i).first()).toBeVisible();
  const keyBody = ca.privateKey.split('\n')[1] ?? '';
  expect(await page.content()).not.toContain(keyBody);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(keyBody);

  // Issue 11, item 3: a good CA pasted next clears the error at once, without leaving the field.
  await paste(field, ca.certificate);
  await expect(field).toBeFocused();
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.main.getByText(/contains a private key/i)).toHaveCount(0);
  await expect(wizard.main.getByText(/Yes, it can sign the proxy’s certificate/)).toBeVisible();

  // A leaf certificate is accepted but flagged: it is not a CA.
  await field.fill('');
  await paste(field, ca.leaf);
  await expect(
    wizard.main.getByText(/No: this looks like the proxy’s own certificate/),
  ).toBeVisible();
  await expect(wizard.preview.getByText(/is not a CA certificate/)).toBeVisible();
});

// Issue 11, item 6: a certificate+key bundle keeps the certificate, drops the key and says so.
test('a certificate and key bundle keeps the certificate and drops the key', async ({
  page,
  wizard,
}) => {
  await wizard.open();
  await wizard.deployment({ method: 'helm' });
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.expectStep('tls');
  const field = wizard.main.getByLabel('Custom CA certificate');
  await paste(field, `${ca.certificate}${ca.privateKey}`);

  const keyBody = ca.privateKey.split('\n')[1] ?? '';
  await expect(
    wizard.main.getByRole('status').filter({ hasText: 'Private key removed' }),
  ).toBeVisible();
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  expect(pemBodies(await field.inputValue())).toEqual(pemBodies(ca.certificate));
  expect(await page.content()).not.toContain(keyBody);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(keyBody);
  await expect(wizard.main.getByText(/Yes, it can sign the proxy’s certificate/)).toBeVisible();
});
