/**
 * The single-file wizard zips in the browser (issue 19): for any answers the schema accepts, what
 * it saves is byte for byte what `POST /api/download` sends — the zip (entries, folder, modes,
 * timestamps, compression) and each single file — under the same name and media type. The browser
 * side (web/src/api/download-in-browser.ts) validates with the shared schema and calls the shared
 * `downloadFor`, which this test runs in Node (the server imports only shared: ESLint's zones);
 * e2e/single-file.spec.ts compares the web module's zip with the server's in Chromium.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAll, validateAnswers } from '@wizard/shared';
import { downloadFor } from '@wizard/shared/download';
import { answersArb } from '@wizard/shared/test-support/answers-arbitrary';
import { postJson, testApp } from '../../test/test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  // Not a load test: the event-loop guard is off (0), as 100 renders in a row on a loaded two-core
  // machine can trip it and answer 503 to a request this test is about.
  app = await testApp({ underPressure: { maxEventLoopDelay: 0 } });
});
afterAll(() => app.close());

/** The file name a browser saves the server's attachment under. */
const attachmentName = (header: unknown) => /filename="([^"]*)"/.exec(String(header))?.[1];

describe('the browser-made download against POST /api/download', () => {
  it('gives the same bytes, name and media type for the zip and for each file', async () => {
    await fc.assert(
      fc.asyncProperty(answersArb, fc.option(fc.nat(), { nil: undefined }), async (input, pick) => {
        const validation = validateAnswers(input);
        if (!validation.ok) throw new Error(`refused: ${JSON.stringify(validation.issues)}`);
        const names = renderAll(validation.answers).files.map((file) => file.name);
        // undefined: the zip; otherwise one of the files these answers produce.
        const file = pick === undefined ? undefined : names[pick % names.length];
        const url =
          file === undefined ? '/api/download' : `/api/download?file=${encodeURIComponent(file)}`;
        const server = await postJson(app, url, input);
        expect(server.statusCode).toBe(200);

        const browser = downloadFor(validation.answers, { file });
        if (!browser.ok) throw new Error(`no file ${String(file)}`);
        const { bytes, filename, mediaType } = browser.download;
        expect(Buffer.from(bytes).equals(server.rawPayload)).toBe(true);
        expect(filename).toBe(attachmentName(server.headers['content-disposition']));
        expect(mediaType).toBe(server.headers['content-type']);
      }),
      { numRuns: 100 },
    );
    // A generous ceiling for 100 renders and zips on each side, not a speed check.
  }, 120_000);

  it('refuses what the server refuses, naming the same fields', async () => {
    const input = { deployment: { method: 'helm' }, proxy: { protocol: 'ftp', port: 0 } };
    const server = await postJson(app, '/api/download', input);
    expect(server.statusCode).toBe(400);
    const { issues } = server.json<{ issues: { path: unknown[] }[] }>();
    // The browser's download validates with the same shared schema before it zips anything.
    const browser = validateAnswers(input);
    expect(browser.ok).toBe(false);
    if (!browser.ok)
      expect(browser.issues.map((issue) => issue.path)).toEqual(issues.map((issue) => issue.path));
  });
});
