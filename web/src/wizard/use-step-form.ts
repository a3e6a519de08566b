/**
 * One react-hook-form per step, seeded from the store and writing back to it on every change (so the
 * preview and the saved state follow the typing). Validation is the shared schema, through the lazily
 * loaded resolver in analysis.ts.
 */
import { useLayoutEffect, useState } from 'react';
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useWizardStore } from './context.ts';
import { loadAnalysis } from './load-analysis.ts';
import { stepValuesOf, withStepValues, type StepValues } from './step-values.ts';
import type { StepId } from './steps.ts';
import type { WizardStore } from './store.ts';

export type StepForm<S extends StepId> = UseFormReturn<StepValues[S] & FieldValues>;

function stepResolver<S extends StepId>(
  step: S,
  store: WizardStore,
): Resolver<StepValues[S] & FieldValues> {
  return async (values, context, options) => {
    const { resolveStep } = await loadAnalysis();
    return resolveStep(step, store.getState().draft, values, context, options);
  };
}

export function useStepForm<S extends StepId>(step: S): StepForm<S> {
  const store = useWizardStore();
  const [defaultValues] = useState(
    () => stepValuesOf(step, store.getState().draft) as StepValues[S] & FieldValues,
  );
  const [resolver] = useState(() => stepResolver(step, store));
  const form = useForm<StepValues[S] & FieldValues>({
    defaultValues: defaultValues as never,
    resolver,
    mode: 'onTouched',
  });
  const { subscribe } = form;
  // A layout effect: subscribed before the browser gets control back, so an edit made the moment the
  // step appears still reaches the store. Passive effects may run a frame later (Preact always
  // defers them to after paint; React only for non-discrete updates), and a value typed in between
  // would live in the form but never in the store, the URL or localStorage (e2e/persistence.spec.ts,
  // "an edit made just before a reload survives it").
  useLayoutEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          store.updateDraft((draft) => withStepValues(step, draft, values as StepValues[S]));
        },
      }),
    [subscribe, store, step],
  );
  return form;
}
