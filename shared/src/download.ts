/**
 * What a download is, byte for byte: the deterministic `.zip` of every rendered file, or one file.
 * The server's `POST /api/download` and the single-file wizard (which builds the zip in the browser,
 * issue 19) both call this, so the same answers give the same bytes wherever the zip is made
 * (PRODUCT.md §3): a zip can be compared or checksummed.
 *
 * @see {@link https://github.com/101arrowz/fflate#usage} (zipSync, per-file attributes)
 * @see {@link https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT} (4.4.2 version made by, 4.4.15 external attributes)
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Answers } from './answers.ts';
import type { DeploymentMethodId } from './catalog.ts';
import type { PreflightLine } from './preflight.ts';
import { renderAll } from './render/index.ts';
import { ZIP_FOLDER, type OutputFile } from './render/types.ts';

/**
 * A fixed modification time instead of "now". Zip stores local date and time fields (MS-DOS format,
 * which starts in 1980) and fflate reads them from the Date's local getters, so the Date is built
 * from local fields at each call: 1980-01-01 00:00 in every time zone, hence the same bytes.
 */
export function zipMtime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

/** Unix permissions stored in the zip (and given by the CLI): scripts executable, the rest read-write. */
export function fileMode(name: string): number {
  return name.endsWith('.sh') ? 0o755 : 0o644;
}

/** Every file inside the one folder `ZIP_FOLDER/` (README.md → carto-proxy-config/README.md). */
export function zipFiles(files: readonly OutputFile[]): Uint8Array {
  const mtime = zipMtime();
  const entries: Zippable = {};
  for (const file of files) {
    // os 3 (Unix): the mode in the upper 16 bits of the external attributes is only read then.
    entries[`${ZIP_FOLDER}/${file.name}`] = [
      strToU8(file.content),
      { mtime, os: 3, attrs: fileMode(file.name) << 16 },
    ];
  }
  return zipSync(entries, { level: 9 });
}

/** The name a browser saves a file under: its base name, plain ASCII (certs/proxy-ca.crt → proxy-ca.crt). */
export function downloadName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1).replace(/[^\w.-]/g, '_');
}

/** Every file is text sent as UTF-8; say so unless the renderer already did. */
function withCharset(mediaType: string): string {
  return /;\s*charset=/i.test(mediaType) ? mediaType : `${mediaType}; charset=utf-8`;
}

export interface Download {
  /** The name to save it under (already a plain base name). */
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
}

export type DownloadResult =
  | { ok: true; download: Download }
  | { ok: false; /** The names these answers do produce. */ available: string[] };

/**
 * The `.zip` of `files` (named after the method), or with `name` that one file as UTF-8; a name the
 * files do not have is reported with the names they do have.
 */
export function buildDownload(
  files: readonly OutputFile[],
  method: DeploymentMethodId,
  name?: string,
): DownloadResult {
  if (name === undefined) {
    return {
      ok: true,
      download: {
        filename: downloadName(`carto-proxy-${method}.zip`),
        mediaType: 'application/zip',
        bytes: zipFiles(files),
      },
    };
  }
  const file = files.find((candidate) => candidate.name === name);
  if (!file) return { ok: false, available: files.map((candidate) => candidate.name) };
  return {
    ok: true,
    download: {
      filename: downloadName(file.name),
      mediaType: withCharset(file.mediaType),
      bytes: strToU8(file.content),
    },
  };
}

/**
 * The user's own file, merged (issue 21, item 2): the browser adds it to the zip it makes, first, in
 * the folder beside the rest; its text is never sent anywhere.
 */
export interface OwnFile {
  name: string;
  text: string;
}

/**
 * The download for validated answers: rendered with the same `renderAll` as the preview, README.md
 * recording a finished "Test my proxy" run when there is one.
 *
 * @param options.ownFile `true` when the user imported their own file (the steps then say "back up,
 *   then replace" it); the file itself when this zip should hold it (only the browser has it).
 */
export function downloadFor(
  answers: Answers,
  options: {
    file?: string;
    preflight?: readonly PreflightLine[];
    ownFile?: boolean | OwnFile;
  } = {},
): DownloadResult {
  const own = typeof options.ownFile === 'object' ? options.ownFile : undefined;
  const { files } = renderAll(answers, {
    preflight: options.preflight,
    ownFile: own !== undefined || options.ownFile === true,
  });
  const withOwn: OutputFile[] =
    own === undefined
      ? files
      : [{ name: own.name, mediaType: 'text/plain', content: own.text }, ...files];
  return buildDownload(withOwn, answers.deployment.method, options.file);
}
