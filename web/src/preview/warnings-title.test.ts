import { describe, expect, it } from 'vitest';
import { warningsTitle } from './warnings-title.ts';

describe('warningsTitle', () => {
  it('counts by tier, not by severity (issue 21, item 3)', () => {
    const w = (code: string, severity: 'error' | 'warning' | 'info') => ({ code, severity });
    expect(
      warningsTitle([
        w('tls-verification-off', 'warning'),
        w('snowflake-bypass-added', 'info'),
        w('release-ca-configmap', 'warning'),
        w('kots-installer-flags', 'info'),
      ]),
    ).toBe('1 risky choice, 1 for your network team, 2 facts');
    expect(warningsTitle([w('certificate-expired', 'warning')])).toBe('1 risky choice');
    expect(warningsTitle([w('release-assumed', 'info')])).toBe('1 fact');
  });
});
