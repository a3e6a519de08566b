/**
 * Which file a merge edits, decided once (issue 17): the kind of file each method's answers merge
 * into, the name that file usually has, and the kind a path names. A module of its own, free of the
 * merge code (YAML, diff), so the renderers, the CLI, the automation commands and the web's first
 * pages can ask it without loading the merge.
 */
import type { DeploymentMethodId } from '../catalog.ts';

/** The kinds of file a merge edits: a Docker Compose customer.env, or Helm values. */
export type MergeKind = 'customer.env' | 'helm';

/** Which file a method's answers can be merged into; Kots and Single VM have none (Admin Console). */
export const MERGE_KIND_FOR_METHOD: Readonly<Partial<Record<DeploymentMethodId, MergeKind>>> = {
  'docker-compose': 'customer.env',
  helm: 'helm',
};

/** The name the user's own file of each kind usually has (PRODUCT.md: customer.env, customizations.yaml). */
export const OWN_FILE_NAME_OF_KIND: Readonly<Record<MergeKind, string>> = {
  'customer.env': 'customer.env',
  helm: 'customizations.yaml',
};

/** The method whose answers a file of this kind holds. */
export function methodOfMergeKind(kind: MergeKind): DeploymentMethodId {
  const found = Object.entries(MERGE_KIND_FOR_METHOD).find(([, k]) => k === kind);
  if (found === undefined) throw new Error(`No method merges into ${kind}`);
  return found[0] as DeploymentMethodId;
}

/** The user's own file for a method (what a merge updates), or undefined where there is none. */
export function ownFileNameFor(method: DeploymentMethodId): string | undefined {
  const kind = MERGE_KIND_FOR_METHOD[method];
  return kind === undefined ? undefined : OWN_FILE_NAME_OF_KIND[kind];
}

/** The kind of file a path names: `.yaml`/`.yml` is Helm values, anything else a customer.env. */
export function mergeKindOfPath(path: string): MergeKind {
  return /\.ya?ml$/i.test(path) ? 'helm' : 'customer.env';
}
