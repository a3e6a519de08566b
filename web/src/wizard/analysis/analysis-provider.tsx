/**
 * Loads the schema and renderers once the first step is interactive (and the step check Next needs
 * is there), then analyses the draft on every change: one
 * computation shared by the preview, the stepper and the steps that show derived facts. A finished
 * proxy check run goes into it too, so the README.md preview records it as the download will.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { AnalysisContext, useWizardStore, type AnalysisState } from '../state/context.ts';
import { firstStepInteractive } from '../loading/first-step.ts';
import type { OwnFileMerge } from './analysis.ts';
import { useImportedFile, type ImportedFile } from '../state/imported-file.ts';
import { loadAnalysis, loadValidation } from '../loading/load-analysis.ts';
import { useWizardState } from '../state/store.ts';

type AnalysisModule = Awaited<ReturnType<typeof loadAnalysis>>;

export function AnalysisProvider({ children }: { children: ReactNode }) {
  const store = useWizardStore();
  const draft = useWizardState(store, (s) => s.draft);
  const preflight = useWizardState(store, (s) => s.preflight);
  // The file in memory (never in the store): the download holds it merged (issue 21, item 2).
  const imported = useImportedFile();
  const [module, setModule] = useState<AnalysisModule>();
  const [loadError, setLoadError] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    // After the first question is on the page, and after what Next waits for (the schema alone):
    // the renderers are on neither path, so their bytes never compete with them on a slow link.
    firstStepInteractive
      .then(loadValidation)
      .then(loadAnalysis)
      .then(
        (loaded) => {
          if (!live) return;
          setModule(loaded);
          setLoadError(false);
        },
        () => {
          if (live) setLoadError(true);
        },
      );
    return () => {
      live = false;
    };
  }, [attempt]);

  // The merge code arrives with the first file, not on every visit (own-file.ts).
  const [merge, setMerge] = useState<{ file: ImportedFile; merge: OwnFileMerge }>();
  useEffect(() => {
    if (imported === null) return;
    let live = true;
    void import('./own-file.ts').then(
      ({ ownFileMerge }) => {
        if (live) setMerge({ file: imported, merge: ownFileMerge(imported) });
      },
      () => undefined, // Without it the zip holds the usual files; the Review step says why.
    );
    return () => {
      live = false;
    };
  }, [imported]);
  const mergeOwnFile = merge !== undefined && merge.file === imported ? merge.merge : null;

  const analysis = useMemo(
    () => module?.analyzeDraft(draft, new Date(), preflight, mergeOwnFile),
    [module, draft, preflight, mergeOwnFile],
  );
  const value = useMemo<AnalysisState>(
    () => ({ analysis, loadError, retry: () => setAttempt((n) => n + 1) }),
    [analysis, loadError],
  );
  return <AnalysisContext value={value}>{children}</AnalysisContext>;
}
