import type { PreflightLine } from '@wizard/shared/preflight';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft.ts';
import { createWizardStore } from './store.ts';

const RUN: PreflightLine[] = [
  { check: 'reach', status: 'ok', host: '127.0.0.1', port: 3128, ms: 1, detail: 'Connected.' },
  { check: 'summary', allowed: 0, blocked: 0, errors: 0 },
];

describe('the proxy check run in the store', () => {
  it('is kept while the draft stays, and dropped by any change of it', () => {
    const store = createWizardStore();
    store.setPreflight(RUN);
    expect(store.getState()).toMatchObject({ preflight: RUN, change: 'memory' });

    store.goTo('proxy');
    expect(store.getState().preflight).toBe(RUN);
    store.restore({ draft: store.getState().draft, step: 'deployment', reached: 'proxy' });
    expect(store.getState().preflight).toBe(RUN);

    store.updateDraft((draft) => ({ ...draft, proxy: { ...draft.proxy, port: '3129' } }));
    expect(store.getState().preflight).toBeNull();
  });

  it('is dropped by an imported draft and by Start over', () => {
    const store = createWizardStore();
    store.setPreflight(RUN);
    const epoch = store.getState().epoch;
    store.replaceDraft({ ...emptyDraft(), excludedDomains: ['.corp.example'] });
    expect(store.getState()).toMatchObject({ preflight: null, epoch: epoch + 1 });

    store.setPreflight(RUN);
    store.reset();
    expect(store.getState().preflight).toBeNull();
  });
});

// Issue 11, item 15: a step opened with Review's "Change" goes back to Review.
describe('Change from Review', () => {
  it('offers the way back to Review until Review is reached again, never after Start over', () => {
    const store = createWizardStore({ step: 'review', reached: 'review' });
    store.change('proxy');
    expect(store.getState()).toMatchObject({ step: 'proxy', returnToReview: true });
    store.goTo('excluded-domains');
    expect(store.getState().returnToReview).toBe(true);
    store.goTo('review');
    expect(store.getState().returnToReview).toBe(false);
    store.change('proxy');
    store.reset();
    expect(store.getState().returnToReview).toBe(false);
    store.goTo('proxy');
    expect(store.getState().returnToReview).toBe(false);
  });
});
