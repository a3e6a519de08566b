/**
 * The certificate parser on Node (server and CLI): OpenSSL through `crypto.X509Certificate`, native and
 * about 2.5× faster than the portable parser. Chosen by the `#x509` import's `node` condition
 * (shared/package.json); x509.test.ts checks that both parsers read certificates the same way.
 */
import { X509Certificate } from 'node:crypto';
import { isoInstant, type ParseDer } from './types.ts';

/** OpenSSL prints one RDN per line; the wizard shows them comma-separated. */
const oneLine = (name: string) => name.split('\n').join(', ');

export const parseDer: ParseDer = (der) => {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    return undefined;
  }
  // OpenSSL prints an unreadable time as "Bad time value" (issue 13, item 1).
  const notBefore = isoInstant(new Date(cert.validFrom));
  const notAfter = isoInstant(new Date(cert.validTo));
  if (notBefore === undefined || notAfter === undefined) return { problem: 'validity' };
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    notBefore,
    notAfter,
    isCa: cert.ca,
  };
};
