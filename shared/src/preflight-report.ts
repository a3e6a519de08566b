/**
 * A finished "Test my proxy" run read for a person (issue 11, item 11): the outcome first, then the
 * failures grouped by cause, one paragraph each ("the proxy asks for authentication (407) for all 13
 * domains", not 13 rows), an unreachable proxy as one message, and the exact list of domains the proxy
 * admin must open. 407 is its own status: CARTO sends no proxy credentials (carto-proxy-facts.md), so
 * the proxy must let it through without them, which is not the same request as "allow this domain".
 */
import type {
  ConnectCheck,
  ConnectStatus,
  PreflightLine,
  ReachCheck,
  TlsCheck,
} from './preflight.ts';

export type FailureCause = Exclude<ConnectStatus, 'allowed' | 'skipped'>;

export interface FailureGroup {
  cause: FailureCause;
  /** Allowlist entries, as the allowlist files write them, in the run's order. */
  domains: string[];
  /** One paragraph: what the proxy did, for how many domains, and what to ask the proxy admin. */
  text: string;
}

export interface PreflightReport {
  /** The one-line outcome, shown first and announced. */
  outcome: string;
  /** The proxy itself failed (unreachable, TLS): one message, and the domains were not tried. */
  proxyFailure?: string;
  groups: FailureGroup[];
  counts: { allowed: number; blocked: number; authRequired: number; errors: number };
  /** Every domain the proxy did not let through (one per line when copied): what to open. */
  toOpen: string[];
}

/** The word for each connect status, in the UI and everywhere a run is shown. */
export const CONNECT_STATUS_TEXT: Record<ConnectStatus, string> = {
  allowed: 'Allowed',
  blocked: 'Blocked',
  'auth-required': 'Auth required',
  error: 'Error',
  skipped: 'Not tried',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function groupText(cause: FailureCause, domains: string[], total: number): string {
  const count =
    domains.length === total && total > 1
      ? `all ${total} domains`
      : plural(domains.length, 'domain');
  const list = domains.join(', ');
  switch (cause) {
    case 'auth-required':
      return `The proxy asks for authentication (407) for ${count}: ${list}. CARTO sends no proxy credentials, so ask the proxy admin to let CARTO reach them without authentication.`;
    case 'blocked':
      return `The proxy refuses (403) ${count}: ${list}. Ask the proxy admin to allow them (squid-allowlist.conf or proxy-allowlist.txt in the download).`;
    case 'error':
      return `No usable answer from the proxy for ${count}: ${list}. The proxy may not resolve or reach them, or took too long; the proxy admin can tell from its logs.`;
  }
}

const CAUSES: FailureCause[] = ['auth-required', 'blocked', 'error'];

export function preflightReport(lines: readonly PreflightLine[]): PreflightReport {
  const reach = lines.find((line): line is ReachCheck => line.check === 'reach');
  const tls = lines.find((line): line is TlsCheck => line.check === 'tls');
  const connects = lines.filter((line): line is ConnectCheck => line.check === 'connect');
  const tried = connects.filter((line) => line.status !== 'skipped');
  const of = (status: ConnectStatus) => connects.filter((line) => line.status === status);
  const counts = {
    allowed: of('allowed').length,
    blocked: of('blocked').length,
    authRequired: of('auth-required').length,
    errors: of('error').length,
  };

  if (reach?.status === 'error' || tls?.status === 'error') {
    const failed = reach?.status === 'error' ? reach : tls;
    const what =
      reach?.status === 'error'
        ? 'The proxy could not be reached from the wizard’s server.'
        : 'The TLS handshake with the proxy failed.';
    return {
      outcome: what,
      proxyFailure:
        `${failed?.detail ?? ''} No domain was tried. Check the host and port on the Proxy step, and that the wizard runs in the network where CARTO runs: the check goes from the wizard’s server.`.trim(),
      groups: [],
      counts,
      toOpen: [],
    };
  }

  const groups = CAUSES.flatMap((cause) => {
    const domains = of(cause).map((line) => line.domain);
    return domains.length > 0
      ? [{ cause, domains, text: groupText(cause, domains, tried.length) }]
      : [];
  });
  const failedCount = counts.blocked + counts.authRequired + counts.errors;
  const outcome =
    failedCount === 0
      ? `The proxy lets CARTO through: ${counts.allowed} of ${counts.allowed} domains allowed.`
      : `Not every domain gets through: ${[
          `${counts.allowed} allowed`,
          `${counts.blocked} blocked`,
          ...(counts.authRequired > 0 ? [`${counts.authRequired} auth required`] : []),
          plural(counts.errors, 'error'),
        ].join(', ')}.`;
  return {
    outcome,
    groups,
    counts,
    toOpen: connects
      .filter((line) => line.status !== 'allowed' && line.status !== 'skipped')
      .map((line) => line.domain),
  };
}
