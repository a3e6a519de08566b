/**
 * What happens to the rendered files on their way out: the deterministic `.zip` the API sends, and
 * the folder the CLI writes. The same answers give the same bytes either way (PRODUCT.md §3), so a
 * zip can be compared or checksummed.
 *
 * @see {@link https://github.com/101arrowz/fflate#usage} (zipSync, per-file attributes)
 * @see {@link https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT} (4.4.2 version made by, 4.4.15 external attributes)
 */
import { lstat, mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { ZIP_FOLDER, type OutputFile } from '@wizard/shared';
import { writeAtomic } from './user-files.ts';

/**
 * A fixed modification time instead of "now". Zip stores local date and time fields (MS-DOS format,
 * which starts in 1980) and fflate reads them from the Date's local getters, so the Date is built
 * from local fields at each call: 1980-01-01 00:00 in every time zone, hence the same bytes.
 */
export function zipMtime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

/** Unix permissions stored in the zip: scripts executable after `unzip`, the rest read-write. */
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

/**
 * Each folder between `root` and `target` (`certs/`), created when missing; one that is a symlink is
 * refused, since writing into it would land wherever it points (issue 13, item 12).
 */
async function ensureFolders(root: string, target: string): Promise<void> {
  const parts = relative(root, dirname(target)).split(sep).filter(Boolean);
  let folder = root;
  for (const part of parts) {
    folder = join(folder, part);
    const info = await lstat(folder).catch(() => undefined);
    if (info === undefined) await mkdir(folder);
    else if (info.isSymbolicLink() || !info.isDirectory()) {
      throw new Error(`Refusing to write into ${folder}: it is not a plain folder (a symlink?).`);
    }
  }
}

/**
 * Writes every file under `dir` (creating folders such as `certs/`), replacing files already there,
 * and returns the paths written. A name that would land outside `dir` is refused rather than trusted.
 * Each file is written atomically with its mode (user-files.ts): a symlink left in the folder is
 * replaced, never written through, and its target is never chmod-ed (issue 13, item 12).
 */
export async function writeFiles(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const root = resolve(dir);
  const written: string[] = [];
  await mkdir(root, { recursive: true });
  for (const file of files) {
    const target = resolve(root, file.name);
    const inside = relative(root, target);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error(`Refusing to write ${JSON.stringify(file.name)} outside ${root}.`);
    }
    await ensureFolders(root, target);
    await writeAtomic(target, strToU8(file.content), fileMode(file.name));
    written.push(target);
  }
  return written;
}
