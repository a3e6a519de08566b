/**
 * The lines `POST /api/preflight` streams (issue 6), one JSON object per line. Types only: the server
 * writes them (server/src/preflight/) and the web app reads the stream with the same names.
 *
 * The order is fixed: `reach`, then `tls` for an HTTPS proxy, then one `connect` line per allowlist
 * domain in the order the checks finish, then `summary`, always last.
 */

/** A check on the proxy itself. */
export type ProxyCheckStatus = 'ok' | 'error';

/** A TCP connection to the proxy's host and port. */
export interface ReachCheck {
  check: 'reach';
  status: ProxyCheckStatus;
  host: string;
  port: number;
  /** The address the host resolved to and the connection went to, when it connected. */
  address?: string;
  ms: number;
  detail: string;
}

/** A TLS handshake with an HTTPS proxy, and what its certificate says. */
export interface TlsCheck {
  check: 'tls';
  /**
   * `ok` when the handshake succeeded and the certificate is trusted, or is not but
   * `verifyCertificate` is off (then `verified` is false).
   */
  status: ProxyCheckStatus;
  /** Whether the certificate chains to the custom CA (or the system store) and names the host. */
  verified: boolean;
  /** The proxy certificate's subject and issuer, as `CN=…, O=…`. */
  subject?: string;
  issuer?: string;
  /** When the proxy certificate expires (ISO 8601). */
  validTo?: string;
  ms: number;
  detail: string;
}

/**
 * The proxy's answer to `CONNECT host:443`: 200 `allowed`, 403 `blocked`, 407 `auth-required`,
 * anything else (or no answer) `error`. `skipped` when there is nothing concrete to check (a
 * wildcard without a known host under it) or the proxy could not be reached at all.
 */
export type ConnectStatus = 'allowed' | 'blocked' | 'auth-required' | 'error' | 'skipped';

export interface ConnectCheck {
  check: 'connect';
  /** The allowlist entry, as the allowlist files write it (`*.self-hosted.carto.com`). */
  domain: string;
  /** The host the CONNECT asked for: the domain, or a known host under a wildcard. */
  host?: string;
  status: ConnectStatus;
  /** The proxy's HTTP status, or null when it gave none. */
  httpStatus: number | null;
  ms: number;
  detail: string;
}

/**
 * The tally, always the last line. `blocked` counts 403 and 407 (CARTO sends no proxy credentials,
 * so both need the proxy admin), as check-proxy.sh does; `errors` counts connect errors plus a
 * failed reach or TLS check. Skipped domains are in none of them.
 */
export interface PreflightSummary {
  check: 'summary';
  allowed: number;
  blocked: number;
  errors: number;
}

export type PreflightLine = ReachCheck | TlsCheck | ConnectCheck | PreflightSummary;

/** How long each step may take, in milliseconds. */
export interface PreflightTimeouts {
  /** The TCP connection to the proxy. */
  reach: number;
  /** The TLS handshake with an HTTPS proxy. */
  tls: number;
  /** One CONNECT, from opening the connection to the proxy's answer. */
  connect: number;
  /** The whole run; checks still pending then end as errors. */
  total: number;
}
