/**
 * The plan against CARTO's own mechanisms (carto-proxy-facts.md §V): where the CA goes per method and
 * release, the host as each method writes it, the required NO_PROXY entries, Pub/Sub over REST, the
 * cluster domain, image registries. Each case also checks the file that formats the decision, read back
 * with the parser its consumer uses.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateAnswers, type Answers, type AnswersInput } from './answers.ts';
import { LATEST_RELEASE, NO_PROXY_RULES } from './catalog.ts';
import { CA_PEM } from './fixtures/index.ts';
import { planFor, type CaDestination } from './plan.ts';
import { renderAll } from './render/index.ts';
import { ENV_APPEND_COMMAND } from './render/env-file.ts';

function accepted(input: AnswersInput): Answers {
  const result = validateAnswers(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.answers;
}

function fileOf(answers: Answers, name: string): string {
  const found = renderAll(answers).files.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found.content;
}

const https = (host = 'proxy.corp.example') => ({
  protocol: 'https' as const,
  host,
  port: 3129,
  customCa: CA_PEM,
});
const kots = (release: string) => ({
  method: 'kots' as const,
  release,
  kubernetesServiceIp: '10.96.0.1',
});

describe('custom CA destinations (§V.2, §1(b))', () => {
  it.each<[string, AnswersInput['deployment'], CaDestination[]]>([
    ['docker-compose', { method: 'docker-compose' }, ['compose-certs-folder']],
    ['helm 2026.8.11', { method: 'helm', release: '2026.8.11' }, ['helm-trusted-ca-certs']],
    ['helm 2026.7.16', { method: 'helm', release: '2026.7.16' }, ['helm-external-proxy-ssl-ca']],
    ['kots 2024.2.21', kots('2024.2.21'), ['admin-console-proxy-ssl-ca']],
    ['kots 2025.6.10', kots('2025.6.10'), ['admin-console-proxy-ssl-ca']],
    ['kots 2025.7.16', kots('2025.7.16'), ['kots-private-ca-configmap']],
    ['kots 2026.7.16', kots('2026.7.16'), ['kots-private-ca-configmap']],
    ['kots 2026.8.11', kots('2026.8.11'), ['admin-console-trusted-ca']],
    ['single-vm 2025.7.16', { method: 'single-vm', release: '2025.7.16' }, ['host-trust-store']],
    [
      'single-vm 2026.8.11',
      { method: 'single-vm', release: '2026.8.11' },
      ['host-trust-store', 'admin-console-trusted-ca'],
    ],
  ])('%s', (_name, deployment, destinations) => {
    expect(planFor(accepted({ deployment, proxy: https() })).ca?.destinations).toEqual(
      destinations,
    );
  });

  it('kots before 2025.7.16: the CA goes in "Proxy SSL CA", never --private-ca-configmap', () => {
    const md = fileOf(
      accepted({ deployment: kots('2025.2.13'), proxy: https() }),
      'kots-proxy-setup.md',
    );
    expect(md).toContain('Upload `proxy-ca.crt` in **Proxy SSL CA**');
    expect(md).not.toContain('--private-ca-configmap=');
    expect(md).not.toContain('Trusted CA certificate(s)');
    expect(md).not.toContain('kubectl create configmap');
  });

  it('kots 2025.7.16 – 2026.7.16: the ConfigMap is created before the installer that names it', () => {
    const md = fileOf(
      accepted({ deployment: kots('2026.7.16'), proxy: https() }),
      'kots-proxy-setup.md',
    );
    const configMap = md.indexOf('kubectl create configmap carto-proxy-ca');
    const installer = md.indexOf('kubectl kots install');
    expect(configMap).toBeGreaterThan(0);
    expect(installer).toBeGreaterThan(configMap);
    expect(md).toContain('--private-ca-configmap=carto-proxy-ca');
    expect(md).not.toContain('Proxy SSL CA');
  });

  it('single-vm: the host trust store comes before ./carto install, for Debian and RHEL hosts, in every release', () => {
    for (const release of ['2025.7.16', '2026.8.11']) {
      const md = fileOf(
        accepted({ deployment: { method: 'single-vm', release }, proxy: https() }),
        'kots-proxy-setup.md',
      );
      const install = md.indexOf('sudo ./carto install');
      for (const command of ['update-ca-certificates', 'update-ca-trust']) {
        expect(md.indexOf(command)).toBeGreaterThan(0);
        expect(md.indexOf(command)).toBeLessThan(install);
      }
      expect(md).toContain('/usr/local/share/ca-certificates/carto-proxy-ca.crt');
      expect(md).toContain('/etc/pki/ca-trust/source/anchors/carto-proxy-ca.crt');
      expect(md.includes('Trusted CA certificate(s)')).toBe(release === '2026.8.11');
      expect(md).not.toContain('--private-ca-configmap');
    }
  });
});

describe('Admin Console names (§V.2)', () => {
  it('uses the group "Advanced Config" and the option labels HTTP / HTTPS, never a "Proxy" group', () => {
    for (const protocol of ['http', 'https'] as const) {
      const md = fileOf(
        accepted({
          deployment: kots('2026.8.11'),
          proxy: { protocol, host: 'proxy.corp.example', port: 3128 },
        }),
        'kots-proxy-setup.md',
      );
      expect(md).toContain('the group **Advanced Config**');
      expect(md).toContain(`Set **External proxy type** to **${protocol.toUpperCase()}**.`);
      expect(md).not.toMatch(/group \*\*Proxy\*\*/);
      expect(md.includes('**SSL certificate checks**')).toBe(protocol === 'https');
    }
  });
});

describe('release (§V.1)', () => {
  it('a release newer than the catalog knows is accepted with an info', () => {
    const answers = accepted({
      deployment: { method: 'helm', release: '2027.1.5' },
      proxy: { protocol: 'http', host: 'proxy', port: 3128 },
    });
    expect(planFor(answers).releaseNewerThanKnown).toBe(true);
    const info = renderAll(answers).warnings.find((w) => w.code === 'release-newer-than-known');
    expect(info).toMatchObject({ severity: 'info', path: ['deployment', 'release'] });
    expect(info?.message).toContain(LATEST_RELEASE);
  });

  it('the known newest release is not "newer than known"', () => {
    const answers = accepted({
      deployment: { method: 'helm', release: LATEST_RELEASE },
      proxy: { protocol: 'http', host: 'proxy', port: 3128 },
    });
    expect(planFor(answers).releaseNewerThanKnown).toBe(false);
  });
});

// D1 (carto-release-audit.md): with no release the files work on every release of the method. Helm
// 2026.7.16 has no trustedCACerts (1.280.1 values.yaml) and silently drops it; externalProxy.sslCA is
// read by every chart, and still honoured from 2026.8.11-rc.2 (07b7d4ec, NOTES.txt).
describe('no release given (D1)', () => {
  it('Helm with a custom CA writes externalProxy.sslCA and no Pub/Sub over REST, and says why', () => {
    const answers = accepted({ deployment: { method: 'helm' }, proxy: https() });
    const plan = planFor(answers);
    expect(plan.ca?.destinations).toEqual(['helm-external-proxy-ssl-ca']);
    expect(plan.pubSubRestApi).toBe(false);
    const values = parseYaml(fileOf(answers, 'customizations.proxy.yaml')) as Record<
      string,
      unknown
    >;
    expect(values).not.toHaveProperty('trustedCACerts');
    expect(values).not.toHaveProperty('cartoConfigValues');
    expect(values.externalProxy).toHaveProperty('sslCA');
    const info = renderAll(answers).warnings.find((w) => w.code === 'release-assumed');
    expect(info?.message).toMatch(
      /work on every release of .* from 2023.5.12 on.*externalProxy.sslCA.*helm list/,
    );
  });

  it('Single VM with a custom CA uses the host trust store, which every release reads', () => {
    const plan = planFor(accepted({ deployment: { method: 'single-vm' }, proxy: https() }));
    expect(plan.ca?.destinations).toEqual(['host-trust-store']);
  });
});

describe('proxy host as each method writes it (§V.3)', () => {
  it('Helm writes an IPv6 host bracketed, so the chart’s printf "%s://%s:%d" is a URL', () => {
    const answers = accepted({
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: 'FD00::10', port: 3128 },
    });
    const values = parseYaml(fileOf(answers, 'customizations.proxy.yaml'), { version: '1.1' }) as {
      externalProxy: { host: string; port: number; type: string };
    };
    expect(values.externalProxy.host).toBe('[fd00::10]');
    const { host, port, type } = values.externalProxy;
    expect(new URL(`${type}://${host}:${port}`).href).toBe('http://[fd00::10]:3128/');
  });

  it('Docker Compose writes the IPv6 proxy URL bracketed', () => {
    const answers = accepted({
      deployment: { method: 'docker-compose' },
      proxy: { protocol: 'http', host: 'fd00::10', port: 3128 },
    });
    expect(dotenv.parse(fileOf(answers, 'customer.env.proxy')).HTTPS_PROXY).toBe(
      'http://[fd00::10]:3128',
    );
  });
});

describe('Docker Compose (§V.4)', () => {
  const answers = accepted({
    deployment: { method: 'docker-compose' },
    proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
    excludedDomains: ['.corp.example'],
  });

  it('excludes every compose service by name, as required entries with the reason', () => {
    const plan = planFor(answers);
    for (const service of [
      'workspace-api',
      'notifier',
      ...NO_PROXY_RULES.composeServices.entries,
    ]) {
      const entry = plan.noProxy.find((e) => e.entry === service);
      expect(entry?.reason).toContain('compose service name');
      expect(entry?.source).not.toBeNull();
    }
    expect(plan.noProxy.at(-1)).toEqual({
      entry: '.corp.example',
      reason: 'Added by you.',
      source: null,
    });
    // The call CARTO's own .env makes (WORKSPACE_API_INTERNAL_URL=workspace-api:3000) is excluded.
    expect(dotenv.parse(fileOf(answers, 'customer.env.proxy')).NO_PROXY?.split(',')).toContain(
      'workspace-api',
    );
  });

  it('appending customer.env.proxy keeps the last value of a customer.env without a final newline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'append-'));
    const original = 'SELFHOSTED_DOMAIN=carto.corp.example\nREDIS_TLS_ENABLED=false';
    writeFileSync(join(dir, 'customer.env.proxy'), fileOf(answers, 'customer.env.proxy'));
    for (const command of [ENV_APPEND_COMMAND, 'cat customer.env.proxy >> customer.env']) {
      writeFileSync(join(dir, 'customer.env'), original);
      execFileSync('sh', ['-c', command], { cwd: dir });
      const parsed = dotenv.parse(readFileSync(join(dir, 'customer.env'), 'utf8'));
      expect(parsed.REDIS_TLS_ENABLED).toBe('false');
      expect(parsed.SELFHOSTED_DOMAIN).toBe('carto.corp.example');
      expect(parsed.HTTP_PROXY).toBe('http://proxy.corp.example:3128');
    }
    // With a final newline the documented command adds no second one.
    writeFileSync(join(dir, 'customer.env'), `${original}\n`);
    execFileSync('sh', ['-c', ENV_APPEND_COMMAND], { cwd: dir });
    expect(readFileSync(join(dir, 'customer.env'), 'utf8')).toMatch(
      /^[^\n]+\nREDIS_TLS_ENABLED=false\n\n# /,
    );
  });

  it('writes the Docker daemon drop-in that systemd accepts, with % escaped', () => {
    const withPercent = accepted({
      deployment: { method: 'docker-compose' },
      proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
      excludedDomains: ['fe80::1%25eth0'],
    });
    const conf = fileOf(withPercent, 'docker-daemon-proxy.conf');
    expect(conf).toContain('[Service]\nEnvironment="HTTP_PROXY=http://proxy.corp.example:3128"');
    expect(conf).toContain('fe80::1%%25eth0');
    // systemd itself reads it: a unit with this drop-in's section passes `systemd-analyze verify`
    // without a word (an unescaped % prints "Failed to resolve specifiers" and the line is ignored).
    const dir = mkdtempSync(join(tmpdir(), 'unit-'));
    const unit = join(dir, 'carto-proxy-test.service');
    writeFileSync(unit, `[Unit]\nDescription=test\n${conf}ExecStart=/bin/true\n`);
    const verify = spawnSync('systemd-analyze', ['verify', '--man=no', unit], { encoding: 'utf8' });
    expect(verify.error).toBeUndefined();
    expect(verify.status).toBe(0);
    expect(verify.stderr).toBe('');
  });

  it('the README gives the daemon.json alternative and the restart commands', () => {
    const readme = fileOf(answers, 'README.md');
    expect(readme).toContain('sudo systemctl daemon-reload');
    expect(readme).toContain('sudo systemctl restart docker');
    const json = /```json\n([\s\S]*?)\n\s*```/.exec(readme)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual({
      proxies: {
        'http-proxy': 'http://proxy.corp.example:3128',
        'https-proxy': 'http://proxy.corp.example:3128',
        'no-proxy': planFor(answers).noProxyValue,
      },
    });
  });
});

describe('Helm options (§V.5)', () => {
  const helm = (deployment: Partial<AnswersInput['deployment']>, protocol: 'http' | 'https') =>
    accepted({
      deployment: { method: 'helm', ...deployment },
      proxy: { protocol, host: 'proxy.corp.example', port: 3129 },
    });
  const values = (answers: Answers) =>
    parseYaml(fileOf(answers, 'customizations.proxy.yaml'), { version: '1.1' }) as Record<
      string,
      unknown
    >;

  it('Pub/Sub over REST: on by default with an HTTPS proxy from 2025.2.13, and no gRPC bypass', () => {
    const on = helm({ release: '2025.2.13' }, 'https');
    expect(values(on).cartoConfigValues).toEqual({ usePubSubRestApi: true });
    const result = renderAll(on);
    expect(result.egress.map((e) => e.cause)).not.toContain('grpc');
    expect(result.warnings.map((w) => w.code)).not.toContain('grpc-bypasses-https-proxy');
  });

  it('Pub/Sub over REST turned off, or before 2025.2.13: gRPC bypasses the proxy, as before', () => {
    for (const answers of [
      helm({ release: '2025.2.13', usePubSubRestApi: false }, 'https'),
      helm({ release: '2025.1.30' }, 'https'),
    ]) {
      expect(values(answers)).not.toHaveProperty('cartoConfigValues');
      const result = renderAll(answers);
      expect(result.egress.map((e) => e.cause)).toContain('grpc');
      expect(result.warnings.map((w) => w.code)).toContain('grpc-bypasses-https-proxy');
    }
    expect(values(helm({}, 'http'))).not.toHaveProperty('cartoConfigValues');
  });

  it('cluster domain: the required entry is .svc.<clusterDomain> for helm and kots', () => {
    expect(
      (
        values(helm({ clusterDomain: 'k8s.corp' }, 'http')).externalProxy as {
          excludedDomains: string[];
        }
      ).excludedDomains,
    ).toEqual(['localhost', '.svc.k8s.corp']);
    const kotsPlan = planFor(
      accepted({
        deployment: { ...kots('2026.8.11'), clusterDomain: 'k8s.corp' },
        proxy: { protocol: 'http', host: 'proxy', port: 3128 },
      }),
    );
    expect(kotsPlan.noProxyValue).toBe('localhost,.svc.k8s.corp,10.96.0.1');
    expect(planFor(helm({}, 'http')).noProxyValue).toBe('localhost,.svc.cluster.local');
  });

  it('image registries: allowlisted only when the nodes pull through the proxy', () => {
    const domains = (answers: Answers) =>
      planFor(answers).allowlist.map((a) => [a.domain, a.group]);
    expect(domains(helm({ imagePullsThroughProxy: true }, 'http'))).toEqual(
      expect.arrayContaining([
        ['us-docker.pkg.dev', 'images'],
        ['gcr.io', 'images'],
      ]),
    );
    expect(domains(helm({}, 'http')).map(([d]) => d)).not.toContain('us-docker.pkg.dev');
    const squid = fileOf(helm({ imagePullsThroughProxy: true }, 'http'), 'squid-allowlist.conf');
    expect(squid).toContain('acl carto_selfhosted dstdomain us-docker.pkg.dev');
  });
});
