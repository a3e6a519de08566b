/**
 * For the tests of HTTPS proxies (the preflight's scripted proxy, the real Squid's https_port): a
 * fresh CA and a proxy certificate for 127.0.0.1, made by `openssl`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  /** PEM of a self-signed CA (CA:TRUE), as the answers' `customCa` takes it. */
  caPem: string;
  /** The proxy's certificate (signed by that CA, for IP 127.0.0.1) and its key. */
  cert: string;
  key: string;
}

/** A fresh CA and a certificate for 127.0.0.1 signed by it, valid for two days (EC P-256: fast). */
export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'test-certs-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  try {
    // prettier-ignore
    run(
      'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2',
      '-subj', '/CN=Preflight Test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    );
    run('req', ...ec, '-keyout', 'proxy.key', '-out', 'proxy.csr', '-subj', '/CN=127.0.0.1');
    writeFileSync(
      join(dir, 'proxy.ext'),
      'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
    );
    // prettier-ignore
    run(
      'x509', '-req', '-in', 'proxy.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key',
      '-CAcreateserial', '-days', '2', '-extfile', 'proxy.ext', '-out', 'proxy.crt',
    );
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    return { caPem: read('ca.crt'), cert: read('proxy.crt'), key: read('proxy.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
