import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowlistEntries,
  checkHost,
  planFor,
  validateAnswers,
  type AnswersInput,
} from '@wizard/shared';
import { CA_PEM } from '@wizard/shared/fixtures/index';
import { planPreflight, runPreflight, type PreflightPlan } from './probe.ts';
import { startTestProxy, type TestProxy } from '../../test/test-proxy.ts';
import type { PreflightLine } from '@wizard/shared/preflight';

function validated(input: AnswersInput) {
  const result = validateAnswers(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.answers;
}

async function collect(lines: AsyncIterable<PreflightLine>): Promise<PreflightLine[]> {
  const all: PreflightLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

describe('planPreflight', () => {
  it("takes the catalog's allowlist and its known hosts under wildcards", () => {
    const answers = validated({
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
      warehouses: ['redshift'],
      services: ['s3-buckets'],
    });
    const plan = planPreflight(planFor(answers));
    expect(plan.proxy).toEqual({
      protocol: 'http',
      host: 'proxy.corp.example',
      port: 3128,
      verifyCertificate: true,
    });
    expect(plan.targets).toEqual(
      allowlistEntries(answers).map(({ domain }) => ({ domain, host: checkHost(domain) })),
    );
    expect(plan.targets).toContainEqual({
      domain: '*.self-hosted.carto.com',
      host: 'registry.self-hosted.carto.com',
    });
  });

  it('carries the custom CA and verifyCertificate for an HTTPS proxy only', () => {
    const https = validated({
      deployment: { method: 'docker-compose' },
      proxy: {
        protocol: 'https',
        host: 'fd00::10',
        port: 3129,
        customCa: CA_PEM,
        verifyCertificate: false,
      },
    });
    expect(planPreflight(planFor(https)).proxy).toEqual({
      protocol: 'https',
      host: 'fd00::10',
      port: 3129,
      verifyCertificate: false,
      customCa: CA_PEM,
    });
    const blankCa = validated({
      deployment: { method: 'docker-compose' },
      proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129, customCa: '  ' },
    });
    expect(planPreflight(planFor(blankCa)).proxy).not.toHaveProperty('customCa');
  });

  it('uses injected sources when given', () => {
    const answers = validated({
      deployment: { method: 'docker-compose' },
      proxy: { protocol: 'http', host: '127.0.0.1', port: 3128 },
    });
    const plan = planPreflight(planFor(answers), {
      allowlist: () => [{ domain: 'a.example' }, { domain: '*.b.example' }],
      checkHost: (domain) => (domain === 'a.example' ? 'a.example' : undefined),
    });
    expect(plan.targets).toEqual([
      { domain: 'a.example', host: 'a.example' },
      { domain: '*.b.example', host: undefined },
    ]);
  });
});

describe('runPreflight', () => {
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startTestProxy({
      'ok.example:443': 'allow',
      ...Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [`hang${i}.example:443`, 'hang' as const]),
      ),
    });
  });
  afterAll(() => proxy.close());

  const preflightFor = (hosts: string[]): PreflightPlan => ({
    proxy: { protocol: 'http', host: '127.0.0.1', port: proxy.port, verifyCertificate: true },
    targets: hosts.map((host) => ({ domain: host, host })),
  });
  const hanging = (n: number) => Array.from({ length: n }, (_, i) => `hang${i}.example`);

  it('keeps at most `concurrency` CONNECTs open at once (4 by default)', async () => {
    const lines = await collect(
      runPreflight(preflightFor(hanging(10)), { timeouts: { connect: 150, total: 5_000 } }),
    );
    expect(lines.filter((line) => line.check === 'connect')).toHaveLength(10);
    expect(proxy.peakTunnels()).toBe(4);
    expect(lines.at(-1)).toEqual({ check: 'summary', allowed: 0, blocked: 0, errors: 10 });
  });

  it('ends everything still pending when the overall budget runs out', async () => {
    // A budget the answered CONNECT fits in even on a busy machine; the hanging ones would wait ten
    // minutes for their own timeout, far past the test's: only the budget can end them (issue 20,
    // item 2: no upper bound on the clock).
    const started = performance.now();
    const lines = await collect(
      runPreflight(preflightFor(['ok.example', ...hanging(6)]), {
        concurrency: 2,
        timeouts: { connect: 600_000, total: 3_000 },
      }),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(2_990);
    const connects = lines.filter((line) => line.check === 'connect');
    expect(connects).toHaveLength(7);
    expect(connects.filter((line) => line.status === 'allowed')).toHaveLength(1);
    const stopped = connects.filter((line) => line.status === 'error');
    expect(stopped).toHaveLength(6);
    for (const line of stopped) {
      expect(line.detail).toBe("Not finished within the preflight's 3 s budget.");
    }
    expect(lines.at(-1)).toEqual({ check: 'summary', allowed: 1, blocked: 0, errors: 6 });
    await expect.poll(() => proxy.openTunnels()).toBe(0);
  });

  it('stops at once when its signal aborts', async () => {
    const controller = new AbortController();
    const run = runPreflight(preflightFor(hanging(3)), {
      signal: controller.signal,
      timeouts: { connect: 10_000 },
    });
    expect((await run.next()).value).toMatchObject({ check: 'reach', status: 'ok' });
    const next = run.next();
    await expect.poll(() => proxy.openTunnels()).toBe(3);
    controller.abort();
    const rest = [(await next).value, ...(await collect({ [Symbol.asyncIterator]: () => run }))];
    const connects = rest.filter((line) => line?.check === 'connect');
    expect(connects.map((line) => line.detail)).toEqual([
      'Stopped: the request was closed.',
      'Stopped: the request was closed.',
      'Stopped: the request was closed.',
    ]);
    await expect.poll(() => proxy.openTunnels()).toBe(0);
  });

  it('ends the checks in flight when the consumer stops reading', async () => {
    const run = runPreflight(preflightFor(['ok.example', ...hanging(2)]), {
      timeouts: { connect: 10_000 },
    });
    await run.next();
    expect((await run.next()).value).toMatchObject({ check: 'connect', status: 'allowed' });
    await expect.poll(() => proxy.openTunnels()).toBe(2);
    await run.return();
    await expect.poll(() => proxy.openTunnels()).toBe(0);
  });
});
