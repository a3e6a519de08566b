/** egress-rules.md: what must be allowed directly, because it does not go through the proxy (only when something does). */
import type { Answers } from '../answers.ts';
import type { EgressRule } from '../domain-types.ts';
import { headerLine } from './header.ts';

export function renderEgressRules(answers: Answers, rules: readonly EgressRule[]): string {
  const lines = [
    `<!-- ${headerLine(answers)} -->`,
    '',
    '# Egress rules: traffic that bypasses the proxy',
    '',
    'This traffic from CARTO does not go through the proxy. If your firewall or network policies restrict',
    'outbound traffic, allow it directly from the CARTO hosts (or pods):',
    '',
    '| Destination | Protocol | Port | Why |',
    '|---|---|---|---|',
    ...rules.map((r) => `| ${r.target} | ${r.protocol.toUpperCase()} | ${r.port} | ${r.reason} |`),
    '',
    'Use your own host names and ports where the table says "your …" (for example a PostgreSQL server on a non-default port).',
    '',
  ];
  return lines.join('\n');
}
