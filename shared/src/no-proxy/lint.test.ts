/** One test per check of no-proxy-semantics.md §6.1, and the fixes the linter proposes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routesFor } from './simulate.ts';
import {
  EXCLUDED_DOMAIN_EXAMPLES,
  lintEntry,
  lintInList,
  lintNoProxy,
  normalizeEntry,
} from './lint.ts';

const codes = (entry: string) => lintEntry(entry).map((f) => f.code);
const fixOf = (entry: string, code: string) => lintEntry(entry).find((f) => f.code === code)?.fix;

describe('lintEntry: every §6.1 check', () => {
  it.each([
    ['1. scheme', 'https://corp.example', 'scheme-or-path', 'error', ['corp.example']],
    ['1. path', 'corp.example/api', 'scheme-or-path', 'error', ['corp.example']],
    ['1. user info', 'user@corp.example', 'scheme-or-path', 'error', ['corp.example']],
    ['2. bare domain', 'example.com', 'bare-domain', 'info', ['example.com', '.example.com']],
    ['3. leading dot', '.example.com', 'leading-dot', 'warning', ['example.com', '.example.com']],
    ['4. *.x wildcard', '*.example.com', 'wildcard', 'warning', ['example.com', '.example.com']],
    ['5. other glob', '*example.com', 'glob', 'warning', undefined],
    ['5. regex', '^.*\\.corp$', 'regex', 'error', undefined],
    ['6. star', '*', 'star', 'error', []],
    ['7. CIDR', '10.0.0.0/8', 'cidr', 'warning', undefined],
    ['8. IP range', '10.0.0.1-10.0.0.9', 'ip-range', 'warning', undefined],
    ['9. host:port', 'example.com:8443', 'host-port', 'warning', ['example.com']],
    ['10. bare IPv6', '::1', 'ipv6-form', 'warning', ['::1', '[::1]']],
    ['10. bracketed IPv6', '[fd00::1]', 'ipv6-form', 'warning', ['fd00::1', '[fd00::1]']],
    ['11. IP without name', '10.1.2.3', 'ip-without-name', 'info', undefined],
    ['12. whitespace', 'a.example b.example', 'whitespace', 'error', ['a.example', 'b.example']],
    ['13. empty', '', 'empty', 'error', []],
    ['14. uppercase', 'Corp.Example', 'uppercase', 'warning', ['corp.example']],
    ['15. trailing dot', 'corp.example.', 'trailing-dot', 'warning', ['corp.example']],
    ['16. non-ASCII', 'bücher.example', 'non-ascii', 'warning', ['xn--bcher-kva.example']],
    ['17. over-matching suffix', 'corp.com', 'over-match', 'info', undefined],
  ])('%s: %j → %s', (_check, entry, code, severity, fix) => {
    const finding = lintEntry(entry).find((f) => f.code === code);
    expect(finding).toBeDefined();
    expect(finding?.severity).toBe(severity);
    expect(finding?.fix).toEqual(fix);
    expect(finding?.message.length).toBeGreaterThan(20);
  });

  it('says nothing about localhost', () => {
    expect(codes('localhost')).toEqual([]);
  });

  it('warns about IPv6 CIDR for the clients that ignore it', () => {
    expect(lintEntry('fd00::/8')[0]?.why).toContain('IPv6');
  });

  // Issue 21, item 7: the message says what happens in plain words; which clients read the entry
  // that way is its "Why?".
  it('names clients only in the “why”, never in the message', () => {
    const clients = /\b(?:curl|axios|Node|Go|Python|requests|grpc-js|gRPC|global-agent)\b/;
    const entries = [
      '',
      'a b',
      '*',
      'Example.com',
      'example.com.',
      'bücher.example',
      '10.0.0.0/8',
      'fd00::/8',
      '10.0.0.1-10.0.0.9',
      'example.com:8080',
      '[::1]',
      '::1',
      '*.example.com',
      '*example.com',
      '.example.com',
      'example.com',
    ];
    const findings = entries.flatMap((entry) => lintEntry(entry));
    expect(findings.filter((f) => f.why !== undefined).length).toBeGreaterThan(12);
    for (const finding of findings) {
      expect(finding.message, finding.code).not.toMatch(clients);
      expect(finding.message, finding.code).not.toMatch(/bypass|NO_PROXY|egress/i);
      if (finding.why !== undefined) expect(finding.why, finding.code).toMatch(clients);
    }
  });

  it('proposes fixes that really bypass both the apex and the subdomains in the Node clients', () => {
    for (const entry of ['example.com', '.example.com', '*.example.com']) {
      const fix = fixOf(
        entry,
        entry.startsWith('*') ? 'wildcard' : entry.startsWith('.') ? 'leading-dot' : 'bare-domain',
      );
      expect(fix).toBeDefined();
      for (const target of ['https://example.com', 'https://api.example.com']) {
        const routes = routesFor(fix ?? [], target);
        expect(routes?.axios).toBe('direct');
        expect(routes?.['node-fetch']).toBe('direct');
        expect(routes?.go).toBe('direct');
        expect(routes?.curl).toBe('direct');
      }
    }
  });
});

describe('normalizeEntry', () => {
  it.each([
    ['  Corp.Example.  ', 'corp.example'],
    ['BÜCHER.example', 'xn--bcher-kva.example'],
    ['.bücher.example', '.xn--bcher-kva.example'],
    ['[FD00:0:0:0:0:0:0:1]', '[fd00::1]'],
    ['fd00:0::1', 'fd00::1'],
    ['FD00::/8', 'fd00::/8'],
    ['*.Example.com', '*.example.com'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeEntry(raw)).toBe(expected);
  });
});

describe('lintNoProxy', () => {
  it('flags duplicates after normalisation and suggests the loopback addresses next to localhost', () => {
    const reports = lintNoProxy(['localhost', '.corp.example', '.CORP.example']);
    expect(reports[2]?.findings.map((f) => f.code)).toContain('duplicate');
    expect(reports[0]?.findings.find((f) => f.code === 'ip-without-name')?.fix).toEqual([
      'localhost',
      '127.0.0.1',
      '::1',
      '[::1]',
    ]);
    expect(reports[1]).toMatchObject({ entry: '.corp.example', normalized: '.corp.example' });
  });

  it('leaves out a finding the rest of the list already answers', () => {
    const reports = lintNoProxy(['example.com', '.example.com', '*.other.example']);
    expect(reports[0]?.findings.map((f) => f.code)).toEqual(['over-match']);
    expect(reports[1]?.findings).toEqual([]);
    expect(reports[2]?.findings.map((f) => f.code)).toEqual(['wildcard']);
    // A fix that only changes the spelling is not answered by the list.
    expect(lintInList('Example.com', ['Example.com', '.EXAMPLE.com']).map((f) => f.code)).toEqual([
      'uppercase',
      'bare-domain',
      'over-match',
    ]);
  });

  it('does not suggest loopback addresses already listed', () => {
    const reports = lintNoProxy(['localhost', '127.0.0.1', '::1', '[::1]']);
    expect(reports[0]?.findings.map((f) => f.code)).toEqual([]);
  });
});

describe('entries with a scheme or a path (issue 13, item 5)', () => {
  it.each([
    ['http://example.com/path', 'example.com'],
    ['https://EXAMPLE.com:8443', 'example.com'],
    ['http://[::1]:80/x', '::1'],
    ['user@[fd00::1]/y', 'fd00::1'],
    ['10.0.0.1/path', '10.0.0.1'],
    ['grpc://svc.corp.example', 'svc.corp.example'],
  ])('%s is an error whose fix is the host alone, %s', (entry, host) => {
    const [report] = lintNoProxy([entry]);
    expect(report?.findings).toEqual([
      expect.objectContaining({ code: 'scheme-or-path', severity: 'error', fix: [host] }),
    ]);
  });

  it('is still an error when the list already holds the host: then the fix is to remove it', () => {
    const [report] = lintNoProxy(['http://example.com/path', 'example.com']);
    expect(report?.findings).toEqual([
      expect.objectContaining({ code: 'scheme-or-path', severity: 'error', fix: [] }),
    ]);
  });

  it('any URL as an entry is flagged (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const codes = lintNoProxy([url]).flatMap((r) => r.findings.map((f) => f.code));
        expect(codes).toContain('scheme-or-path');
        const fix = lintNoProxy([url])[0]?.findings[0]?.fix ?? [];
        for (const host of fix) expect(host).not.toMatch(/[/@?#[\]]/);
      }),
      { numRuns: 200 },
    );
  });
});

// Issue 11, item 14: the wizard's own examples never draw a warning.
describe('the examples the excluded-domains step shows', () => {
  it('are warning-free when entered as shown', () => {
    const { host, domain, ip } = EXCLUDED_DOMAIN_EXAMPLES;
    const reports = lintNoProxy([host, ...domain, ip]);
    const serious = reports.flatMap((r) => r.findings).filter((f) => f.severity !== 'info');
    expect(serious).toEqual([]);
  });

  it('makes an exact host a question with a one-click fix, not a warning', () => {
    const finding = lintEntry('git.corp.example').find((f) => f.code === 'bare-domain');
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toMatch(/^Also cover the subdomains of git\.corp\.example\?/);
    expect(finding?.fix).toEqual(['git.corp.example', '.git.corp.example']);
  });
});
