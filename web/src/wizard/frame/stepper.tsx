/**
 * The visible list of steps: where you are, what is done, what has a problem. Steps up to the furthest
 * one reached are links; later ones are shown but not reachable yet (Next validates on the way).
 */
import { warningTier } from '@wizard/shared/rules/warning-tiers';
import { CheckIcon, WarningIcon } from '../../components/icons.tsx';
import { useAnalysis, useWizardStore } from '../state/context.ts';
import { encodeFragment } from '../sharing/fragment.ts';
import { applicableSteps, stepIndex, STEPS, type StepId } from '../registry/steps.ts';
import { useWizardState } from '../state/store.ts';

type Status = 'current' | 'done' | 'problem' | 'risky' | 'todo' | 'locked';

export function Stepper() {
  const store = useWizardStore();
  const { draft, step: current, reached } = useWizardState(store, (s) => s);
  const { analysis } = useAnalysis();
  const steps = applicableSteps(draft);

  const statusOf = (step: StepId): Status[] => {
    const statuses: Status[] = [];
    if (step === current) statuses.push('current');
    if (stepIndex(step) > stepIndex(reached)) return [...statuses, 'locked'];
    const passed = stepIndex(step) < stepIndex(reached);
    const hasProblem = analysis?.problems.some((p) => p.step === step) ?? false;
    // A step that holds a risky choice says so instead of a plain ✓ (issue 21, item 3).
    const hasRisk =
      analysis?.warnings.some((w) => w.step === step && warningTier(w) === 'risky') ?? false;
    if (passed && hasProblem) statuses.push('problem');
    else if (passed && hasRisk && step !== 'review') statuses.push('risky');
    else if (passed && step !== 'review') statuses.push('done');
    else statuses.push('todo');
    return statuses;
  };

  return (
    <nav className="stepper" aria-label="Wizard steps">
      {/* Narrow screens only (global.css): the markers alone would be bare numbers (issue 21, item 5). */}
      <p className="stepper__current">
        Step {steps.indexOf(current) + 1} of {steps.length} · {STEPS[current].label}
      </p>
      <ol>
        {steps.map((step, index) => {
          const status = statusOf(step);
          const isCurrent = status.includes('current');
          const marker = status.includes('problem') ? (
            <span className="stepper__marker stepper__marker--problem" aria-hidden>
              !
            </span>
          ) : status.includes('risky') ? (
            <span className="stepper__marker stepper__marker--risky" aria-hidden>
              <WarningIcon />
            </span>
          ) : status.includes('done') ? (
            <span className="stepper__marker stepper__marker--done" aria-hidden>
              <CheckIcon />
            </span>
          ) : (
            <span className="stepper__marker" aria-hidden>
              {index + 1}
            </span>
          );
          const state = status.includes('problem')
            ? ', needs attention'
            : status.includes('risky')
              ? ', done, with a risky choice'
              : status.includes('done')
                ? ', done'
                : status.includes('locked')
                  ? ', not reached yet'
                  : '';
          const content = (
            <>
              {marker}
              <span className="stepper__label">{STEPS[step].label}</span>
              {state && <span className="visually-hidden">{state}</span>}
            </>
          );
          return (
            <li key={step}>
              {status.includes('locked') ? (
                <span className="stepper__link stepper__link--locked">{content}</span>
              ) : (
                <a
                  className="stepper__link"
                  href={encodeFragment({ draft, step, reached })}
                  aria-current={isCurrent ? 'step' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    if (!isCurrent) store.goTo(step);
                  }}
                >
                  {content}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
