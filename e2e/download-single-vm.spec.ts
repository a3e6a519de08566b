/** Single VM (./carto install): refused before 2025.7.16, the full installer line from then on. */
import { expect, test } from './support/fixtures.ts';

test('a Single VM installation gets the ./carto install line; releases before proxy support are refused', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.expectStep('deployment');
  await wizard.main.getByLabel('Single VM (./carto install)', { exact: true }).check();
  const release = wizard.main.getByLabel('CARTO Self-hosted release');
  await release.fill('2025.3.4');
  await wizard.next();
  await expect(release).toHaveAttribute('aria-invalid', 'true');
  await expect(
    wizard.main.getByText(
      /Release 2025\.3\.4 has no proxy support for Single VM.*Upgrade CARTO to 2025\.7\.16/,
    ),
  ).toBeVisible();
  await wizard.expectStep('deployment');

  await release.fill('2025.7.16');
  await wizard.next();
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '443' });
  await wizard.tls({ verify: false });
  await wizard.excludedDomains([]);
  await wizard.warehouses([]);
  await wizard.services(['Google Maps']);

  const markdown = await wizard.downloadFile('kots-proxy-setup.md');
  const command = /```sh\n(sudo \.\/carto install[\s\S]*?)\n```/.exec(markdown)?.[1];
  expect(command?.split(' \\\n  ')).toEqual([
    'sudo ./carto install --license license.yaml',
    "--http-proxy='https://proxy.corp.example:443'",
    "--https-proxy='https://proxy.corp.example:443'",
    "--no-proxy='localhost'",
  ]);
  expect(markdown).toContain('Proxy: `https://proxy.corp.example:443`. Release: 2025.7.16.');
  expect(markdown).toContain('Leave **SSL certificate checks** unticked');
  // Turning verification off is a loud warning, linked back to its field.
  await expect(wizard.main.getByText(/Certificate verification of the proxy is off/)).toBeVisible();
});
