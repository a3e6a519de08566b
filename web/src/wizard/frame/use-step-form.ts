/**
 * One react-hook-form per step, seeded from the store and writing back to it on every change (so the
 * preview and the saved state follow the typing). Validation is the shared schema, through the lazily
 * loaded resolver in step-validation.ts (the schema alone: Next never waits for the renderers).
 */
import { useLayoutEffect, useState } from 'react';
import {
  useForm,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { useWizardStore } from '../state/context.ts';
import { loadValidation } from '../loading/load-analysis.ts';
import { stepValuesOf, withStepValues, type StepValues } from '../registry/step-values.ts';
import type { StepId } from '../registry/steps.ts';
import type { WizardStore } from '../state/store.ts';

export type StepForm<S extends StepId> = UseFormReturn<StepValues[S] & FieldValues>;

function stepResolver<S extends StepId>(
  step: S,
  store: WizardStore,
): Resolver<StepValues[S] & FieldValues> {
  return async (values, context, options) => {
    const { resolveStep } = await loadValidation();
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
  const { subscribe, getFieldState, trigger } = form;
  // A layout effect: subscribed before the browser gets control back, so an edit made the moment the
  // step appears still reaches the store. Passive effects may run a frame later (React defers them
  // to after paint for non-discrete updates), and a value typed in between
  // would live in the form but never in the store, the URL or localStorage (e2e/persistence.spec.ts,
  // "an edit made just before a reload survives it").
  useLayoutEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          store.updateDraft((draft) => withStepValues(step, draft, values as StepValues[S]));
          // A field showing an error is checked again on every change, touched or not, so a fixed
          // value never keeps a stale message until blur (issue 11, item 3).
          const field = name as Path<StepValues[S] & FieldValues> | undefined;
          if (field !== undefined && getFieldState(field).error) void trigger(field);
        },
      }),
    [subscribe, store, step, getFieldState, trigger],
  );
  return form;
}
