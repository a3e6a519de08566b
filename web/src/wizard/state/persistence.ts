/**
 * Nothing is lost: the store is mirrored to localStorage (everything, including the custom CA) and to the
 * URL fragment (everything but the custom CA), on every change.
 *
 * - A form edit replaces the current history entry (throttled: Chromium refuses floods of replaceState).
 * - Next/Back/the stepper push an entry, so the browser's Back and Forward move between steps. Moving
 *   through our own entries changes the step only: answers typed on a later step are kept, as with the
 *   wizard's own Back button.
 * - A fragment we did not write (a share link, an edited address) restores its answers.
 * - On load, the saved state wins when the address is the one we last wrote (a reload), so edits made
 *   in the last moments before the reload and the custom CA survive; a different fragment wins otherwise.
 */
import { draftsEqual, hasAnswers, normalizeDraft, type Draft } from './draft.ts';
import { decodeFragment, encodeFragment, type WizardLocation } from '../sharing/fragment.ts';
import { isStepId } from '../registry/steps.ts';
import type { WizardState, WizardStore } from './store.ts';

export const STORAGE_KEY = 'carto-proxy-wizard';
const STORAGE_VERSION = 1;
/** Marks history entries this app wrote (history.state survives reloads). */
const HISTORY_MARK = 'carto-proxy-wizard';
const REPLACE_THROTTLE_MS = 200;

interface Saved {
  version: number;
  draft: Draft;
  step: string;
  reached: string;
  /** The fragment that was in the address bar when this was saved. */
  urlHash: string;
}

export interface PersistenceEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'pushState' | 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  addEventListener: Window['addEventListener'];
  removeEventListener: Window['removeEventListener'];
}

function readSaved(
  storage: PersistenceEnv['storage'],
): (WizardLocation & { urlHash: string }) | undefined {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const saved = JSON.parse(raw) as Partial<Saved>;
    if (saved.version !== STORAGE_VERSION) return undefined;
    const step = isStepId(saved.step) ? saved.step : 'deployment';
    return {
      draft: normalizeDraft(saved.draft),
      step,
      reached: isStepId(saved.reached) ? saved.reached : step,
      urlHash: typeof saved.urlHash === 'string' ? saved.urlHash : '',
    };
  } catch {
    return undefined;
  }
}

/**
 * Whether a share link must ask before it replaces the current draft: the draft has answers, and not
 * exactly the link's (the link never carries a custom CA, so a CA in this browser makes them differ).
 */
function linkNeedsConsent(current: Draft, link: Draft): boolean {
  return hasAnswers(current) && !draftsEqual(current, link);
}

/**
 * The state to start from: a share link, the saved answers after a reload, or nothing. A share link
 * opened over other saved answers starts from those answers with the link pending: the user decides.
 */
export function loadInitialLocation(
  env: Pick<PersistenceEnv, 'location' | 'storage'>,
): (WizardLocation & { pendingLink?: WizardLocation }) | undefined {
  const fromUrl = decodeFragment(env.location.hash);
  const saved = readSaved(env.storage);
  if (fromUrl) {
    if (saved && saved.urlHash === env.location.hash) return saved;
    if (saved && linkNeedsConsent(saved.draft, fromUrl.draft)) {
      const { urlHash: _urlHash, ...current } = saved;
      void _urlHash;
      return { ...current, pendingLink: fromUrl };
    }
    return fromUrl;
  }
  return saved;
}

/** Our history entries carry the mark and the token of the draft they belong to. */
interface HistoryMark {
  app: typeof HISTORY_MARK;
  token?: string;
}

const isOurs = (state: unknown): state is HistoryMark =>
  (state as { app?: unknown } | null)?.app === HISTORY_MARK;

const newToken = () => Math.random().toString(36).slice(2, 10);

export function connectPersistence(store: WizardStore, env: PersistenceEnv): () => void {
  const url = (hash: string) => `${env.location.pathname}${env.location.search}${hash}`;
  /**
   * Which draft our entries belong to. "Start over" (and opening a link's answers) starts a new one:
   * the browser's Back then never brings a step of the old draft over the empty one (issue 11,
   * item 15). A reload keeps the token of the entry it reloads.
   */
  const current: unknown = env.history.state;
  let token = isOurs(current) && typeof current.token === 'string' ? current.token : newToken();
  const mark = (): HistoryMark => ({ app: HISTORY_MARK, token });
  let last: WizardState = store.getState();
  let writtenHash = env.location.hash;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fragmentOf = (state: Pick<WizardState, 'draft' | 'step' | 'reached'>) =>
    encodeFragment(state);

  const save = (state: WizardState) => {
    const saved: Saved = {
      version: STORAGE_VERSION,
      draft: state.draft,
      step: state.step,
      reached: state.reached,
      // While a link waits for the user's answer, a reload asks again.
      urlHash: state.pendingLink ? '' : writtenHash,
    };
    try {
      env.storage?.setItem(STORAGE_KEY, JSON.stringify(saved));
    } catch {
      // Storage full or disabled (private mode): the URL fragment still holds the answers.
    }
  };

  const replace = (hash: string) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    writtenHash = hash;
    env.history.replaceState(mark(), '', url(hash));
  };

  const push = (hash: string) => {
    writtenHash = hash;
    env.history.pushState(mark(), '', url(hash));
  };

  const scheduleReplace = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      replace(fragmentOf(store.getState()));
      save(store.getState());
    }, REPLACE_THROTTLE_MS);
  };

  // The address bar reflects the state from the start (a first visit gets a fragment too), except a
  // share link waiting for the user's answer: it stays in the address bar until then.
  if (!last.pendingLink) replace(fragmentOf(last));
  save(last);

  const unsubscribe = store.subscribe(() => {
    const state = store.getState();
    // A proxy check run lives in memory only: nothing to write.
    if (state.change === 'memory') return;
    const previous = last;
    last = state;
    switch (state.change) {
      case 'edit':
        scheduleReplace();
        break;
      case 'navigate':
        // Leave the current entry with the answers as they are now, then add the new step's entry.
        replace(fragmentOf({ ...previous, draft: state.draft }));
        push(fragmentOf(state));
        break;
      case 'reset':
        token = newToken();
        replace(fragmentOf(state));
        break;
      case 'restore':
        replace(fragmentOf(state));
        break;
      case 'init':
        break;
    }
    save(state);
  });

  const onHistory = () => {
    const hash = env.location.hash;
    if (hash === writtenHash) return;
    const decoded = decodeFragment(hash);
    if (!decoded) return;
    const current = store.getState();
    const entry: unknown = env.history.state;
    const ours = isOurs(entry);
    if (ours && entry.token !== token) {
      // A step of a draft the user started over from: stay where they are, on the current draft.
      replace(fragmentOf(current));
      return;
    }
    writtenHash = hash;
    if (ours) {
      // One of our step entries: move to its step, keep every answer.
      store.restore({ draft: current.draft, step: decoded.step, reached: current.reached });
    } else if (linkNeedsConsent(current.draft, decoded.draft)) {
      // A share link over other answers: it replaces all of them (the custom CA too, which a link
      // never carries), but only once the user says so.
      store.offerLink(decoded);
    } else {
      // A fragment from outside (an edited address, another share link) into an empty draft.
      store.restore(decoded);
    }
  };

  const onPageHide = () => save(store.getState());

  env.addEventListener('popstate', onHistory);
  env.addEventListener('hashchange', onHistory);
  env.addEventListener('pagehide', onPageHide);
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    env.removeEventListener('popstate', onHistory);
    env.removeEventListener('hashchange', onHistory);
    env.removeEventListener('pagehide', onPageHide);
  };
}
