/**
 * The single-file wizard's downloads (issue 19): what `POST /api/download` does, done in this browser
 * with the same shared code (validation, `renderAll`, the deterministic zip writer), so the same
 * answers give the same bytes, entries, folder and file modes as the server's zip.
 */
import { validateAnswers } from '@wizard/shared';
import { downloadFor } from '@wizard/shared/download';
import type { DownloadedFile, DownloadRequest } from './download.ts';
import { ApiError } from './http.ts';

export function downloadInBrowser({ answers, file, preflight }: DownloadRequest): DownloadedFile {
  const validation = validateAnswers(answers);
  if (!validation.ok) {
    throw new ApiError('The wizard found problems in the answers.', 400, validation.issues);
  }
  const result = downloadFor(validation.answers, { file, preflight });
  if (!result.ok) {
    throw new ApiError(
      `These answers produce no file named ${JSON.stringify(file)}. Available: ${result.available.join(', ')}.`,
      404,
    );
  }
  const { bytes, filename, mediaType } = result.download;
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }), filename };
}
