/**
 * The single-file wizard's downloads (issue 19): what `POST /api/download` does, done in this browser
 * with the same shared code (validation, `renderAll`, the deterministic zip writer), so the same
 * answers give the same bytes, entries, folder and file modes as the server's zip.
 */
import { validateAnswers, type AnswersInput } from '@wizard/shared';
import { downloadFor, type OwnFile } from '@wizard/shared/download';
import type { PreflightLine } from '@wizard/shared/preflight';
import { ApiError } from './http.ts';

/**
 * download.ts's DownloadRequest and DownloadedFile, spelt out here so this module needs no DOM
 * beyond Blob: the server's tests run it against `POST /api/download` in Node (issue 19).
 */
export interface BrowserDownloadRequest {
  answers: AnswersInput;
  file?: string;
  preflight?: readonly PreflightLine[];
  /**
   * The user imported their own file: the steps then say "back up, then replace" (issue 21); given
   * as the file, the zip holds it too.
   */
  ownFile?: boolean | OwnFile;
}

export function downloadInBrowser({ answers, file, preflight, ownFile }: BrowserDownloadRequest): {
  blob: Blob;
  filename: string;
} {
  const validation = validateAnswers(answers);
  if (!validation.ok) {
    throw new ApiError('The wizard found problems in the answers.', 400, validation.issues);
  }
  const result = downloadFor(validation.answers, { file, preflight, ownFile });
  if (!result.ok) {
    throw new ApiError(
      `These answers produce no file named ${JSON.stringify(file)}. Available: ${result.available.join(', ')}.`,
      404,
    );
  }
  const { bytes, filename, mediaType } = result.download;
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }), filename };
}
