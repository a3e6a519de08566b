import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hostKind,
  isIPv4,
  isIPv6,
  parseProxyInput,
  proxyUrl,
  unusualIPv4,
  withoutCredentials,
} from './host.ts';

describe('parseProxyInput', () => {
  it.each([
    ['http://proxy.corp:3128', { ok: true, protocol: 'http', host: 'proxy.corp', port: 3128 }],
    ['HTTPS://Proxy.Corp:3129/', { ok: true, protocol: 'https', host: 'proxy.corp', port: 3129 }],
    ['http://proxy.corp', { ok: true, protocol: 'http', host: 'proxy.corp' }],
    ['http://proxy.corp:80', { ok: true, protocol: 'http', host: 'proxy.corp', port: 80 }],
    ['https://[fd00::10]:3129', { ok: true, protocol: 'https', host: 'fd00::10', port: 3129 }],
    ['proxy.corp:3128', { ok: true, host: 'proxy.corp', port: 3128 }],
    ['[fd00::10]:8080', { ok: true, host: 'fd00::10', port: 8080 }],
    ['  proxy.corp  ', { ok: true, host: 'proxy.corp' }],
    ['fd00::10', { ok: true, host: 'fd00::10' }],
  ])('reads %j', (text, expected) => {
    expect(parseProxyInput(text)).toEqual(expected);
  });

  it('refuses credentials without returning them', () => {
    for (const text of [
      'http://alice:pa55@proxy.corp:3128',
      'http://alice@proxy.corp:3128',
      'alice:pa55@proxy.corp',
      'http://al ice:pa55@proxy',
    ]) {
      const result = parseProxyInput(text);
      expect(result).toMatchObject({ ok: false, reason: 'credentials' });
      expect(JSON.stringify(result)).not.toContain('pa55');
    }
  });

  it('refuses other schemes', () => {
    expect(parseProxyInput('socks5://proxy:1080')).toMatchObject({ ok: false, reason: 'scheme' });
  });

  it('round-trips every proxy URL it writes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6()),
        fc.integer({ min: 1, max: 65535 }),
        (protocol: 'http' | 'https', host, port) => {
          const parsed = parseProxyInput(proxyUrl({ protocol, host, port }));
          expect(parsed).toMatchObject({ ok: true, protocol, port });
          expect(parsed.ok && hostKind(parsed.host)).toBe(hostKind(host));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('host kinds', () => {
  it.each([
    ['::', true],
    ['::1', true],
    ['fd00::10', true],
    ['1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:7:8:9', false],
    ['1::2::3', false],
    ['::ffff:192.0.2.1', true],
    ['fd00::g', false],
  ])('isIPv6(%j) is %s', (text, expected) => {
    expect(isIPv6(text)).toBe(expected);
  });

  it.each([
    ['proxy.corp.example', 'dns'],
    ['squid', 'dns'],
    ['proxy.corp.example.', 'dns'],
    ['10.0.0.1', 'ipv4'],
    ['10.0.0.256', undefined],
    ['10.0.0', undefined],
    ['fd00::1', 'ipv6'],
    ['a..b', undefined],
  ])('hostKind(%j) is %s', (text, expected) => {
    expect(hostKind(text)).toBe(expected);
  });
});

describe('unusualIPv4 (issue 13, item 15)', () => {
  it.each([
    ['0x7f.0.0.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['0:0:0:0:0:ffff:7f00:1', '127.0.0.1'],
  ])('reads %s as %s', (host, plain) => expect(unusualIPv4(host)).toBe(plain));

  it.each(['127.0.0.1', 'proxy.corp.example', 'fd00::1', '::1', 'deadbeef', 'squid'])(
    'leaves %s alone',
    (host) => expect(unusualIPv4(host)).toBeUndefined(),
  );

  it('never throws, and gives only plain dotted addresses (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('0x', ':', '.', 'ffff', '::', '[', ']'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const result = unusualIPv4(parts.join(''));
        if (result !== undefined) expect(isIPv4(result)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

// Issue 11, item 6: a pasted URL with credentials fills the fields without them.
describe('withoutCredentials', () => {
  it.each([
    ['http://user:pw@proxy.corp:3128', 'http://proxy.corp:3128'],
    ['https://me@[fd00::10]:3129/', 'https://[fd00::10]:3129/'],
    ['user:p@ss@proxy.corp:3128', 'proxy.corp:3128'],
    ['http://proxy.corp:3128', 'http://proxy.corp:3128'],
  ])('%j → %j', (text, expected) => {
    expect(withoutCredentials(text).text).toBe(expected);
    expect(withoutCredentials(text).removed).toBe(text !== expected);
  });

  it('leaves a URL the shared parser reads, with nothing of the password', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=%-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        word,
        word,
        fc.domain(),
        fc.integer({ min: 1, max: 65535 }),
        (scheme, user, password, host, port) => {
          const { text, removed } = withoutCredentials(
            `${scheme}://${user}:${password}@${host}:${port}`,
          );
          expect(removed).toBe(true);
          expect(text).toBe(`${scheme}://${host}:${port}`);
          const parsed = parseProxyInput(text);
          expect(parsed).toMatchObject({ ok: true, protocol: scheme, port });
        },
      ),
    );
  });
});
