/** Issue 21, item 3: warnings are tiered once, here, and every warning the rules write has a tier. */
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../answers.ts';
import { CA_PEM } from '../fixtures/index.ts';
import { renderAll } from '../render/index.ts';
import { riskyChoices, warningTier, withoutDuplicates } from './warning-tiers.ts';

function warningsFor(input: unknown) {
  const validated = validateAnswers(input);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return renderAll(validated.answers).warnings;
}

describe('warning tiers', () => {
  it('certificate verification off is a risky choice; firewall traffic is for the network team; release notes are facts', () => {
    const warnings = warningsFor({
      deployment: { method: 'kots', release: '2025.8.1', kubernetesServiceIp: '10.96.0.1' },
      proxy: {
        protocol: 'https',
        host: 'proxy.corp.example',
        port: 3129,
        verifyCertificate: false,
        customCa: CA_PEM,
      },
      excludedDomains: ['.corp.example'],
      warehouses: ['snowflake'],
      services: [],
    });
    const tierOf = (code: string) => {
      const w = warnings.find((x) => x.code === code);
      expect(w, code).toBeDefined();
      return w && warningTier(w);
    };
    expect(tierOf('tls-verification-off')).toBe('risky');
    expect(tierOf('snowflake-bypass-added')).toBe('network');
    expect(tierOf('release-ca-configmap')).toBe('fact');
    expect(tierOf('kots-installer-flags')).toBe('fact');
  });

  it('drops a message said twice', () => {
    const a = { message: 'Snowflake cannot go through an HTTPS proxy.' };
    expect(withoutDuplicates([a, { ...a }, { message: 'other' }])).toHaveLength(2);
  });

  it('counts each risky choice once, and only risky ones', () => {
    const risky = { code: 'tls-verification-off', severity: 'warning' as const, message: 'Off.' };
    const fact = { code: 'release-assumed', severity: 'info' as const, message: 'Assumed.' };
    expect(riskyChoices([risky, { ...risky }, fact])).toEqual([risky]);
  });
});
