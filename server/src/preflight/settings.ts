/**
 * When `POST /api/preflight` may run. It makes this machine open connections to the proxy named in
 * the request, so it is on by default only where nobody else can ask: a server listening on a
 * loopback address (the default, `HOST=127.0.0.1`). A server shared with a team (`HOST=0.0.0.0`)
 * needs `PREFLIGHT=on`; `PREFLIGHT=off` turns it off everywhere.
 */
import { isIPv4 } from '@wizard/shared';
import type { PlanSources } from './probe.ts';
import type { PreflightTimeouts } from '@wizard/shared/preflight';

export interface PreflightOptions extends PlanSources {
  enabled: boolean;
  /**
   * Answer only requests addressed to a loopback name (`Host: 127.0.0.1`, `localhost`, `[::1]`).
   * On a loopback listener any other name means DNS rebinding: a web page whose own name resolves
   * to 127.0.0.1, trying to drive the preflight from the user's browser.
   */
  loopbackHostsOnly?: boolean;
  /** Shorter limits for tests; issue 6's by default (probe.ts). */
  timeouts?: Partial<PreflightTimeouts>;
  concurrency?: number;
  /** Overrides for the preflight's own, tighter rate limit (plugins/rate-limit.ts). */
  rateLimit?: { max?: number; timeWindow?: number | string };
}

/** Whether a listen address only accepts connections from this machine. */
export function isLoopbackAddress(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (address === 'localhost' || address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return isIPv4(v4) && v4.startsWith('127.');
}

export const PREFLIGHT_VALUES = ['on', 'off'] as const;

/**
 * The preflight settings for a listen address and the `PREFLIGHT` variable, or the sentence to
 * exit with when the variable holds something else.
 */
export function preflightSettings(
  host: string,
  value: string | undefined,
): { ok: true; options: PreflightOptions } | { ok: false; message: string } {
  if (value === undefined || value === '') {
    const enabled = isLoopbackAddress(host);
    return { ok: true, options: { enabled, loopbackHostsOnly: enabled } };
  }
  if (value === 'on') return { ok: true, options: { enabled: true } };
  if (value === 'off') return { ok: true, options: { enabled: false } };
  return {
    ok: false,
    message: `PREFLIGHT must be on or off (or unset: on only when HOST is a loopback address), not ${JSON.stringify(value)}.`,
  };
}
