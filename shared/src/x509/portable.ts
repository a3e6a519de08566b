/**
 * The certificate parser in the browser: the standard ASN.1 X.509 schema of @peculiar/asn1-x509, which
 * needs no platform crypto. Chosen by the `#x509` import's default condition (shared/package.json).
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  BasicConstraints,
  Certificate,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  KeyUsage,
  KeyUsageFlags,
  Name,
} from '@peculiar/asn1-x509';
import type { ParseDer, ParsedCertificate } from './types.ts';

/** OpenSSL's short names, so both parsers print names alike. */
const OID_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
};

function nameToString(name: Name): string {
  return name
    .map((rdn) =>
      rdn
        .map((attr) => `${OID_NAMES[attr.type] ?? attr.type}=${attr.value.toString()}`)
        .join(' + '),
    )
    .join(', ');
}

export const parseDer: ParseDer = (der): ParsedCertificate | undefined => {
  try {
    const tbs = AsnConvert.parse(der, Certificate).tbsCertificate;
    const extension = (id: string) => tbs.extensions?.find((ext) => ext.extnID === id)?.extnValue;
    const constraints = extension(id_ce_basicConstraints);
    const usage = extension(id_ce_keyUsage);
    // As OpenSSL's X509_check_ca() == 1 (Node's `ca`): basicConstraints cA, and keyCertSign if keyUsage is set.
    const canSign =
      usage === undefined ||
      (AsnConvert.parse(usage, KeyUsage).toNumber() & KeyUsageFlags.keyCertSign) !== 0;
    return {
      subject: nameToString(tbs.subject),
      issuer: nameToString(tbs.issuer),
      notBefore: tbs.validity.notBefore.getTime().toISOString(),
      notAfter: tbs.validity.notAfter.getTime().toISOString(),
      isCa:
        canSign && constraints !== undefined && AsnConvert.parse(constraints, BasicConstraints).cA,
    };
  } catch {
    return undefined;
  }
};
