/**
 * The merge of the user's own file with the answers, for the download (issue 21, item 2). Its own module,
 * loaded by analysis-provider.tsx only once a file is imported or opened: the merge code (the env and
 * YAML readers) is not part of a visit without one.
 */
import type { Answers } from '@wizard/shared';
import { MERGE_KIND_FOR_METHOD, mergeFile } from '@wizard/shared/import/index';
import type { OwnFileMerge } from './analysis.ts';
import type { ImportedFile } from '../state/imported-file.ts';

/** The merged text when the file fits the method and merges; otherwise the download leaves it out. */
export function ownFileMerge(file: Pick<ImportedFile, 'kind' | 'text'>): OwnFileMerge {
  return (answers: Answers) => {
    if (MERGE_KIND_FOR_METHOD[answers.deployment.method] !== file.kind) return undefined;
    try {
      return mergeFile(file.kind, file.text, answers).text;
    } catch {
      // The Review step shows why (merged-file.tsx); the zip then has the usual files only.
      return undefined;
    }
  };
}
