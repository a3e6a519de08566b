import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyInstance } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIZARD_VERSION } from '@wizard/shared';
import { HELM_HTTPS, json, postJson, testApp } from '../../test/test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  // The preflight is enabled so that its route is as in production: registered and documented.
  app = await testApp({ preflight: { enabled: true } });
});
afterAll(() => app.close());

/** Every route the app has under /api as `METHOD /path`, read from Fastify's own route table. */
function apiRoutes(server: FastifyInstance): string[] {
  const routes: string[] = [];
  for (const line of server.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /(\/api\/\S*) \(([A-Z, ]+)\)/.exec(line);
    if (!match) continue;
    const [, path, methods] = match;
    for (const method of methods!.split(', ')) {
      // Fastify answers HEAD for every GET (exposeHeadRoutes): the GET documents both.
      if (method !== 'HEAD') routes.push(`${method} ${path!}`);
    }
  }
  return routes;
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const response = await app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const document = json(response);
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ version: WIZARD_VERSION });
    // validate() dereferences what it is given: a copy, so the assertions below see the original.
    const copy = structuredClone(document) as unknown as OpenAPIV3_1.Document;
    await expect(SwaggerParser.validate(copy)).resolves.toBeTruthy();
  });

  it('documents every route the app registers under /api, and no other', async () => {
    const document = json(await app.inject({ url: '/api/openapi.json' }));
    const paths = document.paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const registered = apiRoutes(app);
    expect(registered).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/render',
        'POST /api/download',
        'POST /api/preflight',
        'GET /api/openapi.json',
      ]),
    );
    expect(documented.sort()).toEqual(registered.sort());
  });

  it('declares the answers document once and refers to it from every route that takes it', async () => {
    const document = json(await app.inject({ url: '/api/openapi.json' }));
    const text = JSON.stringify(document.paths);
    const paths = document.paths as Record<string, Record<string, { requestBody?: unknown }>>;
    for (const path of ['/api/render', '/api/preflight', '/api/download']) {
      expect(JSON.stringify(paths[path]?.post?.requestBody)).toContain(
        '#/components/schemas/AnswersInput',
      );
    }
    expect(text).toContain('#/components/schemas/ApiError');
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas.AnswersInput).toMatchObject({ type: 'object' });
  });

  it('is the same document on every request', async () => {
    const first = await app.inject({ url: '/api/openapi.json' });
    const second = await app.inject({ url: '/api/openapi.json' });
    expect(second.body).toBe(first.body);
  });
});

describe('the document tells what the routes answer', () => {
  type Schema = { properties?: Record<string, unknown>; required?: string[] };
  const schemas = async () => {
    const document = json(await app.inject({ url: '/api/openapi.json' }));
    return (document.components as { schemas: Record<string, Schema> }).schemas;
  };

  it.each([
    ['/api/render', { proxy: { port: 0 } }, 400],
    ['/api/no-proxy/check', { noProxy: [1], urls: ['user:pw@host'] }, 400],
    ['/api/download?file=nope.txt', HELM_HTTPS, 404],
  ] as const)(
    'POST %s → %i: every key of the body is an ApiError property',
    async (url, body, status) => {
      const response = await postJson(app, url, body);
      expect(response.statusCode).toBe(status);
      const { ApiError } = await schemas();
      const properties = Object.keys(ApiError?.properties ?? {});
      expect(properties).toEqual(['error', 'message', 'issues', 'available']);
      for (const key of Object.keys(json(response))) expect(properties).toContain(key);
      expect(ApiError?.required).toEqual(['error']);
    },
  );
});
