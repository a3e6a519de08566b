/**
 * The certificate parser on Node (server and CLI): OpenSSL through `crypto.X509Certificate`, native and
 * about 2.5× faster than the portable parser. Chosen by the `#x509` import's `node` condition
 * (shared/package.json); x509.test.ts checks that both parsers read certificates the same way.
 */
import { X509Certificate } from 'node:crypto';
import type { ParseDer, ParsedCertificate } from './types.ts';

/** OpenSSL prints one RDN per line; the wizard shows them comma-separated. */
const oneLine = (name: string) => name.split('\n').join(', ');

export const parseDer: ParseDer = (der): ParsedCertificate | undefined => {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    return undefined;
  }
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    isCa: cert.ca,
  };
};
