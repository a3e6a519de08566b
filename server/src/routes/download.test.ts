import type { FastifyInstance } from 'fastify';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { zipFiles } from '@wizard/shared/download';
import {
  HELM_HTTPS,
  anyString,
  containing,
  PRIVATE_KEY_PEM,
  SCENARIOS,
  expectedRender,
  json,
  postJson,
  testApp,
} from '../../test/test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const COMPOSE_CA = SCENARIOS['docker-compose over https with a custom CA'];

/**
 * Name → Unix mode and DOS date/time of each entry, read from the zip's central directory, which
 * the end-of-central-directory record (the last 22 bytes: fflate writes no archive comment) locates.
 */
function centralDirectory(zip: Buffer): Map<string, { mode: number; time: number; date: number }> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const entries = new Map<string, { mode: number; time: number; date: number }>();
  let at = zip.readUInt32LE(end + 16);
  for (let count = zip.readUInt16LE(end + 10); count > 0; count--) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.set(zip.toString('utf8', at + 46, at + 46 + nameLength), {
      mode: zip.readUInt32LE(at + 38) >>> 16,
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('POST /api/download (zip)', () => {
  it.each(Object.entries(SCENARIOS))(
    '%s: every rendered file, byte for byte',
    async (_, answers) => {
      const response = await postJson(app, '/api/download', answers);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/zip');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="carto-proxy-${answers.deployment.method}.zip"`,
      );
      const entries = unzipSync(response.rawPayload);
      const { files } = expectedRender(answers);
      expect(Object.keys(entries)).toEqual(files.map((file) => `carto-proxy-config/${file.name}`));
      for (const file of files)
        expect(strFromU8(entries[`carto-proxy-config/${file.name}`] ?? new Uint8Array())).toBe(
          file.content,
        );
    },
  );

  it('keeps folders (certs/proxy-ca.crt) and makes scripts executable', async () => {
    const response = await postJson(app, '/api/download', COMPOSE_CA);
    const directory = centralDirectory(response.rawPayload);
    expect([...directory.keys()]).toContain('carto-proxy-config/certs/proxy-ca.crt');
    expect(directory.get('carto-proxy-config/check-proxy.sh')?.mode).toBe(0o755);
    expect(directory.get('carto-proxy-config/README.md')?.mode).toBe(0o644);
  });

  it('gives identical bytes for the same answers, with a fixed 1980-01-01 timestamp', async () => {
    // Two requests a day apart by the clock the zip writer reads: no sleep, no race.
    vi.useFakeTimers({ toFake: ['Date'] });
    let first, second;
    try {
      vi.setSystemTime(new Date('2031-03-04T05:06:07Z'));
      first = await postJson(app, '/api/download', HELM_HTTPS);
      vi.setSystemTime(new Date('2031-03-05T08:09:10Z'));
      second = await postJson(app, '/api/download', HELM_HTTPS);
    } finally {
      vi.useRealTimers();
    }
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    for (const entry of centralDirectory(first.rawPayload).values()) {
      expect(entry).toMatchObject({ time: 0, date: (0 << 9) | (1 << 5) | 1 });
    }
  });

  describe('whatever the time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    it('zips to the same bytes', () => {
      const { files } = expectedRender(HELM_HTTPS);
      process.env.TZ = 'Pacific/Kiritimati';
      const east = Buffer.from(zipFiles(files));
      process.env.TZ = 'America/Los_Angeles';
      const west = Buffer.from(zipFiles(files));
      expect(west.equals(east)).toBe(true);
    });
  });

  it('refuses invalid answers like /api/render, without echoing a private key', async () => {
    const response = await postJson(app, '/api/download', {
      ...HELM_HTTPS,
      proxy: { ...HELM_HTTPS.proxy, customCa: PRIVATE_KEY_PEM },
    });
    expect(response.statusCode).toBe(400);
    expect(json(response)).toEqual({
      error: 'invalid_answers',
      issues: [{ path: ['proxy', 'customCa'], message: anyString }],
    });
    expect(response.body).not.toContain(PRIVATE_KEY_PEM.split('\n')[1]);
  });
});

describe('POST /api/download?file=NAME', () => {
  it.each(Object.entries(SCENARIOS))(
    '%s: each file alone, as an attachment',
    async (_, answers) => {
      for (const file of expectedRender(answers).files) {
        const response = await postJson(
          app,
          `/api/download?file=${encodeURIComponent(file.name)}`,
          answers,
        );
        expect(response.statusCode).toBe(200);
        expect(response.body).toBe(file.content);
        expect(response.headers['content-type']).toMatch(
          new RegExp(`^${file.mediaType.split(';')[0]}`),
        );
        expect(response.headers['content-type']).toContain('charset=utf-8');
        const basename = file.name.split('/').pop() ?? '';
        expect(response.headers['content-disposition']).toBe(`attachment; filename="${basename}"`);
      }
    },
  );

  it('names the CA file in certs/ by its base name', async () => {
    const response = await postJson(app, '/api/download?file=certs%2Fproxy-ca.crt', COMPOSE_CA);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="proxy-ca.crt"');
    expect(response.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it.each(['customer.env.proxy', '../etc/passwd', 'README', 'x"; filename="evil.sh'])(
    'a name the answers do not produce (%j) → 404 listing the available files',
    async (name) => {
      const response = await postJson(
        app,
        `/api/download?file=${encodeURIComponent(name)}`,
        HELM_HTTPS,
      );
      expect(response.statusCode).toBe(404);
      const names = expectedRender(HELM_HTTPS).files.map((file) => file.name);
      expect(json(response)).toEqual({
        error: 'file_not_found',
        message: containing(names.join(', ')),
        available: names,
      });
      expect(response.headers['content-disposition']).toBeUndefined();
    },
  );

  it.each(['?file=', '?file=a&file=b', `?file=${'x'.repeat(300)}`])(
    'a malformed query (%s) → 400',
    async (query) => {
      const response = await postJson(app, `/api/download${query}`, HELM_HTTPS);
      expect(response.statusCode).toBe(400);
      expect(json(response).error).toBe('invalid_request');
    },
  );
});

describe('native form posts (application/x-www-form-urlencoded, field "answers")', () => {
  const form = (fields: [string, string][], url = '/api/download') =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  it('download the same zip as a JSON post', async () => {
    const viaJson = await postJson(app, '/api/download', HELM_HTTPS);
    const viaForm = await form([['answers', JSON.stringify(HELM_HTTPS)]]);
    expect(viaForm.statusCode).toBe(200);
    expect(viaForm.headers['content-disposition']).toBe(viaJson.headers['content-disposition']);
    expect(viaForm.rawPayload.equals(viaJson.rawPayload)).toBe(true);
  });

  it('download one file with ?file=', async () => {
    const response = await form(
      [['answers', JSON.stringify(HELM_HTTPS)]],
      '/api/download?file=README.md',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="README.md"');
  });

  it('work on /api/render too', async () => {
    const response = await form([['answers', JSON.stringify(HELM_HTTPS)]], '/api/render');
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual(expectedRender(HELM_HTTPS));
  });

  it.each([
    ['no answers field', [['other', '{}']]],
    [
      'two answers fields',
      [
        ['answers', '{}'],
        ['answers', '{}'],
      ],
    ],
    ['an empty form', []],
  ] as [string, [string, string][]][])('%s → 400 invalid_form', async (_, fields) => {
    const response = await form(fields);
    expect(response.statusCode).toBe(400);
    expect(json(response)).toEqual({
      error: 'invalid_form',
      message: containing('"answers"'),
    });
  });

  it('an answers field that is not JSON → 400 invalid_json', async () => {
    const response = await form([['answers', '{deployment: helm}']]);
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toBe('invalid_json');
  });

  it('invalid answers → 400 invalid_answers, like JSON', async () => {
    const response = await form([['answers', JSON.stringify({ proxy: {} })]]);
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toBe('invalid_answers');
  });
});
