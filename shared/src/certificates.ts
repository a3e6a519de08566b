/**
 * Custom CA certificates pasted by the user: split into PEM blocks, refuse private keys, and read each
 * certificate with a standard X.509 parser — Node's `crypto.X509Certificate` on the server, the
 * @peculiar/asn1-x509 schema in the browser (see `#x509` in shared/package.json and ADR 004).
 * Nothing here echoes the content of a refused block back.
 */
import { parseDer } from '#x509';

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
  /** The certificate as clean PEM (64-character lines, LF endings, nothing around the block). */
  pem: string;
}

export type PemInspection =
  { ok: true; certificates: CertificateInfo[] } | { ok: false; message: string };

function base64ToBytes(clean: string): Uint8Array | undefined {
  if (clean.length === 0 || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) {
    return undefined;
  }
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Clean PEM from base64 text: 64-character lines, LF endings (the DER is not re-encoded). */
function toPem(base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function parseCertificate(base64: string): CertificateInfo | 'validity' | undefined {
  const der = base64ToBytes(base64);
  const parsed = der && parseDer(der);
  if (!parsed) return undefined;
  if ('problem' in parsed) return parsed.problem;
  return { ...parsed, selfSigned: parsed.subject === parsed.issuer, pem: toPem(base64) };
}

/**
 * Reads a pasted custom CA: one or more `CERTIFICATE` PEM blocks. A private key (any `PRIVATE KEY` block)
 * is refused with a message that does not repeat it; so is any other kind of block or unreadable content.
 */
export function inspectPem(text: string): PemInspection {
  // Validation and rendering read the same CA one after the other: parse it once for both.
  if (lastInspection?.text === text) return lastInspection.result;
  const result = inspectPemUncached(text);
  lastInspection = { text, result };
  return result;
}

let lastInspection: { text: string; result: PemInspection } | undefined;

function inspectPemUncached(text: string): PemInspection {
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
    const info = parseCertificate((block[2] ?? '').replace(/\s+/g, ''));
    if (!info) {
      return {
        ok: false,
        message: `Certificate ${index + 1} cannot be read: its content is not a valid X.509 certificate.`,
      };
    }
    if (info === 'validity') {
      return {
        ok: false,
        message: `Certificate ${index + 1} cannot be used: the certificate's validity dates cannot be read.`,
      };
    }
    certificates.push(info);
  }
  return { ok: true, certificates };
}

/** A private key block (PKCS#1, PKCS#8, EC, encrypted), or an unterminated one up to the end. */
const PRIVATE_KEY_BLOCK =
  /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?(?:-----END \1-----\r?\n?|$(?![\s\S]))/g;

/** Why a pasted bundle lost its key; said where the CA is pasted (issue 11, item 6). */
export const PRIVATE_KEY_REMOVED_TEXT =
  'The private key in what you pasted was removed: only the certificates are kept. A private key is never needed here, and it is never kept, saved or sent.';

/**
 * A certificate+key bundle (what `openssl pkcs12` or a proxy's own files often give) without its private
 * keys: the certificates stay as pasted. `removed` counts the keys taken out; `text` has no key left.
 */
export function withoutPrivateKeys(text: string): { text: string; removed: number } {
  let removed = 0;
  const rest = text.replace(PRIVATE_KEY_BLOCK, () => {
    removed++;
    return '';
  });
  // A key header that did not match a block (garbled) must not survive either.
  const clean = /PRIVATE KEY-----/.test(rest) ? '' : rest;
  return { text: removed === 0 && clean === rest ? text : clean.replace(/^\s+/, ''), removed };
}

/** The CA as the outputs carry it: every certificate re-encoded, in the order given. */
export function normalizedCaPem(text: string): string {
  const result = inspectPem(text);
  if (!result.ok) throw new Error(result.message);
  return result.certificates.map((c) => c.pem).join('');
}
