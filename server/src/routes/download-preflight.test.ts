/** A download that carries a finished "Test my proxy" run records it in README.md (issue 6). */
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAll, validateAnswers } from '@wizard/shared';
import type { PreflightLine } from '@wizard/shared/preflight';
import { HELM_HTTPS, json, postJson, testApp } from '../../test/test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const RUN: PreflightLine[] = [
  {
    check: 'reach',
    status: 'ok',
    host: 'proxy.corp.example',
    port: 3129,
    ms: 3,
    detail: 'Connected.',
  },
  {
    check: 'tls',
    status: 'ok',
    verified: true,
    subject: 'CN=proxy',
    ms: 9,
    detail: 'Certificate verified.',
  },
  {
    check: 'connect',
    domain: 'auth.carto.com',
    status: 'allowed',
    httpStatus: 200,
    ms: 20,
    detail: 'The proxy allows it.',
  },
  {
    check: 'connect',
    domain: '*.self-hosted.carto.com',
    host: 'registry.self-hosted.carto.com',
    status: 'blocked',
    httpStatus: 403,
    ms: 21,
    detail: 'Denied by the proxy:\nadd it to the allowlist.',
  },
  { check: 'summary', allowed: 1, blocked: 1, errors: 0 },
];

function readmeOf(zip: Buffer): string {
  return strFromU8(
    unzipSync(new Uint8Array(zip))['carto-proxy-config/README.md'] ?? new Uint8Array(),
  );
}

describe('POST /api/download with a proxy check run', () => {
  it('adds the run to README.md, one line per check, and changes nothing else', async () => {
    const response = await postJson(app, '/api/download', { answers: HELM_HTTPS, preflight: RUN });
    expect(response.statusCode).toBe(200);
    const readme = readmeOf(response.rawPayload);
    expect(readme).toContain('## Proxy check');
    expect(readme).toContain('- allowed (200): `auth.carto.com`. The proxy allows it.');
    expect(readme).toContain(
      '- BLOCKED (403): `*.self-hosted.carto.com`. Denied by the proxy: add it to the allowlist.',
    );
    expect(readme).toContain('Result: 1 allowed, 1 blocked, 0 errors.');

    const validation = validateAnswers(HELM_HTTPS);
    if (!validation.ok) throw new Error('invalid');
    const expected = renderAll(validation.answers, { preflight: RUN });
    expect(readme).toBe(expected.files.find((f) => f.name === 'README.md')?.content);
    const plain = await postJson(app, '/api/download', HELM_HTTPS);
    const withRun = unzipSync(new Uint8Array(response.rawPayload));
    const without = unzipSync(new Uint8Array(plain.rawPayload));
    for (const name of Object.keys(without).filter((n) => !n.endsWith('/README.md'))) {
      expect(strFromU8(withRun[name] ?? new Uint8Array())).toBe(
        strFromU8(without[name] ?? new Uint8Array()),
      );
    }
  });

  it('accepts the run from a form post too', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/download?file=README.md',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        answers: JSON.stringify(HELM_HTTPS),
        preflight: JSON.stringify(RUN),
      }).toString(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('## Proxy check');
  });

  it('names every offending field of the wrapped form', async () => {
    const response = await postJson(app, '/api/download', {
      answers: { ...HELM_HTTPS, proxy: { protocol: 'http', host: 'proxy', port: 0 } },
      preflight: [
        { check: 'connect', domain: 'a`b', status: 'allowed', httpStatus: 200, ms: 1, detail: '' },
      ],
      extra: true,
    });
    expect(response.statusCode).toBe(400);
    const body = json(response) as { error: string; issues: { path: (string | number)[] }[] };
    expect(body.error).toBe('invalid_answers');
    const paths = body.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('extra');
    expect(paths).toContain('answers.proxy.port');
    expect(paths).toContain('preflight.0.domain');
    expect(paths).toContain('preflight');
  });
});
