/**
 * POST /api/preflight: the wizard's server checks the proxy for real and streams one JSON object per
 * line (NDJSON) as each check ends, so the list can fill in as the answers come. Aborting the signal
 * (Stop, leaving the step) cancels the body, and the server stops the checks still running.
 *
 * Each line is checked against the shared schema: a finished run is sent back with a download, and the
 * server validates it with the same schema, so nothing malformed is kept.
 */
import type { AnswersInput } from '@wizard/shared';
import { PreflightLineSchema, type PreflightLine } from '@wizard/shared/preflight';
import { ApiError, request } from './http.ts';

/** The complete lines of a text stream, whatever the chunk boundaries; blank lines are skipped. */
export async function* textLines(stream: ReadableStream<string>): AsyncGenerator<string> {
  const reader = stream.getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end = buffer.indexOf('\n');
      while (end >= 0) {
        const line = buffer.slice(0, end).trim();
        buffer = buffer.slice(end + 1);
        if (line !== '') yield line;
        end = buffer.indexOf('\n');
      }
    }
    if (buffer.trim() !== '') yield buffer.trim();
  } finally {
    // A consumer that stops early must not leave the response open (the server keeps checking).
    await reader.cancel().catch(() => undefined);
  }
}

const BROKEN = 'The wizard’s server sent an answer the wizard cannot read.';

export async function* streamPreflight(
  answers: AnswersInput,
  signal: AbortSignal,
): AsyncGenerator<PreflightLine> {
  const response = await request('/api/preflight', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(answers),
    signal,
  });
  if (!response.body) throw new ApiError(BROKEN, response.status);
  for await (const text of textLines(response.body.pipeThrough(new TextDecoderStream()))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(BROKEN, response.status);
    }
    const line = PreflightLineSchema.safeParse(parsed);
    if (!line.success) throw new ApiError(BROKEN, response.status);
    yield line.data;
  }
}
