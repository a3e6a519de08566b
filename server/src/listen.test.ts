import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELM_HTTPS, expectedRender, testApp } from '../test/test-support.ts';

/** Once over a real socket: what inject() cannot show (HTTP parsing, keep-alive, real headers). */
describe('on a real port', () => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = await testApp();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => app.close());

  it('serves health, render and download', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(health.headers.get('content-security-policy')).not.toContain(
      'upgrade-insecure-requests',
    );

    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(HELM_HTTPS),
    };
    const render = await fetch(`${base}/api/render`, init);
    expect(render.status).toBe(200);
    expect(await render.json()).toEqual(expectedRender(HELM_HTTPS));

    const download = await fetch(`${base}/api/download`, init);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      'attachment; filename="carto-proxy-helm.zip"',
    );
    expect(new Uint8Array(await download.arrayBuffer()).subarray(0, 2)).toEqual(
      new Uint8Array([0x50, 0x4b]),
    );
  });

  it('refuses an oversized body with 413 before reading it all', async () => {
    const response = await fetch(`${base}/api/render`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'body_too_large' });
  });
});
