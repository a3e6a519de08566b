/**
 * The query layer: each endpoint's queryOptions / mutationOptions factory, run by a fresh QueryClient
 * per test (the wizard's own defaults, createQueryClient) against a stubbed fetch.
 */
import {
  isCancelledError,
  MutationObserver,
  QueryClientProvider,
  useQuery,
  type QueryClient,
} from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CATALOG, type AnswersInput } from '@wizard/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DownloadButton } from '../preview/download-button.tsx';
import { catalogQuery } from './catalog.ts';
import { downloadMutation } from './download.ts';
import { ApiError } from './http.ts';
import { CUT_SHORT, preflightQuery } from './preflight.ts';
import { createQueryClient } from './query-client.ts';

let client: QueryClient;
beforeEach(() => {
  client = createQueryClient();
});
afterEach(() => {
  cleanup();
  client.clear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stubFetch(...responses: (() => Response | Promise<Response>)[]) {
  const fetch = vi.fn<(input: string, init?: RequestInit) => Promise<Response>>(() => {
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return Promise.resolve(next());
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('catalogQuery', () => {
  it('asks once, the way index.html preloads it, and never again while the page is open', async () => {
    const fetch = stubFetch(() => json(CATALOG));
    await expect(client.fetchQuery(catalogQuery())).resolves.toEqual(CATALOG);
    // A second reader (another step) gets the cached catalog: staleTime Infinity.
    await expect(client.ensureQueryData(catalogQuery())).resolves.toEqual(CATALOG);
    await client.prefetchQuery(catalogQuery());
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]).toEqual(['/api/catalog', { credentials: 'same-origin' }]);
  });

  it('tries three times, 1 s then 2 s apart, before it shows the error', async () => {
    vi.useFakeTimers();
    const fetch = stubFetch(
      () => json({ message: 'busy' }, 503),
      () => json({ message: 'busy' }, 503),
      () => json({ message: 'still busy' }, 503),
    );
    const result = client.fetchQuery(catalogQuery()).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetch).toHaveBeenCalledTimes(3);
    const error = await result;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, message: 'still busy' });
    expect(client.getQueryState(catalogQuery().queryKey)?.status).toBe('error');
  });

  it('a reader that mounts after the failure shows it and waits for "Try again"', async () => {
    const fetch = stubFetch(
      () => json({ message: 'down' }, 500),
      () => json(CATALOG),
    );
    await client.fetchQuery({ ...catalogQuery(), retry: false }).catch(() => undefined);
    function Reader() {
      const catalog = useQuery(catalogQuery());
      if (catalog.data) return <p>Loaded</p>;
      if (catalog.isError)
        return (
          <button type="button" onClick={() => void catalog.refetch()}>
            Try again
          </button>
        );
      return <p>Loading</p>;
    }
    render(
      <QueryClientProvider client={client}>
        <Reader />
      </QueryClientProvider>,
    );
    // The late reader neither hides the error nor asks again by itself (retryOnMount: false).
    const again = screen.getByRole('button', { name: 'Try again' });
    expect(screen.queryByText('Loading')).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    await userEvent.click(again);
    expect(await screen.findByText('Loaded')).toBeDefined();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

const ANSWERS = { deployment: { method: 'helm' } } as unknown as AnswersInput;

describe('downloadMutation', () => {
  it('posts the answers (with a finished check, wrapped) and hands the file to the browser', async () => {
    const fetch = stubFetch(
      () =>
        new Response('zip', {
          headers: { 'content-disposition': 'attachment; filename="carto-helm.zip"' },
        }),
    );
    const createObjectURL = vi.fn(() => 'blob:x');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const preflight = [{ check: 'summary', allowed: 1, blocked: 0, errors: 0 }] as const;
    const observer = new MutationObserver(client, downloadMutation());
    const file = await observer.mutate({ answers: ANSWERS, preflight: [...preflight] });
    expect(file.filename).toBe('carto-helm.zip');
    expect(createObjectURL).toHaveBeenCalledWith(file.blob);
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/download');
    expect(JSON.parse(fetch.mock.calls[0]?.[1]?.body as string)).toEqual({
      answers: ANSWERS,
      preflight,
    });
  });

  it('asks for one file by name and fails once, without retrying, with the server’s issues', async () => {
    const fetch = stubFetch(() =>
      json({ issues: [{ path: ['proxy', 'host'], message: 'Enter the proxy host.' }] }, 400),
    );
    const observer = new MutationObserver(client, downloadMutation());
    const error = await observer
      .mutate({ answers: ANSWERS, file: 'helm/values.yaml' })
      .catch((e: unknown) => e);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/download?file=helm%2Fvalues.yaml');
    expect(error).toBeInstanceOf(ApiError);
    expect(observer.getCurrentResult()).toMatchObject({
      isError: true,
      error: { message: 'The server found problems in the answers.' },
    });
  });

  it('in the button: "Preparing…", then the error with "try again", which downloads', async () => {
    let release: (response: Response) => void = () => undefined;
    stubFetch(
      () => new Promise<Response>((resolve) => (release = resolve)),
      () => new Response('zip'),
    );
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }),
    );
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={client}>
        <DownloadButton answers={ANSWERS} label="Download" />
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Download' }));
    const pending = await screen.findByRole('button', { name: 'Preparing…' });
    expect(pending.getAttribute('aria-disabled')).toBe('true');
    release(json({ message: 'Rendering failed.' }, 500));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Rendering failed. Your answers are unchanged; try again.',
    );
    await user.click(screen.getByRole('button', { name: 'try again' }));
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('button', { name: 'Download' })).toBeDefined();
  });
});

function ndjson(lines: unknown[], { hold = false } = {}) {
  const encoder = new TextEncoder();
  return () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const line of lines) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
          if (!hold) controller.close();
        },
      }),
      { headers: { 'content-type': 'application/x-ndjson' } },
    );
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

describe('preflightQuery', () => {
  it('is keyed by the answers it tests and runs only when asked', () => {
    const other = { deployment: { method: 'kots' } } as unknown as AnswersInput;
    expect(preflightQuery(ANSWERS).queryKey).toEqual(['preflight', ANSWERS]);
    expect(preflightQuery(ANSWERS).queryKey).not.toEqual(preflightQuery(other).queryKey);
    expect(preflightQuery(ANSWERS).enabled).toBe(false);
  });

  it('collects the lines of a whole run', async () => {
    stubFetch(ndjson([REACH, SUMMARY]));
    const lines = await client.fetchQuery(preflightQuery(ANSWERS));
    expect(lines.map((line) => line.check)).toEqual(['reach', 'summary']);
  });

  it('fails a run that ends before its summary, keeping what came', async () => {
    stubFetch(ndjson([REACH]));
    await expect(client.fetchQuery(preflightQuery(ANSWERS))).rejects.toThrow(CUT_SHORT);
    const state = client.getQueryState(preflightQuery(ANSWERS).queryKey);
    expect(state?.status).toBe('error');
    expect(state?.data?.map((line) => line.check)).toEqual(['reach']);
  });

  it('Stop (a cancel without revert) aborts the request and keeps the lines so far', async () => {
    const fetch = stubFetch(ndjson([REACH], { hold: true }));
    const { queryKey } = preflightQuery(ANSWERS);
    const run = client.fetchQuery(preflightQuery(ANSWERS)).catch((error: unknown) => error);
    await vi.waitFor(() => expect(client.getQueryData(queryKey)).toHaveLength(1));
    await client.cancelQueries({ queryKey, exact: true }, { revert: false });
    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
    expect(isCancelledError(await run)).toBe(true);
    expect(client.getQueryState(queryKey)).toMatchObject({ status: 'error', fetchStatus: 'idle' });
    expect(client.getQueryData(queryKey)?.map((line) => line.check)).toEqual(['reach']);
  });
});
