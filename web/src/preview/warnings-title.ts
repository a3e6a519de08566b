type Severity = 'error' | 'warning' | 'info';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The heading counts what the list shows: "3 warnings, 2 notes" (issue 11, item 13). */
export function warningsTitle(warnings: readonly { severity: Severity }[]): string {
  const count = (severity: Severity) => warnings.filter((w) => w.severity === severity).length;
  const parts = [
    [count('error'), 'error', 'errors'],
    [count('warning'), 'warning', 'warnings'],
    [count('info'), 'note', 'notes'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => plural(n, one, many))
    .join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
