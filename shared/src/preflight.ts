/**
 * The lines `POST /api/preflight` streams (issue 6), one JSON object per line. The server writes them
 * (server/src/preflight/), the web app reads the stream, and a finished run can be sent back with a
 * download so the zip's README records it: the schemas here validate it then, so they are the types too.
 *
 * The order is fixed: `reach`, then `tls` for an HTTPS proxy, then one `connect` line per allowlist
 * domain in the order the checks finish, then `summary`, always last.
 */
import { z } from 'zod';

const detail = z.string().max(1000);
const ms = z.number().nonnegative().max(600_000);

/** A check on the proxy itself. */
export const ProxyCheckStatusSchema = z.enum(['ok', 'error']);
export type ProxyCheckStatus = z.infer<typeof ProxyCheckStatusSchema>;

/** A TCP connection to the proxy's host and port. */
export const ReachCheckSchema = z.strictObject({
  check: z.literal('reach'),
  status: ProxyCheckStatusSchema,
  host: z.string().max(253),
  port: z.number().int().min(1).max(65535),
  /** The address the host resolved to and the connection went to, when it connected. */
  address: z.string().max(64).optional(),
  ms,
  detail,
});
export type ReachCheck = z.infer<typeof ReachCheckSchema>;

/** A TLS handshake with an HTTPS proxy, and what its certificate says. */
export const TlsCheckSchema = z.strictObject({
  check: z.literal('tls'),
  /**
   * `ok` when the handshake succeeded and the certificate is trusted, or is not but
   * `verifyCertificate` is off (then `verified` is false).
   */
  status: ProxyCheckStatusSchema,
  /** Whether the certificate chains to the custom CA (or the system store) and names the host. */
  verified: z.boolean(),
  /** The proxy certificate's subject and issuer, as `CN=…, O=…`. */
  subject: z.string().max(1000).optional(),
  issuer: z.string().max(1000).optional(),
  /** When the proxy certificate expires (ISO 8601). */
  validTo: z.string().max(64).optional(),
  ms,
  detail,
});
export type TlsCheck = z.infer<typeof TlsCheckSchema>;

/**
 * The proxy's answer to `CONNECT host:443`: 200 `allowed`, 403 `blocked`, 407 `auth-required`,
 * anything else (or no answer) `error`. `skipped` when there is nothing concrete to check (a
 * wildcard without a known host under it) or the proxy could not be reached at all.
 */
export const ConnectStatusSchema = z.enum([
  'allowed',
  'blocked',
  'auth-required',
  'error',
  'skipped',
]);
export type ConnectStatus = z.infer<typeof ConnectStatusSchema>;

export const ConnectCheckSchema = z.strictObject({
  check: z.literal('connect'),
  /** The allowlist entry, as the allowlist files write it (`*.self-hosted.carto.com`). */
  domain: z.string().regex(/^[*a-z0-9._-]{1,255}$/i),
  /** The host the CONNECT asked for: the domain, or a known host under a wildcard. */
  host: z.string().max(255).optional(),
  status: ConnectStatusSchema,
  /** The proxy's HTTP status, or null when it gave none. */
  httpStatus: z.number().int().min(100).max(999).nullable(),
  ms,
  detail,
});
export type ConnectCheck = z.infer<typeof ConnectCheckSchema>;

/**
 * The tally, always the last line. `blocked` counts 403 and 407 (CARTO sends no proxy credentials,
 * so both need the proxy admin), as check-proxy.sh does; `errors` counts connect errors plus a
 * failed reach or TLS check. Skipped domains are in none of them.
 */
export const PreflightSummarySchema = z.strictObject({
  check: z.literal('summary'),
  allowed: z.number().int().nonnegative(),
  blocked: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
});
export type PreflightSummary = z.infer<typeof PreflightSummarySchema>;

export const PreflightLineSchema = z.discriminatedUnion('check', [
  ReachCheckSchema,
  TlsCheckSchema,
  ConnectCheckSchema,
  PreflightSummarySchema,
]);
export type PreflightLine = z.infer<typeof PreflightLineSchema>;

/** A finished run, as a download sends it back: at most a few hundred lines, ending with the summary. */
export const PreflightRunSchema = z
  .array(PreflightLineSchema)
  .min(2)
  .max(500)
  .refine((lines) => lines.at(-1)?.check === 'summary', {
    error: 'A proxy check run ends with its summary line.',
  });

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
