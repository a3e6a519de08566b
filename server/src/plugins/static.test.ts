import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp } from '../../test/test-support.ts';
import { DOCUMENT_ONLY_HEADERS } from './static.ts';

const INDEX =
  '<!doctype html><title>wizard</title><script type="module" src="/assets/index-abc123.js"></script>';
const SCRIPT = 'console.log("wizard");';

let webDist: string;
let app: FastifyInstance;
beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'wizard-web-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), INDEX);
  writeFileSync(join(webDist, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await testApp({ webDist });
});
afterAll(async () => {
  await app.close();
  rmSync(webDist, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('the built web app', () => {
  it('serves index.html at / with no-cache and the security headers', async () => {
    const response = await app.inject({ url: '/', headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(INDEX);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('caches hashed assets for a year as immutable', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe(SCRIPT);
  });

  it('sends scripts only the headers a script is subject to', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    for (const name of DOCUMENT_ONLY_HEADERS) expect(response.headers[name]).toBeUndefined();
    // The page itself keeps them all.
    const page = await app.inject({ url: '/', headers: html });
    for (const name of ['content-security-policy', 'x-frame-options'])
      expect(page.headers[name]).toBeDefined();
  });

  it('revalidates other files (not content-hashed)', async () => {
    const response = await app.inject({ url: '/favicon.svg' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/steps/proxy', '/review?answers=abc', '/a/b/c'])(
    'answers browser navigations to client routes (%s) with index.html',
    async (url) => {
      const response = await app.inject({ url, headers: html });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it('does not answer a missing script or image with HTML', async () => {
    for (const url of ['/assets/missing-123.js', '/logo.png']) {
      const response = await app.inject({ url, headers: { accept: '*/*' } });
      expect(response.statusCode).toBe(404);
      expect(json(response).error).toBe('not_found');
    }
  });

  it('never falls back for the API', async () => {
    for (const url of ['/api/nope', '/api', '/api/health/x']) {
      const response = await app.inject({ url, headers: html });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
    const wrongMethod = await app.inject({ url: '/api/render', headers: html });
    expect(wrongMethod.statusCode).toBe(405);
  });

  it('does not fall back for other methods', async () => {
    const response = await app.inject({ method: 'POST', url: '/steps/proxy', headers: html });
    expect(response.statusCode).toBe(404);
  });

  it('does not serve files outside dist/web', async () => {
    for (const url of [
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/../../etc/passwd',
    ]) {
      const response = await app.inject({ url, headers: { accept: '*/*' } });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.body).not.toContain('"workspaces"');
    }
  });

  it('keeps the API working next to it', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
  });
});

describe('a webDist without index.html', () => {
  it('is not served: the API still works and / explains how to build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'wizard-empty-'));
    const bare = await testApp({ webDist: empty });
    expect((await bare.inject({ url: '/api/health' })).statusCode).toBe(200);
    const root = await bare.inject({ url: '/', headers: html });
    expect(root.statusCode).toBe(404);
    expect(json(root).message).toMatch(/npm run build/);
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
  });
});
