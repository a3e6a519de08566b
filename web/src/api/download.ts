/**
 * POST /api/download: the server renders the answers again (the same shared renderer as the preview)
 * and returns the .zip, or one file with ?file=NAME. A failure leaves the form as it is.
 */
import { mutationOptions } from '@tanstack/react-query';
import type { AnswersInput } from '@wizard/shared';
import type { PreflightLine } from '@wizard/shared/preflight';
import { ZIP_FOLDER } from '@wizard/shared/render/types';
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

/** The server's zip with the user's own file added in its folder, first (fflate only loads then). */
async function withOwnFile(zip: Blob, own: { name: string; text: string }): Promise<Blob> {
  const { strToU8, unzipSync, zipSync } = await import('fflate');
  const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()));
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const out: Record<string, [Uint8Array, { mtime: Date; os: number; attrs: number }]> = {
    [`${ZIP_FOLDER}/${own.name}`]: [strToU8(own.text), { mtime, os: 3, attrs: 0o644 << 16 }],
  };
  for (const [name, bytes] of Object.entries(entries)) {
    out[name] = [bytes, { mtime, os: 3, attrs: (name.endsWith('.sh') ? 0o755 : 0o644) << 16 }];
  }
  return new Blob([zipSync(out, { level: 9 })], {
    type: 'application/zip',
  });
}

export async function downloadAnswers({
  answers,
  file,
  preflight,
  ownFile,
}: DownloadRequest): Promise<DownloadedFile> {
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
  const blob = await response.blob();
  return {
    blob: file === undefined && ownFile ? await withOwnFile(blob, ownFile) : blob,
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
  const made = (await import('./download-in-browser.ts')).downloadInBrowser({
    ...rest,
    ownFile: ownFile !== undefined,
  });
  // As with the server's zip: the merged own file is added here, its text never leaves the page.
  return request.file === undefined && ownFile
    ? { ...made, blob: await withOwnFile(made.blob, ownFile) }
    : made;
}

export const downloadMutation = () =>
  mutationOptions<DownloadedFile, Error, DownloadRequest>({
    mutationKey: ['download'],
    // Chosen at build time: the single-file build (vite.standalone.config.ts) keeps only downloadHere.
    mutationFn: import.meta.env.MODE === 'standalone' ? downloadHere : downloadAnswers,
    onSuccess: saveFile,
  });
