/**
 * A step's check with the shared schema, alone: what Next waits for. Split from analysis.ts (which adds
 * the renderers, YAML and the preview's derived facts) so the first Next needs only the schema
 * (`@wizard/shared/answers`: zod, the catalog, the host and certificate rules), not the ~60 KB (brotli)
 * of renderers behind it (issue 16, ADR 008: "first question answered" on a slow link).
 *
 * Validation runs on the whole answers document, not on a step's part alone, because some rules span
 * parts (kots needs the ClusterIP; Single VM needs a release ≥ 2025.7.16). A step is checked by putting
 * its values into an otherwise valid document and keeping the issues that belong to the step: what
 * that document is, and which errors are the step's, is the step's check (steps/<step>/check.ts).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { AnswersSchema } from '@wizard/shared/answers';
import type { FieldErrors, FieldValues, ResolverOptions, ResolverResult } from 'react-hook-form';
import { z } from 'zod';
import { STEPS, stepForPath, type StepId, type StepValues } from '../registry/steps.ts';
import { withStepValues } from '../registry/step-values.ts';
import { toAnswersInput } from '../state/answers-input.ts';
import type { Draft } from '../state/draft.ts';
import type { FieldPath } from '../state/store.ts';
import {
  errorsAt,
  excludedRowIndexes,
  type AnswersCandidate,
  type ErrorTree,
} from './step-check.ts';
import { STEP_CHECKS } from './step-checks.ts';

export interface Problem {
  step: StepId;
  /** Path in the draft (excluded-domain indexes count blank rows too). */
  path: FieldPath;
  message: string;
}

/** An answers path → the same field in the draft. */
export function toDraftPath(path: readonly PropertyKey[], draft: Draft): FieldPath {
  const clean = path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  if (clean[0] === 'excludedDomains' && typeof clean[1] === 'number') {
    return ['excludedDomains', excludedRowIndexes(draft)[clean[1]] ?? clean[1], ...clean.slice(2)];
  }
  return clean;
}

/** The answers document used to check one step: the step's own part, valid placeholders elsewhere. */
function stepCandidate(step: StepId, draft: Draft): unknown {
  const input = toAnswersInput(draft) as unknown as AnswersCandidate;
  return STEP_CHECKS[step].candidate(input, draft);
}

/**
 * The schema's messages are written for API users too ("one of docker-compose, helm, …"); for a choice
 * nobody has made yet in the form, the wizard asks in its own words.
 */
const UNANSWERED: Record<string, { isEmpty: (draft: Draft) => boolean; message: string }> = {
  'deployment.method': {
    isEmpty: (draft) => draft.deployment.method === '',
    message: 'Choose how CARTO is deployed.',
  },
  'proxy.protocol': {
    isEmpty: (draft) => draft.proxy.protocol === '',
    message: 'Choose the protocol CARTO uses to talk to the proxy: HTTP or HTTPS.',
  },
};

function messageFor(path: FieldPath, message: string, draft: Draft): string {
  const unanswered = UNANSWERED[path.join('.')];
  return unanswered?.isEmpty(draft) ? unanswered.message : message;
}

export function stepProblems(step: StepId, draft: Draft): Problem[] {
  const result = AnswersSchema.safeParse(stepCandidate(step, draft));
  if (result.success) return [];
  return result.error.issues
    .map((issue) => {
      const path = toDraftPath(issue.path, draft);
      return { step, path, message: messageFor(path, issue.message, draft) };
    })
    .filter((problem) => stepForPath(problem.path) === step);
}

/**
 * The resolver for one step's form: react-hook-form's zod resolver on the shared AnswersSchema, fed
 * with the step's values placed in a valid document; errors outside the step are dropped, and
 * excluded-domain errors are moved to their row (blank rows are not part of the answers).
 */
export async function resolveStep<S extends StepId>(
  step: S,
  draft: Draft,
  values: StepValues[S],
  context: unknown,
  options: ResolverOptions<StepValues[S] & FieldValues>,
): Promise<ResolverResult<StepValues[S] & FieldValues>> {
  const merged = withStepValues(step, draft, values);
  const schema = z
    .any()
    .transform(() => stepCandidate(step, merged))
    .pipe(AnswersSchema);
  const result = await zodResolver(schema)(values, context, {
    ...options,
    shouldUseNativeValidation: false,
  } as ResolverOptions<FieldValues>);
  const errors = ownErrors(step, result.errors as Record<string, unknown>, merged);
  for (const [key, { isEmpty, message }] of Object.entries(UNANSWERED)) {
    const [part, field] = key.split('.') as [string, string];
    const error = (errors[part] as Record<string, { message?: string }> | undefined)?.[field];
    if (error && isEmpty(merged)) error.message = message;
  }
  if (Object.keys(errors).length === 0)
    return { values: values as StepValues[S] & FieldValues, errors: {} };
  return { values: {}, errors: errors as FieldErrors<StepValues[S] & FieldValues> };
}

/** The step's own errors (by default, those at the fields it asks). */
function ownErrors(step: StepId, errors: ErrorTree, draft: Draft): ErrorTree {
  const { ownErrors: own } = STEP_CHECKS[step];
  return own ? own(errors, draft) : errorsAt(errors, STEPS[step].fields);
}
