/**
 * The lines `POST /api/preflight` streams (issue 6), one JSON object per line. The server writes them
 * (server/src/preflight/), the web app reads the stream, and a finished run can be sent back with a
 * download so the zip's README records it: the schemas here validate it then, so they are the types too.
 *
 * The order is fixed: `reach`, then `tls` for an HTTPS proxy, then one `connect` line per allowlist
 * domain in the order the checks finish, then `summary`, always last.
 */
import { z } from 'zod';

/**
 * The bounds of every field, shared by the schemas below and by `clampPreflightLine`, which the
 * stream applies to each line it writes: a run the server produced always passes the schema that
 * reads it back with a download (issue 13, item 3).
 */
export const PREFLIGHT_LIMITS = {
  detail: 1000,
  /** A TLS subject or issuer, `CN=…, O=…`. */
  name: 1000,
  host: 253,
  connectHost: 255,
  address: 64,
  validTo: 64,
  ms: 600_000,
  httpStatus: { min: 100, max: 999 },
} as const;

const detail = z.string().max(PREFLIGHT_LIMITS.detail);
const ms = z.number().nonnegative().max(PREFLIGHT_LIMITS.ms);

/** A check on the proxy itself. */
export const ProxyCheckStatusSchema = z.enum(['ok', 'error']);
export type ProxyCheckStatus = z.infer<typeof ProxyCheckStatusSchema>;

/** A TCP connection to the proxy's host and port. */
export const ReachCheckSchema = z.strictObject({
  check: z.literal('reach'),
  status: ProxyCheckStatusSchema,
  host: z.string().max(PREFLIGHT_LIMITS.host),
  port: z.number().int().min(1).max(65535),
  /** The address the host resolved to and the connection went to, when it connected. */
  address: z.string().max(PREFLIGHT_LIMITS.address).optional(),
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
  subject: z.string().max(PREFLIGHT_LIMITS.name).optional(),
  issuer: z.string().max(PREFLIGHT_LIMITS.name).optional(),
  /** When the proxy certificate expires (ISO 8601). */
  validTo: z.string().max(PREFLIGHT_LIMITS.validTo).optional(),
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
  host: z.string().max(PREFLIGHT_LIMITS.connectHost).optional(),
  status: ConnectStatusSchema,
  /** The proxy's HTTP status, or null when it gave none (or one outside 100–999, such as `000`). */
  httpStatus: z
    .number()
    .int()
    .min(PREFLIGHT_LIMITS.httpStatus.min)
    .max(PREFLIGHT_LIMITS.httpStatus.max)
    .nullable(),
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
  /**
   * The host name of the machine the checks ran from (the wizard's server), so the result says
   * where the proxy answered: not necessarily where CARTO runs (issue 21, item 6).
   */
  from: z.string().max(PREFLIGHT_LIMITS.host).optional(),
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

/** At most `max` UTF-16 units (zod's `.max()` unit), ending in … when cut, no half surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

const clampMs = (value: number) =>
  Number.isFinite(value) ? Math.min(PREFLIGHT_LIMITS.ms, Math.max(0, Math.round(value))) : 0;

/**
 * A line as the schema accepts it: long texts cut, times bounded, an HTTP status outside 100–999
 * (a proxy answering `HTTP/1.1 000`) as null, since the detail already quotes what the proxy said.
 */
export function clampPreflightLine(line: PreflightLine): PreflightLine {
  switch (line.check) {
    case 'reach':
      return {
        ...line,
        host: cut(line.host, PREFLIGHT_LIMITS.host),
        ...(line.address === undefined
          ? {}
          : { address: cut(line.address, PREFLIGHT_LIMITS.address) }),
        ms: clampMs(line.ms),
        detail: cut(line.detail, PREFLIGHT_LIMITS.detail),
      };
    case 'tls':
      return {
        ...line,
        ...(line.subject === undefined
          ? {}
          : { subject: cut(line.subject, PREFLIGHT_LIMITS.name) }),
        ...(line.issuer === undefined ? {} : { issuer: cut(line.issuer, PREFLIGHT_LIMITS.name) }),
        ...(line.validTo === undefined
          ? {}
          : { validTo: cut(line.validTo, PREFLIGHT_LIMITS.validTo) }),
        ms: clampMs(line.ms),
        detail: cut(line.detail, PREFLIGHT_LIMITS.detail),
      };
    case 'connect': {
      const { httpStatus } = line;
      const { min, max } = PREFLIGHT_LIMITS.httpStatus;
      return {
        ...line,
        ...(line.host === undefined ? {} : { host: cut(line.host, PREFLIGHT_LIMITS.connectHost) }),
        httpStatus:
          httpStatus !== null &&
          Number.isInteger(httpStatus) &&
          httpStatus >= min &&
          httpStatus <= max
            ? httpStatus
            : null,
        ms: clampMs(line.ms),
        detail: cut(line.detail, PREFLIGHT_LIMITS.detail),
      };
    }
    case 'summary':
      return line;
  }
}

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
