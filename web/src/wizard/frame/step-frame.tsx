/**
 * What every step shares: its position, heading (focused on arrival), one-paragraph explanation with the
 * doc it rests on, the form, and Back/Next. Next validates the step with the shared schema first.
 */
import { use, useEffect, useRef, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { DocLink, type DocSource } from '../../components/doc-link.tsx';
import { StepCodeContext, useWizardStore } from '../state/context.ts';
import { markFirstStepInteractive } from '../loading/first-step.ts';
import { fieldNameOf } from '../registry/step-values.ts';
import { applicableSteps, nextStep, previousStep, STEPS, type StepId } from '../registry/steps.ts';
import { useWizardState } from '../state/store.ts';

export const STEP_FORM_ID = 'step-form';

export interface StepFrameProps<T extends FieldValues, U> {
  step: StepId;
  intro: ReactNode;
  source?: DocSource;
  /** The step's form; the Review step has none. */
  form?: UseFormReturn<T, unknown, U>;
  /** Replaces the Next button (Review). */
  actions?: ReactNode;
  /**
   * Keeps Back and the actions in view at the bottom of narrow screens, where the files follow the
   * step (Review: the download and the next steps without scrolling past everything; item 10).
   */
  stickyNav?: boolean;
  children: ReactNode;
}

export function StepFrame<T extends FieldValues, U>({
  step,
  intro,
  source,
  form,
  actions,
  stickyNav = false,
  children,
}: StepFrameProps<T, U>) {
  const store = useWizardStore();
  const draft = useWizardState(store, (s) => s.draft);
  const heading = useRef<HTMLHeadingElement>(null);
  const loadStep = use(StepCodeContext);
  const steps = applicableSteps(draft);
  const position = steps.indexOf(step) + 1;
  const next = nextStep(step, draft);
  const previous = previousStep(step, draft);
  const backToReview = useWizardState(store, (s) => s.returnToReview) && step !== 'review';

  // The step's questions are on the page: what waited for the first question may start now.
  useEffect(markFirstStepInteractive, []);

  // Arriving on a step: focus its heading, or the field a warning pointed at (also when the link is
  // on this very step, as the preview's "out of date" problems are).
  const focusRequest = useWizardState(store, (s) => s.focus);
  useEffect(() => {
    const request = focusRequest;
    if (!request) return;
    store.clearFocus();
    if (request.kind === 'field') {
      const name = fieldNameOf(request.path);
      const target = document.querySelector<HTMLElement>(
        `#${STEP_FORM_ID} [name="${CSS.escape(name)}"]`,
      );
      if (target) {
        target.focus();
        target.scrollIntoView({ block: 'center' });
        return;
      }
    }
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [store, focusRequest]);

  useEffect(() => {
    document.title = `${STEPS[step].label} · CARTO Self-hosted proxy wizard`;
  }, [step]);

  const goNext = () => {
    const target = nextStep(step, store.getState().draft);
    if (!target) return;
    // The next step's code is requested with this step (main.tsx, chunks.ts); when it is still on its
    // way (Next pressed as the page loads), the step changes once it is here: a step that suspends
    // would show "Loading the questions…", which React then keeps for at least 300 ms (its Suspense
    // fallback throttle). A chunk that fails still changes the step, to its error boundary. Only
    // from this step: a second Next, or a move elsewhere in the meantime, is not undone.
    const go = () => {
      if (store.getState().step === step) store.goTo(target);
    };
    void loadStep(target).then(go, go);
  };

  const nav = (
    <div className={stickyNav ? 'step__nav step__nav--sticky' : 'step__nav'}>
      {backToReview ? (
        <button type="button" className="button" onClick={() => store.goTo('review')}>
          Back to review
        </button>
      ) : (
        previous && (
          <button type="button" className="button" onClick={() => store.goTo(previous)}>
            Back
          </button>
        )
      )}
      <div className="step__nav-next">
        {actions ??
          (next && (
            <button type="submit" className="button button--primary" form={STEP_FORM_ID}>
              Next: {STEPS[next].label}
            </button>
          ))}
      </div>
    </div>
  );

  return (
    <section className="step panel" aria-labelledby={`${step}-title`}>
      <p className="step__eyebrow">
        Step {position} of {steps.length}
      </p>
      <h2 id={`${step}-title`} className="step__title" tabIndex={-1} ref={heading}>
        {STEPS[step].title}
      </h2>
      <p className="step__intro">
        {intro}
        {source && (
          <>
            {' '}
            <DocLink source={source} />
          </>
        )}
      </p>
      {form ? (
        <form
          id={STEP_FORM_ID}
          className="step__body"
          noValidate
          onSubmit={(event) => void form.handleSubmit(goNext)(event)}
        >
          {children}
        </form>
      ) : (
        <div className="step__body">{children}</div>
      )}
      {nav}
    </section>
  );
}
