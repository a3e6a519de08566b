/**
 * Issue 13, items 7 and 8, over a real socket: the answers Fastify and Node give on their own get
 * the app's security headers and JSON shape, never repeat the URL, and a client that trickles its
 * request is ended.
 */
import net, { type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test/test-support.ts';

/** A raw HTTP exchange: what is written, and everything the server sends until it closes. */
function exchange(port: number, write: (socket: net.Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.on('connect', () => write(socket));
  });
}

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

function parse(raw: string): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = raw.slice(0, split).split('\r\n');
  const headers = new Map(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
    }),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(split + 4) };
}

/** What every answer carries, hooks or not. */
function expectAppShape(response: RawResponse, secret: string) {
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error', 'message']);
  expect(typeof body.error).toBe('string');
  expect(response.body).not.toContain(secret);
}

let app: FastifyInstance;
let port: number;
beforeAll(async () => {
  // Short limits, so a trickling client is ended within the test.
  app = await testApp({ timeouts: { request: 600, headers: 400, checkEvery: 100 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

describe('answers Fastify and Node give on their own (item 8)', () => {
  it('a URL that does not decode: 400, no echo', async () => {
    for (const path of [
      '/%',
      '/secret-token/%',
      '/api/secret-token%E0%A4%A',
      '/secret-token-%zz',
    ]) {
      const raw = await exchange(port, (s) =>
        s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
      );
      const response = parse(raw);
      expect(response.status).toBe(400);
      expectAppShape(response, 'secret-token');
    }
  });

  it('headers over the limit: 431', async () => {
    const raw = await exchange(port, (s) =>
      s.write(
        `GET /api/health?secret-token HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      ),
    );
    const response = parse(raw);
    expect(response.status).toBe(431);
    expectAppShape(response, 'secret-token');
  });

  it('a request that is not HTTP: 400', async () => {
    const raw = await exchange(port, (s) => s.write('HELLO /secret-token WORLD\r\n\r\n'));
    const response = parse(raw);
    expect(response.status).toBe(400);
    expectAppShape(response, 'secret-token');
  });
});

describe('a client that trickles its request (item 7)', () => {
  it('is answered 408 and disconnected', async () => {
    let timer: NodeJS.Timeout | undefined;
    const raw = await exchange(port, (socket) => {
      socket.write(
        'POST /api/render HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      );
      // A byte now and then, never the whole body: only the request timeout ends it.
      timer = setInterval(() => {
        if (socket.writable) socket.write(' ');
      }, 50);
      socket.on('close', () => clearInterval(timer));
    });
    const response = parse(raw);
    expect(response.status).toBe(408);
    expectAppShape(response, 'render');
  });

  it('the production limits are set on the server', async () => {
    const production = await testApp();
    try {
      expect(production.server.requestTimeout).toBe(30_000);
      expect(production.server.headersTimeout).toBe(15_000);
    } finally {
      await production.close();
    }
  });
});
