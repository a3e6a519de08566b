import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnswersInput } from '@wizard/shared';
import { ApiError } from './http.ts';
import { streamPreflight, textLines } from './preflight.ts';

function chunks<T>(parts: T[]): ReadableStream<T> {
  return new ReadableStream<T>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

async function collect<T>(lines: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

const REACH = {
  check: 'reach',
  status: 'ok',
  host: '127.0.0.1',
  port: 3128,
  address: '127.0.0.1',
  ms: 1,
  detail: 'Connected.',
};
const SUMMARY = { check: 'summary', allowed: 1, blocked: 0, errors: 0 };

function respondWith(body: string[], status = 200) {
  const encoder = new TextEncoder();
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(chunks(body.map((part) => encoder.encode(part))), {
          status,
          headers: { 'content-type': 'application/x-ndjson' },
        }),
      ),
    ),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('textLines', () => {
  it('yields whole lines whatever the chunk boundaries, skipping blank ones', async () => {
    const lines = await collect(textLines(chunks(['{"a":', '1}\n{"b"', ':2}\n', '\n{"c":3}'])));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });
});

describe('streamPreflight', () => {
  const answers = {} as AnswersInput;

  it('parses each line as it comes', async () => {
    const text = `${JSON.stringify(REACH)}\n${JSON.stringify(SUMMARY)}\n`;
    respondWith([text.slice(0, 17), text.slice(17)]);
    const lines = await collect(streamPreflight(answers, new AbortController().signal));
    expect(lines.map((line) => line.check)).toEqual(['reach', 'summary']);
  });

  it('refuses a line that is not one of the shared shapes', async () => {
    respondWith([`${JSON.stringify({ ...REACH, status: 'maybe' })}\n`]);
    await expect(
      collect(streamPreflight(answers, new AbortController().signal)),
    ).rejects.toBeInstanceOf(ApiError);
  });

  it('turns a refusal before the stream into an ApiError with its code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({ error: 'preflight_disabled', message: 'The preflight check is off.' }),
            { status: 403, headers: { 'content-type': 'application/json' } },
          ),
        ),
      ),
    );
    const error = await collect(streamPreflight(answers, new AbortController().signal)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'preflight_disabled' });
  });
});
