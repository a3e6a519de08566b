/**
 * A real CA certificate (and its private key) made with openssl for the test, plus a leaf certificate
 * it signs: what a proxy admin would hand over.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCa {
  certificate: string;
  privateKey: string;
  /** A certificate signed by the CA that is not a CA itself. */
  leaf: string;
  /** The certificate's DER bytes, as a binary .cer file holds them. */
  der: Buffer;
}

export function makeCa(commonName = 'Example Corp Proxy Root CA'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-ca-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.crt'),
      '-days',
      '3650',
      '-subj',
      `/O=Example Corp/CN=${commonName}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    openssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      file('leaf.key'),
      '-out',
      file('leaf.csr'),
      '-subj',
      '/CN=proxy.corp.example',
    );
    writeFileSync(
      file('leaf.ext'),
      'basicConstraints=CA:FALSE\nsubjectAltName=DNS:proxy.corp.example\n',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      file('leaf.csr'),
      '-CA',
      file('ca.crt'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      '365',
      '-out',
      file('leaf.crt'),
      '-extfile',
      file('leaf.ext'),
    );
    openssl('x509', '-in', file('ca.crt'), '-outform', 'DER', '-out', file('ca.der'));
    return {
      certificate: readFileSync(file('ca.crt'), 'utf8'),
      privateKey: readFileSync(file('ca.key'), 'utf8'),
      leaf: readFileSync(file('leaf.crt'), 'utf8'),
      der: readFileSync(file('ca.der')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The base64 body of every PEM certificate, whatever the line length or line endings. */
export function pemBodies(pem: string): string[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (match) => (match[1] ?? '').replace(/\s+/g, ''),
  );
}
