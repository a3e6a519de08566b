/** Issue lists as the API and the CLI report them. */
import type { AnswerIssue } from '@wizard/shared';

/** At most this many issues in one answer: a huge invalid list must not make a huge reply. */
export const ISSUES_MAX = 50;

/**
 * The first `ISSUES_MAX` issues, then one that says how many more there are (issue 13, item 6):
 * 80,000 bad list elements once answered 10 MB. The client fixes the first ones and sends again.
 */
export function capIssues(issues: readonly AnswerIssue[], max = ISSUES_MAX): AnswerIssue[] {
  if (issues.length <= max) return [...issues];
  const more = issues.length - max;
  return [
    ...issues.slice(0, max),
    { path: [], message: `And ${more} more ${more === 1 ? 'issue' : 'issues'}: fix these first.` },
  ];
}
