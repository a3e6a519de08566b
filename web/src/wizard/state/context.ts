import { createContext, useContext } from 'react';
import type { DraftAnalysis } from '../analysis/analysis.ts';
import type { StepId } from '../registry/steps.ts';
import type { WizardStore } from './store.ts';

export const WizardStoreContext = createContext<WizardStore | null>(null);

export function useWizardStore(): WizardStore {
  const store = useContext(WizardStoreContext);
  if (!store) throw new Error('useWizardStore must be used inside <WizardStoreContext>');
  return store;
}

/** The shared analysis of the current draft; undefined while the schema and renderers load. */
export interface AnalysisState {
  analysis: DraftAnalysis | undefined;
  /** The analysis code could not be loaded (server gone): the form keeps working, the preview says so. */
  loadError: boolean;
  retry: () => void;
}

export const AnalysisContext = createContext<AnalysisState>({
  analysis: undefined,
  loadError: false,
  retry: () => undefined,
});

export function useAnalysis(): AnalysisState {
  return useContext(AnalysisContext);
}

/**
 * A step's code, loaded (StepOutlet provides it from chunks.ts; a context, since the steps are what
 * chunks.ts loads). Next waits for it before it changes the step (step-frame.tsx).
 */
export const StepCodeContext = createContext<(step: StepId) => Promise<unknown>>(() =>
  Promise.resolve(),
);
