/**
 * Issue 13, server side: hostile answers documents and requests get a 4xx that names what to fix,
 * never a 500, and nothing they carry is echoed back.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caWithUnreadableValidity } from '@wizard/shared/fixtures/hostile';
import { CA_PEM, HELM_HTTPS, json, postJson, testApp } from '../test-support.ts';

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
