/**
 * What the committed carto-facts.json says, against the wizard's rules. After `npm run facts:sync`
 * reads a new CARTO release, a failure here names the rule that release changed (README, "When CARTO
 * releases"). Expected values: carto-release-audit.md (D1, D2, D3, D9, D11, D12, D14).
 */
import { describe, expect, it } from 'vitest';
import {
  LATEST_FINAL_RELEASE,
  LATEST_RELEASE,
  NO_PROXY_RULES,
  PROXY_SUPPORT_SINCE,
  RELEASE_RULES,
} from '../catalog.ts';
import { releaseLine } from '../release-names.ts';
import { CARTO_FACTS, factAt, findFacts, holdsSince } from './release-facts.ts';
import { CARTO_RELEASES, releaseRow } from './release-ledger.ts';

describe('carto-facts.json', () => {
  it('was read from the CARTO commits the report names', () => {
    expect(CARTO_FACTS.sources.helm).toMatchObject({
      repo: 'CartoDB/carto-selfhosted-helm',
      newestTag: '1.287.1',
      newestCommit: '056bea030fde6b7291d59dedc55c005c859223ac',
    });
    expect(CARTO_FACTS.sources.compose).toMatchObject({
      repo: 'CartoDB/carto-selfhosted',
      newestTag: '2026.8.11-rc.7',
      newestCommit: 'a8ac3c529cbd821952e4428e1dfb4bb28bb92462',
    });
  });

  // D1: 2026.8.11 exists only as rc.2…rc.7; the newest final release is 2026.7.16.
  it('knows the newest release read and the newest final one', () => {
    expect(LATEST_RELEASE).toBe('2026.8.11-rc.7');
    expect(LATEST_FINAL_RELEASE).toBe('2026.7.16');
  });

  it('derives the release boundaries from the first tag that has each fact', () => {
    expect(RELEASE_RULES.trustedCaCertsSince).toBe('2026.8.11-rc.2'); // 07b7d4ec, chart 1.281.10
    expect(RELEASE_RULES.pubSubRestApiSince).toBe('2025.2.13-rc.3'); // 510be0b9, chart 1.158.2
    expect(RELEASE_RULES.privateCaConfigMapSince).toBe('2025.7.16-rc.3'); // bdc8b513, chart 1.190.1
    expect(RELEASE_RULES.kotsPubSubDomainSince).toBe('2025.9.11-rc.1'); // ba95bf39, chart 1.207.2
    const trustedCa = holdsSince('helm', 'values-key', { key: 'trustedCACerts.value' });
    expect(trustedCa && releaseRow('helm', trustedCa.release).tag).toBe('1.281.10');
    expect(trustedCa?.commit).toBe('12c8c513e59f'); // the tag commit of chart 1.281.10
  });

  it('agrees with the hand-written first releases with proxy support', () => {
    expect(
      releaseLine(
        holdsSince('helm', 'values-key', { key: 'externalProxy.enabled' })?.release ?? '',
      ),
    ).toBe(PROXY_SUPPORT_SINCE.helm.release);
    expect(
      releaseLine(holdsSince('helm', 'kots-item', { name: 'externalProxyEnabled' })?.release ?? ''),
    ).toBe(PROXY_SUPPORT_SINCE.kots.release);
  });

  // D3: the Admin Console Host regex of 2024.7.19–2025.3.19 differs from the current one.
  it('has the Admin Console Host regex of each release', () => {
    const regexAt = (release: string) =>
      factAt('helm', 'kots-item', { name: 'externalProxyHost' }, release)?.fact.regex;
    expect(regexAt('2024.2.21')).toBeNull();
    expect(regexAt('2024.7.19')).toBe(
      String.raw`^(http|https):\/\/([a-zA-Z0-9_\-.]+)+[a-zA-Z]{1,}(:[0-9]+)?$`,
    );
    expect(regexAt('2025.3.19')).toBe(regexAt('2024.7.19'));
    expect(regexAt('2025.4.9')).toBe(String.raw`^(https?:\/\/)([a-zA-Z0-9.-]+)(:\d+)?(\/[^\s]*)?$`);
    expect(regexAt('2030.1.1')).toBe(regexAt('2025.4.9'));
  });

  // D11: the chart pulls from gcr.io up to 2026.7.16 and from us-docker.pkg.dev from 2026.8.11-rc.2.
  it('has the chart image registries by release', () => {
    const registries = findFacts('helm', 'image-registry').map((f) => f.fact.registry);
    expect(registries).toEqual([
      'gcr.io/carto-onprem-artifacts',
      'us-docker.pkg.dev/carto-onprem-artifacts/gcr.io',
    ]);
    expect(
      factAt(
        'helm',
        'image-registry',
        { registry: 'us-docker.pkg.dev/carto-onprem-artifacts/gcr.io' },
        '2026.7.16',
      ),
    ).toBeUndefined();
  });

  // D14 and the Compose NO_PROXY list: the services of the newest Compose release, and valkey's alias.
  it('has the Compose services the NO_PROXY list names', () => {
    const newest = CARTO_FACTS.sources.compose.newestRelease ?? '';
    const services = findFacts('compose', 'service')
      .filter((f) => f.spans.some((s) => s.to === newest))
      .map((f) => f.fact.name);
    expect([...services].sort()).toEqual(
      [...NO_PROXY_RULES.composeServices.entries].filter((e: string) => e !== 'redis').sort(),
    );
    expect(
      findFacts('compose', 'service-alias', { service: 'valkey', alias: 'redis' }),
    ).toHaveLength(1);
  });

  // carto-releases.json is the ledger behind the facts: the same releases, and each span's commit is
  // the tag commit of the release it starts at.
  it('has a ledger row for every release, with the commit each span names', () => {
    for (const section of ['helm', 'compose'] as const) {
      expect(CARTO_RELEASES[section].map((r) => r.release)).toEqual(CARTO_FACTS[section].releases);
      for (const { spans } of CARTO_FACTS[section].facts) {
        for (const span of spans) {
          expect(releaseRow(section, span.from).commit.slice(0, 12)).toBe(span.commit);
        }
      }
    }
    expect(CARTO_FACTS.sources.helm.newestCommit).toBe(CARTO_RELEASES.helm.at(-1)?.commit);
  });
});
