/**
 * The in-container egress check of verify-carto.sh, run for real: the generated script is piped into
 * the local `node` (as verify-carto.sh pipes it into the container's), with the environment a CARTO
 * container would have, against real CONNECT proxies on 127.0.0.1 (server/src/preflight/test-proxy.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseEgressOutput,
  renderEgressCheckScript,
  type EgressTarget,
} from '@wizard/shared/render/egress-check-script';
import {
  closedPort,
  makeCertificates,
  startTestProxy,
  type TestProxy,
} from '../../test/test-proxy.ts';

/** Runs the script with `node -` and only the given variables (plus PATH), as in a container. */
export function runInNode(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(script);
  });
}

const proxied = (host: string, label = host): EgressTarget => ({
  host,
  port: 443,
  label,
  via: 'proxy',
});

describe('the egress check script through a plain HTTP proxy', () => {
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startTestProxy({
      'auth.carto.com:443': 'allow',
      'registry.self-hosted.carto.com:443': 'allow',
      'docker.io:443': 'auth',
      'hang.example:443': 'hang',
      'gateway.example:443': 'bad-gateway',
    });
  });
  afterAll(() => proxy.close());

  it('reports allowed, blocked, auth required, a timeout and other answers, in order', async () => {
    const closed = await closedPort();
    const script = renderEgressCheckScript(
      [
        proxied('auth.carto.com'),
        proxied('registry.self-hosted.carto.com', '*.self-hosted.carto.com'),
        proxied('api.tomtom.com'),
        proxied('docker.io'),
        proxied('hang.example'),
        proxied('gateway.example'),
        { host: '127.0.0.1', port: proxy.port, label: 'a direct one', via: 'direct' },
        { host: '127.0.0.1', port: closed, label: 'a closed one', via: 'direct' },
      ],
      1500,
    );
    const { code, stdout, stderr } = await runInNode(script, {
      HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = parseEgressOutput(stdout);
    expect(results.map((r) => [r.status, r.label])).toEqual([
      ['allowed', 'auth.carto.com'],
      ['allowed', '*.self-hosted.carto.com'],
      ['blocked', 'api.tomtom.com'],
      ['auth-required', 'docker.io'],
      ['error', 'hang.example'],
      ['error', 'gateway.example'],
      ['direct-ok', 'a direct one'],
      ['direct-error', 'a closed one'],
    ]);
    expect(results[4]?.detail).toContain('no answer within 1.5 s');
    expect(results[5]?.detail).toContain('answered 502');
    expect(results[7]?.detail).toContain('ECONNREFUSED');
    expect(proxy.connects).toEqual(
      expect.arrayContaining(['auth.carto.com:443', 'api.tomtom.com:443', 'docker.io:443']),
    );
    // Every line is four tab-separated fields of printable ASCII.
    for (const line of stdout.trimEnd().split('\n')) {
      expect(line.split('\t')).toHaveLength(4);
      expect(line).toMatch(/^[\x20-\x7e\t]+$/);
    }
  });

  it('prefers https_proxy over HTTPS_PROXY, and never prints the URL or its credentials', async () => {
    const closed = await closedPort();
    const script = renderEgressCheckScript([proxied('auth.carto.com')]);
    const { stdout } = await runInNode(script, {
      https_proxy: `http://user:s3cret@127.0.0.1:${proxy.port}`,
      HTTPS_PROXY: `http://127.0.0.1:${closed}`,
    });
    expect(parseEgressOutput(stdout).map((r) => r.status)).toEqual(['allowed']);
    expect(stdout).not.toContain('s3cret');
    expect(stdout).not.toContain('user');
  });

  it('says so when the container has no HTTPS_PROXY', async () => {
    const { stdout } = await runInNode(renderEgressCheckScript([proxied('auth.carto.com')]), {});
    expect(parseEgressOutput(stdout)).toEqual([
      {
        status: 'error',
        host: 'auth.carto.com',
        label: 'auth.carto.com',
        detail: 'HTTPS_PROXY is not set in this container',
      },
    ]);
  });
});

describe('the egress check script through an HTTPS proxy with a custom CA', () => {
  let proxy: TestProxy;
  let caFile = '';
  beforeAll(async () => {
    const certs = makeCertificates();
    const dir = mkdtempSync(join(tmpdir(), 'egress-ca-'));
    caFile = join(dir, 'proxy-ca.crt');
    writeFileSync(caFile, certs.caPem);
    proxy = await startTestProxy({ 'auth.carto.com:443': 'allow' }, certs);
  });
  afterAll(() => proxy.close());

  const script = renderEgressCheckScript([proxied('auth.carto.com'), proxied('api.tomtom.com')]);

  it('trusts the proxy through NODE_EXTRA_CA_CERTS, as CARTO does', async () => {
    const { stdout } = await runInNode(script, {
      HTTPS_PROXY: `https://127.0.0.1:${proxy.port}`,
      NODE_EXTRA_CA_CERTS: caFile,
      NODE_TLS_REJECT_UNAUTHORIZED: '1',
    });
    expect(parseEgressOutput(stdout).map((r) => r.status)).toEqual(['allowed', 'blocked']);
  });

  it('reports a TLS error when the container does not have the CA', async () => {
    const before = proxy.connects.length;
    const { stdout } = await runInNode(script, {
      HTTPS_PROXY: `https://127.0.0.1:${proxy.port}`,
    });
    const results = parseEgressOutput(stdout);
    expect(results.map((r) => r.status)).toEqual(['tls-error', 'tls-error']);
    expect(results[0]?.detail).toMatch(/^TLS to the proxy 127\.0\.0\.1:\d+ failed: /);
    // The CONNECT is never sent over a TLS connection the client does not trust.
    expect(proxy.connects).toHaveLength(before);
  });

  it('connects without the CA when NODE_TLS_REJECT_UNAUTHORIZED=0, as CARTO would', async () => {
    const { stdout } = await runInNode(script, {
      HTTPS_PROXY: `https://127.0.0.1:${proxy.port}`,
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
    });
    expect(parseEgressOutput(stdout).map((r) => r.status)).toEqual(['allowed', 'blocked']);
  });
});
