/**
 * POST /api/download: the server renders the answers again (the same shared renderer as the preview)
 * and returns the .zip, or one file with ?file=NAME. A failure leaves the form as it is.
 */
import { mutationOptions } from '@tanstack/react-query';
import type { AnswersInput } from '@wizard/shared';
import type { PreflightLine } from '@wizard/shared/preflight';
import { request } from './http.ts';

export interface DownloadRequest {
  answers: AnswersInput;
  /** One file by name; the whole .zip when omitted. */
  file?: string;
  /** A finished proxy check run: README.md records it, as the preview's does. */
  preflight?: readonly PreflightLine[];
  /**
   * The user's own file, merged in this browser: added to the zip here, never sent. The server is
   * only told it is there, so README.md's steps replace that file (issue 21, item 2).
   */
  ownFile?: { name: string; text: string };
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** The filename from Content-Disposition (RFC 6266, with the RFC 5987 form preferred). */
export function filenameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : fallback;
}

export async function downloadAnswers({
  answers,
  file,
  preflight,
  ownFile,
}: DownloadRequest): Promise<DownloadedFile> {
  // The zip with the user's own file is made in this browser by the server's own shared code
  // (downloadFor): the file's text never leaves the page, and the bytes are the server's plus it.
  if (file === undefined && ownFile !== undefined)
    return downloadHere({ answers, preflight, ownFile });
  const url =
    file === undefined ? '/api/download' : `/api/download?file=${encodeURIComponent(file)}`;
  const wrapped = preflight !== undefined || ownFile !== undefined;
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // With a run or an own file, the body takes the wrapped form the server tells apart by its
    // `answers` key. The own file's text is never in it.
    body: JSON.stringify(
      wrapped
        ? { answers, ...(preflight && { preflight }), ...(ownFile && { ownFile: true }) }
        : answers,
    ),
  });
  const fallback = file === undefined ? 'carto-proxy-config.zip' : (file.split('/').pop() ?? file);
  return {
    blob: await response.blob(),
    filename: filenameFrom(response.headers.get('content-disposition'), fallback),
  };
}

/** Hands a downloaded file to the browser's download manager. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The download as a mutation: pending while the server renders, the file handed to the browser on
 * success, the error kept for the "Try again" beside the button. Never retried on its own.
 *
 * @see {@link https://tanstack.com/query/v5/docs/framework/react/reference/mutationOptions}
 */
/**
 * The single-file wizard's download (issue 19): no server, so the same shared code (validation,
 * renderAll, the zip writer of POST /api/download) makes the same bytes in this browser.
 */
async function downloadHere(request: DownloadRequest): Promise<DownloadedFile> {
  const { ownFile, ...rest } = request;
  // The merged own file goes in the zip only; a single file's steps just know it is there.
  return (await import('./download-in-browser.ts')).downloadInBrowser({
    ...rest,
    ...(ownFile !== undefined && { ownFile: rest.file === undefined ? ownFile : true }),
  });
}

export const downloadMutation = () =>
  mutationOptions<DownloadedFile, Error, DownloadRequest>({
    mutationKey: ['download'],
    // Chosen at build time: the single-file build (vite.standalone.config.ts) keeps only downloadHere.
    mutationFn: import.meta.env.MODE === 'standalone' ? downloadHere : downloadAnswers,
    onSuccess: saveFile,
  });
