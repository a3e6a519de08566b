/**
 * Golden scenarios: one per method and protocol. Each output is parsed back with the parser its consumer
 * uses (dotenv for customer.env, YAML 1.1 for Helm) and checked value by value; a snapshot pins the bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateAnswers, type Answers, type AnswersInput } from '../answers.ts';
import { NO_PROXY_RULES } from '../catalog.ts';
import { CA_PEM, LEAF_PEM, SECOND_CA_PEM } from '../fixtures/index.ts';
import { renderAll } from './index.ts';
import type { RenderResult } from './types.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
/** The compose service names every Docker Compose NO_PROXY starts with, after localhost (§V.4). */
const COMPOSE = NO_PROXY_RULES.composeServices.entries.join(',');

function render(input: AnswersInput): { answers: Answers; result: RenderResult } {
  const validation = validateAnswers(input);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return { answers: validation.answers, result: renderAll(validation.answers, { now: NOW }) };
}

function file(result: RenderResult, name: string): string {
  const found = result.files.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name} in ${result.files.map((f) => f.name).join(', ')}`);
  return found.content;
}

const names = (result: RenderResult) => result.files.map((f) => f.name);
const codes = (result: RenderResult) => result.warnings.map((w) => w.code);
const yaml11 = (text: string): unknown => parseYaml(text, { version: '1.1' });

describe('docker-compose, HTTP proxy', () => {
  const { result } = render({
    deployment: { method: 'docker-compose' },
    proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
    excludedDomains: ['.corp.example', 'mega.io'],
    warehouses: ['bigquery', 'postgres', 'redshift'],
  });

  it('writes both cases of every variable, GRPC_PROXY included, and nothing else', () => {
    const env = dotenv.parse(file(result, 'customer.env.proxy'));
    const url = 'http://proxy.corp.example:3128';
    expect(env).toEqual({
      HTTP_PROXY: url,
      http_proxy: url,
      HTTPS_PROXY: url,
      https_proxy: url,
      GRPC_PROXY: url,
      grpc_proxy: url,
      NO_PROXY: `localhost,${COMPOSE},.corp.example,mega.io`,
      no_proxy: `localhost,${COMPOSE},.corp.example,mega.io`,
    });
  });

  it('lists the legacy core domains plus the BigQuery APIs, and the TCP egress rules', () => {
    expect(result.allowlist.map((a) => a.domain)).toContain('gcr.io');
    expect(result.allowlist.map((a) => a.domain)).toContain('bigquerydatatransfer.googleapis.com');
    expect(result.egress.map((e) => [e.cause, e.port])).toEqual([
      ['postgres', 5432],
      ['redshift', 5439],
    ]);
    expect(names(result)).toEqual([
      'customer.env.proxy',
      'docker-daemon-proxy.conf',
      'proxy-allowlist.txt',
      'squid-allowlist.conf',
      'egress-rules.md',
      'check-proxy.sh',
      'verify-carto.sh',
      'README.md',
    ]);
  });

  it('keeps the same bytes', () => {
    for (const f of result.files) expect(f.content).toMatchSnapshot(f.name);
  });
});

describe('docker-compose, HTTPS proxy with a custom CA', () => {
  const { result } = render({
    deployment: { method: 'docker-compose' },
    proxy: {
      protocol: 'https',
      host: '10.0.0.5',
      port: 3129,
      customCa: CA_PEM.replace(/\n/g, '\r\n'),
    },
    warehouses: ['snowflake'],
  });

  it('has no GRPC_PROXY, verifies the certificate and points NODE_EXTRA_CA_CERTS at the mounted file', () => {
    const env = dotenv.parse(file(result, 'customer.env.proxy'));
    const url = 'https://10.0.0.5:3129';
    expect(env).toEqual({
      HTTP_PROXY: url,
      http_proxy: url,
      HTTPS_PROXY: url,
      https_proxy: url,
      NO_PROXY: `localhost,${COMPOSE},.snowflakecomputing.com`,
      no_proxy: `localhost,${COMPOSE},.snowflakecomputing.com`,
      NODE_TLS_REJECT_UNAUTHORIZED: '1',
      NODE_EXTRA_CA_CERTS: '/usr/src/certs/proxy-ca.crt',
    });
  });

  it('ships the CA as clean PEM under certs/ and excludes Snowflake from the allowlist', () => {
    expect(file(result, 'certs/proxy-ca.crt')).toBe(CA_PEM);
    expect(result.allowlist.map((a) => a.domain)).not.toContain('*.snowflakecomputing.com');
    expect(result.egress.map((e) => e.cause)).toEqual(['snowflake', 'grpc']);
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'custom-ca-import-limitation',
        'grpc-bypasses-https-proxy',
        'snowflake-bypass-added',
      ]),
    );
    expect(file(result, 'check-proxy.sh')).toContain('--proxy-cacert "$here/certs/proxy-ca.crt"');
  });

  it('keeps the same bytes', () => {
    for (const f of result.files) expect(f.content).toMatchSnapshot(f.name);
  });
});

describe('helm, HTTP proxy on GKE with Workload Identity', () => {
  const { result } = render({
    deployment: { method: 'helm', release: '2026.8.11', gkeWorkloadIdentity: true },
    proxy: { protocol: 'http', host: 'squid', port: 3128 },
    excludedDomains: ['.corp.example'],
    warehouses: ['snowflake'],
    services: ['s3-buckets'],
  });

  it('reads back, as YAML 1.1, exactly the intended values', () => {
    expect(yaml11(file(result, 'customizations.proxy.yaml'))).toEqual({
      externalProxy: {
        enabled: true,
        host: 'squid',
        port: 3128,
        type: 'http',
        excludedDomains: [
          'localhost',
          '.svc.cluster.local',
          '169.254.169.254',
          'metadata',
          'metadata.google.internal',
          '.corp.example',
        ],
      },
    });
  });

  it('allows Snowflake through the HTTP proxy', () => {
    expect(result.allowlist.map((a) => a.domain)).toEqual([
      'auth.carto.com',
      '*.self-hosted.carto.com',
      // D2: the chart's pubsubDomain is empty by default, so Pub/Sub goes to pubsub.googleapis.com.
      'pubsub.googleapis.com',
      '*.snowflakecomputing.com',
      '*.amazonaws.com',
    ]);
    expect(result.egress).toEqual([]);
    expect(names(result)).not.toContain('egress-rules.md');
  });

  it('keeps the same bytes', () => {
    for (const f of result.files) expect(f.content).toMatchSnapshot(f.name);
  });
});

describe('helm, HTTPS proxy with a custom CA', () => {
  const input = (release: string): AnswersInput => ({
    deployment: { method: 'helm', release },
    // A host YAML 1.1 would read as a boolean, and a port that must stay an integer.
    proxy: { protocol: 'https', host: 'no', port: 3129, customCa: CA_PEM + SECOND_CA_PEM },
    warehouses: ['bigquery', 'snowflake'],
  });

  it('puts the CA in trustedCACerts.value from 2026.8.11 on', () => {
    const { result } = render(input('2026.8.11'));
    expect(yaml11(file(result, 'customizations.proxy.yaml'))).toEqual({
      externalProxy: {
        enabled: true,
        host: 'no',
        port: 3129,
        type: 'https',
        excludedDomains: ['localhost', '.svc.cluster.local', '.snowflakecomputing.com'],
        sslRejectUnauthorized: true,
      },
      trustedCACerts: { value: CA_PEM + SECOND_CA_PEM },
      // On by default with an HTTPS proxy from 2025.2.13: Pub/Sub over HTTPS, through the proxy (§V.5).
      cartoConfigValues: { usePubSubRestApi: true },
    });
    expect(result.egress.map((e) => e.cause)).toEqual(['snowflake']);
    expect(codes(result)).not.toContain('grpc-bypasses-https-proxy');
    for (const f of result.files) expect(f.content).toMatchSnapshot(f.name);
  });

  it('puts the CA in externalProxy.sslCA before 2026.8.11', () => {
    const { result } = render(input('2026.7.1'));
    const values = yaml11(file(result, 'customizations.proxy.yaml')) as {
      externalProxy: Record<string, unknown>;
    };
    expect(values.externalProxy.sslCA).toBe(CA_PEM + SECOND_CA_PEM);
    expect(values).not.toHaveProperty('trustedCACerts');
    expect(result.warnings.find((w) => w.code === 'release-ca-key')?.message).toContain(
      'externalProxy.sslCA',
    );
    expect(file(result, 'customizations.proxy.yaml')).toContain(
      'sslCA: |\n    -----BEGIN CERTIFICATE-----',
    );
  });

  it('warns when verification is off and sets sslRejectUnauthorized: false', () => {
    const { result } = render({
      deployment: { method: 'helm' },
      proxy: { protocol: 'https', host: 'proxy', port: 443, verifyCertificate: false },
    });
    const values = yaml11(file(result, 'customizations.proxy.yaml')) as {
      externalProxy: Record<string, unknown>;
    };
    expect(values.externalProxy.sslRejectUnauthorized).toBe(false);
    expect(codes(result)).toContain('tls-verification-off');
    expect(codes(result)).toContain('release-assumed');
  });
});

describe('kots on an existing cluster', () => {
  const { result } = render({
    deployment: {
      method: 'kots',
      release: '2026.8.11',
      kubernetesServiceIp: '10.96.0.1',
      gkeWorkloadIdentity: true,
    },
    proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129, customCa: CA_PEM },
    excludedDomains: ['.corp.example'],
  });
  const md = file(result, 'kots-proxy-setup.md');

  it('gives the installer flags with the ClusterIP and the GKE metadata entries', () => {
    const noProxy =
      'localhost,.svc.cluster.local,10.96.0.1,169.254.169.254,metadata,metadata.google.internal,.corp.example';
    expect(md).toContain(`--http-proxy='https://proxy.corp.example:3129'`);
    expect(md).toContain(`--https-proxy='https://proxy.corp.example:3129'`);
    expect(md).toContain(`--no-proxy='${noProxy}'`);
    expect(result.noProxy.map((n) => n.entry).join(',')).toBe(noProxy);
    expect(md).toContain('Trusted CA certificate(s)');
    expect(md).toContain('Tick **SSL certificate checks**');
    expect(md).not.toContain('--private-ca-configmap');
    expect(result.allowlist.map((a) => a.domain)).toContain('docker.io');
  });

  it('uses --private-ca-configmap before 2026.8.11', () => {
    const old = render({
      deployment: { method: 'kots', release: '2025.9.1', kubernetesServiceIp: '10.96.0.1' },
      proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129, customCa: CA_PEM },
    }).result;
    const oldMd = file(old, 'kots-proxy-setup.md');
    expect(oldMd).toContain('--private-ca-configmap=carto-proxy-ca');
    expect(oldMd).toContain('--from-file=ca_0.crt=proxy-ca.crt');
    expect(oldMd).not.toContain('Trusted CA certificate(s)');
    expect(codes(old)).toContain('release-ca-configmap');
  });

  it('keeps the same bytes', () => {
    for (const f of result.files) expect(f.content).toMatchSnapshot(f.name);
  });
});

describe('single-vm', () => {
  it('writes the full ./carto install line (new release)', () => {
    const { result } = render({
      deployment: { method: 'single-vm', release: '2026.8.11' },
      proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
    });
    const md = file(result, 'kots-proxy-setup.md');
    expect(md).toContain(
      "sudo ./carto install --license license.yaml \\\n  --http-proxy='http://proxy.corp.example:3128' \\\n  --https-proxy='http://proxy.corp.example:3128' \\\n  --no-proxy='localhost'",
    );
    for (const f of result.files) expect(f.content).toMatchSnapshot(f.name);
  });

  it('asks for the CA in the host store on a release before 2026.8.11', () => {
    const { result } = render({
      deployment: { method: 'single-vm', release: '2025.7.16' },
      proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129, customCa: CA_PEM },
    });
    expect(file(result, 'kots-proxy-setup.md')).toContain('update-ca-certificates');
    expect(codes(result)).toContain('release-ca-host-trust');
  });

  it('is refused before 2025.7.16', () => {
    const validation = validateAnswers({
      deployment: { method: 'single-vm', release: '2025.1.10' },
      proxy: { protocol: 'http', host: 'proxy', port: 3128 },
    });
    expect(validation.ok).toBe(false);
  });
});

describe('certificate warnings', () => {
  it('warns about a certificate that is not a CA, and one that has expired', () => {
    const validation = validateAnswers({
      deployment: { method: 'helm' },
      proxy: { protocol: 'https', host: 'proxy', port: 3129, customCa: LEAF_PEM },
    });
    if (!validation.ok) throw new Error('invalid');
    expect(codes(renderAll(validation.answers, { now: NOW }))).toContain('certificate-not-ca');
    const later = renderAll(validation.answers, { now: new Date('2200-01-01T00:00:00Z') });
    expect(codes(later)).toContain('certificate-expired');
    // Warnings depend on the clock; files never do.
    expect(later.files).toEqual(renderAll(validation.answers, { now: NOW }).files);
  });
});

describe('check-proxy.sh', () => {
  it('is valid POSIX shell for every method', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-proxy-'));
    for (const method of ['docker-compose', 'helm', 'single-vm'] as const) {
      const { result } = render({
        deployment: { method },
        // The Admin Console refuses IPv6 hosts (§V.3), so single-vm gets a DNS name.
        proxy: {
          protocol: 'https',
          host: method === 'single-vm' ? 'proxy.corp.example' : 'fd00::10',
          port: 3129,
          customCa: CA_PEM,
        },
        warehouses: ['snowflake'],
      });
      const path = join(dir, `${method}.sh`);
      writeFileSync(path, file(result, 'check-proxy.sh'));
      expect(() => execFileSync('sh', ['-n', path])).not.toThrow();
    }
  });
});

describe('NO_PROXY findings in the warnings', () => {
  it('reports the linter’s findings on the user’s entries, at their path, and none on the required ones', () => {
    const { result } = render({
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: 'proxy', port: 3128 },
      excludedDomains: ['internal.example', '*.corp.example'],
    });
    const found = result.warnings.filter((w) => w.code.startsWith('no-proxy-'));
    expect(found.map((w) => [w.code, w.path])).toEqual([
      ['no-proxy-bare-domain', ['excludedDomains', 0]],
      ['no-proxy-over-match', ['excludedDomains', 0]],
      ['no-proxy-wildcard', ['excludedDomains', 1]],
    ]);
  });
});
