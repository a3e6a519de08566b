/** What the wizard reads from one X.509 certificate, the same on every platform. */
export interface ParsedCertificate {
  /** Distinguished name as `CN=…, O=…`, in the order the certificate lists it. */
  subject: string;
  issuer: string;
  /** ISO 8601 instants. */
  notBefore: string;
  notAfter: string;
  /** basicConstraints cA. */
  isCa: boolean;
}

/**
 * A certificate whose structure reads but whose validity time does not (a notBefore of
 * `991399999999Z`): OpenSSL prints it as "Bad time value", which no Date can hold.
 */
export interface UnreadableValidity {
  problem: 'validity';
}

/** Parses DER bytes; undefined when they are not a certificate. */
export type ParseDer = (der: Uint8Array) => ParsedCertificate | UnreadableValidity | undefined;

/** An instant as ISO 8601, or undefined for an Invalid Date (whose toISOString() throws). */
export function isoInstant(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
