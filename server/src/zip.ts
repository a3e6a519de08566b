/**
 * The deterministic `.zip` of the rendered files: the same answers give the same bytes, like every
 * other output (PRODUCT.md §3), so a zip can be compared or checksummed.
 *
 * @see {@link https://github.com/101arrowz/fflate#usage} (zipSync, per-file attributes)
 * @see {@link https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT} (4.4.2 version made by, 4.4.15 external attributes)
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { OutputFile } from '@wizard/shared';

/**
 * A fixed modification time instead of "now". Zip stores local date and time fields (MS-DOS format,
 * which starts in 1980); building the date from local fields makes those fields, and so the bytes,
 * the same in every time zone.
 */
export const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Unix permissions stored in the zip: scripts executable after `unzip`, the rest read-write. */
export function fileMode(name: string): number {
  return name.endsWith('.sh') ? 0o755 : 0o644;
}

export function zipFiles(files: readonly OutputFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    // os 3 (Unix): the mode in the upper 16 bits of the external attributes is only read then.
    entries[file.name] = [
      strToU8(file.content),
      { mtime: ZIP_MTIME, os: 3, attrs: fileMode(file.name) << 16 },
    ];
  }
  return zipSync(entries, { level: 9 });
}
