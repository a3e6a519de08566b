/**
 * The lazily loaded halves of the shared rules, each fetched once: the step check Next waits for
 * (the schema alone, step-validation.ts) and the analysis behind the preview (schema, renderers and
 * their dependencies, analysis.ts), which waits until the first step has painted.
 */
type ValidationModule = typeof import('../validation/step-validation.ts');
type AnalysisModule = typeof import('../analysis/analysis.ts');

/** import(), shared by every caller; a failed load lets a later call try again (the server may be back). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export const loadValidation: () => Promise<ValidationModule> = once(
  () => import('../validation/step-validation.ts'),
);

export const loadAnalysis: () => Promise<AnalysisModule> = once(
  () => import('../analysis/analysis.ts'),
);
