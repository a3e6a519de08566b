/**
 * The extractor on two small repositories built here with git (no network): a chart repository whose
 * tags change the proxy keys and the Admin Console host regex, and a Compose repository whose Redis
 * service becomes valkey with the alias `redis`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFacts, serializeFacts } from './extract.ts';
import type { CartoFacts } from '../../shared/src/facts/carto-facts-types.ts';

let root: string;

function git(dir: string, args: string[], date = '2025-01-01T00:00:00Z'): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

function commitAndTag(dir: string, files: Record<string, string>, tag: string, date: string) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, ['add', '-A'], date);
  git(dir, ['commit', '-q', '-m', tag], date);
  git(dir, ['tag', tag], date);
}

const kotsConfig = (regex: string, caItem: string) => `apiVersion: kots.io/v1beta1
kind: Config
spec:
  groups:
    - name: intro
      title: Intro
      items:
        - name: valuesDerivedFromCartoPlatformEnvironment
          type: textarea
          default: |-
            repl{{ if eq $environment "production" }}
            repl{{    $_ := set $result "pubsubDomain" "cHVic3ViLnNlbGYtaG9zdGVkLmNhcnRvLmNvbQ==" }}
            repl{{ end }}
    - name: platformAdvancedConfig
      title: Advanced Config
      items:
        - name: externalProxyHost
          title: Host
          type: text
          validation:
            regex:
              pattern: ${regex}
        ${caItem}
`;

const OLD_REGEX = String.raw`^(http|https):\/\/([a-zA-Z0-9_\-.]+)+[a-zA-Z]{1,}(:[0-9]+)?$`;
const NEW_REGEX = String.raw`^(https?:\/\/)([a-zA-Z0-9.-]+)(:\d+)?(\/[^\s]*)?$`;

let helmDir: string;
let extracted: CartoFacts;
let composeDir: string;
const commits: Record<string, string> = {};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'facts-extract-'));
  helmDir = join(root, 'helm');
  composeDir = join(root, 'compose');
  for (const dir of [helmDir, composeDir]) {
    mkdirSync(dir);
    git(dir, ['init', '-q']);
  }

  commitAndTag(
    helmDir,
    {
      'chart/Chart.yaml': 'appVersion: 2025.3.19\nversion: 1.168.1\n',
      'chart/values.yaml':
        'externalProxy:\n  enabled: false\n  sslCA: ""\nimage:\n  registry: gcr.io/carto-onprem-artifacts\n',
      'manifests/kots-config.yaml': kotsConfig(
        OLD_REGEX,
        '- name: externalHttpsProxySslCa\n          title: Proxy SSL CA\n          type: file',
      ),
    },
    '1.168.1',
    '2025-03-20T00:00:00Z',
  );
  commits['1.168.1'] = git(helmDir, ['rev-parse', 'HEAD']).trim();
  // A chart whose appVersion is a typo a year old: skipped, not read as 2024.1.10-rc.1.
  commitAndTag(
    helmDir,
    { 'chart/Chart.yaml': 'appVersion: 2024.1.10-rc.1\nversion: 1.170.1\n' },
    '1.170.1',
    '2025-04-01T00:00:00Z',
  );
  commitAndTag(
    helmDir,
    {
      'chart/Chart.yaml': 'appVersion: 2026.8.11-rc.2\nversion: 1.281.10\n',
      'chart/values.yaml':
        'externalProxy:\n  enabled: false\n  sslCA: ""\ntrustedCACerts:\n  value: ""\nimage:\n  registry: us-docker.pkg.dev/carto-onprem-artifacts/gcr.io\n',
      'manifests/kots-config.yaml': kotsConfig(
        NEW_REGEX,
        '- name: trustedCaCertsValue\n          title: Trusted CA certificate(s)\n          type: textarea',
      ),
      'chart/templates/_commonChecks.tpl':
        '"BucketsValidator" (list "Check_assets_bucket" "Check_assets_bucket_CORS_sanity_check")\n',
      'chart/templates/auth-api/configmap.yaml': 'HTTPS_PROXY: x\nNODE_USE_ENV_PROXY: "1"\n',
    },
    '1.281.10',
    '2026-07-30T00:00:00Z',
  );
  commits['1.281.10'] = git(helmDir, ['rev-parse', 'HEAD']).trim();

  const envTpl =
    'DOCKER_REGISTRY_BASE_PATH=gcr.io/carto-onprem-artifacts\nREDIS_IMAGE=${DOCKER_REGISTRY_BASE_PATH}/redis:${CARTO_SELFHOSTED_VERSION}\n';
  commitAndTag(
    composeDir,
    {
      VERSION: '2026.3.10\n',
      'env.tpl': envTpl,
      'docker-compose.yml':
        'services:\n  redis:\n    image: "${REDIS_IMAGE}"\n  workspace-postgres:\n    image: "postgres:13.2-alpine"\n',
    },
    '2026.3.10',
    '2026-03-11T00:00:00Z',
  );
  commits['2026.3.10'] = git(composeDir, ['rev-parse', 'HEAD']).trim();
  commitAndTag(
    composeDir,
    {
      VERSION: '2026.4.24-rc.1\n',
      'docker-compose.yml':
        'services:\n  valkey:\n    image: "${REDIS_IMAGE}"\n    networks:\n      default:\n        aliases:\n          - redis\n    volumes:\n      - "./certs/:/usr/src/certs/:ro"\n  workspace-postgres:\n    image: "postgres:13.2-alpine"\n',
    },
    '2026.4.24-rc.1',
    '2026-04-20T00:00:00Z',
  );
  commits['2026.4.24-rc.1'] = git(composeDir, ['rev-parse', 'HEAD']).trim();
  extracted = extractFacts({ helm: helmDir, compose: composeDir });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

function find(facts: CartoFacts['helm'], kind: string, match: Record<string, unknown> = {}) {
  return facts.facts.filter(
    (f) => f.fact.kind === kind && Object.entries(match).every(([k, v]) => f.fact[k] === v),
  );
}

describe('facts:sync extractor', () => {
  it('reads each chart release with its chart version and commit, rc included, and skips a mislabelled chart', () => {
    const facts = extracted;
    expect(facts.helm.releases.map((r) => [r.release, r.chart, r.commit])).toEqual([
      ['2025.3.19', '1.168.1', commits['1.168.1']],
      ['2026.8.11-rc.2', '1.281.10', commits['1.281.10']],
    ]);
    expect(facts.sources.helm.skipped?.map((s) => s.tag)).toEqual(['1.170.1']);
    expect(facts.sources.helm.newestCommit).toBe(commits['1.281.10']);
  });

  it('records when a values key, a registry and an Admin Console item appear, with the commit', () => {
    const { helm } = extracted;
    expect(find(helm, 'values-key', { key: 'trustedCACerts.value' })[0]?.spans).toEqual([
      { from: '2026.8.11-rc.2', to: '2026.8.11-rc.2', commit: commits['1.281.10']?.slice(0, 12) },
    ]);
    expect(find(helm, 'values-key', { key: 'externalProxy.sslCA' })[0]?.spans).toEqual([
      { from: '2025.3.19', to: '2026.8.11-rc.2', commit: commits['1.168.1']?.slice(0, 12) },
    ]);
    const hosts = find(helm, 'kots-item', { name: 'externalProxyHost' });
    const byFirstRelease = hosts
      .map((h) => [h.fact.regex, h.spans[0]?.from])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(byFirstRelease).toEqual([
      [OLD_REGEX, '2025.3.19'],
      [NEW_REGEX, '2026.8.11-rc.2'],
    ]);
    expect(find(helm, 'kots-item', { name: 'trustedCaCertsValue' })[0]?.fact.title).toBe(
      'Trusted CA certificate(s)',
    );
    expect(find(helm, 'kots-derived-value', { key: 'pubsubDomain' })[0]?.fact.value).toBe(
      'pubsub.self-hosted.carto.com',
    );
    expect(find(helm, 'image-registry').map((f) => f.fact.registry)).toEqual([
      'gcr.io/carto-onprem-artifacts',
      'us-docker.pkg.dev/carto-onprem-artifacts/gcr.io',
    ]);
    expect(find(helm, 'preflight-check').map((f) => f.fact.check)).toEqual([
      'Check_assets_bucket',
      'Check_assets_bucket_CORS_sanity_check',
    ]);
    expect(find(helm, 'proxy-env', { component: 'auth-api' }).map((f) => f.fact.variable)).toEqual([
      'HTTPS_PROXY',
      'NODE_USE_ENV_PROXY',
    ]);
  });

  it('reads Compose services with their images from env.tpl, aliases and certs mounts', () => {
    const { compose } = extracted;
    expect(compose.releases.map((r) => r.release)).toEqual(['2026.3.10', '2026.4.24-rc.1']);
    expect(find(compose, 'service', { name: 'redis' })[0]?.spans).toEqual([
      { from: '2026.3.10', to: '2026.3.10', commit: commits['2026.3.10']?.slice(0, 12) },
    ]);
    expect(find(compose, 'service', { name: 'valkey' })[0]?.fact.image).toBe(
      'gcr.io/carto-onprem-artifacts/redis:${CARTO_SELFHOSTED_VERSION}',
    );
    expect(find(compose, 'service', { name: 'workspace-postgres' })[0]?.fact.image).toBe(
      'postgres:13.2-alpine',
    );
    expect(find(compose, 'service-alias')[0]?.fact).toMatchObject({
      service: 'valkey',
      alias: 'redis',
    });
    expect(find(compose, 'certs-mount')[0]?.fact).toMatchObject({ target: '/usr/src/certs/' });
  });

  it('writes the same bytes from the same clones', () => {
    const a = serializeFacts(extracted);
    const b = serializeFacts(extractFacts({ helm: helmDir, compose: composeDir }));
    expect(a).toEqual(b);
    // The facts file names the releases; the ledger beside it holds their rows.
    const names = (s: CartoFacts['helm']) => ({ ...s, releases: s.releases.map((r) => r.release) });
    expect(JSON.parse(a.facts)).toEqual({
      ...extracted,
      helm: names(extracted.helm),
      compose: names(extracted.compose),
    });
    expect(JSON.parse(a.releases)).toMatchObject({
      helm: extracted.helm.releases,
      compose: extracted.compose.releases,
    });
  }, 120_000);
});
