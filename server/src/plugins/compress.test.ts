import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '@wizard/shared';
import { brotli, gzip, precompress } from '../../../scripts/precompress.ts';
import { HELM_HTTPS, testApp } from '../../test/test-support.ts';

// Big enough to be worth compressing, like a real bundle: repeated, but not only one byte.
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const value${i} = "v${i}";`).join(
  '\n',
);
const INDEX = `<!doctype html><title>wizard</title><script type="module" src="/assets/index-abc123.js"></script>${'<!-- padding -->'.repeat(100)}`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let webDist: string;
let app: FastifyInstance;
beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'wizard-compress-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), INDEX);
  writeFileSync(join(webDist, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(webDist, 'logo.png'), PNG);
  precompress(webDist);
  app = await testApp({ webDist });
});
afterAll(async () => {
  await app.close();
  rmSync(webDist, { recursive: true, force: true });
});

const html = { accept: 'text/html' };
const decode = { br: brotliDecompressSync, gzip: gunzipSync } as const;

describe('precompress (build time)', () => {
  it('writes a brotli and a gzip copy of text files only, each decoding to the file', () => {
    const script = join(webDist, 'assets', 'index-abc123.js');
    expect(brotliDecompressSync(readFileSync(`${script}.br`)).toString()).toBe(SCRIPT);
    expect(gunzipSync(readFileSync(`${script}.gz`)).toString()).toBe(SCRIPT);
    expect(() => readFileSync(join(webDist, 'logo.png.br'))).toThrow(/ENOENT/);
  });

  it('skips a copy that would not be smaller', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wizard-tiny-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'x');
      expect(precompress(dir)).toEqual([{ file: 'a.txt', bytes: 1 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips any text through both encoders', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (text) => {
        const bytes = Buffer.from(text);
        expect(brotliDecompressSync(brotli(bytes)).equals(bytes)).toBe(true);
        expect(gunzipSync(gzip(bytes)).equals(bytes)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('serving the precompressed files', () => {
  it.each([
    ['br, gzip, deflate', 'br', '.br'],
    ['gzip', 'gzip', '.gz'],
  ] as const)('Accept-Encoding %s gets the %s copy', async (accept, encoding, extension) => {
    const response = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': accept },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const onDisk = readFileSync(join(webDist, 'assets', `index-abc123.js${extension}`));
    expect(Number(response.headers['content-length'])).toBe(onDisk.length);
    expect(response.rawPayload.equals(onDisk)).toBe(true);
    expect(decode[encoding](response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the file itself to a client that accepts no encoding', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(SCRIPT));
    expect(response.body).toBe(SCRIPT);
  });

  it.each(['/', '/steps/proxy'])('compresses index.html at %s too', async (url) => {
    const response = await app.inject({
      url,
      headers: { ...html, 'accept-encoding': 'gzip, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(INDEX);
  });

  it('leaves files without a compressed copy as they are', async () => {
    const response = await app.inject({ url: '/logo.png', headers: { 'accept-encoding': 'br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.rawPayload.equals(PNG)).toBe(true);
  });
});

describe('API responses', () => {
  it('compresses the catalog (above 1 KB) with brotli', async () => {
    const response = await app.inject({
      url: '/api/catalog',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    const body = brotliDecompressSync(response.rawPayload).toString();
    expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(CATALOG)));
    expect(response.rawPayload.length).toBeLessThan(body.length / 2);
  });

  it('leaves small responses uncompressed', async () => {
    const response = await app.inject({
      url: '/api/health',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toMatchObject({ status: 'ok' });
  });

  it('never compresses the zip download again', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/download',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      payload: JSON.stringify(HELM_HTTPS),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/zip/);
    expect(response.headers['content-encoding']).toBeUndefined();
    const files = unzipSync(response.rawPayload);
    expect(Object.keys(files).length).toBeGreaterThan(1);
    expect(strFromU8(Object.values(files)[0]!).length).toBeGreaterThan(0);
  });
});
