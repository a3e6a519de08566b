/**
 * The two certificate parsers (Node's OpenSSL on the server, @peculiar/asn1-x509 in the browser) must read
 * every certificate the same way, or the preview and the server would warn differently.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectPem } from '../certificates.ts';
import { caWithUnreadableValidity } from '../fixtures/hostile.ts';
import { CA_PEM, LEAF_PEM, SECOND_CA_PEM } from '../fixtures/index.ts';
import { parseDer as parseNode } from './node.ts';
import { parseDer as parsePortable } from './portable.ts';

const der = (pem: string) =>
  Uint8Array.from(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));

/** A self-signed certificate with the given subject, made by openssl. */
function makeCertificate(subject: string, extension: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'x509-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '30',
      '-subj',
      subject,
      '-utf8',
      '-addext',
      extension,
    ],
    { stdio: 'ignore' },
  );
  return readFileSync(join(dir, 'cert.pem'), 'utf8');
}

describe('node and portable X.509 parsers', () => {
  it.each([
    ['the RSA CA', CA_PEM],
    ['the EC CA', SECOND_CA_PEM],
    ['a leaf', LEAF_PEM],
    [
      'a name with every common attribute',
      makeCertificate(
        '/C=ES/ST=Madrid/L=Madrid/O=Example Corp/OU=Network/CN=Proxy CA/emailAddress=net@corp.example',
        'basicConstraints=critical,CA:TRUE',
      ),
    ],
    ['a UTF-8 name', makeCertificate('/O=Café Ñu/CN=Prøxy CA', 'basicConstraints=CA:FALSE')],
    ['a CA that may not sign', makeCertificate('/CN=No Sign', 'keyUsage=digitalSignature')],
    ['a CA that may sign', makeCertificate('/CN=Signer', 'keyUsage=critical,keyCertSign,cRLSign')],
  ])('read %s identically', (_name, pem) => {
    const node = parseNode(der(pem));
    expect(node).toBeDefined();
    expect(parsePortable(der(pem))).toEqual(node);
  });

  it('both refuse bytes that are not a certificate', () => {
    for (const bytes of [new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), new Uint8Array(0)]) {
      expect(parseNode(bytes)).toBeUndefined();
      expect(parsePortable(bytes)).toBeUndefined();
    }
  });
});

describe('a certificate whose validity time cannot be read (issue 13, item 1)', () => {
  it.each(['991399999999Z', 'abcdefghijklZ', '260230000000Z'])(
    'both parsers say so for notBefore %s, neither throws',
    (time) => {
      const bytes = der(caWithUnreadableValidity(time));
      expect(parseNode(bytes)).toEqual({ problem: 'validity' });
      expect(parsePortable(bytes)).toEqual({ problem: 'validity' });
    },
  );

  it('inspectPem refuses it with a sentence, at the certificate', () => {
    const result = inspectPem(CA_PEM + caWithUnreadableValidity());
    expect(result).toEqual({
      ok: false,
      message: "Certificate 2 cannot be used: the certificate's validity dates cannot be read.",
    });
  });
});

describe('any notBefore time (property)', () => {
  it('both parsers agree and never throw', () => {
    const digit = fc.constantFrom(...'0123456789');
    const time = fc
      .tuple(fc.array(digit, { minLength: 12, maxLength: 12 }), fc.constantFrom('Z', 'z', '+'))
      .map(([digits, end]) => digits.join('') + end);
    fc.assert(
      fc.property(time, (t) => {
        const bytes = der(caWithUnreadableValidity(t));
        expect(parsePortable(bytes)).toEqual(parseNode(bytes));
        expect(() => inspectPem(caWithUnreadableValidity(t))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
