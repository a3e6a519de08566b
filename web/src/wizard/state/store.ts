/**
 * The one store of accumulated answers. Step forms write their values here on every change (so the
 * preview follows the typing); navigation, history, an imported file and "Start over" replace them.
 * React reads it with useSyncExternalStore; persistence.ts mirrors the draft and the step to
 * localStorage and the URL fragment, never the memory-only proxy check run.
 */
import type { PreflightLine } from '@wizard/shared/preflight';
import { useSyncExternalStore } from 'react';
import { emptyDraft, type Draft } from './draft.ts';
import { applicableStepAtOrBefore, stepIndex, type StepId } from '../registry/steps.ts';

export type FieldPath = readonly (string | number)[];

/** What the shell focuses after a navigation: the step heading, or a field a warning points at. */
export type FocusRequest = { kind: 'heading' } | { kind: 'field'; path: FieldPath };

/**
 * Why the state changed, so persistence can pick the history operation:
 * `edit` replaces the current entry, `navigate` pushes one, `restore` came from the history itself,
 * `memory` changed only what is never persisted (the proxy check run).
 */
export type ChangeKind = 'init' | 'edit' | 'navigate' | 'restore' | 'reset' | 'memory';

export interface WizardState {
  draft: Draft;
  step: StepId;
  reached: StepId;
  /** Bumped whenever the draft is replaced from outside the forms, so the step form remounts with it. */
  epoch: number;
  focus: FocusRequest | null;
  change: ChangeKind;
  /**
   * The last finished "Test my proxy" run, recorded in README.md. It belongs to the draft it ran
   * with: any change of the draft drops it, so the README never reports a check of other answers.
   * Memory only: a reload forgets it.
   */
  preflight: readonly PreflightLine[] | null;
  /**
   * A share link opened while this browser held other answers: it replaces the whole draft (custom CA
   * included) only once the user says so. Memory only.
   */
  pendingLink: WizardLink | null;
  /** The step was opened with Review's "Change": its Back button goes back to Review (item 15). */
  returnToReview: boolean;
}

/** A draft and where in the wizard it stands (what a share link or the history brings). */
export interface WizardLink {
  draft: Draft;
  step: StepId;
  reached: StepId;
}

export interface WizardStore {
  getState: () => WizardState;
  subscribe: (listener: () => void) => () => void;
  /** A form edit: the draft changes, the step stays. */
  updateDraft: (update: (draft: Draft) => Draft) => void;
  /** The draft replaced from outside the forms (an imported file, its undo): the step form remounts. */
  replaceDraft: (draft: Draft) => void;
  /** Go to a step (Next, Back, the stepper, a warning's link). */
  goTo: (step: StepId, focus?: FocusRequest) => void;
  /** Review's "Change": go to a step whose Back then leads back to Review. */
  change: (step: StepId) => void;
  /** The state came back from the history or a share link. */
  restore: (location: { draft: Draft; step: StepId; reached: StepId }) => void;
  /** Start over: every answer cleared, back to the first step. */
  reset: () => void;
  /** The shell took care of the focus request. */
  clearFocus: () => void;
  /** Keeps a finished proxy check run for the current draft (null forgets it). */
  setPreflight: (lines: readonly PreflightLine[] | null) => void;
  /** A share link arrived while the draft has answers: ask before replacing them. */
  offerLink: (location: WizardLink) => void;
  /** The user chose the link: its answers replace the whole draft, nothing of the old one kept. */
  acceptLink: () => void;
  /** The user kept their own answers: the link is forgotten. */
  dismissLink: () => void;
}

const later = (a: StepId, b: StepId): StepId => (stepIndex(a) >= stepIndex(b) ? a : b);

export function createWizardStore(initial?: Partial<Omit<WizardState, 'epoch'>>): WizardStore {
  const pendingLink = initial?.pendingLink ?? null;
  const draft = initial?.draft ?? emptyDraft();
  const step = applicableStepAtOrBefore(initial?.step ?? 'deployment', draft);
  let state: WizardState = {
    draft,
    step,
    reached: later(step, initial?.reached ?? step),
    epoch: 0,
    focus: null,
    change: 'init',
    preflight: null,
    pendingLink,
    returnToReview: false,
  };
  const listeners = new Set<() => void>();
  const set = (next: WizardState) => {
    // A proxy check run is only true of the draft it ran with.
    state = next.draft === state.draft ? next : { ...next, preflight: null };
    for (const listener of listeners) listener();
  };
  /** A whole new draft (a restored address, Start over, an accepted link): nothing of the old one stays. */
  const replaceDraft = (
    location: { draft: Draft; step: StepId; reached: StepId },
    change: 'restore' | 'reset',
  ) => {
    const step = applicableStepAtOrBefore(location.step, location.draft);
    set({
      ...state,
      pendingLink: null,
      returnToReview: false,
      draft: location.draft,
      step,
      reached: later(location.reached, step),
      epoch: state.epoch + 1,
      focus: { kind: 'heading' },
      change,
    });
  };

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    updateDraft: (update) => {
      const next = update(state.draft);
      if (next === state.draft) return;
      set({ ...state, draft: next, change: 'edit' });
    },
    replaceDraft: (draft) => {
      if (draft === state.draft) return;
      set({ ...state, draft, epoch: state.epoch + 1, focus: null, change: 'edit' });
    },
    goTo: (target, focus = { kind: 'heading' }) => {
      const step = applicableStepAtOrBefore(target, state.draft);
      set({
        ...state,
        step,
        reached: later(state.reached, step),
        focus,
        change: 'navigate',
        returnToReview: state.returnToReview && step !== 'review',
      });
    },
    change: (target) => {
      const step = applicableStepAtOrBefore(target, state.draft);
      set({
        ...state,
        step,
        reached: later(state.reached, step),
        focus: { kind: 'heading' },
        change: 'navigate',
        returnToReview: step !== 'review',
      });
    },
    restore: (location) => replaceDraft(location, 'restore'),
    reset: () =>
      replaceDraft({ draft: emptyDraft(), step: 'deployment', reached: 'deployment' }, 'reset'),
    clearFocus: () => {
      if (state.focus !== null) state = { ...state, focus: null };
    },
    setPreflight: (lines) => {
      if (lines === state.preflight) return;
      set({ ...state, preflight: lines, change: 'memory' });
    },
    offerLink: (location) => {
      set({ ...state, pendingLink: location, change: 'memory' });
    },
    acceptLink: () => {
      if (state.pendingLink) replaceDraft(state.pendingLink, 'reset');
    },
    dismissLink: () => {
      if (!state.pendingLink) return;
      // 'restore' rewrites the address with the kept answers.
      set({ ...state, pendingLink: null, focus: { kind: 'heading' }, change: 'restore' });
    },
  };
}

/** Reads a slice of the wizard state; re-renders only when that slice changes (by identity). */
export function useWizardState<T>(store: WizardStore, select: (state: WizardState) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getState()),
    () => select(store.getState()),
  );
}
