/**
 * Which warnings ask the user to decide, which are for the network team, and which are facts the
 * files already account for (issue 21, item 3). One place: the web list, the stepper and any other
 * client read the tier from here instead of guessing from the severity.
 *
 * - `risky`: a choice or an input that weakens or breaks the setup (certificate verification off, an
 *   expired CA, an excluded domain that will not match): Fix it, or Keep it knowingly.
 * - `network`: traffic that must be allowed outside the proxy: for whoever runs the firewall.
 * - `fact`: instructions the files already carry, and notes about the release: read when curious.
 */
import type { Warning } from '../domain-types.ts';

export type WarningTier = 'risky' | 'network' | 'fact';

const NETWORK = new Set(['grpc-bypasses-https-proxy', 'snowflake-bypass-added']);

/** Written into the files' steps already (kots-proxy-setup.md, README.md): a fact, not a decision. */
const FACTS = new Set([
  'release-newer-than-known',
  'release-assumed',
  'pubsub-rest-api',
  'release-ca-key',
  'release-ca-proxy-ssl-ca',
  'release-ca-configmap',
  'release-ca-host-trust',
  'kots-installer-flags',
]);

export function warningTier(warning: Pick<Warning, 'code' | 'severity'>): WarningTier {
  if (NETWORK.has(warning.code)) return 'network';
  if (FACTS.has(warning.code)) return 'fact';
  return warning.severity === 'info' ? 'fact' : 'risky';
}

/** The same message once (a rule can fire for several fields with the same words). */
export function withoutDuplicates<W extends Pick<Warning, 'message'>>(warnings: readonly W[]): W[] {
  const seen = new Set<string>();
  return warnings.filter((w) => !seen.has(w.message) && (seen.add(w.message), true));
}

/** The risky choices the user decides on, each once: what the list shows and the counts say. */
export function riskyChoices<W extends Pick<Warning, 'code' | 'severity' | 'message'>>(
  warnings: readonly W[],
): W[] {
  return withoutDuplicates(warnings).filter((w) => warningTier(w) === 'risky');
}
