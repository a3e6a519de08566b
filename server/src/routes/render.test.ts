import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CA_PEM,
  HELM_HTTPS,
  PRIVATE_KEY_PEM,
  SCENARIOS,
  expectedRender,
  json,
  postJson,
  testApp,
} from '../../test/test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

interface Issue {
  path: (string | number)[];
  message: string;
}

function issuesOf(body: Record<string, unknown>): Issue[] {
  expect(body.error).toBe('invalid_answers');
  expect(Object.keys(body).sort()).toEqual(['error', 'issues']);
  return body.issues as Issue[];
}

describe('POST /api/render', () => {
  it.each(Object.entries(SCENARIOS))(
    '%s: answers exactly what renderAll returns',
    async (_, answers) => {
      const response = await postJson(app, '/api/render', answers);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = json(response);
      expect(body).toEqual(expectedRender(answers));
      expect((body.files as unknown[]).length).toBeGreaterThan(0);
    },
  );

  it('ships the custom CA as a file and passes every kind of field through', async () => {
    const response = await postJson(app, '/api/render', HELM_HTTPS);
    const body = json(response) as unknown as ReturnType<typeof expectedRender>;
    expect(body.files.map((file) => file.name)).toContain('proxy-ca.crt');
    expect(body.noProxy.some((entry) => entry.source === null)).toBe(true);
    expect(body.noProxy.some((entry) => entry.source !== null)).toBe(true);
    expect(body.egress.length).toBeGreaterThan(0);
    expect(body.warnings.length).toBeGreaterThan(0);
  });

  it('names the release the files follow, or the first one they work on, and where the rules came from', async () => {
    const given = json(
      await postJson(app, '/api/render', {
        ...HELM_HTTPS,
        deployment: { method: 'helm', release: '2026.8.11-rc.7' },
      }),
    );
    expect(given.release).toMatchObject({ given: '2026.8.11-rc.7', everyReleaseFrom: null });
    const none = json(
      await postJson(app, '/api/render', { ...HELM_HTTPS, deployment: { method: 'helm' } }),
    );
    const release = none.release as { given: unknown; everyReleaseFrom: string };
    expect(release.given).toBeNull();
    expect(release.everyReleaseFrom).toMatch(/^\d{4}\.\d+\.\d+$/);
    const { rulesReadFrom } = none.release as { rulesReadFrom: { repo: string; commit: string }[] };
    expect(rulesReadFrom.map((r) => r.repo)).toEqual([
      'CartoDB/carto-selfhosted-helm',
      'CartoDB/carto-selfhosted',
    ]);
    for (const { commit } of rulesReadFrom) expect(commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('lists every offending field at once', async () => {
    const response = await postJson(app, '/api/render', {
      deployment: { method: 'openshift' },
      proxy: { protocol: 'ftp', host: 'proxy corp', port: 70000 },
      excludedDomains: ['ok.example', ''],
      warehouses: ['teradata'],
    });
    expect(response.statusCode).toBe(400);
    const paths = issuesOf(json(response)).map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'deployment.method',
        'proxy.protocol',
        'proxy.host',
        'proxy.port',
        'excludedDomains.1',
        'warehouses.0',
      ]),
    );
  });

  it('refuses wrong types with an issue at each field', async () => {
    const response = await postJson(app, '/api/render', {
      deployment: { method: 7, gkeWorkloadIdentity: 'yes' },
      proxy: { protocol: 'http', host: ['proxy'], port: '3128', verifyCertificate: 'true' },
      excludedDomains: '.corp.example',
      services: {},
    });
    expect(response.statusCode).toBe(400);
    const paths = issuesOf(json(response)).map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'deployment.method',
        'deployment.gkeWorkloadIdentity',
        'proxy.host',
        'proxy.port',
        'proxy.verifyCertificate',
        'excludedDomains',
        'services',
      ]),
    );
  });

  it('refuses unknown keys, at the top and inside objects', async () => {
    const response = await postJson(app, '/api/render', {
      ...HELM_HTTPS,
      proxy: { ...HELM_HTTPS.proxy, username: 'carto' },
      version: 2,
    });
    expect(response.statusCode).toBe(400);
    const issues = issuesOf(json(response));
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['', 'proxy']),
    );
    expect(issues.map((issue) => issue.message).join(' ')).toMatch(/version/);
  });

  it('refuses what CARTO would silently ignore, naming the field and the reason (carto-proxy-facts.md §V)', async () => {
    const cases: [unknown, string, RegExp][] = [
      [
        { deployment: { method: 'helm', release: '2023.3.31' }, proxy: HELM_HTTPS.proxy },
        'deployment.release',
        /no proxy support.*Upgrade CARTO to 2023\.5\.12/,
      ],
      [
        {
          deployment: { method: 'kots', kubernetesServiceIp: '10.96.0.1' },
          proxy: { protocol: 'http', host: 'fd00::10', port: 3128 },
        },
        'proxy.host',
        /Admin Console does not accept an IPv6 address/,
      ],
      [
        {
          deployment: { method: 'single-vm' },
          proxy: { protocol: 'http', host: 'proxy_1.corp', port: 3128 },
        },
        'proxy.host',
        /Admin Console of releases .* does not accept an underscore/,
      ],
    ];
    for (const [body, path, message] of cases) {
      const response = await postJson(app, '/api/render', body);
      expect(response.statusCode).toBe(400);
      const issues = issuesOf(json(response));
      expect(issues.map((i) => i.path.join('.'))).toEqual([path]);
      expect(issues[0]?.message).toMatch(message);
    }
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'helm'],
    ['a number', 42],
    ['an empty object', {}],
  ])('answers 400 invalid_answers when the body is %s', async (_, body) => {
    const response = await postJson(app, '/api/render', body);
    expect(response.statusCode).toBe(400);
    expect(issuesOf(json(response)).length).toBeGreaterThan(0);
  });

  describe('hostile strings are refused at their field or rendered inertly, never a 500', () => {
    const hostile = [
      'proxy.corp\r\nX-Injected: 1',
      'proxy.corp\nNO_PROXY=*',
      'proxy"corp',
      "proxy'corp",
      'proxy$(id).corp',
      '${HOME}',
      'proxy#corp',
      'proxy`id`',
      'proxy\\corp',
      'proxy\u0000corp',
      'prøxy.例え.jp',
      '\u202eevil',
      'a'.repeat(5000),
    ];
    const fields: [string, (value: string) => unknown][] = [
      ['proxy.host', (host) => ({ ...HELM_HTTPS, proxy: { ...HELM_HTTPS.proxy, host } })],
      ['excludedDomains', (entry) => ({ ...HELM_HTTPS, excludedDomains: [entry] })],
      [
        'deployment.release',
        (release) => ({ ...HELM_HTTPS, deployment: { method: 'helm', release } }),
      ],
      [
        'deployment.kubernetesServiceIp',
        (ip) => ({ ...HELM_HTTPS, deployment: { method: 'kots', kubernetesServiceIp: ip } }),
      ],
    ];
    for (const [field, place] of fields) {
      it.each(hostile)(`${field} = %j`, async (value) => {
        const answers = place(value);
        const response = await postJson(app, '/api/render', answers);
        if (response.statusCode === 200) {
          expect(json(response)).toEqual(expectedRender(answers));
          return;
        }
        expect(response.statusCode).toBe(400);
        const paths = issuesOf(json(response)).map((issue) => issue.path.join('.'));
        expect(paths.some((path) => path.startsWith(field))).toBe(true);
        expect(response.headers['x-injected']).toBeUndefined();
      });
    }
  });

  it.each([
    'user:s3cr3t-P4ss@proxy.corp.example',
    'http://user:s3cr3t-P4ss@proxy.corp.example:3128',
    'https://:s3cr3t-P4ss@proxy.corp.example',
  ])('refuses credentials in the host %j and never echoes the password', async (host) => {
    const response = await postJson(app, '/api/render', {
      ...HELM_HTTPS,
      proxy: { ...HELM_HTTPS.proxy, host },
    });
    expect(response.statusCode).toBe(400);
    const issues = issuesOf(json(response));
    expect(issues.map((issue) => issue.path.join('.'))).toContain('proxy.host');
    expect(issues.find((issue) => issue.path.join('.') === 'proxy.host')?.message).toMatch(
      /password/i,
    );
    expect(response.body).not.toContain('s3cr3t');
  });

  it('refuses a private key pasted as the custom CA and never echoes it', async () => {
    const keyBody = PRIVATE_KEY_PEM.split('\n')[2] ?? '';
    expect(keyBody.length).toBeGreaterThan(40);
    for (const customCa of [PRIVATE_KEY_PEM, CA_PEM + PRIVATE_KEY_PEM]) {
      const response = await postJson(app, '/api/render', {
        ...HELM_HTTPS,
        proxy: { ...HELM_HTTPS.proxy, customCa },
      });
      expect(response.statusCode).toBe(400);
      const issues = issuesOf(json(response));
      expect(issues.map((issue) => issue.path.join('.'))).toEqual(['proxy.customCa']);
      expect(response.body).not.toContain(keyBody);
      expect(response.body).not.toContain('PRIVATE KEY-----');
    }
  });
});
