/** Kots on an existing cluster: kots-proxy-setup.md with the installer flags and Admin Console steps. */
import { expect, test } from './support/fixtures.ts';

/** The value of `--flag='value'` in the installer command. */
const flag = (markdown: string, name: string) =>
  new RegExp(`--${name}='([^']*)'`).exec(markdown)?.[1];

test('a Kots installation gets the installer flags with the ClusterIP excluded', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.expectStep('deployment');
  await wizard.main.getByLabel('Kubernetes with the Admin Console (Kots)', { exact: true }).check();
  // Step 1 asks only the method and release; the ClusterIP is asked where it is used (issue 21, item 4).
  await expect(wizard.main.getByLabel('ClusterIP of the kubernetes service')).toHaveCount(0);
  // Kots pulls every image through registry.self-hosted.carto.com, already allowed: the image-pull
  // question, which adds Helm's registries, is not asked (methodFacts imageRegistries).
  await expect(
    wizard.main.getByLabel('The cluster’s nodes pull CARTO’s images through this proxy'),
  ).toHaveCount(0);
  // The Admin Console of 2025.4.9 on accepts an IPv4 proxy host (without a release, some refuse it: D3).
  await wizard.main.getByLabel('CARTO Self-hosted release').fill('2026.7.16');
  await wizard.next();

  await wizard.proxy({ protocol: 'HTTP', host: '10.20.30.40', port: '8080' });
  // The ClusterIP is required for Kots: Next refuses without it and says how to get it.
  await wizard.expectStep('excluded-domains');
  await wizard.next();
  const clusterIp = wizard.main.getByLabel('ClusterIP of the kubernetes service');
  await expect(clusterIp).toHaveAttribute('aria-invalid', 'true');
  await expect(clusterIp).toBeFocused();
  await expect(wizard.main.getByText(/kubectl get svc kubernetes/).first()).toBeVisible();
  await clusterIp.fill('10.96.0.1');
  await wizard.excludedDomains(['.corp.example']);
  await wizard.warehouses(['Databricks']);
  await wizard.services(['TomTom geocoding']);

  const markdown = await wizard.downloadFile('kots-proxy-setup.md');
  const lines = markdown.split('\n');
  expect(lines).toContain('# CARTO Self-hosted behind a proxy: Kubernetes with the Admin Console');
  expect(lines).toContain('kubectl kots install <app-slug> --namespace <namespace> \\');
  expect(flag(markdown, 'http-proxy')).toBe('http://10.20.30.40:8080');
  expect(flag(markdown, 'https-proxy')).toBe('http://10.20.30.40:8080');
  expect(flag(markdown, 'no-proxy')?.split(',')).toEqual([
    'localhost',
    '.svc.cluster.local',
    '10.96.0.1',
    '.corp.example',
  ]);
  expect(lines).toContain('3. Set **External proxy type** to **HTTP**.');
});
