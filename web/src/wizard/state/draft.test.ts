import { describe, expect, it } from 'vitest';
import { emptyDraft, keepKnownIds, normalizeDraft, portInput, type Draft } from './draft.ts';
import { toAnswersInput } from './answers-input.ts';

const draft = (patch: (d: Draft) => void): Draft => {
  const d = emptyDraft();
  patch(d);
  return d;
};

describe('toAnswersInput', () => {
  it('sends Pub/Sub over HTTPS only when Helm with an HTTPS proxy turns it off', () => {
    // A release that offers it (from 2025.2.13-rc.3); without one nothing is sent (D1, below).
    const helm = (protocol: 'http' | 'https', usePubSubRestApi: boolean, release = '2026.7.16') =>
      toAnswersInput(
        draft((d) => {
          d.deployment = { ...d.deployment, method: 'helm', release, usePubSubRestApi };
          d.proxy = { ...d.proxy, protocol, host: 'p', port: '3128' };
        }),
      ).deployment;
    expect(helm('https', false)).toMatchObject({ usePubSubRestApi: false });
    expect(helm('https', true)).not.toHaveProperty('usePubSubRestApi');
    expect(helm('http', false)).not.toHaveProperty('usePubSubRestApi');
    // No release: the files must work on every Helm release, so the option is not offered (D1).
    expect(helm('https', false, '')).not.toHaveProperty('usePubSubRestApi');
  });

  it('sends only the questions that apply', () => {
    const input = toAnswersInput(
      draft((d) => {
        d.deployment = {
          method: 'docker-compose',
          release: ' ',
          gkeWorkloadIdentity: true,
          kubernetesServiceIp: '10.96.0.1',
          clusterDomain: 'k8s.corp',
          imagePullsThroughProxy: true,
          usePubSubRestApi: false,
        };
        d.proxy = {
          protocol: 'http',
          host: ' proxy.corp ',
          port: '3128',
          verifyCertificate: false,
          customCa: 'PEM',
          customCaExpected: false,
        };
      }),
    );
    expect(input).toEqual({
      deployment: { method: 'docker-compose' },
      proxy: { protocol: 'http', host: 'proxy.corp', port: 3128 },
      excludedDomains: [],
      warehouses: [],
      services: [],
    });
  });

  it('keeps TLS answers for HTTPS, the ClusterIP for kots and Workload Identity for Kubernetes', () => {
    const input = toAnswersInput(
      draft((d) => {
        d.deployment = {
          method: 'kots',
          release: '2026.8.11',
          gkeWorkloadIdentity: false,
          kubernetesServiceIp: ' 10.96.0.1 ',
          clusterDomain: ' k8s.corp ',
          imagePullsThroughProxy: true,
          usePubSubRestApi: false,
        };
        d.proxy = {
          protocol: 'https',
          host: 'p',
          port: '443',
          verifyCertificate: true,
          customCa: '',
          customCaExpected: false,
        };
      }),
    );
    expect(input.deployment).toEqual({
      method: 'kots',
      release: '2026.8.11',
      gkeWorkloadIdentity: false,
      kubernetesServiceIp: '10.96.0.1',
      clusterDomain: 'k8s.corp',
      imagePullsThroughProxy: true,
      // Pub/Sub over HTTPS is a Helm value: not sent for kots.
    });
    expect(input.proxy).toEqual({
      protocol: 'https',
      host: 'p',
      port: 443,
      verifyCertificate: true,
    });
  });

  it('skips blank excluded-domain rows and trims the others', () => {
    const input = toAnswersInput(
      draft((d) => {
        d.excludedDomains = ['', ' .corp ', '   ', 'git.corp'];
      }),
    );
    expect(input.excludedDomains).toEqual(['.corp', 'git.corp']);
  });

  it('reads the port as typed: missing, a number, or text the schema will explain', () => {
    expect(portInput('')).toBeUndefined();
    expect(portInput(' 3128 ')).toBe(3128);
    expect(portInput('31a8')).toBe('31a8');
    expect(portInput('99999999')).toBe('99999999');
  });
});

describe('normalizeDraft', () => {
  it('turns anything into a well-formed draft', () => {
    expect(normalizeDraft(null)).toEqual(emptyDraft());
    expect(
      normalizeDraft({ proxy: { port: 8080, verifyCertificate: 'no' }, warehouses: 'x' }),
    ).toEqual({
      ...emptyDraft(),
      proxy: { ...emptyDraft().proxy, port: '8080', verifyCertificate: true },
    });
  });

  it('keeps id-shaped catalog ids, once each', () => {
    const d = normalizeDraft({
      warehouses: ['snowflake', 'snowflake', 'Not An Id', 7, 'future-dw'],
    });
    expect(d.warehouses).toEqual(['snowflake', 'future-dw']);
  });
});

describe('keepKnownIds', () => {
  const catalog = {
    deploymentMethods: [{ id: 'helm' }],
    warehouses: [{ id: 'snowflake' }],
    services: [{ id: 'gcs-buckets' }],
  };

  it('drops ids the catalog does not know', () => {
    const d = normalizeDraft({
      deployment: { method: 'nomad' },
      warehouses: ['snowflake', 'future-dw'],
      services: ['gcs-buckets'],
    });
    const kept = keepKnownIds(d, catalog);
    expect(kept.deployment.method).toBe('');
    expect(kept.warehouses).toEqual(['snowflake']);
    expect(kept.services).toEqual(['gcs-buckets']);
  });

  it('returns the same draft when nothing changes (no needless store update)', () => {
    const d = normalizeDraft({ deployment: { method: 'helm' }, warehouses: ['snowflake'] });
    expect(keepKnownIds(d, catalog)).toBe(d);
  });
});
