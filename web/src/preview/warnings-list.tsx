/**
 * The renderer's warnings in three tiers (issue 21, item 3; shared `warningTier`): risky choices to
 * decide (Fix goes to the field, Keep accepts it knowingly), what the network team must allow, and
 * facts the files already account for, collapsed. The same message is said once; every link says
 * what it does.
 */
import { useId, useState } from 'react';
import { riskyChoices, warningTier, withoutDuplicates } from '@wizard/shared/rules/warning-tiers';
import type { DraftAnalysis } from '../wizard/analysis/analysis.ts';
import { AlertIcon, InfoIcon, WarningIcon } from '../components/icons.tsx';
import { fieldLabelOf } from '../wizard/registry/step-values.ts';
import { STEPS } from '../wizard/registry/steps.ts';
import { GoToLink } from './go-to-link.tsx';
import { warningsTitle } from './warnings-title.ts';

type Item = DraftAnalysis['warnings'][number];

const keyOf = (w: Item) => `${w.code}:${w.path.join('.')}:${w.message}`;
const where = (w: Item) => `${STEPS[w.step].label} › ${fieldLabelOf(w.path)}`;

function Entry({
  warning,
  tone,
  children,
}: {
  warning: Item;
  tone: string;
  children?: React.ReactNode;
}) {
  const Icon = tone === 'info' ? InfoIcon : tone === 'error' ? AlertIcon : WarningIcon;
  return (
    <li className={`warning warning--${tone}`}>
      <Icon className="warning__icon" />
      <div>
        <p>{warning.message}</p>
        {children}
      </div>
    </li>
  );
}

export function WarningsList({
  warnings,
  headingLevel = 3,
  compact = false,
}: {
  warnings: DraftAnalysis['warnings'];
  headingLevel?: 2 | 3;
  /** Beside the steps: the risky choices only, the rest counted (they are all on Review). */
  compact?: boolean;
}) {
  const id = useId();
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const unique = withoutDuplicates(warnings);
  if (unique.length === 0) return null;
  const risky = riskyChoices(unique);
  const network = unique.filter((w) => warningTier(w) === 'network');
  const facts = unique.filter((w) => warningTier(w) === 'fact');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  if (compact && risky.length === 0) return null;

  return (
    <section className="warnings" aria-labelledby={id}>
      <Heading id={id} className="warnings__title" tabIndex={-1}>
        {warningsTitle(compact ? risky : unique)}
      </Heading>
      {risky.length > 0 && (
        <div className="warnings__tier">
          {!compact && <Sub className="warnings__tier-title">Risky choices: decide</Sub>}
          <ul className="warnings__list">
            {risky.map((warning) =>
              kept.has(keyOf(warning)) ? (
                <li key={keyOf(warning)} className="warning warning--kept">
                  <p className="muted">
                    Kept as it is: {where(warning)}.{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        setKept((s) => new Set([...s].filter((k) => k !== keyOf(warning))))
                      }
                    >
                      Show the warning again
                    </button>
                  </p>
                </li>
              ) : (
                <Entry
                  key={keyOf(warning)}
                  warning={warning}
                  tone={warning.severity === 'error' ? 'error' : 'warning'}
                >
                  <p className="warning__actions">
                    {warning.path.length > 0 && (
                      <GoToLink path={warning.path}>Fix: change {where(warning)}</GoToLink>
                    )}
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={`Keep ${where(warning)} as it is`}
                      onClick={() => setKept((s) => new Set([...s, keyOf(warning)]))}
                    >
                      Keep
                    </button>
                  </p>
                </Entry>
              ),
            )}
          </ul>
        </div>
      )}
      {compact && network.length + facts.length > 0 && (
        <p className="muted warnings__more">
          {network.length + facts.length} more for your network team and as facts on the Review
          step.
        </p>
      )}
      {!compact && network.length > 0 && (
        <div className="warnings__tier">
          <Sub className="warnings__tier-title">For your network team</Sub>
          <ul className="warnings__list">
            {network.map((warning) => (
              <Entry key={keyOf(warning)} warning={warning} tone="info">
                <p className="muted">Send them egress-rules.md: it lists this traffic.</p>
              </Entry>
            ))}
          </ul>
        </div>
      )}
      {!compact && facts.length > 0 && (
        <details className="warnings__tier warnings__facts">
          <summary>
            {facts.length} {facts.length === 1 ? 'fact' : 'facts'} the files already account for
          </summary>
          <ul className="warnings__list">
            {facts.map((warning) => (
              <Entry key={keyOf(warning)} warning={warning} tone="info">
                {warning.path.length > 0 && (
                  <GoToLink path={warning.path}>Check {where(warning)}</GoToLink>
                )}
              </Entry>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
