/**
 * `carto-proxy-wizard verify`: the download's verify-carto.sh for the answers, run against the stand-in
 * docker-compose / kubectl (stand-ins.ts) and a real CONNECT proxy on 127.0.0.1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../test/test-support.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFor, validateAnswers, type AnswersInput } from '@wizard/shared';
import {
  verifyExpectations,
  type VerifyExpectations,
} from '@wizard/shared/render/verify-expectations';
import { EXIT_USAGE } from '../cli.ts';
import { startTestProxy, type TestProxy } from '../../test/test-proxy.ts';
import { makeStandIns, type ContainerFixture, type StandIns } from '../../test/stand-ins.ts';

let proxy: TestProxy;
let standIns: StandIns;
let work: string;
beforeAll(async () => {
  standIns = makeStandIns();
  work = mkdtempSync(join(tmpdir(), 'cli-verify-'));
  // Allows what the Helm answers below need; the Compose ones also need Google's and LaunchDarkly's.
  proxy = await startTestProxy({
    'auth.carto.com:443': 'allow',
    'registry.self-hosted.carto.com:443': 'allow',
    // Helm's allowlist names Google's Pub/Sub host on every release (carto-release-audit.md D2).
    'pubsub.googleapis.com:443': 'allow',
  });
});
afterAll(() => proxy.close());

async function cli(argv: string[]) {
  return runCliCaptured(argv, { cwd: work, env: standIns.env });
}

function answersFile(input: AnswersInput): { path: string; expectations: VerifyExpectations } {
  const validation = validateAnswers(input);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  const path = join(work, 'answers.json');
  writeFileSync(path, JSON.stringify(input));
  return { path, expectations: verifyExpectations(planFor(validation.answers)) };
}

/** Every container set up as the expectations say, under release `carto`. */
function goodFixture(expectations: VerifyExpectations, namespace?: string): ContainerFixture {
  const containers: ContainerFixture['containers'] = {};
  for (const c of expectations.containers) {
    const env: Record<string, string> = {};
    for (const { name, check } of expectations.variables) {
      env[name] =
        check.kind === 'list' ? check.entries.join(',') : check.kind === 'file' ? '' : check.value;
    }
    const key = c.deployment
      ? `carto-${c.deployment}${c.container ? `/${c.container}` : ''}`
      : c.name;
    containers[key] = env;
  }
  return { namespace, containers };
}

// Each case starts some twenty processes: slow on a loaded machine, hence the room.
describe('carto-proxy-wizard verify', { timeout: 30_000 }, () => {
  it('passes for a Helm release whose containers have the settings, in the given namespace', async () => {
    const { path, expectations } = answersFile({
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: '127.0.0.1', port: proxy.port },
    });
    standIns.setFixture(goodFixture(expectations, 'carto-prod'));
    const { code, stdout } = await cli(['verify', path, '--namespace', 'carto-prod']);
    expect(stdout).toMatch(/^OK +router-metrics +proxy settings as expected$/m);
    expect(stdout).toMatch(/^OK +egress +auth\.carto\.com: allowed by the proxy$/m);
    expect(stdout).toContain(', 0 MISMATCH, 0 FAIL');
    expect(code).toBe(0);
  });

  it('fails with the script, and --json gives its report', async () => {
    const { path, expectations } = answersFile({
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: '127.0.0.1', port: proxy.port },
      services: ['geocoding-mapbox'],
    });
    standIns.setFixture(goodFixture(expectations));
    const { code, stdout } = await cli(['verify', path, '--json']);
    const report = JSON.parse(stdout) as {
      passed: boolean;
      checks: { status: string; message: string }[];
    };
    expect(report.passed).toBe(false);
    expect(report.checks).toContainEqual(
      expect.objectContaining({
        status: 'FAIL',
        message: 'api.mapbox.com: BLOCKED by the proxy (403)',
      }),
    );
    expect(code).toBe(1);
  });

  it('runs docker-compose in the current folder, and refuses Kubernetes options for it', async () => {
    const { path, expectations } = answersFile({
      deployment: { method: 'docker-compose' },
      proxy: { protocol: 'http', host: '127.0.0.1', port: proxy.port },
    });
    standIns.setFixture(goodFixture(expectations));
    const { stdout } = await cli(['verify', path]);
    expect(stdout).toMatch(/^OK +workspace-api +proxy settings as expected$/m);
    expect(stdout).toMatch(/^FAIL +egress +gcr\.io: BLOCKED/m);
    const refused = await cli(['verify', path, '--namespace', 'x']);
    expect(refused.code).toBe(EXIT_USAGE);
    expect(refused.stderr).toContain('--release and --namespace are for Kubernetes');
  });

  it('refuses invalid answers before looking at any container', async () => {
    const path = join(work, 'bad.json');
    writeFileSync(path, JSON.stringify({ deployment: { method: 'helm' } }));
    const before = standIns.calls().length;
    const { code, stderr } = await cli(['verify', path]);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('is not a valid answers document');
    expect(standIns.calls()).toHaveLength(before);
  });
});
