import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../state/draft.ts';
import { decodeFragment, encodeFragment } from './fragment.ts';

const full = (): Draft => ({
  deployment: {
    method: 'kots',
    release: '2026.8.11',
    gkeWorkloadIdentity: true,
    kubernetesServiceIp: '10.96.0.1',
    clusterDomain: 'k8s.corp',
    imagePullsThroughProxy: true,
    usePubSubRestApi: false,
  },
  proxy: {
    protocol: 'https',
    host: 'fd00::10',
    port: '3129',
    verifyCertificate: false,
    customCa: '-----BEGIN CERTIFICATE-----\nMIIB…\n-----END CERTIFICATE-----\n',
    customCaExpected: false,
  },
  excludedDomains: ['.corp.example', '', '10.0.0.0/8', 'a&b=c#d'],
  warehouses: ['snowflake', 'redshift'],
  services: ['s3-buckets'],
});

describe('the URL fragment', () => {
  it('round-trips every answer but the custom CA, saying that one is expected', () => {
    const draft = full();
    const decoded = decodeFragment(encodeFragment({ draft, step: 'tls', reached: 'review' }));
    expect(decoded).toEqual({
      draft: { ...draft, proxy: { ...draft.proxy, customCa: '', customCaExpected: true } },
      step: 'tls',
      reached: 'review',
    });
  });

  it('says no CA is expected when the sender used none', () => {
    const draft = full();
    draft.proxy.customCa = '';
    const decoded = decodeFragment(encodeFragment({ draft, step: 'tls', reached: 'review' }));
    expect(decoded?.draft.proxy.customCaExpected).toBe(false);
  });

  it('never contains the custom CA', () => {
    const hash = encodeFragment({ draft: full(), step: 'review', reached: 'review' });
    expect(hash).not.toContain('CERTIFICATE');
    expect(hash).not.toContain('MIIB');
  });

  it('leaves defaults out, so an empty wizard has a short link', () => {
    expect(encodeFragment({ draft: emptyDraft(), step: 'deployment', reached: 'deployment' })).toBe(
      '#v=1&step=deployment',
    );
  });

  it('ignores fragments that are not ours', () => {
    expect(decodeFragment('')).toBeUndefined();
    expect(decodeFragment('#top')).toBeUndefined();
    expect(decodeFragment('#v=2&method=helm')).toBeUndefined();
  });

  it('drops what it cannot trust instead of failing', () => {
    const decoded = decodeFragment(
      '#v=1&step=nowhere&method=<script>&protocol=ftp&warehouse=snowflake&warehouse=Robert%27);DROP&__proto__=x&port=' +
        'x'.repeat(100),
    );
    expect(decoded?.step).toBe('deployment');
    expect(decoded?.draft.deployment.method).toBe('');
    expect(decoded?.draft.proxy.protocol).toBe('');
    expect(decoded?.draft.warehouses).toEqual(['snowflake']);
    expect(decoded?.draft.proxy.port.length).toBeLessThanOrEqual(32);
    expect(Object.prototype).not.toHaveProperty('x');
  });
});
