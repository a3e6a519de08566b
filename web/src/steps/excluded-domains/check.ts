/** The Excluded domains step's check (see wizard/validation/step-check.ts). */
import type { FieldError } from 'react-hook-form';
import { methodFacts } from '@wizard/shared/method-facts';
import {
  errorsAt,
  excludedRowIndexes,
  PLACEHOLDER,
  releaseOf,
  valuesAt,
  type StepCheck,
} from '../../wizard/validation/step-check.ts';
import { CLUSTER_FACTS } from './definition.ts';

export const excludedDomainsCheck: StepCheck = {
  candidate: (input, draft) => {
    // The cluster's facts are asked here (issue 21, item 4): checked with the method and release they
    // belong to, when those are answered.
    const method = draft.deployment.method;
    const deployment =
      method !== '' && methodFacts(method, undefined).kubernetes
        ? {
            method,
            ...releaseOf(draft),
            ...valuesAt(input.deployment, 'deployment', CLUSTER_FACTS),
          }
        : PLACEHOLDER.deployment;
    return { ...PLACEHOLDER, deployment, excludedDomains: input.excludedDomains };
  },
  ownErrors: (errors, draft) => {
    const own = errorsAt(errors, CLUSTER_FACTS);
    const list = errors.excludedDomains as
      (Partial<FieldError> & { root?: FieldError } & Record<string, unknown>) | undefined;
    if (!list) return own;
    const rows = excludedRowIndexes(draft);
    const moved: Record<string, unknown> = {};
    for (const [key, error] of Object.entries(list)) {
      if (/^\d+$/.test(key) && error) moved[rows[Number(key)] ?? Number(key)] = { value: error };
    }
    // A rule on the whole list (too many entries) shows under the list.
    const rootError =
      list.root ?? (list.message ? { type: list.type, message: list.message } : undefined);
    if (rootError) moved.root = { type: rootError.type, message: rootError.message };
    own.excludedDomains = moved;
    return own;
  },
};
