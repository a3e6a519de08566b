/**
 * The current step. Each step is its own chunk, with the form library it needs: the current one is
 * requested at start-up (in parallel with the catalog it needs anyway), the others when the browser is
 * idle, so moving between steps is instant.
 */
import { Component, Suspense, type ReactNode } from 'react';
import { Callout } from '../../components/callout.tsx';
import { StepCodeContext, useWizardStore } from '../state/context.ts';
import { STEP_CHUNKS } from '../loading/chunks.ts';
import { LinkPrompt } from '../sharing/link-prompt.tsx';
import { STEPS, type StepId } from '../registry/steps.ts';
import { useWizardState } from '../state/store.ts';

/** A step's chunk, requested once (chunks.ts); what Next waits for before it changes the step. */
const loadStepCode = (step: StepId) => STEP_CHUNKS[step].preload();

function StepLoading({ step }: { step: StepId }) {
  return (
    <section className="step panel" aria-labelledby={`${step}-title`}>
      <h2 id={`${step}-title`} className="step__title" tabIndex={-1}>
        {STEPS[step].title}
      </h2>
      <p className="step__loading" role="status">
        Loading the questions…
      </p>
    </section>
  );
}

/** A chunk that fails to load (server restarted with a new build) must not take the answers with it. */
class StepErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="step panel">
        <Callout tone="danger" role="alert" title="This step could not be loaded">
          <p>
            The wizard’s server may have restarted or be unreachable. Your answers are saved in this
            browser: reload the page to continue where you were.
          </p>
          <p>
            <button
              type="button"
              className="button button--small"
              onClick={() => window.location.reload()}
            >
              Reload
            </button>
          </p>
        </Callout>
      </div>
    );
  }
}

export function StepOutlet() {
  const store = useWizardStore();
  const step = useWizardState(store, (s) => s.step);
  const epoch = useWizardState(store, (s) => s.epoch);
  const key = `${step}:${epoch}`;
  const Step = STEP_CHUNKS[step];
  return (
    <>
      <LinkPrompt />
      <StepErrorBoundary key={key}>
        <Suspense fallback={<StepLoading step={step} />}>
          <StepCodeContext value={loadStepCode}>
            <Step />
          </StepCodeContext>
        </Suspense>
      </StepErrorBoundary>
    </>
  );
}
