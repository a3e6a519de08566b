import type { Warning } from '@wizard/shared';
import { warningTier } from '@wizard/shared/rules/warning-tiers';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The heading counts what the list shows, by tier (issue 21, item 3): "1 risky choice, 1 for your
 * network team, 3 facts".
 */
export function warningsTitle(warnings: readonly Pick<Warning, 'code' | 'severity'>[]): string {
  const count = (tier: ReturnType<typeof warningTier>) =>
    warnings.filter((w) => warningTier(w) === tier).length;
  const parts = [
    [count('risky'), 'risky choice', 'risky choices'],
    [count('network'), 'for your network team', 'for your network team'],
    [count('fact'), 'fact', 'facts'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => plural(n, one, many))
    .join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
