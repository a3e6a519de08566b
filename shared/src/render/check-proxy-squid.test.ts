/**
 * The generated check-proxy.sh, run with sh and the real curl, through the real Squid running the
 * generated squid-allowlist.conf (issue 9, item 10), as an HTTP proxy and as an HTTPS proxy. Squid's hosts file sends every host the script
 * checks to a TCP listener on 127.x.y.z:443 (test-support/squid.ts), so an allowed CONNECT really
 * gets Squid's 200 and a tunnel; nothing leaves loopback. The 407 case stays with the scripted
 * proxy of check-proxy.test.ts: it needs an authenticating proxy, not this ACL.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAnswers, type Answers } from '../answers.ts';
import { SERVICES, WAREHOUSES } from '../catalog.ts';
import { allowlistEntries } from '../rules/allowlist.ts';
import { makeCertificates, type TestCertificates } from '../test-support/certificates.ts';
import {
  startLoopbackOrigin,
  startSquid,
  type LoopbackOrigin,
  type RealSquid,
} from '../test-support/squid.ts';
import { checkHost } from './check-proxy.ts';
import { renderAll } from './index.ts';

type Protocol = 'http' | 'https';

function answersWith(port: number, protocol: Protocol = 'http', customCa?: string): Answers {
  const result = validateAnswers({
    deployment: { method: 'docker-compose' },
    proxy: { protocol, host: '127.0.0.1', port, ...(customCa ? { customCa } : {}) },
    warehouses: WAREHOUSES.map((w) => w.id),
    services: SERVICES.map((s) => s.id),
  });
  if (!result.ok) throw new Error(`invalid answers: ${JSON.stringify(result.issues)}`);
  return result.answers;
}

function fileOf(answers: Answers, name: string): string {
  const file = renderAll(answers).files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name}`);
  return file.content;
}

/** The domain the proxy admin "forgot": its line is taken out of the ACL given to one Squid. */
const REMOVED = 'api.tomtom.com';
const REMOVED_LINE = `acl carto_selfhosted dstdomain ${REMOVED}\n`;

// The ACL does not depend on the proxy's port: render it before Squid has one.
const acl = (protocol: Protocol) => fileOf(answersWith(3128, protocol), 'squid-allowlist.conf');
/** The allowlist entries check-proxy.sh checks (a wildcard with no known host is skipped). */
const checkedOf = (protocol: Protocol) =>
  allowlistEntries(answersWith(3128, protocol)).filter(
    (entry) => checkHost(entry.domain) !== undefined,
  );
const checked = checkedOf('http');

/** A loaded machine (CI, or many test files at once) makes processes slow to start: time enough. */
const SLOW = 30_000;

let certs: TestCertificates;
let origin: LoopbackOrigin;
let full: RealSquid;
let missingOne: RealSquid;
let overTls: RealSquid;

beforeAll(async () => {
  certs = makeCertificates();
  origin = await startLoopbackOrigin();
  const hosts = Object.fromEntries(
    [...checked, ...checkedOf('https')].map((entry) => [
      checkHost(entry.domain) ?? '',
      origin.address,
    ]),
  );
  expect(acl('http')).toContain(REMOVED_LINE);
  [full, missingOne, overTls] = await Promise.all([
    startSquid({ allowlist: acl('http'), hosts }),
    startSquid({ allowlist: acl('http').replace(REMOVED_LINE, ''), hosts }),
    startSquid({ allowlist: acl('https'), hosts, tls: certs }),
  ]);
}, SLOW);

afterAll(async () => {
  await Promise.all([full?.close(), missingOne?.close(), overTls?.close(), origin?.close()]);
});

/** Writes every rendered file into a fresh directory, as the download unpacks, and runs the script. */
function runCheck(answers: Answers): Promise<{ code: number; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'check-proxy-squid-'));
  for (const file of renderAll(answers).files) {
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), file.content);
  }
  const path = join(dir, 'check-proxy.sh');
  return new Promise((resolve) => {
    execFile('sh', [path], { timeout: 60_000 }, (error, stdout) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout });
    });
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('check-proxy.sh through the real Squid and its generated ACL', { timeout: SLOW }, () => {
  it('reports every checked domain allowed, and succeeds', async () => {
    const before = origin.connections();
    const { code, stdout } = await runCheck(answersWith(full.port));
    for (const entry of checked) {
      expect(stdout).toMatch(new RegExp(`^allowed +${escape(entry.domain)}$`, 'm'));
    }
    expect(stdout).toContain(`${checked.length} allowed, 0 blocked, 0 errors`);
    expect(code).toBe(0);
    // Squid did open each tunnel: the origin saw one connection per checked domain (the kernel
    // completes the handshake before Node's accept callback runs, so the count may lag a moment).
    await expect.poll(() => origin.connections() - before).toBe(checked.length);
  });

  it('reports the domain missing from the ACL as BLOCKED (403), and fails', async () => {
    const { code, stdout } = await runCheck(answersWith(missingOne.port));
    expect(stdout).toMatch(
      new RegExp(`^BLOCKED \\(403\\) +${escape(REMOVED)} +-> add it to the proxy allowlist$`, 'm'),
    );
    for (const entry of checked.filter((e) => e.domain !== REMOVED)) {
      expect(stdout).toMatch(new RegExp(`^allowed +${escape(entry.domain)}$`, 'm'));
    }
    expect(stdout).toContain(`${checked.length - 1} allowed, 1 blocked, 0 errors`);
    expect(code).toBe(1);
    expect(missingOne.accessLog().filter((line) => line.includes('TCP_DENIED'))).toEqual([
      expect.stringContaining(`CONNECT ${REMOVED}:443`),
    ]);
  });

  it('checks through an HTTPS proxy, trusting it with the custom CA file next to the script', async () => {
    const answers = answersWith(overTls.port, 'https', certs.caPem);
    expect(fileOf(answers, 'check-proxy.sh')).toContain('--proxy-cacert "$here/');
    const https = checkedOf('https');
    const { code, stdout } = await runCheck(answers);
    for (const entry of https) {
      expect(stdout).toMatch(new RegExp(`^allowed +${escape(entry.domain)}$`, 'm'));
    }
    expect(stdout).toContain(`${https.length} allowed, 0 blocked, 0 errors`);
    expect(code).toBe(0);
  });
});
