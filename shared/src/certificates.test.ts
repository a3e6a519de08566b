import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inspectPem, normalizedCaPem } from './certificates.ts';
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
