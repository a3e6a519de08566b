/**
 * POST /api/preflight: the wizard's server checks the proxy for real and streams one JSON object per
 * line (NDJSON) as each check ends, so the list can fill in as the answers come. Aborting the signal
 * (Stop, leaving the step) cancels the body, and the server stops the checks still running.
 *
 * Each line is checked against the shared schema: a finished run is sent back with a download, and the
 * server validates it with the same schema, so nothing malformed is kept.
 */
import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
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

/** Said when the stream ends without its summary line (the server stopped in the middle). */
export const CUT_SHORT =
  'The check ended before its summary: the wizard’s server may have stopped. The results so far are shown; they are not added to README.md.';

/** A whole run: every line, then an error when the summary never came. */
export async function* preflightRun(
  answers: AnswersInput,
  signal: AbortSignal,
): AsyncGenerator<PreflightLine> {
  let last: PreflightLine | undefined;
  for await (const line of streamPreflight(answers, signal)) {
    last = line;
    yield line;
  }
  if (last?.check !== 'summary') throw new Error(CUT_SHORT);
}

/** Whether a run's lines are complete (they end with the summary). */
export const isFinished = (lines: readonly PreflightLine[] | undefined): boolean =>
  lines?.at(-1)?.check === 'summary';

/**
 * "Test my proxy" as a streamed query keyed by the answers it tests: its data is the list of lines so
 * far, growing as each check ends. It runs only when asked (`enabled: false`, then `refetch()`); new
 * answers are a new key with no result, and a run nobody shows any more is dropped at once
 * (`gcTime: 0`), so a result never outlives the answers it checked. Cancelling it (Stop, or leaving
 * the step) aborts the request, and the server stops the checks still running.
 *
 * @see {@link https://tanstack.com/query/v5/docs/reference/streamedQuery}
 */
export const preflightQuery = (answers: AnswersInput) =>
  queryOptions({
    queryKey: ['preflight', answers] as const,
    queryFn: streamedQuery<PreflightLine>({
      streamFn: ({ signal }) => preflightRun(answers, signal),
    }),
    enabled: false,
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
