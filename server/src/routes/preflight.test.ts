import { hostname } from 'node:os';
/**
 * `POST /api/preflight` against real forward proxies on 127.0.0.1 (preflight/test-proxy.ts): plain
 * HTTP and HTTPS with a CA made by openssl. The allowlist is injected with names only the test proxy
 * answers for (it never resolves them), so no traffic leaves loopback; short timeouts keep it quick.
 */
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CA_PEM } from '@wizard/shared/fixtures/index';
import {
  checkHost as checkCatalogHost,
  renderAll,
  validateAnswers,
  type AnswersInput,
} from '@wizard/shared';
import { buildApp } from '../app.ts';
import type { PreflightOptions } from '../preflight/settings.ts';
import {
  closedPort,
  makeCertificates,
  recordConnections,
  startTestProxy,
  type TestCertificates,
  type TestProxy,
} from '../../test/test-proxy.ts';
import type { ConnectCheck, PreflightLine } from '@wizard/shared/preflight';
import { anyString, containing, json, postJson, testApp } from '../../test/test-support.ts';

const ACL = {
  'allowed.example:443': 'allow',
  'www.known.example:443': 'allow',
  'auth.example:443': 'auth',
  'slow.example:443': 'hang',
  'gateway.example:443': 'bad-gateway',
} as const;

/** What the catalog would say, for names the test proxy alone knows. */
const DOMAINS = [
  'allowed.example',
  'blocked.example',
  'auth.example',
  'slow.example',
  'gateway.example',
  '*.known.example',
  '*.unknown.example',
];
/** The catalog's representative hosts, for these names. */
const checkHost = (domain: string) =>
  domain === '*.known.example' ? 'www.known.example' : domain.startsWith('*.') ? undefined : domain;
const HOSTS = DOMAINS.map(checkHost).filter((host) => host !== undefined);

const INJECTED: PreflightOptions = {
  enabled: true,
  allowlist: () => DOMAINS.map((domain) => ({ domain })),
  checkHost,
  // Short enough to keep the file quick, long enough that a loaded CI machine never times out a
  // CONNECT the proxy does answer (only the "hang" domain should reach it).
  timeouts: { reach: 2_000, tls: 2_000, connect: 1_200, total: 10_000 },
  // This file runs more preflights in a minute than the default limit allows.
  rateLimit: { max: 1_000 },
};

function answers(proxy: Record<string, unknown>): AnswersInput {
  return {
    deployment: { method: 'docker-compose' },
    proxy: { protocol: 'http', host: '127.0.0.1', ...proxy },
    warehouses: ['bigquery'],
  } as AnswersInput;
}

function linesOf(response: LightMyRequestResponse): PreflightLine[] {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
  expect(response.body.endsWith('\n')).toBe(true);
  return response.body
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as PreflightLine);
}

function connectsOf(lines: PreflightLine[]): Map<string, ConnectCheck> {
  return new Map(
    lines.filter((line) => line.check === 'connect').map((line) => [line.domain, line]),
  );
}

let certs: TestCertificates;
let httpProxy: TestProxy;
let httpsProxy: TestProxy;
let app: FastifyInstance;
beforeAll(async () => {
  certs = makeCertificates();
  [httpProxy, httpsProxy] = await Promise.all([startTestProxy(ACL), startTestProxy(ACL, certs)]);
  app = await testApp({ preflight: INJECTED });
});
afterAll(async () => {
  await app.close();
  await Promise.all([httpProxy.close(), httpsProxy.close()]);
});

describe('POST /api/preflight through an HTTP proxy', () => {
  it('streams reach, one connect per domain, then the summary, and counts them', async () => {
    const before = httpProxy.connects.length;
    const response = await postJson(app, '/api/preflight', answers({ port: httpProxy.port }));
    const lines = linesOf(response);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(lines[0]).toEqual({
      check: 'reach',
      status: 'ok',
      host: '127.0.0.1',
      port: httpProxy.port,
      address: '127.0.0.1',
      ms: expect.any(Number) as unknown,
      detail: anyString,
    });
    expect(lines.map((line) => line.check)).toEqual([
      'reach',
      ...DOMAINS.map(() => 'connect'),
      'summary',
    ]);
    const connects = connectsOf(lines);
    expect([...connects.keys()].sort()).toEqual([...DOMAINS].sort());
    expect(connects.get('allowed.example')).toMatchObject({
      host: 'allowed.example',
      status: 'allowed',
      httpStatus: 200,
    });
    expect(connects.get('blocked.example')).toMatchObject({
      status: 'blocked',
      httpStatus: 403,
      detail: containing('allow blocked.example'),
    });
    expect(connects.get('auth.example')).toMatchObject({
      status: 'auth-required',
      httpStatus: 407,
      detail: containing('Basic'),
    });
    expect(connects.get('gateway.example')).toMatchObject({ status: 'error', httpStatus: 502 });
    expect(lines.at(-1)).toEqual({
      check: 'summary',
      allowed: 2,
      blocked: 2,
      errors: 2,
      from: hostname(),
    });
    expect(httpProxy.connects.slice(before).sort()).toEqual(HOSTS.map((h) => `${h}:443`).sort());
  });

  it('replaces a wildcard by its known host, and skips one without', async () => {
    const lines = linesOf(await postJson(app, '/api/preflight', answers({ port: httpProxy.port })));
    const connects = connectsOf(lines);
    expect(connects.get('*.known.example')).toMatchObject({
      host: 'www.known.example',
      status: 'allowed',
    });
    expect(connects.get('*.unknown.example')).toEqual({
      check: 'connect',
      domain: '*.unknown.example',
      status: 'skipped',
      httpStatus: null,
      ms: 0,
      detail: containing('wildcard'),
    });
  });

  it('ends a CONNECT the proxy never answers after the per-domain timeout, with the reason', async () => {
    const lines = linesOf(await postJson(app, '/api/preflight', answers({ port: httpProxy.port })));
    const slow = connectsOf(lines).get('slow.example');
    expect(slow).toMatchObject({
      status: 'error',
      httpStatus: null,
      detail: 'No answer from the proxy within 1.2 s.',
    });
    // Ended by the per-domain timeout (1.2 s), not by the whole run's (10 s).
    expect(slow?.ms).toBeGreaterThanOrEqual(1_190);
    expect(slow?.ms).toBeLessThan(10_000);
    // The hanging tunnel was closed by the check, not left open.
    await expect.poll(() => httpProxy.openTunnels()).toBe(0);
  });

  it('contacts only the proxy, and through it only the allowlist hosts on port 443', async () => {
    const before = httpProxy.connects.length;
    const recorder = recordConnections();
    try {
      linesOf(await postJson(app, '/api/preflight', answers({ port: httpProxy.port })));
    } finally {
      recorder.stop();
    }
    const targets = new Set(recorder.seen);
    // The proxy, and the echo server the test proxy itself tunnels to for allowed CONNECTs.
    for (const target of targets) expect(target).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(recorder.seen.filter((t) => t === `127.0.0.1:${httpProxy.port}`)).toHaveLength(
      1 + HOSTS.length,
    );
    expect(httpProxy.connects.slice(before).sort()).toEqual(HOSTS.map((h) => `${h}:443`).sort());
  });

  it('reports a proxy that is down, and skips every domain', async () => {
    const port = await closedPort();
    const lines = linesOf(await postJson(app, '/api/preflight', answers({ port })));
    expect(lines[0]).toMatchObject({
      check: 'reach',
      status: 'error',
      port,
      detail: containing('Connection refused'),
    });
    const connects = [...connectsOf(lines).values()];
    expect(connects).toHaveLength(DOMAINS.length);
    for (const line of connects) {
      expect(line).toMatchObject({ status: 'skipped', detail: containing('cannot be reached') });
    }
    expect(lines.at(-1)).toEqual({
      check: 'summary',
      allowed: 0,
      blocked: 0,
      errors: 1,
      from: hostname(),
    });
  });
});

describe('POST /api/preflight with the catalog', () => {
  it("probes the answers' allowlist: each domain on 443, wildcards by their known host", async () => {
    const catalogApp = await testApp({
      preflight: { enabled: true, timeouts: INJECTED.timeouts, rateLimit: { max: 1_000 } },
    });
    const input = {
      ...answers({ port: httpProxy.port }),
      deployment: { method: 'helm' },
      warehouses: ['bigquery', 'snowflake'],
      services: ['gcs-buckets'],
    } as AnswersInput;
    const validation = validateAnswers(input);
    if (!validation.ok) throw new Error('invalid answers');
    const allowlist = renderAll(validation.answers).allowlist;
    const before = httpProxy.connects.length;
    const lines = linesOf(await postJson(catalogApp, '/api/preflight', input));
    await catalogApp.close();

    const connects = connectsOf(lines);
    expect([...connects.keys()]).toEqual(
      expect.arrayContaining(allowlist.map((entry) => entry.domain)),
    );
    expect(connects.size).toBe(allowlist.length);
    const hosts = allowlist
      .map((entry) => checkCatalogHost(entry.domain))
      .filter((host) => host !== undefined);
    expect(hosts).toContain('registry.self-hosted.carto.com');
    expect(httpProxy.connects.slice(before).sort()).toEqual(hosts.map((h) => `${h}:443`).sort());
    // The test proxy denies names it does not know, as a default-deny Squid would.
    expect(lines.at(-1)).toEqual({
      check: 'summary',
      allowed: 0,
      blocked: hosts.length,
      errors: 0,
      from: hostname(),
    });
  });
});

describe('POST /api/preflight through an HTTPS proxy', () => {
  it('verifies the proxy against the custom CA, reports its certificate, and CONNECTs inside TLS', async () => {
    const before = httpsProxy.connects.length;
    const lines = linesOf(
      await postJson(
        app,
        '/api/preflight',
        answers({ protocol: 'https', port: httpsProxy.port, customCa: certs.caPem }),
      ),
    );
    expect(lines.map((line) => line.check).slice(0, 2)).toEqual(['reach', 'tls']);
    const tls = lines[1];
    expect(tls).toEqual({
      check: 'tls',
      status: 'ok',
      verified: true,
      subject: 'CN=127.0.0.1',
      issuer: 'CN=Preflight Test CA',
      validTo: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      ms: expect.any(Number) as unknown,
      detail: containing('trusted'),
    });
    const validTo = tls?.check === 'tls' ? Date.parse(tls.validTo ?? '') : 0;
    expect(validTo).toBeGreaterThan(Date.now());
    expect(lines.at(-1)).toEqual({
      check: 'summary',
      allowed: 2,
      blocked: 2,
      errors: 2,
      from: hostname(),
    });
    // The test proxy only sees CONNECT lines after its own TLS handshake.
    expect(httpsProxy.connects.slice(before).sort()).toEqual(HOSTS.map((h) => `${h}:443`).sort());
  });

  it('fails TLS against the wrong CA, still names the certificate, and tries no CONNECT', async () => {
    const before = httpsProxy.connects.length;
    const lines = linesOf(
      await postJson(
        app,
        '/api/preflight',
        answers({ protocol: 'https', port: httpsProxy.port, customCa: CA_PEM }),
      ),
    );
    expect(lines[1]).toMatchObject({
      check: 'tls',
      status: 'error',
      verified: false,
      subject: 'CN=127.0.0.1',
      issuer: 'CN=Preflight Test CA',
      detail: containing('not signed by the custom CA'),
    });
    for (const line of connectsOf(lines).values()) {
      expect(line).toMatchObject({ status: 'skipped', detail: containing('TLS') });
    }
    expect(lines.at(-1)).toEqual({
      check: 'summary',
      allowed: 0,
      blocked: 0,
      errors: 1,
      from: hostname(),
    });
    expect(httpsProxy.connects.length).toBe(before);
  });

  it('without a custom CA, judges the proxy by the system store', async () => {
    const lines = linesOf(
      await postJson(app, '/api/preflight', answers({ protocol: 'https', port: httpsProxy.port })),
    );
    expect(lines[1]).toMatchObject({
      status: 'error',
      detail: containing('system store'),
    });
  });

  it('with verifyCertificate off, goes on over an unverified certificate and says so', async () => {
    const lines = linesOf(
      await postJson(
        app,
        '/api/preflight',
        answers({
          protocol: 'https',
          port: httpsProxy.port,
          customCa: CA_PEM,
          verifyCertificate: false,
        }),
      ),
    );
    expect(lines[1]).toMatchObject({
      check: 'tls',
      status: 'ok',
      verified: false,
      detail: containing('verifyCertificate is off'),
    });
    expect(lines.at(-1)).toEqual({
      check: 'summary',
      allowed: 2,
      blocked: 2,
      errors: 2,
      from: hostname(),
    });
  });

  it('reports an http proxy configured as https as a TLS failure', async () => {
    const lines = linesOf(
      await postJson(
        app,
        '/api/preflight',
        answers({ protocol: 'https', port: httpProxy.port, verifyCertificate: false }),
      ),
    );
    expect(lines[1]).toMatchObject({ check: 'tls', status: 'error' });
    expect(lines.at(-1)).toMatchObject({ errors: 1 });
  });
});

describe('POST /api/preflight refusals', () => {
  it('invalid answers → 400 invalid_answers, and nothing is contacted', async () => {
    const before = httpProxy.connections();
    const response = await postJson(app, '/api/preflight', {
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: '127.0.0.1', port: 0 },
      warehouses: ['teradata'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = json(response);
    expect(body.error).toBe('invalid_answers');
    const paths = (body.issues as { path: unknown[] }[]).map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['proxy.port', 'warehouses.0']));
    expect(httpProxy.connections()).toBe(before);
  });

  it('malformed JSON → 400 invalid_json', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/preflight',
      headers: { 'content-type': 'application/json' },
      payload: '{"proxy":',
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toBe('invalid_json');
  });

  it('a form post → 415: another site could send one without asking', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/preflight',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        answers: JSON.stringify(answers({ port: httpProxy.port })),
      }).toString(),
    });
    expect(response.statusCode).toBe(415);
    expect(json(response)).toEqual({
      error: 'unsupported_media_type',
      message: containing('application/json'),
    });
  });

  it("a request from another site's page (Sec-Fetch-Site: cross-site) → 403", async () => {
    for (const site of ['cross-site', 'same-site']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/preflight',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': site },
        payload: JSON.stringify(answers({ port: httpProxy.port })),
      });
      expect(response.statusCode).toBe(403);
      expect(json(response)).toEqual({ error: 'cross_site_request', message: anyString });
    }
  });

  it('is off unless enabled: 403 preflight_disabled, before the body is read', async () => {
    for (const options of [{}, { preflight: { ...INJECTED, enabled: false } }]) {
      const off = await testApp(options);
      const before = httpProxy.connections();
      for (const body of [answers({ port: httpProxy.port }), { not: 'answers' }]) {
        const response = await postJson(off, '/api/preflight', body);
        expect(response.statusCode).toBe(403);
        expect(json(response)).toEqual({
          error: 'preflight_disabled',
          message: containing('PREFLIGHT=on'),
        });
      }
      expect(httpProxy.connections()).toBe(before);
      await off.close();
    }
  });

  it('on a loopback listener, refuses requests addressed to another name (DNS rebinding)', async () => {
    const guarded = await testApp({
      preflight: { ...INJECTED, allowlist: () => [], loopbackHostsOnly: true },
    });
    const send = (host: string) =>
      guarded.inject({
        method: 'POST',
        url: '/api/preflight',
        headers: { 'content-type': 'application/json', host },
        payload: JSON.stringify(answers({ port: httpProxy.port })),
      });
    for (const host of ['attacker.example:8080', '192.0.2.10:8080', 'wizard.corp.example']) {
      const response = await send(host);
      expect(response.statusCode).toBe(403);
      expect(json(response)).toEqual({
        error: 'preflight_host_refused',
        message: containing('PREFLIGHT=on'),
      });
    }
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']) {
      expect((await send(host)).statusCode).toBe(200);
    }
    await guarded.close();
  });

  it('has its own, tighter rate limit (10 a minute by default)', async () => {
    const byDefault = await buildApp({ preflight: { enabled: false } });
    const first = await postJson(byDefault, '/api/preflight', {});
    expect(first.headers['x-ratelimit-limit']).toBe('10');
    await byDefault.close();

    const limited = await buildApp({ preflight: { ...INJECTED, rateLimit: { max: 2 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await postJson(limited, '/api/preflight', { not: 'answers' })).statusCode);
    }
    expect(statuses).toEqual([400, 400, 429]);
    const refused = await postJson(limited, '/api/preflight', answers({ port: httpProxy.port }));
    expect(json(refused)).toEqual({ error: 'rate_limited', message: anyString });
    // The other routes keep their own, wider limit.
    expect((await limited.inject({ url: '/api/health' })).statusCode).toBe(200);
    await limited.close();
  });

  it('GET → 405 with Allow: POST', async () => {
    const response = await app.inject({ url: '/api/preflight' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });
});

describe('POST /api/preflight on a real socket', () => {
  let live: FastifyInstance;
  let port = 0;
  beforeAll(async () => {
    live = await testApp({
      preflight: {
        ...INJECTED,
        allowlist: () => [{ domain: 'allowed.example' }, { domain: 'slow.example' }],
        // The slow domain never ends by itself during a test: what ends it is the client leaving
        // (issue 20, item 2: no test here depends on a timer racing the machine's load).
        timeouts: { ...INJECTED.timeouts, connect: 600_000, total: 600_000 },
      },
    });
    await live.listen({ host: '127.0.0.1', port: 0 });
    port = (live.server.address() as AddressInfo).port;
  });
  afterAll(() => live.close());

  /** node:http rather than fetch: its socket is closed for sure when the test is done with it. */
  function start(): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify(answers({ port: httpProxy.port }));
      request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/preflight',
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        resolve,
      )
        .on('error', reject)
        .end(body);
    });
  }

  it('flushes each line as its check ends, not at the end', async () => {
    const response = await start();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const first = await new Promise<string>((resolve) =>
      response.once('data', (chunk) => resolve(String(chunk))),
    );
    expect(first).toMatch(/^\{"check":"reach"/);
    // The slow domain's CONNECT is still waiting at the proxy, so the run has not ended: the reach
    // line came while checks were still running, not with the rest at the end.
    await expect.poll(() => httpProxy.openTunnels(), { timeout: 20_000 }).toBe(1);
    expect(response.complete).toBe(false);
    response.destroy();
    await expect.poll(() => httpProxy.openTunnels(), { timeout: 20_000 }).toBe(0);
  });

  it('stops the checks still running when the client goes away', async () => {
    const response = await start();
    await new Promise((resolve) => response.once('data', resolve));
    await expect.poll(() => httpProxy.openTunnels(), { timeout: 20_000 }).toBe(1);
    response.destroy();
    // The per-domain timeout is ten minutes: only the client leaving can have closed the tunnel.
    await expect.poll(() => httpProxy.openTunnels(), { timeout: 20_000 }).toBe(0);
  });
});
