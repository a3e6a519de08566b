import { describe, expect, it } from 'vitest';
import { hostHeaderAllowed, isLoopbackAddress, preflightSettings } from './settings.ts';

describe('isLoopbackAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    'localhost',
    'LOCALHOST',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '0x7f.0.0.1',
    '127.1',
  ])('%s is loopback', (host) => expect(isLoopbackAddress(host)).toBe(true));
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'wizard.corp.example', '128.0.0.1', ''])(
    '%s is not',
    (host) => expect(isLoopbackAddress(host)).toBe(false),
  );
});

describe('preflightSettings(HOST, PREFLIGHT)', () => {
  it('unset: on for a loopback HOST only, and then only for loopback Host headers', () => {
    expect(preflightSettings('127.0.0.1', undefined)).toEqual({
      ok: true,
      options: { enabled: true, loopbackHostsOnly: true },
    });
    expect(preflightSettings('::1', '')).toEqual({
      ok: true,
      options: { enabled: true, loopbackHostsOnly: true },
    });
    expect(preflightSettings('0.0.0.0', undefined)).toEqual({
      ok: true,
      options: { enabled: false, loopbackHostsOnly: false },
    });
  });

  it('PREFLIGHT=on turns it on anywhere, for IP and loopback Hosts; off turns it off everywhere', () => {
    for (const host of ['0.0.0.0', '127.0.0.1']) {
      expect(preflightSettings(host, 'on')).toEqual({
        ok: true,
        options: { enabled: true, allowedHostNames: [] },
      });
      expect(preflightSettings(host, 'off')).toEqual({ ok: true, options: { enabled: false } });
    }
  });

  it('PREFLIGHT=on keeps the Host check for the names it was given (issue 13, item 15)', () => {
    expect(preflightSettings('wizard.lan', 'on', ' Wizard.Corp.Example., other.example')).toEqual({
      ok: true,
      options: {
        enabled: true,
        allowedHostNames: ['wizard.corp.example', 'other.example', 'wizard.lan'],
      },
    });
    expect(preflightSettings('0.0.0.0', 'on', 'http://x')).toEqual({
      ok: false,
      message: expect.stringContaining('PREFLIGHT_HOSTS') as unknown,
    });
  });

  it.each(['1', 'true', 'ON', 'yes'])('PREFLIGHT=%s is refused with what to write', (value) => {
    expect(preflightSettings('0.0.0.0', value)).toEqual({
      ok: false,
      message: expect.stringContaining('on or off') as unknown,
    });
  });
});

describe('hostHeaderAllowed with PREFLIGHT=on (issue 13, item 15)', () => {
  it.each([
    '127.0.0.1',
    'localhost',
    '[::1]',
    '10.0.0.5',
    '[fd00::1]',
    'wizard.corp.example',
    'WIZARD.corp.example.',
  ])('%s may start a preflight', (host) =>
    expect(hostHeaderAllowed(host, ['wizard.corp.example'])).toBe(true),
  );
  it.each(['evil.example', 'wizard.corp.example.evil.example', '0x7f.0.0.1.nip.io', ''])(
    '%s may not: a rebinding page arrives under its own name',
    (host) => expect(hostHeaderAllowed(host, ['wizard.corp.example'])).toBe(false),
  );
});
