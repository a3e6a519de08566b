/**
 * Custom CA certificates pasted by the user: split into PEM blocks, refuse private keys, and read each
 * certificate with a standard ASN.1/X.509 parser (@peculiar/asn1-x509) that runs the same in Node and
 * in the browser. Nothing here echoes the content of a refused block back.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { BasicConstraints, Certificate, id_ce_basicConstraints, Name } from '@peculiar/asn1-x509';

/** 64 KiB: far more than any real CA bundle for one proxy. */
export const CUSTOM_CA_MAX_BYTES = 64 * 1024;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;

export interface CertificateInfo {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  isCa: boolean;
  selfSigned: boolean;
  /** The certificate re-encoded as clean PEM (64-character lines, LF endings). */
  pem: string;
}

export type PemInspection =
  { ok: true; certificates: CertificateInfo[] } | { ok: false; message: string };

const OID_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
};

function nameToString(name: Name): string {
  const parts: string[] = [];
  for (const rdn of name) {
    for (const attr of rdn) {
      const key = OID_NAMES[attr.type] ?? attr.type;
      parts.push(`${key}=${attr.value.toString()}`);
    }
  }
  return parts.join(', ');
}

function base64ToBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) {
    return undefined;
  }
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToPem(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const body = btoa(binary)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

function parseCertificate(der: Uint8Array): CertificateInfo | undefined {
  let cert: Certificate;
  try {
    cert = AsnConvert.parse(der, Certificate);
  } catch {
    return undefined;
  }
  const tbs = cert.tbsCertificate;
  let isCa = false;
  for (const ext of tbs.extensions ?? []) {
    if (ext.extnID === id_ce_basicConstraints) {
      try {
        isCa = AsnConvert.parse(ext.extnValue, BasicConstraints).cA;
      } catch {
        return undefined;
      }
    }
  }
  const subject = nameToString(tbs.subject);
  const issuer = nameToString(tbs.issuer);
  return {
    subject,
    issuer,
    notBefore: tbs.validity.notBefore.getTime().toISOString(),
    notAfter: tbs.validity.notAfter.getTime().toISOString(),
    isCa,
    selfSigned: subject === issuer,
    pem: bytesToPem(der),
  };
}

/**
 * Reads a pasted custom CA: one or more `CERTIFICATE` PEM blocks. A private key (any `PRIVATE KEY` block)
 * is refused with a message that does not repeat it; so is any other kind of block or unreadable content.
 */
export function inspectPem(text: string): PemInspection {
  if (new TextEncoder().encode(text).length > CUSTOM_CA_MAX_BYTES) {
    return {
      ok: false,
      message: 'The CA is larger than 64 KiB; paste only the proxy’s CA certificate(s).',
    };
  }
  const labels = [...text.matchAll(PEM_BEGIN)].map((m) => m[1] ?? '');
  if (labels.some((label) => label.includes('PRIVATE KEY'))) {
    return {
      ok: false,
      message:
        'This contains a private key. Never share a private key: paste only the CA certificate (-----BEGIN CERTIFICATE-----).',
    };
  }
  const other = labels.find((label) => label !== 'CERTIFICATE');
  if (other !== undefined) {
    return {
      ok: false,
      message: `Only CERTIFICATE blocks are accepted here, not "${other}".`,
    };
  }
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0 || blocks.length !== labels.length) {
    return {
      ok: false,
      message:
        'Paste the CA certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
    };
  }
  const certificates: CertificateInfo[] = [];
  for (const [index, block] of blocks.entries()) {
    const der = base64ToBytes(block[2] ?? '');
    const info = der && parseCertificate(der);
    if (!info) {
      return {
        ok: false,
        message: `Certificate ${index + 1} cannot be read: its content is not a valid X.509 certificate.`,
      };
    }
    certificates.push(info);
  }
  return { ok: true, certificates };
}

/** The CA as the outputs carry it: every certificate re-encoded, in the order given. */
export function normalizedCaPem(text: string): string {
  const result = inspectPem(text);
  if (!result.ok) throw new Error(result.message);
  return result.certificates.map((c) => c.pem).join('');
}
