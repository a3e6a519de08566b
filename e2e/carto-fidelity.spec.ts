/**
 * What CARTO itself reads (carto-proxy-facts.md §V), as a user meets it in the wizard: Pub/Sub over HTTPS
 * on the TLS step for Helm, the cluster domain and image pulls for Kubernetes, Admin Console host rules,
 * and the numbered next steps on Review, which are README.md's.
 */
import { parse } from 'yaml';
import { expect, test } from './support/fixtures.ts';

test('Helm with an HTTPS proxy: Pub/Sub over HTTPS is on, and turning it off brings the gRPC bypass back', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.main.getByLabel('Kubernetes with Helm', { exact: true }).check();
  // Pub/Sub over HTTPS is offered for a release that reads it (2025.2.13 on), not without one (D1).
  await wizard.main.getByLabel('CARTO Self-hosted release').fill('2026.7.16');
  await wizard.main
    .getByLabel('The cluster’s nodes pull CARTO’s images through this proxy')
    .check();
  await wizard.next();
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.expectStep('tls');
  const pubSub = wizard.main.getByLabel('Send Google Pub/Sub over HTTPS (recommended)');
  await expect(pubSub).toBeChecked();
  // The cluster domain is asked where it is used: on Excluded domains (issue 21, item 4).
  await wizard.next();
  await wizard.expectStep('excluded-domains');
  await wizard.main.getByLabel('Cluster domain').fill('k8s.corp.example');
  await wizard.page.getByRole('button', { name: 'Back' }).click();
  await wizard.expectStep('tls');

  const values = async () =>
    parse(await wizard.previewText('customizations.proxy.yaml'), { version: '1.1' }) as {
      externalProxy: { excludedDomains: string[] };
      cartoConfigValues?: unknown;
    };
  await expect
    .poll(async () => (await values()).cartoConfigValues)
    .toEqual({ usePubSubRestApi: true });
  expect((await values()).externalProxy.excludedDomains).toContain('.svc.k8s.corp.example');
  expect(await wizard.previewText('proxy-allowlist.txt')).toContain('us-docker.pkg.dev');
  await expect(wizard.preview.getByRole('tab', { name: 'egress-rules.md' })).toHaveCount(0);

  await pubSub.uncheck();
  await expect.poll(async () => (await values()).cartoConfigValues).toBeUndefined();
  await expect(wizard.preview.getByRole('tab', { name: 'egress-rules.md' })).toBeVisible();
});

test('Kots refuses an IPv6 proxy host with the reason, and keeps what was typed', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'kots', clusterIp: '10.96.0.1' });
  await wizard.expectStep('proxy');
  await wizard.main.getByLabel('HTTP', { exact: true }).check();
  const host = wizard.main.getByLabel('Host');
  await host.fill('fd00::10');
  await wizard.main.getByLabel('Port').fill('3128');
  await wizard.next();
  await wizard.expectStep('proxy');
  await expect(host).toHaveAttribute('aria-invalid', 'true');
  await expect(
    wizard.main.getByText(/Admin Console does not accept an IPv6 address/),
  ).toBeVisible();
  await expect(host).toHaveValue('fd00::10');
});

test('Review lists README.md’s numbered next steps, with a copy button on each command', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'docker-compose' });
  await wizard.proxy({ protocol: 'HTTP', host: 'proxy.corp.example', port: '3128' });
  await wizard.nextUntilReview();
  const steps = wizard.main.getByRole('region', { name: 'Next steps' });
  await expect(steps.getByRole('listitem').first()).toContainText('proxy-allowlist.txt');
  await expect(steps).toContainText('docker-daemon-proxy.conf');
  await expect(steps).toContainText('sudo systemctl restart docker');
  await expect(steps.getByRole('button', { name: 'Copy JSON' })).toHaveCount(1);
  const readme = await wizard.previewText('README.md');
  for (const command of [
    'sh check-proxy.sh',
    'bash install.sh && docker-compose down && docker-compose up -d',
  ]) {
    expect(readme).toContain(command);
    await expect(steps.getByText(command, { exact: true })).toBeVisible();
  }
  // The numbers match README.md's.
  const count = await steps.getByRole('listitem').count();
  expect(readme).toContain(`\n${count}. `);
  expect(readme).not.toContain(`\n${count + 1}. `);
});
