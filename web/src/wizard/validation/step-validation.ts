/**
 * A step's check with the shared schema, alone: what Next waits for. Split from analysis.ts (which adds
 * the renderers, YAML and the preview's derived facts) so the first Next needs only the schema
 * (`@wizard/shared/answers`: zod, the catalog, the host and certificate rules), not the ~60 KB (brotli)
 * of renderers behind it (issue 16, ADR 008: "first question answered" on a slow link).
 *
 * Validation runs on the whole answers document, not on a step's part alone, because some rules span
 * parts (kots needs the ClusterIP; Single VM needs a release ≥ 2025.7.16). A step is checked by putting
 * its values into an otherwise valid document and keeping the issues that belong to the step.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { AnswersSchema } from '@wizard/shared/answers';
import { parseRelease } from '@wizard/shared/release-names';
import type {
  FieldError,
  FieldErrors,
  FieldValues,
  ResolverOptions,
  ResolverResult,
} from 'react-hook-form';
import { z } from 'zod';
import { toAnswersInput } from '../state/answers-input.ts';
import type { Draft } from '../state/draft.ts';
import { CLUSTER_FACTS, stepForPath, type StepId } from '../registry/steps.ts';
import { withStepValues, type StepValues } from '../registry/step-values.ts';
import type { FieldPath } from '../state/store.ts';

/** Valid stand-ins for the parts a step does not own, chosen so that no cross-part rule fires. */
const PLACEHOLDER = {
  deployment: { method: 'helm' },
  proxy: { protocol: 'http', host: 'proxy.example', port: 3128 },
  excludedDomains: [],
  warehouses: [],
  services: [],
} as const;

export interface Problem {
  step: StepId;
  /** Path in the draft (excluded-domain indexes count blank rows too). */
  path: FieldPath;
  message: string;
}

/** Indexes of the non-blank excluded-domain rows: the answers skip blank rows. */
function excludedRowIndexes(draft: Draft): number[] {
  return draft.excludedDomains.flatMap((entry, index) => (entry.trim() === '' ? [] : [index]));
}

/** An answers path → the same field in the draft. */
export function toDraftPath(path: readonly PropertyKey[], draft: Draft): FieldPath {
  const clean = path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  if (clean[0] === 'excludedDomains' && typeof clean[1] === 'number') {
    return ['excludedDomains', excludedRowIndexes(draft)[clean[1]] ?? clean[1], ...clean.slice(2)];
  }
  return clean;
}

function pickClusterFacts(deployment: unknown): Record<string, unknown> {
  const all = (deployment ?? {}) as Record<string, unknown>;
  return Object.fromEntries(CLUSTER_FACTS.flatMap((k) => (k in all ? [[k, all[k]]] : [])));
}

/** Step 1 without the cluster's facts (asked on Excluded domains); Kots's required one stood in for. */
function withoutClusterFacts(deployment: unknown, draft: Draft): unknown {
  const rest = Object.fromEntries(
    Object.entries((deployment ?? {}) as Record<string, unknown>).filter(
      ([k]) => !(CLUSTER_FACTS as readonly string[]).includes(k),
    ),
  );
  return draft.deployment.method === 'kots' ? { ...rest, kubernetesServiceIp: '10.96.0.1' } : rest;
}

/**
 * Step 1's release, for a later step's check whose rules depend on it (the Admin Console's Host check,
 * D3): only a real release name; a typo stays the Deployment step's problem and the rules of every
 * release apply.
 */
function releaseOf(draft: Draft): { release?: string } {
  const release = draft.deployment.release.trim();
  return parseRelease(release) === undefined ? {} : { release };
}

/** The answers document used to check one step: the step's own part, valid placeholders elsewhere. */
function stepCandidate(step: StepId, draft: Draft): unknown {
  const input = toAnswersInput(draft) as unknown as {
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
  };
  switch (step) {
    case 'deployment':
      return { ...PLACEHOLDER, deployment: withoutClusterFacts(input.deployment, draft) };
    case 'proxy': {
      const { protocol, host, port } = input.proxy;
      // The method decides which hosts are accepted (the Admin Console refuses IPv6 and `_`, §V.3).
      const method = draft.deployment.method === '' ? 'helm' : draft.deployment.method;
      // And so does the release: the Admin Console's Host check changed by release (D3). A release
      // that is not one (a typo) stays on the Deployment step; the host is then checked for every release.
      const deployment = {
        method,
        ...(method === 'kots' && { kubernetesServiceIp: '10.96.0.1' }),
        ...releaseOf(draft),
      };
      return { ...PLACEHOLDER, deployment, proxy: { protocol, host, port } };
    }
    case 'tls':
      return {
        ...PLACEHOLDER,
        proxy: {
          ...PLACEHOLDER.proxy,
          protocol: 'https',
          verifyCertificate: draft.proxy.verifyCertificate,
          ...(draft.proxy.customCa.trim() !== '' && { customCa: draft.proxy.customCa }),
        },
      };
    case 'excluded-domains': {
      // The cluster's facts are asked here (issue 21, item 4): checked with the method and release they
      // belong to, when those are answered.
      const method = draft.deployment.method;
      const deployment =
        method === 'helm' || method === 'kots'
          ? {
              method,
              ...releaseOf(draft),
              ...pickClusterFacts(input.deployment),
            }
          : PLACEHOLDER.deployment;
      return { ...PLACEHOLDER, deployment, excludedDomains: input.excludedDomains };
    }
    case 'warehouses':
      return { ...PLACEHOLDER, warehouses: input.warehouses };
    case 'services':
      return { ...PLACEHOLDER, services: input.services };
    case 'review':
      return input;
  }
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

type ErrorTree = Record<string, unknown>;

function ownErrors(step: StepId, errors: ErrorTree, draft: Draft): ErrorTree {
  const proxy = errors.proxy as ErrorTree | undefined;
  const pick = (tree: ErrorTree | undefined, keys: string[]): ErrorTree | undefined => {
    if (!tree) return undefined;
    const picked = Object.fromEntries(keys.flatMap((k) => (tree[k] ? [[k, tree[k]]] : [])));
    return Object.keys(picked).length > 0 ? picked : undefined;
  };
  const own: ErrorTree = {};
  switch (step) {
    case 'deployment': {
      const deployment = errors.deployment as (ErrorTree & Partial<FieldError>) | undefined;
      if (!deployment) break;
      const { message, type, ref: _ref, ...fields } = deployment;
      void _ref;
      // A rule on the whole deployment (Single VM before 2025.7.16) is about the release.
      if (message && !fields.release) fields.release = { type: type ?? 'custom', message };
      for (const fact of CLUSTER_FACTS) delete fields[fact];
      if (Object.keys(fields).length > 0) own.deployment = fields;
      break;
    }
    case 'proxy': {
      const picked = pick(proxy, ['protocol', 'host', 'port']);
      if (picked) own.proxy = picked;
      break;
    }
    case 'tls': {
      const picked = pick(proxy, ['verifyCertificate', 'customCa']);
      if (picked) own.proxy = picked;
      break;
    }
    case 'excluded-domains': {
      const facts = pick(errors.deployment as ErrorTree | undefined, [...CLUSTER_FACTS]);
      if (facts) own.deployment = facts;
      const list = errors.excludedDomains as
        (Partial<FieldError> & { root?: FieldError } & Record<string, unknown>) | undefined;
      if (!list) break;
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
      break;
    }
    case 'warehouses':
      if (errors.warehouses) own.warehouses = errors.warehouses;
      break;
    case 'services':
      if (errors.services) own.services = errors.services;
      break;
    case 'review':
      break;
  }
  return own;
}
