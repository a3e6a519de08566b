import { importConfig } from '@wizard/shared/import/index';
import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../../wizard/state/draft.ts';
import { applyImport } from './apply-import.ts';

function imported(text: string, draft: Draft = emptyDraft()): Draft {
  const result = importConfig(text);
  if (!result.ok) throw new Error(result.message);
  return applyImport(draft, result.answers, result.report);
}

describe('applyImport', () => {
  // Issue 11, item 17: the release the file states becomes the draft's; otherwise the draft's stays.
  it('takes the release when the file states it, and keeps the draft’s otherwise', () => {
    const withRelease = imported('CARTO_SELFHOSTED_VERSION=2025.7.16\nHTTP_PROXY=http://p:3128\n');
    expect(withRelease.deployment.release).toBe('2025.7.16');
    const before = emptyDraft();
    before.deployment.release = '2026.8.11';
    expect(imported('HTTP_PROXY=http://p:3128\n', before).deployment.release).toBe('2026.8.11');
  });

  it('fills the method, proxy and own excluded domains from a customer.env', () => {
    const draft = imported(
      [
        'DB_PASSWORD=secret',
        'HTTP_PROXY=http://Proxy.Corp.Example:3128',
        'http_proxy=http://Proxy.Corp.Example:3128',
        'NO_PROXY=localhost,.corp.example,10.0.0.0/8',
        '',
      ].join('\n'),
    );
    expect(draft.deployment.method).toBe('docker-compose');
    expect(draft.proxy).toMatchObject({
      protocol: 'http',
      host: 'proxy.corp.example',
      port: '3128',
    });
    // localhost is added by the rules: not repeated among the user's own entries.
    expect(draft.excludedDomains).toEqual(['.corp.example', '10.0.0.0/8']);
    expect(JSON.stringify(draft)).not.toContain('secret');
  });

  it('fills Helm answers from customizations.yaml, GKE Workload Identity included', () => {
    const draft = imported(
      [
        'externalProxy:',
        '  enabled: true',
        '  host: proxy.corp.example',
        '  port: 3129',
        '  type: https',
        '  sslRejectUnauthorized: false',
        '  excludedDomains: ["localhost", ".svc.cluster.local", "169.254.169.254", "metadata", "metadata.google.internal", ".corp.example"]',
        '',
      ].join('\n'),
    );
    expect(draft.deployment).toMatchObject({ method: 'helm', gkeWorkloadIdentity: true });
    expect(draft.proxy).toMatchObject({
      protocol: 'https',
      host: 'proxy.corp.example',
      port: '3129',
      verifyCertificate: false,
    });
    expect(draft.excludedDomains).toEqual(['.corp.example']);
  });

  it('leaves what the file does not say as it was', () => {
    const before: Draft = {
      ...emptyDraft(),
      deployment: { ...emptyDraft().deployment, method: 'helm', release: '2025.8.1' },
      proxy: { ...emptyDraft().proxy, port: '8080', customCa: 'PEM' },
      excludedDomains: ['.mine.example'],
      warehouses: ['bigquery'],
    };
    const draft = imported('HTTPS_PROXY=https://proxy.corp.example\n', before);
    expect(draft.deployment).toMatchObject({ method: 'docker-compose', release: '2025.8.1' });
    expect(draft.proxy).toMatchObject({
      protocol: 'https',
      host: 'proxy.corp.example',
      port: '8080',
      customCa: 'PEM',
    });
    expect(draft.excludedDomains).toEqual(['.mine.example']);
    expect(draft.warehouses).toEqual(['bigquery']);
  });
});
