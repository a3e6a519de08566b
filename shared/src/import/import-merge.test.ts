/**
 * Import and merge on realistic files: comments, CRLF, quoted values with # inside, `export ` prefixes,
 * repeated keys, YAML anchors. Every result is read back with the real parsers (dotenv, yaml as YAML 1.1).
 */
import { readFileSync } from 'node:fs';
import dotenv from 'dotenv';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateAnswers, type Answers, type AnswersInput } from '../answers.ts';
import { CA_PEM } from '../fixtures/index.ts';
import { planFor } from '../plan.ts';
import { envVariables } from '../render/env-file.ts';
import { helmValues } from '../render/helm-values.ts';
import { envAssignments } from './env-lines.ts';
import { importConfig } from './import-config.ts';
import { changedLines, mergeEnv, mergeHelm } from './merge.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ENV = fixture('customer.env');
const CRLF = fixture('crlf.env');
const YAML_FILE = fixture('customizations.yaml');
const yaml11 = (text: string) =>
  parseYaml(text, { version: '1.1', merge: true }) as Record<string, unknown>;

function answersOf(input: AnswersInput): Answers {
  const result = validateAnswers(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.answers;
}

const HTTPS_ENV = answersOf({
  deployment: { method: 'docker-compose' },
  proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129, customCa: CA_PEM },
  excludedDomains: ['.corp.example', 'mega.io'],
});

const PROXY_KEYS =
  /^(export )?(HTTP_PROXY|http_proxy|HTTPS_PROXY|https_proxy|GRPC_PROXY|grpc_proxy|NO_PROXY|no_proxy|NODE_TLS_REJECT_UNAUTHORIZED|NODE_EXTRA_CA_CERTS)=/;
const nonProxyLines = (text: string) =>
  text
    .split(/(?<=\n)/)
    .filter((line) => !PROXY_KEYS.test(line) && !line.startsWith('# Proxy settings for CARTO'));

describe('envAssignments reads values as dotenv does', () => {
  it.each([
    ['customer.env', ENV],
    ['crlf.env', CRLF],
  ])('%s', (_name, text) => {
    const ours = Object.fromEntries(envAssignments(text).map((a) => [a.key, a.value]));
    expect(ours).toEqual(dotenv.parse(text));
  });

  it('for generated files with quotes, comments, exports and CRLF', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9 #:/.,=@-]{0,20}$/);
    const line = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('', 'export '),
          fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/),
          fc.constantFrom("'", '"', ''),
          value,
        )
        .filter(([, , quote, v]) => quote !== '' || (!v.includes('#') && v.trim() === v))
        .map(([exp, key, quote, v]) => `${exp}${key}=${quote}${v}${quote}`),
      value.map((v) => `# ${v}`),
      fc.constant(''),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, eol) => {
          const text = lines.join(eol);
          const ours = Object.fromEntries(envAssignments(text).map((a) => [a.key, a.value]));
          expect(ours).toEqual(dotenv.parse(text));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('importConfig', () => {
  it('reads a customer.env, reporting inconsistencies and never other values', () => {
    const result = importConfig(ENV);
    if (!result.ok) throw new Error(result.message);
    expect(result.answers).toEqual({
      deployment: { method: 'docker-compose' },
      proxy: { protocol: 'http', host: 'repeated.corp.example', port: 8080 },
      excludedDomains: ['.corp.example', 'mega.io'],
    });
    const text = JSON.stringify(result.report);
    expect(text).toContain('HTTP_PROXY and http_proxy differ');
    expect(text).toContain('NO_PROXY and no_proxy differ');
    expect(text).not.toContain('p#ss');
    expect(text).not.toContain('abc#def');
    expect(result.report.otherSettings).toBe(6);
  });

  it('reads Helm values with connectionString, a comma-joined list and GKE entries', () => {
    const result = importConfig(
      'externalProxy:\n  enabled: true\n  connectionString: "https://proxy.corp:3129"\n  excludedDomains: ["localhost,.svc.cluster.local,169.254.169.254,metadata,metadata.google.internal,.corp"]\n  sslRejectUnauthorized: false\ntrustedCACerts:\n  value: |\n' +
        CA_PEM.replace(/^/gm, '    '),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.answers).toEqual({
      deployment: { method: 'helm', gkeWorkloadIdentity: true },
      proxy: {
        protocol: 'https',
        host: 'proxy.corp',
        port: 3129,
        verifyCertificate: false,
        customCa: CA_PEM,
      },
      excludedDomains: ['.corp'],
    });
  });

  it('reads the YAML fixture (anchors, a quoted port) and reports the overriding connectionString', () => {
    const result = importConfig(YAML_FILE);
    if (!result.ok) throw new Error(result.message);
    expect(result.answers.proxy).toEqual({
      protocol: 'http',
      host: 'old-proxy.corp.example',
      port: 8080,
    });
    expect(result.answers.excludedDomains).toEqual(['.corp.example']);
    expect(result.report.inconsistent.join(' ')).toContain('connectionString overrides');
  });

  it('refuses a proxy URL with credentials without repeating them', () => {
    const result = importConfig(
      'HTTP_PROXY=http://alice:Sup3rS3cret@proxy:3128\nhttp_proxy=http://alice:Sup3rS3cret@proxy:3128\n',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.answers.proxy).toEqual({});
    expect(JSON.stringify(result)).not.toContain('Sup3rS3cret');
  });

  it.each([[''], ['just some text'], ['key: value\nother: 2\n']])(
    'explains what it cannot read: %j',
    (text) => {
      const result = importConfig(text);
      expect(result.ok).toBe(false);
    },
  );
});

describe('mergeEnv', () => {
  it('replaces proxy lines in place, removes unwanted ones, appends the missing, keeps every other byte', () => {
    const merged = mergeEnv(ENV, HTTPS_ENV);
    expect(dotenv.parse(merged)).toEqual({
      ...dotenv.parse(ENV),
      ...Object.fromEntries(envVariables(planFor(HTTPS_ENV))),
      GRPC_PROXY: undefined,
    });
    expect(merged).not.toMatch(/GRPC_PROXY/);
    expect(nonProxyLines(merged).filter((l) => l.trim() !== '')).toEqual(
      nonProxyLines(ENV).filter((l) => l.trim() !== ''),
    );
    expect(merged).toContain('http_proxy="https://proxy.corp.example:3129"');
    expect(merged).toContain('export HTTPS_PROXY=https://proxy.corp.example:3129');
    expect(merged).toContain('# Proxy settings for CARTO Self-hosted');
    expect(mergeEnv(merged, HTTPS_ENV)).toBe(merged);
  });

  it('appends after a last line without a newline without touching its value (§V.4)', () => {
    const merged = mergeEnv(
      'SELFHOSTED_DOMAIN=carto.corp.example\nREDIS_TLS_ENABLED=false',
      HTTPS_ENV,
    );
    const parsed = dotenv.parse(merged);
    expect(parsed.REDIS_TLS_ENABLED).toBe('false');
    expect(parsed.HTTPS_PROXY).toBe('https://proxy.corp.example:3129');
    expect(merged).toContain('REDIS_TLS_ENABLED=false\n');
  });

  it('keeps CRLF line endings', () => {
    const merged = mergeEnv(CRLF, HTTPS_ENV);
    expect(merged.replace(/\r\n/g, '')).not.toContain('\n');
    expect(
      merged.startsWith(
        'KEY=one\r\nHTTP_PROXY=https://proxy.corp.example:3129\r\n# comment\r\nOTHER="two"\r\n',
      ),
    ).toBe(true);
    expect(mergeEnv(merged, HTTPS_ENV)).toBe(merged);
  });

  it('lists just the changed lines', () => {
    const merged = mergeEnv(CRLF, HTTPS_ENV);
    const changes = changedLines(CRLF, merged);
    expect(changes[0]).toEqual({ kind: 'removed', text: 'HTTP_PROXY=http://crlf-proxy:3128' });
    expect(changes.filter((c) => c.kind === 'removed')).toHaveLength(1);
    expect(changedLines(merged, merged)).toEqual([]);
  });
});

describe('mergeHelm', () => {
  it('replaces externalProxy and keeps comments, anchors, key order and other values', () => {
    const answers = answersOf({
      deployment: { method: 'helm', release: '2026.8.11' },
      proxy: { protocol: 'https', host: 'no', port: 3129, customCa: CA_PEM },
      excludedDomains: ['.corp.example'],
    });
    const merged = mergeHelm(YAML_FILE, answers);
    const before = yaml11(YAML_FILE);
    const after = yaml11(merged);
    const expected = helmValues(planFor(answers));
    expect(after.externalProxy).toEqual(expected.externalProxy);
    expect(after.trustedCACerts).toEqual(expected.trustedCACerts);
    for (const key of ['appConfigValues', 'defaults', 'workspaceApi', 'externalPostgresql']) {
      expect(after[key]).toEqual(before[key]);
    }
    for (const comment of [
      '# CARTO Self-hosted customizations',
      '# our domain',
      '# YAML 1.1 boolean, left alone',
      '# Proxy section, first try',
      '# old proxy',
    ]) {
      expect(merged).toContain(comment);
    }
    expect(Object.keys(after)).toEqual([
      ...Object.keys(before),
      'trustedCACerts',
      'cartoConfigValues',
    ]);
    expect(merged).toContain('&defaults');
    // Outside the replaced sections, every byte is the file's own.
    expect(merged.startsWith(YAML_FILE.slice(0, YAML_FILE.indexOf('externalProxy:')))).toBe(true);
    expect(merged).toContain(YAML_FILE.slice(YAML_FILE.indexOf('externalPostgresql:')));
    expect(merged).not.toContain('connectionString');
    expect(mergeHelm(merged, answers)).toBe(merged);
  });

  it('writes sslCA and drops sslCAConfigmap before 2026.8.11', () => {
    const answers = answersOf({
      deployment: { method: 'helm', release: '2025.9.1' },
      proxy: { protocol: 'https', host: 'proxy', port: 3129, customCa: CA_PEM },
    });
    const merged = mergeHelm(
      'externalProxy:\n  sslCAConfigmap:\n    name: old\n    key: ca.crt\n',
      answers,
    );
    expect(yaml11(merged).externalProxy).toEqual(helmValues(planFor(answers)).externalProxy);
  });

  it('keeps CRLF line endings and a last line without a break', () => {
    const answers = answersOf({
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: 'squid', port: 3128 },
    });
    const merged = mergeHelm('a: 1\r\nexternalProxy:\r\n  enabled: false', answers);
    expect(merged.startsWith('a: 1\r\nexternalProxy:\r\n  enabled: true\r\n')).toBe(true);
    expect(merged.replace(/\r\n/g, '')).not.toContain('\n');
    expect(yaml11(merged).externalProxy).toEqual(helmValues(planFor(answers)).externalProxy);
    expect(mergeHelm(merged, answers)).toBe(merged);
  });

  it('sets cartoConfigValues.usePubSubRestApi and keeps the user’s other cartoConfigValues', () => {
    const answers = answersOf({
      deployment: { method: 'helm', release: '2025.2.13' },
      proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129 },
    });
    const original =
      'cartoConfigValues:\n  # ours\n  cartoAccUrl: "https://example"\nexternalProxy:\n  enabled: false\n';
    const merged = yaml11(mergeHelm(original, answers));
    expect(merged.cartoConfigValues).toEqual({
      cartoAccUrl: 'https://example',
      usePubSubRestApi: true,
    });
    const off = answersOf({
      deployment: { method: 'helm', release: '2025.2.13', usePubSubRestApi: false },
      proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129 },
    });
    expect(yaml11(mergeHelm(mergeHelm(original, answers), off)).cartoConfigValues).toEqual({
      cartoAccUrl: 'https://example',
    });
  });

  it('imports clusterDomain and usePubSubRestApi, and recognises .svc.<clusterDomain> as required', () => {
    const result = importConfig(
      'clusterDomain: k8s.corp\ncartoConfigValues:\n  usePubSubRestApi: false\nexternalProxy:\n  enabled: true\n  host: "[fd00::10]"\n  port: 3128\n  type: http\n  excludedDomains: ["localhost", ".svc.k8s.corp", ".corp.example"]\n',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.answers.deployment).toEqual({
      method: 'helm',
      clusterDomain: 'k8s.corp',
      usePubSubRestApi: false,
    });
    expect(result.answers.proxy.host).toBe('fd00::10');
    expect(result.answers.excludedDomains).toEqual(['.corp.example']);
    expect(result.report.inconsistent).toEqual([]);
  });

  it('imports a customer.env without repeating the compose service names CARTO requires', () => {
    const result = importConfig(
      'NO_PROXY=localhost,workspace-api,notifier,.corp.example\nHTTP_PROXY=http://p:3128\n',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.answers.excludedDomains).toEqual(['.corp.example']);
  });

  it('starts an empty file', () => {
    const answers = answersOf({
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: 'squid', port: 3128 },
    });
    expect(yaml11(mergeHelm('', answers))).toEqual(helmValues(planFor(answers)));
  });
});

describe('merging any accepted answers', () => {
  const answersArb = fc
    .record({
      protocol: fc.constantFrom('http', 'https'),
      host: fc.oneof(fc.domain(), fc.ipV4(), fc.constantFrom('no', 'on', 'null')),
      port: fc.integer({ min: 1, max: 65535 }),
      verify: fc.boolean(),
      ca: fc.boolean(),
      excluded: fc.array(
        fc.oneof(
          fc.domain(),
          fc.domain().map((d) => `.${d}`),
          fc.ipV4(),
        ),
        { maxLength: 6 },
      ),
      release: fc.constantFrom('2025.9.1', '2026.8.11'),
    })
    .map((a) => ({
      deployment: { method: 'docker-compose' as const, release: a.release },
      proxy: {
        protocol: a.protocol,
        host: a.host,
        port: a.port,
        ...(a.protocol === 'https'
          ? { verifyCertificate: a.verify, ...(a.ca ? { customCa: CA_PEM } : {}) }
          : {}),
      },
      excludedDomains: a.excluded,
    }));

  it('leaves non-proxy content unchanged and proxy content equal to the answers, idempotently', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(ENV, CRLF, ''), (input, file) => {
        const answers = answersOf(input);
        const merged = mergeEnv(file, answers);
        const parsed = dotenv.parse(merged);
        for (const [key, value] of envVariables(planFor(answers))) expect(parsed[key]).toBe(value);
        for (const [key, value] of Object.entries(dotenv.parse(file))) {
          if (!PROXY_KEYS.test(`${key}=`)) expect(parsed[key]).toBe(value);
        }
        expect(nonProxyLines(merged).filter((l) => l.trim() !== '')).toEqual(
          nonProxyLines(file).filter((l) => l.trim() !== ''),
        );
        expect(mergeEnv(merged, answers)).toBe(merged);

        const helmAnswers = answersOf({
          ...input,
          deployment: { method: 'helm', release: input.deployment.release },
        });
        const mergedYaml = mergeHelm(YAML_FILE, helmAnswers);
        const after = yaml11(mergedYaml);
        expect(after.externalProxy).toEqual(helmValues(planFor(helmAnswers)).externalProxy);
        expect(after.externalPostgresql).toEqual(yaml11(YAML_FILE).externalPostgresql);
        expect(mergeHelm(mergedYaml, helmAnswers)).toBe(mergedYaml);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

/**
 * Issue 21, item 2: the import report and the merge say the same thing about each line. A line the
 * report says the updated file keeps is kept byte for byte; one it says the wizard leaves out is gone.
 */
describe('the import report and the merge agree line by line', () => {
  const original = [
    'SELFHOSTED_DOMAIN=carto.corp.example',
    'HTTPS_PROXY=https://old-proxy.corp.example:3129',
    'https_proxy=https://old-proxy.corp.example:3129',
    'GRPC_PROXY=http://old-proxy.corp.example:3129',
    'NODE_EXTRA_CA_CERTS=/usr/src/certs/corp-ca.crt',
    '',
  ].join('\n');

  const lineOf = (text: string, key: string) =>
    text.split('\n').find((line) => line.startsWith(`${key}=`));

  it.each([
    ['http', undefined],
    ['https', undefined],
    ['https', CA_PEM],
  ] as const)('a %s proxy (custom CA: %s)', (protocol, customCa) => {
    const read = importConfig(original.replace(/https:\/\/old/g, `${protocol}://old`));
    if (!read.ok) throw new Error(read.message);
    const answers = answersOf({
      deployment: { method: 'docker-compose' },
      proxy: {
        protocol,
        host: 'proxy.corp.example',
        port: 3128,
        ...(customCa !== undefined && { customCa }),
      },
    });
    const source = original.replace(/https:\/\/old/g, `${protocol}://old`);
    const merged = mergeEnv(source, answers);
    const notes = [
      ...read.report.ignored.map((i) => `${i.from}: ${i.reason}`),
      ...read.report.inconsistent,
    ];
    const caNote = notes.find((n) => n.startsWith('NODE_EXTRA_CA_CERTS'));
    expect(caNote).toBeDefined();
    if (customCa === undefined) {
      expect(caNote).toMatch(/keeps this line as it is/);
      expect(lineOf(merged, 'NODE_EXTRA_CA_CERTS')).toBe(
        'NODE_EXTRA_CA_CERTS=/usr/src/certs/corp-ca.crt',
      );
    } else {
      // Pasting the CA is what the report offers for the wizard to write the line.
      expect(caNote).toMatch(/paste that certificate on the “TLS to the proxy” step/);
      expect(lineOf(merged, 'NODE_EXTRA_CA_CERTS')).toBe(
        'NODE_EXTRA_CA_CERTS=/usr/src/certs/proxy-ca.crt',
      );
    }
    // Wording that fits the proxy: an http:// proxy has no TLS step to send anyone to.
    if (protocol === 'http') expect(notes.join('\n')).not.toMatch(/TLS/);
    const grpcNote = notes.find((n) => n.includes('GRPC_PROXY'));
    if (protocol === 'https') {
      expect(grpcNote).toMatch(/leaves it out/);
      expect(lineOf(merged, 'GRPC_PROXY')).toBeUndefined();
    } else {
      expect(lineOf(merged, 'GRPC_PROXY')).toBe('GRPC_PROXY=http://proxy.corp.example:3128');
    }
    expect(lineOf(merged, 'SELFHOSTED_DOMAIN')).toBe('SELFHOSTED_DOMAIN=carto.corp.example');
  });

  it('Helm: sslCAConfigmap is kept as the report says, unless the wizard writes sslCA', () => {
    const values = [
      'externalProxy:',
      '  enabled: true',
      '  host: old-proxy.corp.example',
      '  port: 3129',
      '  type: http',
      '  sslCAConfigmap:',
      '    name: corp-ca',
      '',
    ].join('\n');
    const read = importConfig(values);
    if (!read.ok) throw new Error(read.message);
    const note = read.report.ignored.find((i) => i.from === 'externalProxy.sslCAConfigmap');
    expect(note?.reason).toMatch(/an http:\/\/ proxy needs no CA\. The updated file keeps it/);
    const merged = mergeHelm(
      values,
      answersOf({
        deployment: { method: 'helm' },
        proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
      }),
    );
    expect(merged).toContain('  sslCAConfigmap:\n    name: corp-ca');
  });
});
