/** What is missing or wrong, each with a link to fix it: shown instead of a stale or empty preview. */
import type { Problem } from '../wizard/analysis/analysis.ts';
import { fieldLabelOf } from '../wizard/registry/step-values.ts';
import { STEPS } from '../wizard/registry/steps.ts';
import { GoToLink } from './go-to-link.tsx';

export function ProblemsList({ problems }: { problems: Problem[] }) {
  return (
    <ul className="issue-list">
      {problems.map((problem) => (
        <li key={`${problem.path.join('.')}:${problem.message}`} className="issue-list__item">
          <GoToLink path={problem.path}>
            {STEPS[problem.step].label} › {fieldLabelOf(problem.path)}
          </GoToLink>
          <span className="issue-list__message">{problem.message}</span>
        </li>
      ))}
    </ul>
  );
}
