import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inspectPem, normalizedCaPem, withoutPrivateKeys } from './certificates.ts';
import { CA_PEM, LEAF_PEM, SECOND_CA_PEM } from './fixtures/index.ts';

describe('inspectPem', () => {
  it('reads subject, issuer, validity and CA flag as Node’s own X.509 parser does', () => {
    const result = inspectPem(CA_PEM + LEAF_PEM + SECOND_CA_PEM);
    if (!result.ok) throw new Error(result.message);
    const expected = [CA_PEM, LEAF_PEM, SECOND_CA_PEM].map((pem) => new X509Certificate(pem));
    expect(result.certificates.map((c) => c.isCa)).toEqual(expected.map((x) => x.ca));
    expect(result.certificates.map((c) => c.notAfter)).toEqual(
      expected.map((x) => new Date(x.validTo).toISOString()),
    );
    expect(result.certificates[0]).toMatchObject({
      subject: 'CN=Example Corp Proxy CA, O=Example Corp',
      issuer: 'CN=Example Corp Proxy CA, O=Example Corp',
      selfSigned: true,
    });
    expect(result.certificates[1]).toMatchObject({
      subject: 'CN=proxy.corp.example',
      selfSigned: false,
    });
  });

  it('normalizes line endings and text around the blocks', () => {
    const messy = `Bag Attributes\r\n${CA_PEM.replace(/\n/g, '\r\n')}\r\n\r\n`;
    expect(normalizedCaPem(messy)).toBe(CA_PEM);
  });
});

// Issue 11, item 6: a certificate+key bundle keeps its certificates and drops the key.
describe('withoutPrivateKeys', () => {
  const KEY = (label: string) =>
    `-----BEGIN ${label}-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END ${label}-----\n`;

  it('drops every key block and keeps the certificates readable', () => {
    for (const label of [
      'PRIVATE KEY',
      'RSA PRIVATE KEY',
      'EC PRIVATE KEY',
      'ENCRYPTED PRIVATE KEY',
    ]) {
      const { text, removed } = withoutPrivateKeys(CA_PEM + KEY(label) + SECOND_CA_PEM);
      expect(removed).toBe(1);
      expect(text).not.toContain('PRIVATE KEY');
      expect(normalizedCaPem(text)).toBe(CA_PEM + SECOND_CA_PEM);
    }
  });

  it('leaves text without a key untouched', () => {
    expect(withoutPrivateKeys(CA_PEM)).toEqual({ text: CA_PEM, removed: 0 });
  });

  it('never lets a key through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), (before, after, terminated) => {
        const key = terminated ? KEY('PRIVATE KEY') : '-----BEGIN PRIVATE KEY-----\nMIIEvQIBAD';
        const { text, removed } = withoutPrivateKeys(before + key + (terminated ? after : ''));
        expect(removed).toBeGreaterThanOrEqual(1);
        expect(text).not.toContain('MIIEvQIBAD');
      }),
    );
  });
});
