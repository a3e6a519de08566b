/** Issue 11, item 17: an imported file that states the release gives it to the answers. */
import { describe, expect, it } from 'vitest';
import { importConfig } from './import-config.ts';

describe('importing the release', () => {
  it('reads CARTO_SELFHOSTED_VERSION from the .env install.sh writes', () => {
    const result = importConfig(
      'CARTO_SELFHOSTED_VERSION=2025.7.16\nHTTP_PROXY=http://proxy.corp:3128\nhttp_proxy=http://proxy.corp:3128\n',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.answers.deployment.release).toBe('2025.7.16');
    expect(result.report.read).toContainEqual({
      from: 'CARTO_SELFHOSTED_VERSION',
      to: 'deployment.release',
      value: '2025.7.16',
    });
    expect(result.report.otherSettings).toBe(0);
  });

  // D12: the Compose VERSION and .env of 2026.8.11's builds say 2026.8.11-rc.7 (carto-selfhosted a8ac3c5).
  it('reads a release candidate as written', () => {
    const result = importConfig(
      'CARTO_SELFHOSTED_VERSION=2026.8.11-rc.7\nHTTP_PROXY=http://p:3128\n',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.answers.deployment.release).toBe('2026.8.11-rc.7');
  });

  it('ignores a value that is not a release, and says so', () => {
    const result = importConfig('CARTO_SELFHOSTED_VERSION=latest\nHTTP_PROXY=http://p:3128\n');
    if (!result.ok) throw new Error(result.message);
    expect(result.answers.deployment.release).toBeUndefined();
    expect(result.report.ignored.map((i) => i.from)).toContain('CARTO_SELFHOSTED_VERSION');
  });

  it('leaves the release out when the file does not state it', () => {
    const result = importConfig('HTTP_PROXY=http://p:3128\n');
    if (!result.ok) throw new Error(result.message);
    expect('release' in result.answers.deployment).toBe(false);
  });
});
