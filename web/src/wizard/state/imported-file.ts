/**
 * The file the user started from (or opened on the Review step to get it back updated), held in this
 * module's memory and nowhere else. It can hold database passwords and licence keys, so it is never
 * sent to the server, never written to localStorage, sessionStorage or the URL, and a reload forgets
 * it: only the answers read from it are kept, like any other answers.
 *
 * Deliberately not part of the wizard store: that store is what persistence.ts mirrors, and the file
 * must never be one refactoring away from being saved.
 */
import type { ImportReport } from '@wizard/shared/import/index';
import { useSyncExternalStore } from 'react';
import type { Draft } from './draft.ts';

export type ImportedKind = ImportReport['kind'];

export interface ImportedFile {
  /** The file's name, or the usual name for its kind when the text was pasted. */
  name: string;
  text: string;
  kind: ImportedKind;
  /** What the import read into the answers; absent when the file was only opened to be merged. */
  report?: ImportReport;
  /** The draft before the import filled it, for "Undo the import". */
  before?: Draft;
  /** The draft the import made: undo is offered only while the answers are still these. */
  after?: Draft;
}

let current: ImportedFile | null = null;
const listeners = new Set<() => void>();

export function getImportedFile(): ImportedFile | null {
  return current;
}

export function setImportedFile(file: ImportedFile | null): void {
  if (file === current) return;
  current = file;
  for (const listener of listeners) listener();
}

/** Forgets the file (Start over, "Forget the file"). */
export function forgetImportedFile(): void {
  setImportedFile(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useImportedFile(): ImportedFile | null {
  return useSyncExternalStore(subscribe, getImportedFile, getImportedFile);
}
