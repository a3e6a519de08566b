/** The renderer's warnings, most severe first, each linking to the step and field that caused it. */
import { useId } from 'react';
import type { DraftAnalysis } from '../wizard/analysis.ts';
import { AlertIcon, InfoIcon, WarningIcon } from '../components/icons.tsx';
import { fieldLabelOf } from '../wizard/step-values.ts';
import { STEPS } from '../wizard/steps.ts';
import { GoToLink } from './go-to-link.tsx';
import { warningsTitle } from './warnings-title.ts';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const NAMES = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function WarningsList({
  warnings,
  headingLevel = 3,
}: {
  warnings: DraftAnalysis['warnings'];
  headingLevel?: 2 | 3;
}) {
  const id = useId();
  if (warnings.length === 0) return null;
  const sorted = [...warnings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="warnings" aria-labelledby={id}>
      <Heading id={id} className="warnings__title">
        {warningsTitle(warnings)}
      </Heading>
      <ul className="warnings__list">
        {sorted.map((warning) => {
          const Icon =
            warning.severity === 'info'
              ? InfoIcon
              : warning.severity === 'error'
                ? AlertIcon
                : WarningIcon;
          return (
            <li
              key={`${warning.code}:${warning.path.join('.')}:${warning.message}`}
              className={`warning warning--${warning.severity}`}
            >
              <Icon className="warning__icon" />
              <div>
                <p>
                  <span className="visually-hidden">{NAMES[warning.severity]}: </span>
                  {warning.message}
                </p>
                {warning.path.length > 0 && (
                  <GoToLink path={warning.path}>
                    Go to {STEPS[warning.step].label} › {fieldLabelOf(warning.path)}
                  </GoToLink>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
