import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { KNOWN_RELEASES, LATEST_RELEASE, RELEASE_RULES } from './catalog.ts';
import { compareReleases, isAtLeast, parseRelease } from './release-names.ts';
import { WIZARD_VERSION } from './version.ts';

describe('releases', () => {
  it('compares numerically, not as text', () => {
    expect(compareReleases('2026.10.1', '2026.9.30')).toBeGreaterThan(0);
    expect(compareReleases('2025.7.16', '2025.7.16')).toBe(0);
    expect(isAtLeast('2025.7.15', RELEASE_RULES.singleVmProxySince)).toBe(false);
  });

  it('parses only real YYYY.M.D names', () => {
    expect(parseRelease('2026.8.11')).toEqual({ year: 2026, month: 8, day: 11 });
    for (const text of ['2026.0.1', '2026.8.32', '2026.08', 'v2026.8.11', '2026.8.11 ']) {
      expect(parseRelease(text)).toBeUndefined();
    }
  });

  it('lists known releases newest first, the first being the default', () => {
    expect(KNOWN_RELEASES[0]?.id).toBe(LATEST_RELEASE);
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
