/** Helm behind an HTTPS proxy on GKE: customizations.proxy.yaml, read back as Helm reads it (YAML 1.1). */
import { parse } from 'yaml';
import { expect, test } from './support/fixtures.ts';

test('a Helm installation gets customizations.proxy.yaml with the values Helm will read', async ({
  wizard,
}) => {
  // A journey through the wizard: a budget that fits a busy 2-core machine (issue 20, item 2).
  test.slow();
  await wizard.open();
  await wizard.deployment({ method: 'helm', release: '2026.8.11', gke: true });
  await wizard.proxy({ protocol: 'HTTPS', host: 'proxy.corp.example', port: '3129' });
  await wizard.tls({});
  // "no" and "on" are booleans in YAML 1.1 unless the file quotes them.
  await wizard.excludedDomains(['.corp.example', 'no', 'on']);
  await wizard.warehouses(['Snowflake', 'Google BigQuery']);
  await wizard.services([]);

  const text = await wizard.downloadFile('customizations.proxy.yaml');
  const values: unknown = parse(text, { version: '1.1' });

  expect(values).toEqual({
    externalProxy: {
      enabled: true,
      host: 'proxy.corp.example',
      port: 3129,
      type: 'https',
      excludedDomains: [
        'localhost',
        '.svc.cluster.local',
        '169.254.169.254',
        'metadata',
        'metadata.google.internal',
        '.snowflakecomputing.com',
        '.corp.example',
        'no',
        'on',
      ],
      sslRejectUnauthorized: true,
    },
    // An HTTPS proxy on a release from 2025.2.13: Pub/Sub over HTTPS, through the proxy (on by default).
    cartoConfigValues: { usePubSubRestApi: true },
  });
  // Snowflake bypasses an HTTPS proxy: the egress rules say so.
  await expect(wizard.preview.getByRole('tab', { name: 'egress-rules.md' })).toBeVisible();
});
