/**
 * What a step's check is (`steps/<step>/check.ts`) and the pieces the checks share. A step is checked
 * by putting its values into an otherwise valid answers document and keeping the issues that belong
 * to it (step-validation.ts). Loaded with the schema, when Next first needs it, never on first paint.
 */
import { givenReleaseOf } from '@wizard/shared/method-facts';
import type { DraftField } from '../registry/step-definition.ts';
import type { Draft } from '../state/draft.ts';

/** The answers document a draft stands for (toAnswersInput), as loosely typed as a half-filled form. */
export interface AnswersCandidate {
  deployment: unknown;
  proxy: {
    protocol?: string;
    host: string;
    port?: unknown;
    verifyCertificate?: boolean;
    customCa?: string;
  };
  excludedDomains: string[];
  warehouses: string[];
  services: string[];
}

/** The resolver's errors (react-hook-form's tree, by form field name). */
export type ErrorTree = Record<string, unknown>;

export interface StepCheck {
  /** The answers document used to check the step: its own part, valid placeholders elsewhere. */
  candidate: (input: AnswersCandidate, draft: Draft) => unknown;
  /**
   * The step's own errors out of the resolver's tree, by form field; without it, the errors at the
   * fields the step asks.
   */
  ownErrors?: (errors: ErrorTree, draft: Draft) => ErrorTree;
}

/** Valid stand-ins for the parts a step does not own, chosen so that no cross-part rule fires. */
export const PLACEHOLDER = {
  deployment: { method: 'helm' },
  proxy: { protocol: 'http', host: 'proxy.example', port: 3128 },
  excludedDomains: [],
  warehouses: [],
  services: [],
} as const;

/** Where the method requires the ClusterIP (Kots, methodFacts): a stand-in where a step does not ask it. */
export const KOTS_SERVICE_IP = { kubernetesServiceIp: '10.96.0.1' } as const;

/**
 * Step 1's release, for a later step's check whose rules depend on it (the Admin Console's Host check,
 * D3): only a real release name; a typo stays the Deployment step's problem and the rules of every
 * release apply.
 */
export function releaseOf(draft: Draft): { release?: string } {
  const release = givenReleaseOf(draft.deployment.release);
  return release === undefined ? {} : { release };
}

/** Indexes of the non-blank excluded-domain rows: the answers skip blank rows. */
export function excludedRowIndexes(draft: Draft): number[] {
  return draft.excludedDomains.flatMap((entry, index) => (entry.trim() === '' ? [] : [index]));
}

/** The keys `fields` name in a group part (`deployment`, `proxy`). */
function keysIn(part: string, fields: readonly DraftField[]): string[] {
  return fields.flatMap((field) => {
    const [head, key] = field.split('.');
    return head === part && key !== undefined ? [key] : [];
  });
}

/** The values of an answers group (`deployment`) at the keys `fields` name in it, where given. */
export function valuesAt(
  group: unknown,
  part: string,
  fields: readonly DraftField[],
): Record<string, unknown> {
  const all = (group ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keysIn(part, fields).flatMap((k) => (k in all ? [[k, all[k]]] : [])));
}

/** The errors at `fields` (whole lists, or a group's keys); parts without any are left out. */
export function errorsAt(errors: ErrorTree, fields: readonly DraftField[]): ErrorTree {
  const own: ErrorTree = {};
  for (const part of new Set(fields.map((field) => field.split('.')[0] as string))) {
    if (fields.includes(part as DraftField)) {
      if (errors[part]) own[part] = errors[part];
      continue;
    }
    const group = (errors[part] ?? {}) as ErrorTree;
    const picked = Object.fromEntries(
      keysIn(part, fields).flatMap((k) => (group[k] ? [[k, group[k]]] : [])),
    );
    if (Object.keys(picked).length > 0) own[part] = picked;
  }
  return own;
}
