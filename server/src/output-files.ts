/**
 * The folder the CLI writes: each rendered file with its mode. The zip the API sends is built in
 * shared/download.ts (the single-file wizard builds the same bytes in the browser, issue 19).
 */
import { lstat, mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { strToU8 } from 'fflate';
import type { OutputFile } from '@wizard/shared';
import { fileMode } from '@wizard/shared/download';
import { writeAtomic } from './user-files.ts';

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
