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

/** Parses DER bytes; undefined when they are not a certificate. */
export type ParseDer = (der: Uint8Array) => ParsedCertificate | undefined;
