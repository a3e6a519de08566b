/**
 * The wizard's steps, in order (PRODUCT.md §2): the one list the stepper, navigation, the step forms'
 * values, validation and the analysis derive from.
 *
 * Layout: each step's folder, `web/src/steps/<step>/`, holds its screen (`<step>-step.tsx`, a lazily
 * loaded chunk) and two small modules without component code: `definition.ts` (id, label, title, the
 * draft fields it asks, when it applies, its form values), listed here and part of the first paint,
 * and `check.ts` (its validation: the answers document that checks it and which errors are its own),
 * listed in wizard/validation/step-checks.ts and loaded with the schema when Next first needs it
 * (docs/decisions/011-step-registry.md). The rest of `web/src/wizard/` is in folders named for what
 * they hold: `state/` (the draft, store, persistence), `sharing/` (share links), `dialogs/`, `loading/`
 * (code splitting), `analysis/` (schema and renderers behind the preview), `validation/` (the check
 * Next waits for), `frame/` (stepper, step frame, step forms) and this `registry/`.
 */
import { deploymentStep } from '../../steps/deployment/definition.ts';
import { excludedDomainsStep } from '../../steps/excluded-domains/definition.ts';
import { proxyStep } from '../../steps/proxy/definition.ts';
import { reviewStep } from '../../steps/review/definition.ts';
import { servicesStep } from '../../steps/services/definition.ts';
import { tlsStep } from '../../steps/tls/definition.ts';
import { warehousesStep } from '../../steps/warehouses/definition.ts';
import type { Draft } from '../state/draft.ts';
import type { StepDefinition } from './step-definition.ts';

const DEFINITIONS = [
  deploymentStep,
  proxyStep,
  tlsStep,
  excludedDomainsStep,
  warehousesStep,
  servicesStep,
  reviewStep,
] as const;

type Definitions = (typeof DEFINITIONS)[number];

export type StepId = Definitions['id'];

/** Each step's definition by id, typed with its own form values. */
export type StepDefinitions = { [D in Definitions as D['id']]: D };

export const STEP_IDS: readonly StepId[] = DEFINITIONS.map((step) => step.id);

export const STEPS = Object.fromEntries(
  DEFINITIONS.map((step) => [step.id, step]),
) as unknown as Readonly<StepDefinitions>;

/** The values a step's form holds (its slice of the draft, under the same names). */
export type StepValues = {
  [S in StepId]: StepDefinitions[S] extends StepDefinition<S, infer V> ? V : never;
};

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function stepApplies(step: StepId, draft: Draft): boolean {
  const { applies } = STEPS[step] as StepDefinition;
  return applies === undefined || applies(draft);
}

export function applicableSteps(draft: Draft): StepId[] {
  return STEP_IDS.filter((step) => stepApplies(step, draft));
}

export function stepIndex(step: StepId): number {
  return STEP_IDS.indexOf(step);
}

/** The step after/before `step` among those that apply, or undefined at either end. */
export function nextStep(step: StepId, draft: Draft): StepId | undefined {
  return applicableSteps(draft).find((s) => stepIndex(s) > stepIndex(step));
}

export function previousStep(step: StepId, draft: Draft): StepId | undefined {
  return applicableSteps(draft)
    .reverse()
    .find((s) => stepIndex(s) < stepIndex(step));
}

/** A step that no longer applies (TLS after switching to http) falls back to the nearest one before it. */
export function applicableStepAtOrBefore(step: StepId, draft: Draft): StepId {
  return stepApplies(step, draft) ? step : (previousStep(step, draft) ?? 'deployment');
}

/** Every draft field (and part) → the step that owns it, from the definitions. */
const OWNER = new Map<string, StepId>(
  (DEFINITIONS as readonly StepDefinition<StepId>[]).flatMap((step) => [
    ...[...step.fields, ...(step.notes ?? [])].map((field): [string, StepId] => [field, step.id]),
    ...(step.parts ?? []).map((part): [string, StepId] => [`${part}.*`, step.id]),
  ]),
);

/**
 * Which step owns a field of the answers (for warnings and errors that link back to it): the step that
 * asks the field (or the list), else the one that owns its part, else Review.
 */
export function stepForPath(path: readonly (string | number)[]): StepId {
  const [head, field] = path;
  return (
    OWNER.get(`${head}.${field}`) ?? OWNER.get(String(head)) ?? OWNER.get(`${head}.*`) ?? 'review'
  );
}
