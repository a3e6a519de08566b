/** The schema, renderers and their dependencies, fetched once, after the first step has painted. */
type AnalysisModule = typeof import('./analysis.ts');

let pending: Promise<AnalysisModule> | undefined;

export function loadAnalysis(): Promise<AnalysisModule> {
  pending ??= import('./analysis.ts').catch((error: unknown) => {
    // Let a later call try again (the server may be back).
    pending = undefined;
    throw error;
  });
  return pending;
}
