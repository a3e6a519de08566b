/**
 * What a step is, apart from its screen: the shape of a step's definition (`steps/<step>/definition.ts`)
 * and the helpers that derive a form's values from the draft fields it asks. The definitions import
 * this module and the draft's types only; the registry (steps.ts) lists them in order.
 */
import type { Draft } from '../state/draft.ts';

/** Parts of the draft that are lists (excluded domains, warehouses, services). */
export type ListPart = {
  [P in keyof Draft]: Draft[P] extends readonly unknown[] ? P : never;
}[keyof Draft];

/** Parts of the draft that are groups of fields (deployment, proxy). */
export type GroupPart = Exclude<keyof Draft, ListPart>;

/** One field of the draft: `part.key` in a group (`proxy.host`), or a whole list (`warehouses`). */
export type DraftField =
  ListPart | { [P in GroupPart]: `${P}.${keyof Draft[P] & string}` }[GroupPart];

type PartOf<F extends DraftField> = F extends `${infer P}.${string}` ? P : F;
type KeyIn<F extends DraftField, P extends string> = F extends `${P}.${infer K}` ? K : never;

/** The form values holding fields `F`: the draft's shape and names, each group cut to those fields. */
export type FormValues<F extends DraftField> = {
  [P in PartOf<F>]: P extends ListPart
    ? Draft[P]
    : P extends GroupPart
      ? Pick<Draft[P], Extract<KeyIn<F, P>, keyof Draft[P]>>
      : never;
};

export interface StepDefinition<Id extends string = string, Values extends object = object> {
  id: Id;
  /** Shown in the stepper. */
  label: string;
  /** The step's heading. */
  title: string;
  /** The draft fields this step asks: its form holds them, and their problems and warnings link here. */
  fields: readonly DraftField[];
  /** Draft fields the step sets outside its form (a share link's note that a CA is expected). */
  notes?: readonly DraftField[];
  /** Parts whose issues about the part as a whole (or a field no step lists) belong to this step. */
  parts?: readonly (keyof Draft)[];
  /** Whether the step is asked for this draft; a step without it always is. */
  applies?: (draft: Draft) => boolean;
  /** The step's form values, read from the draft. */
  valuesOf: (draft: Draft) => Values;
  /** The draft with the step's form values written in. */
  withValues: (draft: Draft, values: Values) => Draft;
}

function split(field: DraftField): [keyof Draft, string | undefined] {
  const [part, key] = field.split('.') as [keyof Draft, string | undefined];
  return [part, key];
}

/** The form values for `fields`, read from the draft (lists copied, so the form never shares them). */
export function formValuesOf<F extends DraftField>(
  fields: readonly F[],
  draft: Draft,
): FormValues<F> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const [part, key] = split(field);
    const source = draft[part];
    if (key === undefined) values[part] = [...(source as readonly unknown[])];
    else {
      const group = (values[part] ??= {}) as Record<string, unknown>;
      group[key] = (source as unknown as Record<string, unknown>)[key];
    }
  }
  return values as FormValues<F>;
}

/**
 * The draft with form values for `fields` written in: each group's values over the draft's group, each
 * list replaced (by an empty one if the form holds none).
 */
export function withFormValues<F extends DraftField>(
  fields: readonly F[],
  draft: Draft,
  values: FormValues<F>,
): Draft {
  const next: Record<string, unknown> = { ...draft };
  const given = values as Record<string, unknown>;
  for (const part of new Set(fields.map((field) => split(field)[0]))) {
    const value = given[part];
    next[part] = Array.isArray(draft[part])
      ? Array.isArray(value)
        ? [...(value as unknown[])]
        : []
      : { ...draft[part], ...(value ?? {}) };
  }
  return next as unknown as Draft;
}

/** A step whose form holds exactly the fields it asks, under their names in the draft. */
export function defineStep<Id extends string, F extends DraftField>(
  step: Omit<StepDefinition<Id, FormValues<F>>, 'fields' | 'valuesOf' | 'withValues'> & {
    fields: readonly F[];
  },
): StepDefinition<Id, FormValues<F>> & { fields: readonly F[] } {
  return {
    ...step,
    valuesOf: (draft) => formValuesOf(step.fields, draft),
    withValues: (draft, values) => withFormValues(step.fields, draft, values),
  };
}
