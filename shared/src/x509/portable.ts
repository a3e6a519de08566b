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
  type Validity,
} from '@peculiar/asn1-x509';
import { isoInstant, type ParseDer } from './types.ts';

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

/** The validity time as ISO 8601, or undefined when the ASN.1 time holds no real instant. */
function instant(time: { getTime(): Date }): string | undefined {
  try {
    return isoInstant(time.getTime());
  } catch {
    return undefined;
  }
}

function includes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Whether the validity times are real instants as written. The schema reads `991399999999Z`
 * (month 13) or `260230…Z` (30 February) through Date.UTC, which rolls over into another date,
 * where OpenSSL refuses the time: encoding the dates it read again gives other bytes than the
 * certificate's own then.
 */
function validityReadsBack(der: Uint8Array, validity: Validity): boolean {
  try {
    return includes(der, new Uint8Array(AsnConvert.serialize(validity)));
  } catch {
    return false;
  }
}

export const parseDer: ParseDer = (der) => {
  try {
    const tbs = AsnConvert.parse(der, Certificate).tbsCertificate;
    // As node.ts: a structure that reads with a time that does not (issue 13, item 1).
    const notBefore = instant(tbs.validity.notBefore);
    const notAfter = instant(tbs.validity.notAfter);
    if (notBefore === undefined || notAfter === undefined || !validityReadsBack(der, tbs.validity))
      return { problem: 'validity' };
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
      notBefore,
      notAfter,
      isCa:
        canSign && constraints !== undefined && AsnConvert.parse(constraints, BasicConstraints).cA,
    };
  } catch {
    return undefined;
  }
};
