/**
 * When `POST /api/preflight` may run. It makes this machine open connections to the proxy named in
 * the request, so it is on by default only where nobody else can ask: a server listening on a
 * loopback address (the default, `HOST=127.0.0.1`). A server shared with a team (`HOST=0.0.0.0`)
 * needs `PREFLIGHT=on`; `PREFLIGHT=off` turns it off everywhere.
 */
import { isDnsName, isIPv4, isIPv6, unusualIPv4, urlHostname } from '@wizard/shared';
import { LOOPBACK_HOST } from '../plugins/helmet.ts';
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
  /**
   * With `PREFLIGHT=on`: the host names besides loopback names and IP literals that a request may
   * be addressed to (`PREFLIGHT_HOSTS`, and `HOST` when it is a name). Any other name is refused,
   * as DNS rebinding would bring it.
   */
  allowedHostNames?: readonly string[];
  /** Shorter limits for tests; issue 6's by default (probe.ts). */
  timeouts?: Partial<PreflightTimeouts>;
  concurrency?: number;
  /** Overrides for the preflight's own, tighter rate limit (plugins/rate-limit.ts). */
  rateLimit?: { max?: number; timeWindow?: number | string };
}

/**
 * Whether a listen address only accepts connections from this machine. Other spellings of an IPv4
 * address (`0x7f.0.0.1`, `::ffff:127.0.0.1`) are read as the resolver reads them, as the proxy
 * host's are (shared `unusualIPv4`), so both agree on what is loopback (issue 13, item 15).
 */
export function isLoopbackAddress(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (address === 'localhost' || (isIPv6(address) && urlHostname(`[${address}]`) === '[::1]'))
    return true;
  const v4 = unusualIPv4(address) ?? address;
  return isIPv4(v4) && v4.startsWith('127.');
}

/**
 * Whether a request's Host may start a preflight with `PREFLIGHT=on` (issue 13, item 15). A DNS
 * rebinding page always arrives under its own DNS name, so loopback names, IP literals and the
 * names the server was given (`PREFLIGHT_HOSTS`, and `HOST` when it is a name) are safe; any
 * other name is refused.
 */
export function hostHeaderAllowed(hostname: string, names: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (LOOPBACK_HOST.test(host) || isIPv4(bare) || (host.startsWith('[') && isIPv6(bare))) {
    return true;
  }
  return names.includes(host.replace(/\.$/, ''));
}

/** `PREFLIGHT_HOSTS`: comma-separated DNS names, or the sentence to exit with. */
function hostNames(
  host: string,
  value: string | undefined,
): { ok: true; names: string[] } | { ok: false; message: string } {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase().replace(/\.$/, ''))
    .filter(Boolean);
  const wrong = names.find((name) => !isDnsName(name));
  if (wrong !== undefined) {
    return {
      ok: false,
      message: `PREFLIGHT_HOSTS must list host names separated by commas (wizard.corp.example), not ${JSON.stringify(wrong)}.`,
    };
  }
  const listen = host.toLowerCase();
  if (isDnsName(listen) && !names.includes(listen)) names.push(listen);
  return { ok: true, names };
}

export const PREFLIGHT_VALUES = ['on', 'off'] as const;

/**
 * The preflight settings for a listen address and the `PREFLIGHT` variable, or the sentence to
 * exit with when the variable holds something else.
 */
export function preflightSettings(
  host: string,
  value: string | undefined,
  hosts?: string,
): { ok: true; options: PreflightOptions } | { ok: false; message: string } {
  if (value === undefined || value === '') {
    const enabled = isLoopbackAddress(host);
    return { ok: true, options: { enabled, loopbackHostsOnly: enabled } };
  }
  if (value === 'on') {
    const names = hostNames(host, hosts);
    if (!names.ok) return names;
    return { ok: true, options: { enabled: true, allowedHostNames: names.names } };
  }
  if (value === 'off') return { ok: true, options: { enabled: false } };
  return {
    ok: false,
    message: `PREFLIGHT must be on or off (or unset: on only when HOST is a loopback address), not ${JSON.stringify(value)}.`,
  };
}
