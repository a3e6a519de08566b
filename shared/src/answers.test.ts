import { describe, expect, it } from 'vitest';
import { answersJsonSchema, validateAnswers, type AnswerIssue } from './answers.ts';
import { CA_PEM, LEAF_PEM, PRIVATE_KEY_PEM, SECOND_CA_PEM } from './fixtures/index.ts';

const base = {
  deployment: { method: 'helm' },
  proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
};

function issuesOf(input: unknown): AnswerIssue[] {
  const result = validateAnswers(input);
  if (result.ok) throw new Error('expected the answers to be refused');
  return result.issues;
}

const paths = (issues: AnswerIssue[]) => issues.map((i) => i.path.join('.'));

describe('AnswersSchema', () => {
  it('accepts the minimal document and fills the defaults', () => {
    const result = validateAnswers(base);
    expect(result).toEqual({
      ok: true,
      answers: {
        ...base,
        proxy: { ...base.proxy, verifyCertificate: true },
        excludedDomains: [],
        warehouses: [],
        services: [],
      },
    });
  });

  it('accepts the PRODUCT.md example document', () => {
    const result = validateAnswers({
      deployment: { method: 'helm', release: '2026.8.11', gkeWorkloadIdentity: false },
      proxy: {
        protocol: 'https',
        host: 'proxy.corp.example',
        port: 3129,
        verifyCertificate: true,
        customCa: CA_PEM,
      },
      excludedDomains: ['.corp.example'],
      warehouses: ['bigquery', 'snowflake'],
      services: ['gcs-buckets'],
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['proxy.corp.example'],
    ['squid'],
    ['10.0.0.1'],
    ['fd00::10'],
    ['::ffff:10.0.0.1'],
    ['PROXY.Corp.Example'],
  ])('accepts the host %s', (host) => {
    expect(validateAnswers({ ...base, proxy: { ...base.proxy, host } }).ok).toBe(true);
  });

  it('lowercases the host', () => {
    const result = validateAnswers({
      ...base,
      proxy: { ...base.proxy, host: 'Proxy.CORP.example' },
    });
    expect(result.ok && result.answers.proxy.host).toBe('proxy.corp.example');
  });

  it.each([
    ['', 'Enter the proxy host'],
    ['proxy corp', 'spaces'],
    ['proxy\r\nX-Injected: 1', 'spaces or line breaks'],
    ['http://proxy:3128', 'without http://'],
    ['proxy/path', 'without a path'],
    ['[fd00::1]', 'without brackets'],
    ['300.1.1.1', 'valid DNS name'],
    ['-proxy', 'valid DNS name'],
    ['prox"y', 'valid DNS name'],
    ['proxy$HOME', 'valid DNS name'],
    ['proxy#x', 'without a path'],
    ['ünïcode.example', 'valid DNS name'],
    ['a'.repeat(254), 'longer than 253'],
  ])('refuses the host %j', (host, message) => {
    const issues = issuesOf({ ...base, proxy: { ...base.proxy, host } });
    expect(paths(issues)).toEqual(['proxy.host']);
    expect(issues[0]?.message).toContain(message);
  });

  it('refuses credentials in the host without ever repeating the password', () => {
    for (const host of ['alice:S3cr3t-pw@proxy.corp', 'http://alice:S3cr3t-pw@proxy.corp:3128']) {
      const issues = issuesOf({ ...base, proxy: { ...base.proxy, host } });
      expect(paths(issues)).toEqual(['proxy.host']);
      expect(issues[0]?.message).toContain('does not support proxy password authentication');
      expect(JSON.stringify(issues)).not.toContain('S3cr3t');
    }
  });

  it.each([[0], [65536], [3128.5], ['3128'], [null], [-1], [Number.NaN]])(
    'refuses the port %j',
    (port) => {
      const issues = issuesOf({ ...base, proxy: { ...base.proxy, port } });
      expect(paths(issues)).toEqual(['proxy.port']);
      expect(issues[0]?.message).toContain('1 to 65535');
    },
  );

  it('requires the port, saying why', () => {
    const issues = issuesOf({ ...base, proxy: { protocol: 'http', host: 'proxy' } });
    expect(issues).toEqual([
      { path: ['proxy', 'port'], message: expect.stringContaining('clients disagree') as string },
    ]);
  });

  it('names every offending field at once', () => {
    const issues = issuesOf({
      deployment: { method: 'openshift' },
      proxy: { protocol: 'socks5', host: '', port: 0 },
      excludedDomains: ['', 'a b'],
      warehouses: ['teradata'],
      services: ['ftp'],
      extra: true,
    });
    expect(paths(issues).sort()).toEqual(
      [
        '',
        'deployment.method',
        'excludedDomains.0',
        'excludedDomains.1',
        'proxy.host',
        'proxy.port',
        'proxy.protocol',
        'services.0',
        'warehouses.0',
      ].sort(),
    );
  });

  it.each([
    [[], 'must be an object'],
    ['text', 'must be an object'],
    [null, 'must be an object'],
    [42, 'must be an object'],
  ])('refuses a document that is %j', (input, message) => {
    const issues = issuesOf(input);
    expect(issues[0]?.message).toContain(message);
  });

  it('refuses unknown keys at every level, naming them', () => {
    const issues = issuesOf({
      ...base,
      deployment: { method: 'helm', namespace: 'carto' },
      proxy: { ...base.proxy, user: 'alice' },
      version: 2,
    });
    expect(issues.map((i) => i.message).join(' ')).toMatch(
      /"namespace".*"user".*"version"|"version"/,
    );
    expect(issues).toHaveLength(3);
  });

  describe('release rules', () => {
    // D12: release candidates are what CARTO's chart appVersion, VERSION and .env say (helm 1.287.1 Chart.yaml:2).
    it.each([['2026.8.11'], ['2025.7.16'], ['2023.6.16'], ['2030.1.1'], ['2026.8.11-rc.7']])(
      'accepts %s',
      (release) => {
        expect(validateAnswers({ ...base, deployment: { method: 'helm', release } }).ok).toBe(true);
      },
    );

    it.each([
      ['2026.13.1'],
      ['26.8.11'],
      ['2026.8'],
      ['latest'],
      ['2026.8.11-rc'],
      ['2026.8.11-rc.0'],
      ['2026.8.11-beta.1'],
    ])('refuses the release %j', (release) => {
      const issues = issuesOf({ ...base, deployment: { method: 'helm', release } });
      expect(paths(issues)).toEqual(['deployment.release']);
    });

    // carto-proxy-facts.md §V.1: the first release of each method with proxy support.
    it.each([
      ['docker-compose', '2023.3.31', '2023.5.12'],
      ['helm', '2023.5.11', '2023.5.12'],
      ['kots', '2024.1.11', '2024.2.21'],
      ['single-vm', '2025.7.15', '2025.7.16'],
    ] as const)(
      'refuses %s before proxy support (%s) at deployment.release, naming %s',
      (method, tooOld, floor) => {
        const deployment = {
          method,
          release: tooOld,
          ...(method === 'kots' ? { kubernetesServiceIp: '10.96.0.1' } : {}),
        };
        const issues = issuesOf({ ...base, deployment });
        expect(paths(issues)).toEqual(['deployment.release']);
        expect(issues[0]?.message).toContain(`Release ${tooOld} has no proxy support`);
        expect(issues[0]?.message).toContain(`Upgrade CARTO to ${floor} or newer`);
        expect(validateAnswers({ ...base, deployment: { ...deployment, release: floor } }).ok).toBe(
          true,
        );
      },
    );

    it('accepts single-vm without a release (the newest known)', () => {
      expect(validateAnswers({ ...base, deployment: { method: 'single-vm' } }).ok).toBe(true);
    });
  });

  describe('Admin Console host rules (kots, single-vm)', () => {
    // The Admin Console's Host regex ^(https?:\/\/)([a-zA-Z0-9.-]+)… rejects these (§V.3).
    it.each(['fd00::10', 'proxy_1.corp.example'])(
      'refuses %s for kots and single-vm, at proxy.host',
      (host) => {
        for (const deployment of [
          { method: 'kots', kubernetesServiceIp: '10.96.0.1' },
          { method: 'single-vm' },
        ]) {
          const issues = issuesOf({ ...base, deployment, proxy: { ...base.proxy, host } });
          expect(paths(issues)).toEqual(['proxy.host']);
          expect(issues[0]?.message).toMatch(/Admin Console.* does not accept/);
        }
        for (const method of ['helm', 'docker-compose']) {
          expect(
            validateAnswers({ ...base, deployment: { method }, proxy: { ...base.proxy, host } }).ok,
          ).toBe(true);
        }
      },
    );

    // D1: a missing release is never silently the newest one. Kots reads a custom CA in three places
    // by release (kots-config.yaml: "Proxy SSL CA" to 2025.6.10, PrivateCACert from 2025.7.16-rc.3,
    // "Trusted CA certificate(s)" from 2026.8.11-rc.2), so it is asked for, with how to find it.
    it('asks Kots with a custom CA for its release, saying where to read it', () => {
      const issues = issuesOf({
        ...base,
        deployment: { method: 'kots', kubernetesServiceIp: '10.96.0.1' },
        proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129, customCa: CA_PEM },
      });
      expect(paths(issues)).toEqual(['deployment.release']);
      expect(issues[0]?.message).toMatch(/Admin Console shows/);
    });

    it('asks for the release when Pub/Sub over REST is requested without one', () => {
      const issues = issuesOf({
        ...base,
        deployment: { method: 'helm', usePubSubRestApi: true },
      });
      expect(paths(issues)).toEqual(['deployment.release']);
      expect(issues[0]?.message).toMatch(/helm list/);
    });

    // D3: 2024.7.19–2025.3.19 refuse an IPv4 host and allow `_` (carto-selfhosted-helm 9c5b66ba).
    it('refuses and allows Admin Console hosts by the rule of the chosen release', () => {
      const kots = (release: string | undefined, host: string) => {
        const result = validateAnswers({
          ...base,
          deployment: {
            method: 'kots',
            kubernetesServiceIp: '10.96.0.1',
            ...(release !== undefined ? { release } : {}),
          },
          proxy: { ...base.proxy, host },
        });
        return result.ok ? [] : result.issues;
      };
      expect(kots('2024.7.19', '10.0.0.5')[0]?.message).toMatch(
        /release 2024.7.19 does not accept an IP address.*0574037b/,
      );
      expect(kots('2024.7.19', 'proxy_1.corp.example')).toEqual([]);
      expect(kots('2025.4.9', '10.0.0.5')).toEqual([]);
      expect(kots('2025.4.9', 'proxy_1.corp.example')[0]?.message).toMatch(
        /underscore.*or its IP address/,
      );
      // No release: the host must pass every rule from 2024.2.21 on, and the message says the release matters.
      expect(kots(undefined, '10.0.0.5')[0]?.message).toMatch(
        /releases 2024.4.17-rc.7 and 2024.7.19-rc.2–2025.3.19 does not accept an IP address.*deployment.release/,
      );
    });

    it('refuses host names URL parsers read as an IP address and cannot parse (proxy.08)', () => {
      for (const host of ['proxy.08', 'corp.0x7f']) {
        const issues = issuesOf({ ...base, proxy: { ...base.proxy, host } });
        expect(paths(issues)).toEqual(['proxy.host']);
        expect(issues[0]?.message).toContain('read a host name ending in a number');
      }
    });
  });

  describe('chart options', () => {
    it('accepts a cluster domain for helm and kots only, as a DNS name', () => {
      expect(
        validateAnswers({ ...base, deployment: { method: 'helm', clusterDomain: 'K8s.Corp' } }),
      ).toMatchObject({ ok: true, answers: { deployment: { clusterDomain: 'k8s.corp' } } });
      for (const clusterDomain of ['.cluster.local', 'cluster.local.', 'a b', '']) {
        expect(paths(issuesOf({ ...base, deployment: { method: 'helm', clusterDomain } }))).toEqual(
          ['deployment.clusterDomain'],
        );
      }
      expect(
        paths(
          issuesOf({ ...base, deployment: { method: 'docker-compose', clusterDomain: 'x.y' } }),
        ),
      ).toEqual(['deployment.clusterDomain']);
    });

    it('accepts usePubSubRestApi: true only for helm from 2025.2.13', () => {
      const https = { ...base.proxy, protocol: 'https' };
      expect(
        validateAnswers({
          ...base,
          proxy: https,
          deployment: { method: 'helm', release: '2025.2.13', usePubSubRestApi: true },
        }).ok,
      ).toBe(true);
      expect(
        paths(
          issuesOf({
            ...base,
            proxy: https,
            deployment: { method: 'helm', release: '2025.1.30', usePubSubRestApi: true },
          }),
        ),
      ).toEqual(['deployment.usePubSubRestApi']);
      expect(
        paths(
          issuesOf({
            ...base,
            proxy: https,
            deployment: { method: 'docker-compose', usePubSubRestApi: true },
          }),
        ),
      ).toEqual(['deployment.usePubSubRestApi']);
      // Turning it off is always allowed (it only removes a value).
      expect(
        validateAnswers({
          ...base,
          deployment: { method: 'helm', release: '2025.1.30', usePubSubRestApi: false },
        }).ok,
      ).toBe(true);
    });

    it('accepts imagePullsThroughProxy only for Kubernetes methods', () => {
      expect(
        validateAnswers({ ...base, deployment: { method: 'helm', imagePullsThroughProxy: true } })
          .ok,
      ).toBe(true);
      expect(
        paths(
          issuesOf({ ...base, deployment: { method: 'single-vm', imagePullsThroughProxy: true } }),
        ),
      ).toEqual(['deployment.imagePullsThroughProxy']);
    });
  });

  describe('Kubernetes questions', () => {
    it('requires the kubernetes service ClusterIP for kots, with the command to find it', () => {
      const issues = issuesOf({ ...base, deployment: { method: 'kots' } });
      expect(paths(issues)).toEqual(['deployment.kubernetesServiceIp']);
      expect(issues[0]?.message).toContain('kubectl get svc kubernetes -n default');
    });

    it('accepts IPv4 and IPv6 ClusterIPs, and nothing else', () => {
      for (const ip of ['10.96.0.1', 'fd00:10:96::1']) {
        const ok = validateAnswers({
          ...base,
          deployment: { method: 'kots', kubernetesServiceIp: ip },
        });
        expect(ok.ok).toBe(true);
      }
      const issues = issuesOf({
        ...base,
        deployment: { method: 'kots', kubernetesServiceIp: 'kubernetes.default' },
      });
      expect(paths(issues)).toEqual(['deployment.kubernetesServiceIp']);
    });

    it('refuses Kubernetes-only answers for other methods', () => {
      const issues = issuesOf({
        ...base,
        deployment: {
          method: 'docker-compose',
          gkeWorkloadIdentity: true,
          kubernetesServiceIp: '10.0.0.1',
        },
      });
      expect(paths(issues).sort()).toEqual([
        'deployment.gkeWorkloadIdentity',
        'deployment.kubernetesServiceIp',
      ]);
    });
  });

  describe('custom CA', () => {
    const https = { ...base, proxy: { ...base.proxy, protocol: 'https', port: 3129 } };

    it('accepts one CA, a bundle, and CRLF line endings', () => {
      for (const customCa of [CA_PEM, CA_PEM + SECOND_CA_PEM, CA_PEM.replace(/\n/g, '\r\n')]) {
        expect(validateAnswers({ ...https, proxy: { ...https.proxy, customCa } }).ok).toBe(true);
      }
    });

    it('treats an empty CA as none', () => {
      expect(validateAnswers({ ...https, proxy: { ...https.proxy, customCa: '  \n' } }).ok).toBe(
        true,
      );
    });

    it('refuses a private key and never echoes it', () => {
      for (const customCa of [PRIVATE_KEY_PEM, CA_PEM + PRIVATE_KEY_PEM]) {
        const issues = issuesOf({ ...https, proxy: { ...https.proxy, customCa } });
        expect(paths(issues)).toEqual(['proxy.customCa']);
        expect(issues[0]?.message).toContain('private key');
        const keyBody = PRIVATE_KEY_PEM.split('\n')[1] ?? '';
        expect(keyBody.length).toBeGreaterThan(20);
        expect(JSON.stringify(issues)).not.toContain(keyBody);
      }
    });

    it.each([
      ['not a certificate', 'PEM form'],
      ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'cannot be read'],
      ['-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n', 'cannot be read'],
      ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', 'Only CERTIFICATE blocks'],
      ['-----BEGIN CERTIFICATE-----\nMIIB', 'PEM form'],
    ])('refuses %j', (customCa, message) => {
      const issues = issuesOf({ ...https, proxy: { ...https.proxy, customCa } });
      expect(paths(issues)).toEqual(['proxy.customCa']);
      expect(issues[0]?.message).toContain(message);
    });

    it('refuses a CA over 64 KiB', () => {
      const customCa = CA_PEM.repeat(60);
      expect(customCa.length).toBeGreaterThan(64 * 1024);
      expect(paths(issuesOf({ ...https, proxy: { ...https.proxy, customCa } }))).toEqual([
        'proxy.customCa',
      ]);
    });

    it('refuses a CA for an HTTP proxy', () => {
      const issues = issuesOf({ ...base, proxy: { ...base.proxy, customCa: CA_PEM } });
      expect(paths(issues)).toEqual(['proxy.customCa']);
    });

    it('accepts a leaf certificate (the warning says it is not a CA)', () => {
      expect(validateAnswers({ ...https, proxy: { ...https.proxy, customCa: LEAF_PEM } }).ok).toBe(
        true,
      );
    });
  });

  describe('excluded domains', () => {
    it.each([
      ['.corp.example'],
      ['corp.example'],
      ['*.corp.example'],
      ['10.0.0.0/8'],
      ['fd00::/8'],
      ['10.1.2.3'],
      ['[::1]'],
      ['::1'],
      ['host.corp:8080'],
      ['bücher.example'],
      ['_ldap.corp'],
    ])('accepts %s', (entry) => {
      expect(validateAnswers({ ...base, excludedDomains: [entry] }).ok).toBe(true);
    });

    it.each([
      ['', 'Empty'],
      [' corp.example', 'spaces'],
      ['a\nb', 'line breaks'],
      ['https://corp.example', 'without a scheme'],
      ['corp.example/path', 'without a path'],
      ['10.0.0.0/33', 'CIDR'],
      ['a,b', 'One domain per entry'],
      ['"corp"', 'only letters'],
      ["it's", 'only letters'],
      ['$HOME', 'only letters'],
      ['corp#x', 'only letters'],
      ['a=b', 'only letters'],
      ['back\\slash', 'only letters'],
      ['user@corp', 'credentials'],
      ['x'.repeat(256), 'at most 255'],
    ])('refuses %j', (entry, message) => {
      const issues = issuesOf({ ...base, excludedDomains: ['ok.example', entry] });
      expect(paths(issues)).toEqual(['excludedDomains.1']);
      expect(issues[0]?.message).toContain(message);
    });

    it('refuses more than 200 entries', () => {
      const excludedDomains = Array.from({ length: 201 }, (_, i) => `h${i}.corp.example`);
      expect(paths(issuesOf({ ...base, excludedDomains }))).toEqual(['excludedDomains']);
    });
  });

  it('exports a JSON Schema of the input document', () => {
    const schema = answersJsonSchema();
    expect(schema).toMatchObject({
      type: 'object',
      required: ['deployment', 'proxy'],
      additionalProperties: false,
    });
  });
});
