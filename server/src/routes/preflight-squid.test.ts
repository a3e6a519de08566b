/**
 * `POST /api/preflight` with the catalog's own allowlist, against the real Squid running the
 * generated squid-allowlist.conf (issue 9, item 10), as an HTTP proxy and as an HTTPS proxy with a
 * CA made by openssl. Squid's hosts file sends every host the preflight asks for to a TCP listener
 * on 127.x.y.z:443 (shared test-support/squid.ts), so an allowed CONNECT gets Squid's real 200;
 * nothing leaves loopback.
 */
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowlistEntries,
  checkHost,
  renderAll,
  SERVICES,
  validateAnswers,
  WAREHOUSES,
  type AnswersInput,
} from '@wizard/shared';
import {
  startLoopbackOrigin,
  startSquid,
  type LoopbackOrigin,
  type RealSquid,
} from '@wizard/shared/test-support/squid';
import { makeCertificates, type TestCertificates } from '@wizard/shared/test-support/certificates';
import type { ConnectCheck, PreflightLine } from '@wizard/shared/preflight';
import { containing, postJson, testApp } from '../../test/test-support.ts';

function answers(protocol: 'http' | 'https', port: number, customCa?: string): AnswersInput {
  return {
    deployment: { method: 'docker-compose' },
    proxy: { protocol, host: '127.0.0.1', port, ...(customCa ? { customCa } : {}) },
    warehouses: WAREHOUSES.map((w) => w.id),
    services: SERVICES.map((s) => s.id),
  };
}

function validated(input: AnswersInput) {
  const result = validateAnswers(input);
  if (!result.ok) throw new Error(`invalid answers: ${JSON.stringify(result.issues)}`);
  return result.answers;
}

/** The squid-allowlist.conf for these answers (it does not depend on the proxy's port). */
function aclFor(protocol: 'http' | 'https'): string {
  const file = renderAll(validated(answers(protocol, 3128))).files.find(
    (f) => f.name === 'squid-allowlist.conf',
  );
  if (!file) throw new Error('no squid-allowlist.conf');
  return file.content;
}

/** Allowlist domains the preflight asks a CONNECT for (a wildcard with no known host is skipped). */
function concreteDomains(protocol: 'http' | 'https'): string[] {
  return allowlistEntries(validated(answers(protocol, 3128)))
    .map((entry) => entry.domain)
    .filter((domain) => checkHost(domain) !== undefined);
}

/** The domain the proxy admin "forgot": its line is taken out of the ACL given to one Squid. */
const REMOVED = 'api.tomtom.com';
const REMOVED_LINE = `acl carto_selfhosted dstdomain ${REMOVED}\n`;

/** A loaded machine (CI, or many test files at once) makes processes slow to start: time enough. */
const SLOW = 30_000;

let certs: TestCertificates;
let origin: LoopbackOrigin;
let full: RealSquid;
let missingOne: RealSquid;
let overTls: RealSquid;
let app: FastifyInstance;

beforeAll(async () => {
  certs = makeCertificates();
  origin = await startLoopbackOrigin();
  const hosts = Object.fromEntries(
    [...concreteDomains('http'), ...concreteDomains('https')].map((domain) => [
      checkHost(domain) ?? '',
      origin.address,
    ]),
  );
  const acl = aclFor('http');
  expect(acl).toContain(REMOVED_LINE);
  [full, missingOne, overTls] = await Promise.all([
    startSquid({ allowlist: acl, hosts }),
    startSquid({ allowlist: acl.replace(REMOVED_LINE, ''), hosts }),
    startSquid({ allowlist: aclFor('https'), hosts, tls: certs }),
  ]);
  app = await testApp({ preflight: { enabled: true } });
}, SLOW);

afterAll(async () => {
  await app?.close();
  await Promise.all([full?.close(), missingOne?.close(), overTls?.close(), origin?.close()]);
});

async function preflight(body: AnswersInput): Promise<PreflightLine[]> {
  const response = await postJson(app, '/api/preflight', body);
  expect(response.statusCode).toBe(200);
  return response.body
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as PreflightLine);
}

function connectsOf(lines: PreflightLine[]): Map<string, ConnectCheck> {
  return new Map(
    lines.filter((line) => line.check === 'connect').map((line) => [line.domain, line]),
  );
}

const allowedLine = (domain: string) => ({
  domain,
  host: checkHost(domain),
  status: 'allowed',
  httpStatus: 200,
});

describe('the preflight against the real Squid and its generated ACL', { timeout: SLOW }, () => {
  it('reports every allowlisted domain allowed through an HTTP proxy', async () => {
    const domains = concreteDomains('http');
    const before = origin.connections();
    const lines = await preflight(answers('http', full.port));
    expect(lines[0]).toMatchObject({ check: 'reach', status: 'ok' });
    const connects = connectsOf(lines);
    for (const domain of domains) expect(connects.get(domain)).toMatchObject(allowedLine(domain));
    expect(lines.at(-1)).toEqual({
      check: 'summary',
      allowed: domains.length,
      blocked: 0,
      errors: 0,
      from: hostname(),
    });
    // Squid opened a tunnel to the origin for each of them (the kernel completes the handshake
    // before Node's accept callback runs, so the count may lag the answers a moment).
    await expect.poll(() => origin.connections() - before).toBe(domains.length);
  });

  it('reports the domain missing from the ACL blocked (403), and the others allowed', async () => {
    const domains = concreteDomains('http');
    const connects = connectsOf(await preflight(answers('http', missingOne.port)));
    expect(connects.get(REMOVED)).toMatchObject({
      status: 'blocked',
      httpStatus: 403,
      detail: containing(`allow ${REMOVED}`),
    });
    for (const domain of domains.filter((d) => d !== REMOVED)) {
      expect(connects.get(domain)).toMatchObject(allowedLine(domain));
    }
    expect(missingOne.accessLog().filter((line) => line.includes('TCP_DENIED'))).toEqual([
      expect.stringContaining(`CONNECT ${REMOVED}:443`),
    ]);
  });

  it('verifies an HTTPS proxy with the custom CA, then reports every domain allowed', async () => {
    const domains = concreteDomains('https');
    const lines = await preflight(answers('https', overTls.port, certs.caPem));
    expect(lines.slice(0, 2)).toMatchObject([
      { check: 'reach', status: 'ok' },
      { check: 'tls', status: 'ok' },
    ]);
    const connects = connectsOf(lines);
    for (const domain of domains) expect(connects.get(domain)).toMatchObject(allowedLine(domain));
    expect(lines.at(-1)).toEqual({
      check: 'summary',
      allowed: domains.length,
      blocked: 0,
      errors: 0,
      from: hostname(),
    });
  });
});
