import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConnectCheck, ConnectStatus, PreflightLine } from './preflight.ts';
import { preflightReport } from './preflight-report.ts';

const reach: PreflightLine = {
  check: 'reach',
  status: 'ok',
  host: 'proxy',
  port: 3128,
  ms: 1,
  detail: '',
};
const connect = (domain: string, status: ConnectStatus): ConnectCheck => ({
  check: 'connect',
  domain,
  status,
  httpStatus:
    status === 'allowed'
      ? 200
      : status === 'blocked'
        ? 403
        : status === 'auth-required'
          ? 407
          : null,
  ms: 1,
  detail: `detail for ${domain}`,
});

describe('preflightReport', () => {
  it('says a proxy asking for authentication everywhere in one paragraph, not one per domain', () => {
    const domains = Array.from({ length: 13 }, (_, i) => `d${i}.example`);
    const report = preflightReport([reach, ...domains.map((d) => connect(d, 'auth-required'))]);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]?.text).toMatch(
      /^The proxy asks for authentication \(407\) for all 13 domains: /,
    );
    expect(report.outcome).toBe(
      'Not every domain gets through: 0 allowed, 0 blocked, 13 auth required, 0 errors.',
    );
    expect(report.toOpen).toEqual(domains);
  });

  it('keeps 407 apart from 403, and lists what to open in the run’s order', () => {
    const report = preflightReport([
      reach,
      connect('a.example', 'blocked'),
      connect('b.example', 'allowed'),
      connect('*.c.example', 'auth-required'),
      connect('d.example', 'error'),
      connect('e.example', 'skipped'),
    ]);
    expect(report.groups.map((g) => [g.cause, g.domains])).toEqual([
      ['auth-required', ['*.c.example']],
      ['blocked', ['a.example']],
      ['error', ['d.example']],
    ]);
    expect(report.groups[1]?.text).toContain('The proxy refuses (403) 1 domain: a.example.');
    expect(report.toOpen).toEqual(['a.example', '*.c.example', 'd.example']);
    expect(report.outcome).toBe(
      'Not every domain gets through: 1 allowed, 1 blocked, 1 auth required, 1 error.',
    );
  });

  it('makes an unreachable proxy one message, with no group and nothing to open', () => {
    const report = preflightReport([
      { ...reach, status: 'error', detail: 'Connection refused.' },
      connect('a.example', 'skipped'),
      connect('b.example', 'skipped'),
    ]);
    expect(report.outcome).toBe('The proxy could not be reached from the wizard’s server.');
    expect(report.proxyFailure).toMatch(/^Connection refused\. No domain was tried\./);
    expect(report.groups).toEqual([]);
    expect(report.toOpen).toEqual([]);
  });

  it('puts every failed domain in exactly one group and in the list to open', () => {
    const status = fc.constantFrom<ConnectStatus>(
      'allowed',
      'blocked',
      'auth-required',
      'error',
      'skipped',
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,8}\.example$/), status), {
          selector: ([d]) => d,
        }),
        (rows) => {
          const report = preflightReport([reach, ...rows.map(([d, s]) => connect(d, s))]);
          const failed = rows.filter(([, s]) => s !== 'allowed' && s !== 'skipped').map(([d]) => d);
          expect(report.groups.flatMap((g) => g.domains).sort()).toEqual([...failed].sort());
          expect(report.toOpen).toEqual(failed);
        },
      ),
    );
  });
});
