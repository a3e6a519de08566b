import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_METHOD_IDS } from '../catalog.ts';
import {
  MERGE_KIND_FOR_METHOD,
  mergeKindOfPath,
  methodOfMergeKind,
  ownFileNameFor,
  type MergeKind,
} from './merge-targets.ts';

describe('which file a merge edits', () => {
  it('names the own file of the methods that have one, and none for the Admin Console', () => {
    expect(Object.fromEntries(DEPLOYMENT_METHOD_IDS.map((m) => [m, ownFileNameFor(m)]))).toEqual({
      'docker-compose': 'customer.env',
      helm: 'customizations.yaml',
      kots: undefined,
      'single-vm': undefined,
    });
  });

  it('maps each kind back to its method, and a path to the kind its own file has', () => {
    for (const kind of ['customer.env', 'helm'] as MergeKind[]) {
      const method = methodOfMergeKind(kind);
      expect(MERGE_KIND_FOR_METHOD[method]).toBe(kind);
      expect(mergeKindOfPath(`/etc/carto/${ownFileNameFor(method) ?? ''}`)).toBe(kind);
    }
  });
});
