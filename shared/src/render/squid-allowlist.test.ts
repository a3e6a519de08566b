/**
 * squid-allowlist.conf proven by the real Squid (issue 9, item 10; no-proxy-semantics.md §5.2):
 * `squid -k parse` accepts it without a warning for every method, protocol and selection, and a
 * Squid running it answers CONNECT as the allowlist says. There is no internet here: Squid's hosts
 * file sends the allowed names to a loopback address where nothing listens, so a CONNECT the ACL
 * lets through fails later, with 503 (the origin refused), while one it denies gets 403 at once.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAnswers, type Answers, type AnswersInput } from '../answers.ts';
import { DEPLOYMENT_METHOD_IDS, SERVICES, WAREHOUSES } from '../catalog.ts';
import { allowlistEntries } from '../rules/allowlist.ts';
import { parseSquidConfig, startSquid, type RealSquid } from '../test-support/squid.ts';
import { squidDomains } from './allowlist-files.ts';
import { renderAll } from './index.ts';

/** A loaded machine (CI, or many test files at once) makes processes slow to start: time enough. */
const SLOW = 30_000;

const DEPLOYMENTS = {
  'docker-compose': { method: 'docker-compose' },
  helm: { method: 'helm', gkeWorkloadIdentity: true },
  // A release whose Admin Console accepts an IPv4 proxy host (D3: 2024.7.19–2025.3.19 do not).
  kots: { method: 'kots', release: '2025.7.16', kubernetesServiceIp: '10.96.0.1' },
  'single-vm': { method: 'single-vm' },
} as const satisfies Record<(typeof DEPLOYMENT_METHOD_IDS)[number], AnswersInput['deployment']>;

const SELECTIONS = {
  'no warehouse or service': { warehouses: [], services: [] },
  'every warehouse and service': {
    warehouses: WAREHOUSES.map((w) => w.id),
    services: SERVICES.map((s) => s.id),
  },
} as const;

function answersFor(
  method: keyof typeof DEPLOYMENTS,
  protocol: 'http' | 'https',
  selection: keyof typeof SELECTIONS,
): Answers {
  const result = validateAnswers({
    deployment: DEPLOYMENTS[method],
    proxy: { protocol, host: '127.0.0.1', port: 3128 },
    ...SELECTIONS[selection],
  });
  if (!result.ok) throw new Error(`invalid answers: ${JSON.stringify(result.issues)}`);
  return result.answers;
}

function squidConf(answers: Answers): string {
  const file = renderAll(answers).files.find((f) => f.name === 'squid-allowlist.conf');
  if (!file) throw new Error('no squid-allowlist.conf');
  return file.content;
}

const CASES = DEPLOYMENT_METHOD_IDS.flatMap((method) =>
  (['http', 'https'] as const).flatMap((protocol) =>
    (Object.keys(SELECTIONS) as (keyof typeof SELECTIONS)[]).map(
      (selection) => [method, protocol, selection] as const,
    ),
  ),
);

describe('squid -k parse', { timeout: SLOW }, () => {
  it.each(CASES)('accepts the ACL for %s over %s with %s, without a warning', async (...c) => {
    const parse = await parseSquidConfig(squidConf(answersFor(...c)));
    expect(parse.problems).toEqual([]);
    expect(parse.ok).toBe(true);
    // It did read the include: every ACL line of it is in Squid's own account of the parse.
    expect(parse.output).toContain('Processing: http_access allow carto_connect');
  });

  it('reports what it refuses (the check above could fail)', async () => {
    const overlapping = 'acl carto_selfhosted dstdomain .carto.com auth.carto.com\n';
    expect((await parseSquidConfig(overlapping)).problems.join('\n')).toContain(
      "'auth.carto.com' is a subdomain of '.carto.com'",
    );
    const broken = await parseSquidConfig('acl carto_selfhosted dstdomainx auth.carto.com\n');
    expect(broken.ok).toBe(false);
  });
});

/** Where allowed names resolve: a loopback address with nothing on port 443 (connection refused). */
const NOWHERE = '127.0.0.10';

/** Concrete hosts the allowlist entry must let through: itself, or hosts under a wildcard. */
function hostsOf(domain: string): string[] {
  if (!domain.startsWith('*.')) return [domain];
  const base = domain.slice(2);
  return [`squid-test.${base}`, `a.b-2.${base}`];
}

/** One Squid per distinct ACL (the richest selection of each method and protocol). */
const RICH = CASES.filter(([, , selection]) => selection === 'every warehouse and service').map(
  (c) => ({ name: `${c[0]} over ${c[1]}`, answers: answersFor(...c) }),
);

describe.each(RICH)('a real Squid running the ACL for $name', { timeout: SLOW }, ({ answers }) => {
  let squid: RealSquid;
  const allowed = allowlistEntries(answers).flatMap((entry) => hostsOf(entry.domain));
  const squidList = squidDomains(allowlistEntries(answers));

  beforeAll(async () => {
    squid = await startSquid({
      allowlist: squidConf(answers),
      hosts: Object.fromEntries(allowed.map((host) => [host, NOWHERE])),
    });
  }, SLOW);
  afterAll(() => squid?.close());

  it('lets through CONNECT :443 to every allowlisted domain and hosts under each wildcard', async () => {
    const statuses = await Promise.all(allowed.map((host) => squid.connect(`${host}:443`)));
    // 503: Squid passed the ACL and tried the origin, which refused (nothing listens there).
    expect(Object.fromEntries(allowed.map((host, i) => [host, statuses[i]]))).toEqual(
      Object.fromEntries(allowed.map((host) => [host, 503])),
    );
    expect(squid.accessLog().filter((line) => line.includes('TCP_DENIED'))).toEqual([]);
  });

  it('denies an allowlisted domain on any port but 443', async () => {
    const host = allowed[0] ?? '';
    for (const port of [80, 8443, 3128]) {
      expect(await squid.connect(`${host}:${port}`)).toBe(403);
    }
  });

  it('denies names that only look like allowlisted ones', async () => {
    const lookalikes = squidList.flatMap((entry) => {
      const bare = entry.replace(/^\./, '');
      return [
        `not${bare}`,
        `${bare}.attacker.example`,
        // An exact entry does not cover its subdomains.
        ...(entry.startsWith('.') ? [] : [`sub.${bare}`]),
      ];
    });
    const statuses = await Promise.all(lookalikes.map((host) => squid.connect(`${host}:443`)));
    expect(statuses).toEqual(lookalikes.map(() => 403));
  });

  it('denies any domain not on the list', async () => {
    // Reserved TLDs (RFC 2606, RFC 6761): never on the allowlist, never resolvable.
    expect(squidList.filter((d) => /\.(example|test|invalid)$/.test(d))).toEqual([]);
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
    const domain = fc
      .tuple(
        fc.array(label, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('example', 'test', 'invalid'),
      )
      .map(([labels, tld]) => [...labels, tld].join('.'));
    await fc.assert(
      fc.asyncProperty(domain, async (name) => {
        expect(await squid.connect(`${name}:443`)).toBe(403);
      }),
      { numRuns: 40 },
    );
  });
});
