/**
 * Issue 18: the carto-release-audit.md items D2, D4–D11, D14, each against what it changes in the
 * allowlist, the NO_PROXY list, the warnings or kots-proxy-setup.md. Each test fails without its fix.
 */
import { describe, expect, it } from 'vitest';
import { validateAnswers, type AnswersInput } from '../answers.ts';
import { CA_PEM } from '../fixtures/index.ts';
import { planFor } from '../plan.ts';
import { renderAll } from '../render/index.ts';

function render(input: AnswersInput) {
  const result = validateAnswers(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { plan: planFor(result.answers), result: renderAll(result.answers) };
}

const http = { protocol: 'http' as const, host: 'proxy.corp.example', port: 3128 };
const httpsCa = {
  protocol: 'https' as const,
  host: 'proxy.corp.example',
  port: 3129,
  customCa: CA_PEM,
};
const kots = (release?: string) => ({
  method: 'kots' as const,
  kubernetesServiceIp: '10.96.0.1',
  ...(release !== undefined ? { release } : {}),
});
const domains = (input: AnswersInput) => render(input).plan.allowlist.map((a) => a.domain);
const codes = (input: AnswersInput) => render(input).result.warnings.map((w) => w.code);

describe('D2: pubsub.googleapis.com where the release reaches it', () => {
  it('Kots and Single VM before 2025.9.11 (no custom Pub/Sub domain, PR #750), and with no release', () => {
    expect(domains({ deployment: kots('2025.8.12'), proxy: http })).toContain(
      'pubsub.googleapis.com',
    );
    expect(domains({ deployment: kots(), proxy: http })).toContain('pubsub.googleapis.com');
    expect(
      domains({ deployment: { method: 'single-vm', release: '2025.7.16' }, proxy: http }),
    ).toContain('pubsub.googleapis.com');
    expect(domains({ deployment: kots('2025.9.11'), proxy: http })).not.toContain(
      'pubsub.googleapis.com',
    );
  });

  it('Helm on every release (chart default pubsubDomain ""), saying what to check', () => {
    const entry = render({
      deployment: { method: 'helm', release: '2026.7.16' },
      proxy: http,
    }).plan.allowlist.find((a) => a.domain === 'pubsub.googleapis.com');
    expect(entry?.reason).toMatch(/pubsubDomain/);
  });
});

describe('D5: storage is not optional', () => {
  it('warns loudly when no bucket provider is chosen, naming the CORS preflight from 2026.8.11-rc.2', () => {
    const warning = render({ deployment: { method: 'helm' }, proxy: http }).result.warnings.find(
      (w) => w.code === 'no-bucket-provider',
    );
    expect(warning).toMatchObject({ severity: 'warning', path: ['services'] });
    expect(warning?.message).toMatch(/2026\.8\.11-rc\.2 with a CORS probe that fails the install/);
    expect(
      codes({ deployment: { method: 'helm' }, proxy: http, services: ['s3-buckets'] }),
    ).not.toContain('no-bucket-provider');
  });
});

describe('D6, D11: Docker Hub by its real hosts, images where they are pulled', () => {
  it('Kots lists the Docker Hub pull hosts, not docker.io alone, and no CARTO registry of its own', () => {
    const list = domains({
      deployment: { ...kots('2026.7.16'), imagePullsThroughProxy: true },
      proxy: http,
    });
    expect(list).toEqual(
      expect.arrayContaining([
        'registry-1.docker.io',
        'auth.docker.io',
        'production.cloudflare.docker.com',
      ]),
    );
    // Kots pulls every CARTO image through registry.self-hosted.carto.com (kots-helm.yaml).
    expect(list).not.toContain('gcr.io');
    expect(list).not.toContain('us-docker.pkg.dev');
  });

  it('Compose pulls its embedded Postgres from Docker Hub; Helm its internal Postgres when nodes pull here', () => {
    expect(domains({ deployment: { method: 'docker-compose' }, proxy: http })).toContain(
      'registry-1.docker.io',
    );
    const helm = domains({
      deployment: { method: 'helm', imagePullsThroughProxy: true },
      proxy: http,
    });
    expect(helm).toEqual(
      expect.arrayContaining(['gcr.io', 'us-docker.pkg.dev', 'registry-1.docker.io']),
    );
  });
});

describe('D4, D8: what the catalog lacked', () => {
  it('has an AI features service with the hosts ai-api calls (read from kots-config.yaml)', () => {
    const list = domains({
      deployment: { method: 'helm' },
      proxy: http,
      services: ['ai-features'],
    });
    expect(list).toEqual(
      expect.arrayContaining(['accounts.app.carto.com', 'spatial-data-catalog.app.carto.com']),
    );
  });

  it('has Microsoft Fabric and Oracle, with their direct egress rule', () => {
    const { plan } = render({
      deployment: { method: 'helm' },
      proxy: http,
      warehouses: ['fabric', 'oracle'],
    });
    expect(plan.egress.map((r) => r.port)).toEqual(expect.arrayContaining([1433, 1521]));
  });
});

describe('D7, D9, D10: release caveats', () => {
  it('D9: router-metrics has no custom CA before 2026.5.14', () => {
    expect(
      codes({ deployment: { method: 'helm', release: '2026.4.24' }, proxy: httpsCa }),
    ).toContain('router-metrics-ca');
    expect(
      codes({ deployment: { method: 'helm', release: '2026.5.14' }, proxy: httpsCa }),
    ).not.toContain('router-metrics-ca');
  });

  it('D7: disconnected mode (2026.8.11-rc.4) reads the CA only from externalProxy.sslCA', () => {
    expect(
      codes({ deployment: { method: 'helm', release: '2026.8.11-rc.4' }, proxy: httpsCa }),
    ).toContain('disconnected-mode-ca');
    expect(
      codes({ deployment: { method: 'helm', release: '2026.8.11-rc.3' }, proxy: httpsCa }),
    ).not.toContain('disconnected-mode-ca');
  });

  it('D10: Kots gets the exact YAML to paste into Custom Configuration for Pub/Sub over REST', () => {
    const md = render({
      deployment: kots('2026.7.16'),
      proxy: { ...httpsCa, customCa: undefined },
    }).result.files.find((f) => f.name === 'kots-proxy-setup.md')?.content;
    expect(md).toContain('**Custom Configuration**');
    expect(md).toContain('   ```yaml\n   cartoConfigValues:\n     usePubSubRestApi: true\n   ```');
  });
});

describe('D14: redis, the alias valkey keeps in Compose', () => {
  it('is in the Compose NO_PROXY list', () => {
    expect(
      render({ deployment: { method: 'docker-compose' }, proxy: http }).plan.noProxy.map(
        (e) => e.entry,
      ),
    ).toContain('redis');
  });
});
