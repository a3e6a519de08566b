/**
 * The CLI's reads and writes of the user's own files (issue 13, items 9, 12 and 14): a file is read
 * only when it is UTF-8 text of a sensible size, so a merge can keep every byte it does not touch;
 * a write never goes through a symlink the user did not name, never replaces an earlier backup,
 * and lands whole or not at all (a temporary file in the same folder, then a rename).
 *
 * @see {@link https://encoding.spec.whatwg.org/#interface-textdecoder} (fatal decoding)
 * @see {@link https://man7.org/linux/man-pages/man2/rename.2.html} (atomic replacement)
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, lstat, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CONFIG_FILE_MAX_BYTES, FILE_TOO_LARGE_MESSAGE } from '@wizard/shared/import/index';

/** A refusal the user can act on: printed as is, exit status 2. */
export class UserFileError extends Error {
  override name = 'UserFileError';
}

export interface UserText {
  /**
   * The text as it is, a UTF-8 byte-order mark included: the shared import and merge decide what
   * becomes of it (shared/src/import/byte-order-mark.ts), the same in the CLI as in the browser.
   */
  text: string;
}

/** Bytes as UTF-8 text, or why they are not: other encodings would be mangled by a merge (item 9). */
export function decodeUserText(bytes: Buffer, label: string): UserText {
  if (bytes.length > CONFIG_FILE_MAX_BYTES) {
    throw new UserFileError(`${label}: ${FILE_TOO_LARGE_MESSAGE}`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UserFileError(
      `${label} is UTF-16 text: save it as UTF-8 (the encoding CARTO reads), then run this again. Nothing was changed.`,
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    throw new UserFileError(
      `${label} is not UTF-8 text (it may be Latin-1 or Windows-1252): save it as UTF-8, then run this again. Nothing was changed, so no byte of it is lost.`,
    );
  }
}

/** Reads a file the user named: its size is checked before reading, so a huge file costs nothing. */
export async function readUserText(path: string, label: string): Promise<UserText> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserFileError(
      `cannot read ${label}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error)}`,
    );
  }
  if (size > CONFIG_FILE_MAX_BYTES) throw new UserFileError(`${label}: ${FILE_TOO_LARGE_MESSAGE}`);
  return decodeUserText(await readFile(path), label);
}

/**
 * Writes `content` to `path` atomically: a new temporary file beside it (created exclusively, so
 * never an existing file or a symlink), given `mode`, flushed, then renamed over `path`. The rename
 * replaces a symlink at `path` itself rather than writing to what it points at.
 */
export async function writeAtomic(
  path: string,
  content: string | Uint8Array,
  mode: number,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(content);
    // The umask may have narrowed the mode given to open().
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * A copy of `path` as `path.bak`, or `path.bak.1`, `.bak.2`… when that exists: the first backup is
 * the user's original and is never replaced. Each name is created exclusively, so a symlink planted
 * there is never written through.
 */
export async function backUp(path: string): Promise<string> {
  for (let n = 0; n < 1000; n++) {
    const name = n === 0 ? `${path}.bak` : `${path}.bak.${n}`;
    try {
      await copyFile(path, name, constants.COPYFILE_EXCL);
      return name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new UserFileError(`${path} has 1000 backups already: remove old ones.`);
}

/**
 * The file a `--write` replaces: the path the user named, or the file it links to (the user named
 * the link, so its target is what they mean), as a regular file.
 */
export async function writeTarget(
  path: string,
  label: string,
): Promise<{ path: string; mode: number }> {
  const real = await realpath(path);
  const info = await lstat(real);
  if (!info.isFile())
    throw new UserFileError(`${label} is not a regular file: nothing was changed.`);
  return { path: real, mode: info.mode & 0o7777 };
}
