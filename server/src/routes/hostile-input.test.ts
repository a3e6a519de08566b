/**
 * Issue 13, server side: hostile answers documents and requests get a 4xx that names what to fix,
 * never a 500, and nothing they carry is echoed back.
 */
import net, { type AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caWithUnreadableValidity } from '@wizard/shared/fixtures/hostile';
import type { PreflightLine } from '@wizard/shared/preflight';
import { preflightSettings } from '../preflight/settings.ts';
import { CA_PEM, HELM_HTTPS, json, postJson, testApp } from '../../test/test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('a custom CA whose validity time cannot be read (item 1)', () => {
  it.each(['/api/render', '/api/download'])('%s answers 400 at proxy.customCa', async (url) => {
    const response = await postJson(app, url, {
      ...HELM_HTTPS,
      proxy: { ...HELM_HTTPS.proxy, customCa: CA_PEM + caWithUnreadableValidity() },
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).issues).toEqual([
      {
        path: ['proxy', 'customCa'],
        message: "Certificate 2 cannot be used: the certificate's validity dates cannot be read.",
      },
    ]);
  });
});

describe('a proxy answering HTTP/1.1 000 (item 3)', () => {
  it('streams a line the download takes back', async () => {
    // A proxy that answers every CONNECT with status 000, which no real status is.
    const proxy = net.createServer((socket) => {
      socket.on('error', () => socket.destroy());
      socket.once('data', () => socket.end('HTTP/1.1 000 Nothing\r\n\r\n'));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const preflightApp = await testApp({
      preflight: {
        enabled: true,
        allowlist: () => [{ domain: 'odd.example' }],
        checkHost: (domain) => domain,
        timeouts: { reach: 1_000, connect: 1_000, total: 5_000 },
      },
    });
    try {
      const answers = {
        deployment: { method: 'docker-compose' },
        proxy: { protocol: 'http', host: '127.0.0.1', port: (proxy.address() as AddressInfo).port },
      };
      const stream = await postJson(preflightApp, '/api/preflight', answers);
      const lines = stream.body
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as PreflightLine);
      expect(lines.find((line) => line.check === 'connect')).toMatchObject({
        status: 'error',
        httpStatus: null,
        detail: expect.stringContaining('answered 0 Nothing') as unknown,
      });
      const download = await postJson(preflightApp, '/api/download?file=README.md', {
        answers,
        preflight: lines,
      });
      expect(download.statusCode).toBe(200);
      expect(download.body).toContain('odd.example');
    } finally {
      await preflightApp.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('POST /api/no-proxy/check with credentials (item 4)', () => {
  it('refuses them at their index and never repeats the password', async () => {
    const secret = 'S3cr3t-Pa55';
    const response = await postJson(app, '/api/no-proxy/check', {
      noProxy: ['.corp.example', `user:${secret}@internal.example`],
      urls: [
        `https://user:${secret}@api.example.com/x`,
        `user:${secret}@db.example:5432`,
        'https://api.example.com',
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain(secret);
    expect(json(response).issues).toEqual([
      { path: ['noProxy', 1], message: expect.stringContaining('credentials') as unknown },
      { path: ['urls', 0], message: expect.stringContaining('user name and password') as unknown },
      { path: ['urls', 1], message: expect.stringContaining('user name and password') as unknown },
    ]);
  });

  it('never repeats a password, whatever is around it (property)', async () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{8,16}$/).map((s) => `Pw${s}`);
    const around = fc.constantFrom('', 'https://', 'http://', '//', 'grpc://');
    const host = fc.constantFrom('api.example.com', '10.0.0.1:5432', '[fd00::1]', 'x', '');
    await fc.assert(
      fc.asyncProperty(secret, around, host, fc.boolean(), async (pw, scheme, where, inList) => {
        const value = `${scheme}u:${pw}@${where}`;
        const response = await postJson(app, '/api/no-proxy/check', {
          noProxy: inList ? [value] : [],
          urls: inList ? [] : [value],
        });
        expect(response.statusCode).toBe(400);
        expect(response.body).not.toContain(pw);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a huge invalid list (item 6)', () => {
  it('answers one bounded 400, not one issue per element', async () => {
    // The issue's case: 80,000 bad elements in a 160 KB body once answered 10.6 MB.
    const warehouses = Array.from({ length: 80_000 }, () => 0);
    const response = await postJson(app, '/api/render', { ...HELM_HTTPS, warehouses });
    expect(response.statusCode).toBe(400);
    expect((json(response).issues as unknown[]).length).toBeLessThanOrEqual(51);
    expect(response.body.length).toBeLessThan(20_000);
  });

  it('lists 50 issues, then how many more', async () => {
    const response = await postJson(app, '/api/render', {
      ...HELM_HTTPS,
      warehouses: Array.from({ length: 60 }, () => 'x'),
      services: ['y'],
    });
    expect(response.statusCode).toBe(400);
    const issues = json(response).issues as unknown[];
    expect(issues).toHaveLength(51);
    expect(issues.at(-1)).toEqual({ path: [], message: 'And 11 more issues: fix these first.' });
  });

  it.each(['warehouses', 'services'])('bounds %s even when every element is valid', async (key) => {
    const value = key === 'warehouses' ? 'bigquery' : 'gcs-buckets';
    const response = await postJson(app, '/api/render', {
      ...HELM_HTTPS,
      [key]: Array.from({ length: 65 }, () => value),
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).issues).toEqual([
      { path: [key], message: expect.stringContaining('At most 64') as unknown },
    ]);
  });

  it('names a few unknown keys, not thousands', async () => {
    const extra = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 1]));
    const response = await postJson(app, '/api/render', { ...HELM_HTTPS, ...extra });
    expect(response.statusCode).toBe(400);
    expect(response.body.length).toBeLessThan(2_000);
    expect(response.body).toContain('and 4990 more');
  });
});

describe('PREFLIGHT=on keeps the Host check (item 15)', () => {
  it('refuses a request under another name, accepts the configured one and IP addresses', async () => {
    const settings = preflightSettings('0.0.0.0', 'on', 'wizard.corp.example');
    if (!settings.ok) throw new Error(settings.message);
    const shared = await testApp({ preflight: settings.options });
    try {
      const send = (host: string) =>
        shared.inject({
          method: 'POST',
          url: '/api/preflight',
          headers: { host, 'content-type': 'application/json' },
          // Invalid answers: a 400 shows the request got past the gate, without contacting anything.
          payload: '{}',
        });
      const refused = await send('evil.example:8080');
      expect(refused.statusCode).toBe(403);
      expect(json(refused).error).toBe('preflight_host_refused');
      for (const host of ['wizard.corp.example:8080', '10.0.0.5:8080', '127.0.0.1:8080']) {
        expect((await send(host)).statusCode).toBe(400);
      }
    } finally {
      await shared.close();
    }
  });
});

describe('other spellings of an IPv4 address as the proxy host (item 15)', () => {
  const hostIn = async (host: string) => {
    const response = await postJson(app, '/api/render', {
      ...HELM_HTTPS,
      proxy: { ...HELM_HTTPS.proxy, host },
    });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it.each([
    ['0x7f.0.0.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::ffff:a00:5', '10.0.0.5'],
  ])('%s is written as %s, everywhere', async (host, plain) => {
    const body = await hostIn(host);
    expect(body).toContain(`https://${plain}:3129`);
    expect(body).not.toContain(host);
  });

  it('any IPv4 address spelled in hex is written in its dotted form (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.ipV4(), async (ip) => {
        const hex = ip
          .split('.')
          .map((part) => `0x${Number(part).toString(16)}`)
          .join('.');
        const body = await hostIn(hex);
        expect(body).toContain(`://${ip}:3129`);
        expect(body).not.toContain(hex);
      }),
      { numRuns: 50 },
    );
  });
});
