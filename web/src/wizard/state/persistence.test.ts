import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDraft } from './draft.ts';
import { encodeFragment } from '../sharing/fragment.ts';
import {
  connectPersistence,
  loadInitialLocation,
  STORAGE_KEY,
  type PersistenceEnv,
} from './persistence.ts';
import { createWizardStore } from './store.ts';

/** A window stand-in: location, history (with the entries it wrote) and storage. */
function fakeEnv(hash = '') {
  const entries: { hash: string; state: unknown }[] = [{ hash, state: null }];
  let index = 0;
  const listeners = new Map<string, (() => void)[]>();
  const values = new Map<string, string>();
  const location = { hash, pathname: '/', search: '' };
  const move = (url: string | URL | null | undefined) => new URL(String(url), 'http://x').hash;
  const env: PersistenceEnv & { entries: typeof entries; go: (delta: number) => void } = {
    location,
    history: {
      get state() {
        return entries[index]?.state ?? null;
      },
      pushState(state: unknown, _title: string, url?: string | URL | null) {
        entries.splice(index + 1);
        entries.push({ hash: move(url), state });
        index++;
        location.hash = entries[index]?.hash ?? '';
      },
      replaceState(state: unknown, _title: string, url?: string | URL | null) {
        entries[index] = { hash: move(url), state };
        location.hash = entries[index]?.hash ?? '';
      },
    },
    storage: {
      getItem: (key) => values.get(key) ?? null,
      setItem: (key, value) => void values.set(key, value),
      removeItem: (key) => void values.delete(key),
    },
    addEventListener: ((type: string, listener: () => void) => {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    }) as PersistenceEnv['addEventListener'],
    removeEventListener: (() => undefined) as PersistenceEnv['removeEventListener'],
    entries,
    go(delta: number) {
      index += delta;
      location.hash = entries[index]?.hash ?? '';
      for (const listener of listeners.get('popstate') ?? []) listener();
    },
  };
  return env;
}

describe('persistence', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('writes a fragment at once, pushes an entry per step and replaces it while typing', () => {
    const env = fakeEnv();
    const store = createWizardStore();
    connectPersistence(store, env);
    expect(env.location.hash).toBe('#v=1&step=deployment');

    store.updateDraft((d) => ({ ...d, deployment: { ...d.deployment, method: 'helm' } }));
    vi.advanceTimersByTime(500);
    expect(env.entries).toHaveLength(1);
    expect(env.location.hash).toContain('method=helm');

    store.goTo('proxy');
    expect(env.entries).toHaveLength(2);
    expect(env.entries[0]?.hash).toContain('step=deployment');
    expect(env.entries[1]?.hash).toContain('step=proxy');
  });

  it('moves between its own entries without undoing answers typed since', () => {
    const env = fakeEnv();
    const store = createWizardStore();
    connectPersistence(store, env);
    store.goTo('proxy');
    store.updateDraft((d) => ({ ...d, proxy: { ...d.proxy, host: 'squid' } }));
    env.go(-1);
    expect(store.getState().step).toBe('deployment');
    expect(store.getState().draft.proxy.host).toBe('squid');
    expect(env.location.hash).toContain('host=squid');
  });

  it('a fragment it did not write fills an empty draft at once', () => {
    const env = fakeEnv();
    const store = createWizardStore();
    connectPersistence(store, env);
    const other = emptyDraft();
    other.proxy.host = 'other.proxy';
    env.history.pushState(
      null,
      '',
      encodeFragment({ draft: other, step: 'proxy', reached: 'proxy' }),
    );
    env.go(0);
    expect(store.getState().draft.proxy.host).toBe('other.proxy');
    expect(store.getState().pendingLink).toBeNull();
  });

  // Issue 11 item 1: a link for another install added the old draft's CA to the new output.
  it('a share link over other answers asks first, and once accepted keeps nothing of the old draft', () => {
    const env = fakeEnv();
    const store = createWizardStore();
    connectPersistence(store, env);
    store.updateDraft((d) => ({
      ...d,
      proxy: { ...d.proxy, protocol: 'https', host: 'mine', customCa: 'PEM' },
    }));
    const other = emptyDraft();
    other.proxy.protocol = 'https';
    other.proxy.host = 'other.proxy';
    const hash = encodeFragment({ draft: other, step: 'proxy', reached: 'proxy' });
    env.history.pushState(null, '', hash);
    env.go(0);
    // Nothing replaced yet: the user is asked.
    expect(store.getState().draft.proxy.host).toBe('mine');
    expect(store.getState().pendingLink?.draft.proxy.host).toBe('other.proxy');
    store.acceptLink();
    expect(store.getState().draft.proxy.host).toBe('other.proxy');
    expect(store.getState().draft.proxy.customCa).toBe('');
    expect(store.getState().pendingLink).toBeNull();
    expect(env.location.hash).toBe(hash);
  });

  it('keeping one’s own answers forgets the link and writes them back to the address', () => {
    const env = fakeEnv();
    const store = createWizardStore();
    connectPersistence(store, env);
    store.updateDraft((d) => ({ ...d, proxy: { ...d.proxy, host: 'mine' } }));
    const other = emptyDraft();
    other.proxy.host = 'other.proxy';
    env.history.pushState(
      null,
      '',
      encodeFragment({ draft: other, step: 'proxy', reached: 'proxy' }),
    );
    env.go(0);
    store.dismissLink();
    expect(store.getState().pendingLink).toBeNull();
    expect(store.getState().draft.proxy.host).toBe('mine');
    expect(env.location.hash).toContain('host=mine');
  });

  it('after a reload, prefers the saved state (with the CA) when the address is the one it wrote', () => {
    const env = fakeEnv();
    const store = createWizardStore();
    connectPersistence(store, env);
    store.updateDraft((d) => ({ ...d, proxy: { ...d.proxy, host: 'squid', customCa: 'PEM' } }));
    // Reloaded before the throttled address update: the address is stale, the saved state is not.
    const reloaded = loadInitialLocation({ location: { ...env.location }, storage: env.storage });
    expect(reloaded?.draft.proxy.host).toBe('squid');
    expect(reloaded?.draft.proxy.customCa).toBe('PEM');
  });

  it('a share link opened over the saved answers of another session waits for the user', () => {
    const env = fakeEnv();
    const saved = emptyDraft();
    saved.proxy.host = 'mine';
    saved.proxy.customCa = 'PEM';
    env.storage?.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 1,
        draft: saved,
        step: 'proxy',
        reached: 'proxy',
        urlHash: '#v=1&step=proxy',
      }),
    );
    const shared = emptyDraft();
    shared.proxy.host = 'theirs';
    const hash = encodeFragment({ draft: shared, step: 'review', reached: 'review' });
    const location = loadInitialLocation({
      location: { ...env.location, hash },
      storage: env.storage,
    });
    expect(location?.draft.proxy.host).toBe('mine');
    expect(location?.pendingLink?.draft.proxy.host).toBe('theirs');
    expect(location?.pendingLink?.draft.proxy.customCa).toBe('');
    expect(location?.pendingLink?.step).toBe('review');

    // The address keeps the link until the user answers.
    const store = createWizardStore(location);
    const linkEnv = fakeEnv(hash);
    connectPersistence(store, linkEnv);
    expect(linkEnv.location.hash).toBe(hash);
    store.acceptLink();
    expect(store.getState().draft.proxy).toMatchObject({ host: 'theirs', customCa: '' });
    expect(store.getState().step).toBe('review');
  });

  it('a share link into a browser without answers opens at once', () => {
    const env = fakeEnv();
    const shared = emptyDraft();
    shared.proxy.host = 'theirs';
    const hash = encodeFragment({ draft: shared, step: 'review', reached: 'review' });
    const location = loadInitialLocation({
      location: { ...env.location, hash },
      storage: env.storage,
    });
    expect(location?.draft.proxy.host).toBe('theirs');
    expect(location?.pendingLink).toBeUndefined();
  });

  // Issue 11, item 15: Back after Start over never lands on a half-empty middle step.
  it('after Start over, Back does not bring back a step of the old draft', () => {
    const env = fakeEnv();
    const store = createWizardStore();
    connectPersistence(store, env);
    store.updateDraft((d) => ({ ...d, deployment: { ...d.deployment, method: 'helm' } }));
    store.goTo('proxy');
    store.goTo('services');
    store.reset();
    expect(store.getState().step).toBe('deployment');
    env.go(-1);
    expect(store.getState().step).toBe('deployment');
    expect(store.getState().draft.deployment.method).toBe('');
    expect(env.location.hash).toBe('#v=1&step=deployment');
    // Entries made after Start over move between steps as ever.
    store.goTo('proxy');
    env.go(-1);
    expect(store.getState().step).toBe('deployment');
    env.go(1);
    expect(store.getState().step).toBe('proxy');
  });

  it('never writes a proxy check run to the address, the history or storage', () => {
    const env = fakeEnv();
    const store = createWizardStore();
    connectPersistence(store, env);
    const saved = env.storage?.getItem(STORAGE_KEY);
    store.setPreflight([{ check: 'summary', allowed: 3, blocked: 0, errors: 0 }]);
    vi.advanceTimersByTime(500);
    expect(env.entries).toHaveLength(1);
    expect(env.location.hash).toBe('#v=1&step=deployment');
    expect(env.storage?.getItem(STORAGE_KEY)).toBe(saved);
  });

  it('survives unreadable storage', () => {
    const env = fakeEnv();
    env.storage?.setItem(STORAGE_KEY, '{not json');
    expect(loadInitialLocation(env)).toBeUndefined();
  });
});
