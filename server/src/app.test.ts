import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { BODY_LIMIT } from './errors.ts';
import {
  CA_PEM,
  HELM_HTTPS,
  anyString,
  containing,
  json,
  postJson,
  testApp,
} from '../test/test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('security headers', () => {
  it('sends a CSP that works over plain http on a LAN address', async () => {
    const response = await app.inject({ url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain('https:');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends COOP and Origin-Agent-Cluster only where browsers honour them (https, loopback)', async () => {
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'wizard.localhost']) {
      const response = await app.inject({ url: '/api/health', headers: { host } });
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['origin-agent-cluster']).toBe('?1');
    }
    for (const host of ['192.0.2.10:8080', 'wizard.corp.example', '[fd00::2]:8080']) {
      const response = await app.inject({ url: '/api/health', headers: { host } });
      expect(response.headers['cross-origin-opener-policy']).toBeUndefined();
      expect(response.headers['origin-agent-cluster']).toBeUndefined();
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
    // Without trustProxy, X-Forwarded-Proto does not make a request https.
    const proxied = await app.inject({
      url: '/api/health',
      headers: { host: 'wizard.corp.example', 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers['cross-origin-opener-policy']).toBeUndefined();
  });

  it('sends them on errors too', async () => {
    const response = await app.inject({ url: '/api/nope' });
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('bad requests are clear 4xx JSON, never 500', () => {
  const send = (payload: string | Buffer, contentType?: string, url = '/api/render') =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
    });

  it.each(['{', '{"deployment": }', "{'a': 1}", '{"a": 1}}', 'undefined', '\u0000'])(
    'malformed JSON %j → 400 invalid_json',
    async (payload) => {
      const response = await send(payload, 'application/json');
      expect(response.statusCode).toBe(400);
      expect(json(response)).toEqual({ error: 'invalid_json', message: anyString });
    },
  );

  it('an empty JSON body → 400 invalid_json', async () => {
    const response = await send('', 'application/json');
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toBe('invalid_json');
  });

  it('prototype poisoning (__proto__, constructor.prototype) → 400, not parsed', async () => {
    for (const payload of [
      '{"__proto__": {"polluted": 1}}',
      '{"constructor": {"prototype": {"x": 1}}}',
    ]) {
      const response = await send(payload, 'application/json');
      expect(response.statusCode).toBe(400);
      expect(json(response).error).toBe('invalid_json');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
  ])('content type %s → 415 with what to send instead', async (type) => {
    const response = await send(JSON.stringify(HELM_HTTPS), type);
    expect(response.statusCode).toBe(415);
    expect(json(response)).toEqual({
      error: 'unsupported_media_type',
      message: containing('application/json'),
    });
  });

  it('a body without a content type → 415', async () => {
    const response = await send(JSON.stringify(HELM_HTTPS));
    expect(response.statusCode).toBe(415);
  });

  // D1: Kots with a custom CA and no release: where the CA goes depends on it (carto-release-audit.md).
  it('Kots with a custom CA and no release → 400 naming deployment.release', async () => {
    const response = await send(
      JSON.stringify({
        deployment: { method: 'kots', kubernetesServiceIp: '10.96.0.1' },
        proxy: { ...HELM_HTTPS.proxy },
      }),
      'application/json',
    );
    expect(response.statusCode).toBe(400);
    const body = json(response) as { error: string; issues: { path: string[] }[] };
    expect(body.error).toBe('invalid_answers');
    expect(body.issues.map((i) => i.path.join('.'))).toEqual(['deployment.release']);
  });

  it('no body at all → 400 invalid_answers (the document is required)', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/render' });
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toBe('invalid_answers');
  });

  it.each(['/api/render', '/api/download'])(
    'a body over 256 KiB on %s → 413, JSON or form',
    async (url) => {
      const huge = JSON.stringify({ ...HELM_HTTPS, pad: 'x'.repeat(BODY_LIMIT) });
      for (const [payload, type] of [
        [huge, 'application/json'],
        [`answers=${encodeURIComponent(huge)}`, 'application/x-www-form-urlencoded'],
      ] as const) {
        const response = await send(payload, type, url);
        expect(response.statusCode).toBe(413);
        expect(json(response)).toEqual({
          error: 'body_too_large',
          message: containing('256 KiB'),
        });
      }
    },
  );

  it('a body just under the limit is read (and judged on its content)', async () => {
    const answers = { ...HELM_HTTPS, proxy: { ...HELM_HTTPS.proxy, customCa: CA_PEM } };
    const padded = JSON.stringify(answers).padEnd(BODY_LIMIT - 10, ' ');
    const response = await send(padded, 'application/json');
    expect(response.statusCode).toBe(200);
  });

  it('a Content-Length that does not match the body → 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/render',
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
      payload: '{}',
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});

describe('routing', () => {
  it.each([
    ['GET', '/api/render', 'POST'],
    ['PUT', '/api/render', 'POST'],
    ['GET', '/api/download', 'POST'],
    ['DELETE', '/api/download', 'POST'],
    ['POST', '/api/health', 'GET, HEAD'],
    ['POST', '/api/catalog', 'GET, HEAD'],
    ['PATCH', '/api/schema', 'GET, HEAD'],
  ] as const)('%s %s → 405 with Allow: %s', async (method, url, allow) => {
    const response = await app.inject({ method, url });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(json(response)).toEqual({
      error: 'method_not_allowed',
      message: containing(url),
    });
  });

  it.each(['/api/nope', '/api', '/api/', '/api/health/extra', '/api/render.json'])(
    'unknown API path %s → 404 JSON listing the routes',
    async (url) => {
      const response = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(json(response)).toEqual({
        error: 'not_found',
        message: containing('POST /api/render'),
      });
    },
  );

  it('without a built web app, / is a JSON 404 that says how to build it', async () => {
    const response = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(json(response).message).toMatch(/npm run build/);
  });

  it('HEAD works on GET routes', async () => {
    const response = await app.inject({ method: 'HEAD', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });
});

describe('rate limit', () => {
  let limited: FastifyInstance;
  beforeAll(async () => {
    limited = await buildApp({ rateLimit: { max: 3, timeWindow: 60_000 } });
  });
  afterAll(() => limited.close());

  it('answers 429 JSON with Retry-After once an IP exceeds the limit, 404s counted too', async () => {
    const statuses: number[] = [];
    for (const url of ['/api/health', '/api/nope', '/api/catalog']) {
      statuses.push((await limited.inject({ url })).statusCode);
    }
    expect(statuses).toEqual([200, 404, 200]);
    const refused = await limited.inject({ url: '/api/health' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(json(refused)).toEqual({ error: 'rate_limited', message: anyString });
    const refusedNotFound = await limited.inject({ url: '/not-here' });
    expect(refusedNotFound.statusCode).toBe(429);
  });

  it('counts each IP separately', async () => {
    const other = await limited.inject({ url: '/api/health', remoteAddress: '192.0.2.7' });
    expect(other.statusCode).toBe(200);
    expect(other.headers['x-ratelimit-limit']).toBe('3');
  });

  it('is on by default (300 a minute) and can be turned off', async () => {
    const byDefault = await buildApp();
    expect((await byDefault.inject({ url: '/api/health' })).headers['x-ratelimit-limit']).toBe(
      '300',
    );
    await byDefault.close();
    const off = await buildApp({ rateLimit: false });
    const response = await off.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    expect((await off.inject({ url: '/api/nope' })).statusCode).toBe(404);
    await off.close();
  });
});

describe('logs', () => {
  it('never contain request bodies, whatever the outcome', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const logged = await buildApp({ logger: { level: 'trace', stream } });
    const marker = 'zz-marker-host.example';
    const answers = { ...HELM_HTTPS, proxy: { ...HELM_HTTPS.proxy, host: marker } };
    expect((await postJson(logged, '/api/render', answers)).statusCode).toBe(200);
    expect((await postJson(logged, '/api/download', answers)).statusCode).toBe(200);
    const invalid = { ...answers, proxy: { ...answers.proxy, port: 0 } };
    expect((await postJson(logged, '/api/render', invalid)).statusCode).toBe(400);
    const broken = await logged.inject({
      method: 'POST',
      url: '/api/render',
      headers: { 'content-type': 'application/json' },
      payload: `{"host": "${marker}"`,
    });
    expect(broken.statusCode).toBe(400);
    await logged.close();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain(marker);
  });
});

describe('unexpected errors', () => {
  it('are a 500 that reveals nothing, and are the only errors logged', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const broken = await buildApp({ logger: { level: 'info', stream } });
    broken.get('/api/boom', () => {
      throw new Error('internal detail 42');
    });
    expect((await postJson(broken, '/api/render', {})).statusCode).toBe(400);
    expect(lines.filter((line) => line.includes('"level":50'))).toEqual([]);

    const response = await broken.inject({ url: '/api/boom' });
    expect(response.statusCode).toBe(500);
    expect(json(response)).toEqual({ error: 'internal_error', message: anyString });
    expect(response.body).not.toContain('internal detail');
    await broken.close();
    const errors = lines.filter((line) => line.includes('"level":50'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('internal detail 42');
  });
});
