/**
 * verify-carto.sh, run for real with `sh` against stand-in `docker-compose` / `kubectl` executables
 * (stand-ins.ts) whose containers' environments come from fixtures: correct, a missing variable, a wrong
 * NO_PROXY, a CA file that is not there, a container that is not running. The egress check runs in the
 * local node through real CONNECT proxies on 127.0.0.1, so no traffic leaves loopback.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFor, validateAnswers, type Answers, type AnswersInput } from '@wizard/shared';
import { renderVerifyCarto } from '@wizard/shared/render/verify-carto';
import {
  verifyExpectations,
  type VerifyExpectations,
} from '@wizard/shared/render/verify-expectations';
import {
  closedPort,
  makeCertificates,
  startTestProxy,
  type TestProxy,
} from '../../test/test-proxy.ts';
import { makeStandIns, type ContainerFixture, type StandIns } from '../../test/stand-ins.ts';

function answersOf(input: AnswersInput): Answers {
  const validation = validateAnswers(input);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.answers;
}

/** Each expected variable with the value a correctly configured container has. */
function goodEnv(expectations: VerifyExpectations, caFile = ''): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { name, check } of expectations.variables) {
    env[name] =
      check.kind === 'list'
        ? check.entries.join(',')
        : check.kind === 'file'
          ? (check.value ?? caFile)
          : check.value;
  }
  return env;
}

/** Fixture keys: the Compose service, or `<release>-<deployment>[/<container>]`. */
function keyOf(expectations: VerifyExpectations, name: string, release = 'carto'): string {
  const container = expectations.containers.find((c) => c.name === name);
  if (container?.deployment === undefined) return name;
  return `${release}-${container.deployment}${container.container ? `/${container.container}` : ''}`;
}

function fixtureOf(
  expectations: VerifyExpectations,
  env: (name: string) => Record<string, string> | undefined,
  options: { release?: string; namespace?: string } = {},
): ContainerFixture {
  const containers: ContainerFixture['containers'] = {};
  for (const { name } of expectations.containers) {
    const value = env(name);
    if (value !== undefined) containers[keyOf(expectations, name, options.release)] = value;
  }
  return { namespace: options.namespace, containers };
}

function runScript(
  script: string,
  args: string[],
  standIns: StandIns,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'verify-carto-run-'));
  const path = join(dir, 'verify-carto.sh');
  writeFileSync(path, script);
  return new Promise((resolve) => {
    execFile(
      'sh',
      [path, ...args],
      { env: standIns.env, cwd: dir, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const lineOf = (stdout: string, status: string, target: string) =>
  stdout.split('\n').find((line) => line.startsWith(status) && line.split(/ +/)[1] === target);

// Each case starts some twenty processes: slow on a loaded machine, hence the room.
describe(
  'verify-carto.sh for Docker Compose, through stand-in docker-compose',
  { timeout: 30_000 },
  () => {
    let proxy: TestProxy;
    let standIns: StandIns;
    let answers: Answers;
    let expectations: VerifyExpectations;
    let script: string;

    beforeAll(async () => {
      standIns = makeStandIns();
      proxy = await startTestProxy({});
      answers = answersOf({
        deployment: { method: 'docker-compose' },
        proxy: { protocol: 'http', host: '127.0.0.1', port: proxy.port },
        excludedDomains: ['.corp.example'],
      });
      expectations = verifyExpectations(planFor(answers));
      // The proxy allows everything this installation needs.
      await proxy.close();
      const acl = Object.fromEntries(
        expectations.egress.map((t) => [`${t.host}:${t.port}`, 'allow' as const]),
      );
      proxy = await startTestProxy(acl);
      answers = answersOf({ ...answers, proxy: { ...answers.proxy, port: proxy.port } });
      expectations = verifyExpectations(planFor(answers));
      script = renderVerifyCarto(answers, expectations);
    });
    afterAll(() => proxy.close());

    it('passes when every container has the settings and the proxy allows every domain', async () => {
      standIns.setFixture(fixtureOf(expectations, () => goodEnv(expectations)));
      const { code, stdout } = await runScript(script, [], standIns);
      for (const { name } of expectations.containers) {
        expect(lineOf(stdout, 'OK', name)).toContain('proxy settings as expected');
      }
      expect(stdout).toMatch(/^OK +egress +auth\.carto\.com: allowed by the proxy$/m);
      const total = expectations.containers.length + expectations.egress.length;
      expect(stdout).toContain(`${total} OK, 0 MISMATCH, 0 FAIL, 0 skipped`);
      expect(code).toBe(0);
      // env, then node for the egress check, each through docker-compose exec -T.
      expect(standIns.calls()).toContainEqual(['docker-compose', 'exec', '-T', 'maps-api', 'env']);
      expect(standIns.calls()).toContainEqual([
        'docker-compose',
        'exec',
        '-T',
        'workspace-api',
        'node',
        '-',
      ]);
    });

    it('reports a missing variable, a wrong NO_PROXY and a stopped container, and fails', async () => {
      const secret = 'http://user:hunter2@127.0.0.1:9';
      standIns.setFixture(
        fixtureOf(expectations, (name) => {
          const env = goodEnv(expectations);
          if (name === 'maps-api') delete env.https_proxy;
          if (name === 'import-api') env.NO_PROXY = '.corp.example,other.example';
          if (name === 'sql-worker') env.HTTP_PROXY = secret;
          return name === 'lds-api' ? undefined : env;
        }),
      );
      const { code, stdout } = await runScript(script, [], standIns);
      expect(lineOf(stdout, 'MISMATCH', 'maps-api')).toContain('https_proxy is not set');
      expect(lineOf(stdout, 'MISMATCH', 'maps-api')).toContain(
        '-> append customer.env.proxy to customer.env',
      );
      expect(lineOf(stdout, 'MISMATCH', 'import-api')).toContain('NO_PROXY lacks localhost');
      expect(lineOf(stdout, 'MISMATCH', 'import-api')).not.toContain('no_proxy');
      expect(lineOf(stdout, 'MISMATCH', 'sql-worker')).toContain(
        `HTTP_PROXY is not http://127.0.0.1:${proxy.port}`,
      );
      expect(lineOf(stdout, 'FAIL', 'lds-api')).toContain('cannot look into the container');
      expect(lineOf(stdout, 'OK', 'workspace-api')).toBeDefined();
      expect(stdout).not.toContain('hunter2');
      expect(stdout).toMatch(/, 3 MISMATCH, 1 FAIL, 0 skipped$/m);
      expect(code).toBe(1);
    });

    it('reports what the proxy blocks, from inside workspace-api', async () => {
      const withTomTom = answersOf({ ...answers, services: ['geocoding-tomtom'] });
      const more = verifyExpectations(planFor(withTomTom));
      standIns.setFixture(fixtureOf(more, () => goodEnv(more)));
      const { code, stdout } = await runScript(renderVerifyCarto(withTomTom, more), [], standIns);
      expect(stdout).toMatch(
        /^FAIL +egress +api\.tomtom\.com: BLOCKED by the proxy \(403\) -> add it to the proxy allowlist/m,
      );
      expect(stdout).toMatch(/^OK +egress +gcr\.io: allowed by the proxy$/m);
      expect(code).toBe(1);
    });

    it('--json gives the same checks as one JSON document', async () => {
      standIns.setFixture(
        fixtureOf(expectations, (name) => {
          const env = goodEnv(expectations);
          if (name === 'router-metrics') delete env.NO_PROXY;
          return env;
        }),
      );
      const { code, stdout } = await runScript(script, ['--json'], standIns);
      const report = JSON.parse(stdout) as {
        passed: boolean;
        summary: { ok: number; mismatch: number; fail: number; skipped: number };
        checks: { status: string; target: string; message: string; hint: string }[];
      };
      expect(report.passed).toBe(false);
      expect(report.summary).toEqual({
        ok: expectations.containers.length - 1 + expectations.egress.length,
        mismatch: 1,
        fail: 0,
        skipped: 0,
      });
      expect(report.checks).toContainEqual({
        status: 'MISMATCH',
        target: 'router-metrics',
        message: 'NO_PROXY is not set',
        hint: expectations.fixHint,
      });
      expect(code).toBe(1);
    });

    it('refuses unknown options with status 2', async () => {
      const { code, stderr } = await runScript(script, ['--namespace', 'x'], standIns);
      expect(stderr).toContain('unknown option --namespace');
      expect(code).toBe(2);
    });
  },
);

// Each case starts some twenty processes: slow on a loaded machine, hence the room.
describe('verify-carto.sh with an HTTPS proxy and a custom CA', { timeout: 30_000 }, () => {
  let proxy: TestProxy;
  let caFile = '';
  let caPem = '';
  let standIns: StandIns;
  beforeAll(async () => {
    standIns = makeStandIns();
    const certs = makeCertificates();
    caPem = certs.caPem;
    caFile = join(mkdtempSync(join(tmpdir(), 'verify-ca-')), 'ca.crt');
    writeFileSync(caFile, certs.caPem);
    proxy = await startTestProxy(
      {
        'auth.carto.com:443': 'allow',
        'registry.self-hosted.carto.com:443': 'allow',
        // Helm's allowlist names Google's Pub/Sub host on every release (carto-release-audit.md D2).
        'pubsub.googleapis.com:443': 'allow',
      },
      certs,
    );
  });
  afterAll(() => proxy.close());

  /** The answers' expectations, with the direct destinations moved to loopback (one open, one closed). */
  async function loopbackDirect(expectations: VerifyExpectations): Promise<VerifyExpectations> {
    const closed = await closedPort();
    // Counted among the direct destinations only: the first open, the second closed, and so on.
    let direct = 0;
    return {
      ...expectations,
      egress: expectations.egress.map((t) =>
        t.via === 'direct'
          ? { ...t, host: '127.0.0.1', port: direct++ % 2 ? closed : proxy.port }
          : t,
      ),
    };
  }

  /** Answers for an HTTPS proxy on this machine, with the test CA, for the given deployment. */
  const httpsWithCa = (deployment: AnswersInput['deployment']) =>
    answersOf({
      deployment,
      proxy: {
        protocol: 'https',
        host: '127.0.0.1',
        port: proxy.port,
        verifyCertificate: true,
        customCa: caPem,
      },
    });

  it('helm: checks every deployment of the release in the namespace, and gets out with the CA', async () => {
    const answers = httpsWithCa(
      // Pub/Sub over gRPC (REST turned off), so the script also tries the direct destinations.
      { method: 'helm', usePubSubRestApi: false },
    );
    const expectations = await loopbackDirect(verifyExpectations(planFor(answers)));
    expect(expectations.egress.filter((t) => t.via === 'direct')).toHaveLength(2);
    standIns.setFixture(
      fixtureOf(expectations, () => goodEnv(expectations, caFile), {
        release: 'mine',
        namespace: 'carto-ns',
      }),
    );
    const script = renderVerifyCarto(answers, expectations);
    const { code, stdout } = await runScript(
      script,
      ['--release', 'mine', '--namespace=carto-ns'],
      standIns,
    );
    for (const { name } of expectations.containers) {
      expect(lineOf(stdout, 'OK', name)).toContain('proxy settings as expected');
    }
    expect(stdout).toMatch(/^OK +egress +auth\.carto\.com: allowed by the proxy$/m);
    expect(stdout).toMatch(
      /^OK +egress +\*\.self-hosted\.carto\.com \(tried registry\.self-hosted\.carto\.com\): allowed/m,
    );
    expect(stdout).toMatch(
      /^OK +egress +pubsub\.googleapis\.com \(tried 127\.0\.0\.1\): reachable directly, not through the proxy$/m,
    );
    expect(stdout).toMatch(
      /^FAIL +egress +pubsub\.self-hosted\.carto\.com \(tried 127\.0\.0\.1\): not reachable directly: ECONNREFUSED.* -> allow it in the firewall \(egress-rules\.md\)$/m,
    );
    expect(code).toBe(1);
    const calls = standIns.calls();
    expect(calls).toContainEqual([
      'kubectl',
      '--namespace',
      'carto-ns',
      'exec',
      '-i',
      'deploy/mine-router',
      '-c',
      'router-metrics',
      '--',
      'env',
    ]);
    expect(calls).toContainEqual([
      'kubectl',
      '--namespace',
      'carto-ns',
      'exec',
      '-i',
      'deploy/mine-workspace-api',
      '--',
      'test',
      '-r',
      caFile,
    ]);
  });

  it('helm: without --namespace uses the current one, and a missing CA file is a MISMATCH and a TLS failure', async () => {
    const answers = httpsWithCa({ method: 'helm' });
    const expected = verifyExpectations(planFor(answers));
    const expectations = { ...expected, egress: expected.egress.filter((t) => t.via === 'proxy') };
    standIns.setFixture(
      fixtureOf(expectations, () => ({
        ...goodEnv(expectations, caFile),
        NODE_EXTRA_CA_CERTS: '/nonexistent/trusted-ca-certs/ca.crt',
      })),
    );
    const { code, stdout } = await runScript(
      renderVerifyCarto(answers, expectations),
      [],
      standIns,
    );
    expect(lineOf(stdout, 'MISMATCH', 'workspace-api')).toContain(
      'NODE_EXTRA_CA_CERTS is /nonexistent/trusted-ca-certs/ca.crt, which the container cannot read',
    );
    expect(stdout).toMatch(
      /^FAIL +egress +auth\.carto\.com: TLS to the proxy 127\.0\.0\.1:\d+ failed: .* -> the container does not trust the proxy's certificate/m,
    );
    expect(code).toBe(1);
    expect(standIns.calls()).toContainEqual([
      'kubectl',
      'exec',
      '-i',
      'deploy/carto-maps-api',
      '--',
      'env',
    ]);
  });

  it('docker-compose: the CA at its mounted path must be readable in every service', async () => {
    const answers = httpsWithCa({ method: 'docker-compose' });
    const expected = verifyExpectations(planFor(answers));
    expect(expected.variables).toContainEqual({
      name: 'NODE_EXTRA_CA_CERTS',
      check: { kind: 'file', value: '/usr/src/certs/proxy-ca.crt' },
    });
    const expectations = { ...expected, egress: expected.egress.slice(0, 1) };
    // This machine has no /usr/src/certs/proxy-ca.crt: as in a container whose certs/ lacks the file.
    standIns.setFixture(fixtureOf(expectations, () => goodEnv(expectations)));
    const { code, stdout } = await runScript(
      renderVerifyCarto(answers, expectations),
      [],
      standIns,
    );
    expect(lineOf(stdout, 'MISMATCH', 'import-worker')).toContain(
      'NODE_EXTRA_CA_CERTS is /usr/src/certs/proxy-ca.crt, which the container cannot read',
    );
    expect(stdout).toMatch(/^FAIL +egress +auth\.carto\.com: TLS to the proxy/m);
    expect(code).toBe(1);
  });

  it('single-vm: finds the application namespace by its workspace-api deployment', async () => {
    const answers = answersOf({
      deployment: { method: 'single-vm' },
      proxy: {
        protocol: 'https',
        host: '127.0.0.1',
        port: proxy.port,
        verifyCertificate: false,
      },
    });
    const expectations = {
      ...verifyExpectations(planFor(answers)),
      egress: verifyExpectations(planFor(answers)).egress.filter((t) => t.via === 'proxy'),
    };
    standIns.setFixture(
      fixtureOf(expectations, () => goodEnv(expectations), { namespace: 'kotsadm' }),
    );
    const { stdout } = await runScript(renderVerifyCarto(answers, expectations), [], standIns);
    for (const { name } of expectations.containers) {
      expect(lineOf(stdout, 'OK', name)).toBeDefined();
    }
    // Verification is off (NODE_TLS_REJECT_UNAUTHORIZED=0): the proxy's certificate is accepted as is.
    expect(stdout).toMatch(/^OK +egress +auth\.carto\.com: allowed by the proxy$/m);
    expect(stdout).toMatch(/^FAIL +egress +docker\.io: BLOCKED/m);
    expect(standIns.calls()).toContainEqual(
      expect.arrayContaining(['kubectl', '--namespace', 'kotsadm', 'exec']),
    );
  });
});
