import { describe, expect, it } from 'vitest';
import { connectPersistence, loadInitialLocation, STORAGE_KEY } from './persistence.ts';
import { scopedStorage } from './storage-scope.ts';
import { createWizardStore } from './store.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('scopedStorage', () => {
  it('keeps each scope to its own key, and leaves the plain key alone', () => {
    const shared = memoryStorage();
    shared.setItem(STORAGE_KEY, 'served');
    const a = scopedStorage(shared, '/home/a/carto-proxy-wizard.html');
    const b = scopedStorage(shared, '/home/b/carto-proxy-wizard.html');
    a?.setItem(STORAGE_KEY, 'A');
    b?.setItem(STORAGE_KEY, 'B');
    expect(a?.getItem(STORAGE_KEY)).toBe('A');
    expect(b?.getItem(STORAGE_KEY)).toBe('B');
    expect(shared.getItem(STORAGE_KEY)).toBe('served');
    a?.removeItem(STORAGE_KEY);
    expect(a?.getItem(STORAGE_KEY)).toBeNull();
    expect(b?.getItem(STORAGE_KEY)).toBe('B');
  });

  it('stays null when there is no storage', () => {
    expect(scopedStorage(null, '/x.html')).toBeNull();
  });

  it('gives two copies of the file two drafts through the real persistence', () => {
    const shared = memoryStorage();
    const env = (path: string) => ({
      location: { hash: '', pathname: path, search: '' },
      history: { pushState: () => undefined, replaceState: () => undefined, state: null },
      storage: scopedStorage(shared, path),
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    });
    const first = env('/a/carto-proxy-wizard.html');
    const store = createWizardStore(loadInitialLocation(first));
    const stop = connectPersistence(store, first);
    store.updateDraft((draft) => ({
      ...draft,
      deployment: { ...draft.deployment, method: 'helm' },
    }));
    stop();
    expect(loadInitialLocation(first)?.draft.deployment).toMatchObject({ method: 'helm' });
    expect(loadInitialLocation(env('/b/carto-proxy-wizard.html'))).toBeUndefined();
  });
});
