import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, WIZARD_VERSION, answersJsonSchema } from '@wizard/shared';
import { json, testApp } from '../../test/test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('GET /api/health', () => {
  it('answers ok with the wizard version', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json(response)).toEqual({ status: 'ok', version: WIZARD_VERSION });
  });
});

describe('GET /api/catalog', () => {
  it('serves the shared catalog as is', async () => {
    const response = await app.inject({ url: '/api/catalog' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json(response)).toEqual(JSON.parse(JSON.stringify(CATALOG)));
  });
});

describe('GET /api/schema', () => {
  it('serves the JSON Schema of the answers document', async () => {
    const response = await app.inject({ url: '/api/schema' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = json(response);
    expect(body).toEqual(JSON.parse(JSON.stringify(answersJsonSchema())));
    expect(body.$schema).toMatch(/json-schema\.org/);
    expect(body.properties).toHaveProperty('deployment');
    expect(body.properties).toHaveProperty('proxy');
  });
});
