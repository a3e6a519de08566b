/**
 * The single-file wizard zips in the browser (issue 19): for any answers the schema accepts, what
 * it saves is byte for byte what `POST /api/download` sends — the zip (entries, folder, modes,
 * timestamps, compression) and each single file — under the same name and media type. The browser
 * side is the web app's own module (web/src/api/download-in-browser.ts), run here in Node, whose
 * Blob is the same standard Blob; e2e/single-file.spec.ts compares the two in Chromium too.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAll, validateAnswers } from '@wizard/shared';
import { answersArb } from '@wizard/shared/test-support/answers-arbitrary';
import { downloadInBrowser } from '../../../web/src/api/download-in-browser.ts';
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

        const browser = downloadInBrowser({ answers: input, file });
        const bytes = Buffer.from(await browser.blob.arrayBuffer());
        expect(bytes.equals(server.rawPayload)).toBe(true);
        expect(browser.filename).toBe(attachmentName(server.headers['content-disposition']));
        expect(browser.blob.type).toBe(server.headers['content-type']);
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
    let refused: unknown;
    try {
      downloadInBrowser({ answers: input as never });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ status: 400, issues });
  });
});
