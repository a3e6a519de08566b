import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { KNOWN_RELEASES, LATEST_RELEASE, RELEASE_RULES } from './catalog.ts';
import {
  compareReleases,
  isAtLeast,
  isPreRelease,
  parseRelease,
  releaseLine,
} from './release-names.ts';
import { WIZARD_VERSION } from './version.ts';

describe('releases', () => {
  it('compares numerically, not as text', () => {
    expect(compareReleases('2026.10.1', '2026.9.30')).toBeGreaterThan(0);
    expect(compareReleases('2025.7.16', '2025.7.16')).toBe(0);
    expect(isAtLeast('2025.7.15', RELEASE_RULES.singleVmProxySince)).toBe(false);
  });

  it('parses only real YYYY.M.D and YYYY.M.D-rc.N names', () => {
    expect(parseRelease('2026.8.11')).toEqual({ year: 2026, month: 8, day: 11 });
    expect(parseRelease('2026.8.11-rc.7')).toEqual({ year: 2026, month: 8, day: 11, rc: 7 });
    for (const text of [
      '2026.0.1',
      '2026.8.32',
      '2026.08',
      'v2026.8.11',
      '2026.8.11 ',
      '2026.8.11-rc.0',
      '2026.8.11-rc',
      '2026.8.11-patch1',
    ]) {
      expect(parseRelease(text)).toBeUndefined();
    }
  });

  // D12: a release candidate comes before its final release, and after the previous one.
  it('orders release candidates before their final release', () => {
    expect(compareReleases('2026.8.11-rc.2', '2026.8.11')).toBeLessThan(0);
    expect(compareReleases('2026.8.11-rc.10', '2026.8.11-rc.9')).toBeGreaterThan(0);
    expect(compareReleases('2026.8.11-rc.2', '2026.7.16')).toBeGreaterThan(0);
    expect(releaseLine('2026.8.11-rc.7')).toBe('2026.8.11');
    expect(isPreRelease('2026.8.11-rc.7') && !isPreRelease('2026.7.16')).toBe(true);
  });

  it('lists known releases newest first, none newer than the newest read from CARTO', () => {
    expect(compareReleases(LATEST_RELEASE, KNOWN_RELEASES[0]?.id ?? '')).toBeGreaterThanOrEqual(0);
    const ids = KNOWN_RELEASES.map((r) => r.id);
    expect([...ids].sort((a, b) => compareReleases(b, a))).toEqual(ids);
  });

  it('keeps the wizard version equal to package.json', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    };
    expect(WIZARD_VERSION).toBe(pkg.version);
  });
});
