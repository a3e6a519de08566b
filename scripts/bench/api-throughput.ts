/**
 * Requests per second of `POST /api/render` next to a bare Fastify route that returns a constant
 * JSON body of the same size, on loopback in the same process launch (issue 2: target ratio ≥ 0.5).
 * The ratio, not the absolute figure, is the budget: it cancels out the machine's speed and shows
 * what validation, rendering, helmet, under-pressure and the error handling cost per request.
 *
 * Both servers run in this thread, one at a time; autocannon generates the load from a worker
 * thread so that the client does not steal the server's event loop.
 *
 * @see {@link https://github.com/mcollina/autocannon}
 */
import type { AddressInfo } from 'node:net';
import autocannon, { type Result } from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { renderAll, validateAnswers, type AnswersInput } from '@wizard/shared';
import { CA_PEM, SECOND_CA_PEM } from '@wizard/shared/fixtures/index';
import { buildApp } from '../../server/src/app.ts';
import type { BenchResult } from './types.ts';

export const RATIO_BUDGET = 0.5;

/** A typical helm + https answers document: several warehouses, services and excluded domains. */
export const BENCH_ANSWERS: AnswersInput = {
  deployment: { method: 'helm', release: '2026.8.11', gkeWorkloadIdentity: true },
  proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129 },
  excludedDomains: ['.corp.example', '10.0.0.0/8', 'registry.internal'],
  warehouses: ['bigquery', 'snowflake', 'postgres'],
  services: ['gcs-buckets', 'google-maps', 'geocoding-tomtom'],
};

interface Scenario {
  name: string;
  /** Bodies sent in turn; all render to responses of the same size. */
  bodies: AnswersInput[];
}

/**
 * The same answers, then with a custom CA. The CA bodies alternate between two certificates: the CA
 * parser keeps only the last certificate it read (so validation and rendering share one parse), and
 * alternating makes every request pay for its own parse, as requests from different users do.
 */
export const SCENARIOS: Scenario[] = [
  { name: 'helm + https', bodies: [BENCH_ANSWERS] },
  {
    name: 'helm + https + custom CA',
    bodies: [CA_PEM, SECOND_CA_PEM].map((customCa) => ({
      ...BENCH_ANSWERS,
      proxy: { ...BENCH_ANSWERS.proxy, customCa },
    })),
  },
];

export interface ThroughputOptions {
  /** Seconds per measured run (default 10, or BENCH_DURATION). */
  duration?: number;
  connections?: number;
}

async function address(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** A bare Fastify app: default options, one route, the same response body precomputed. */
function bareApp(response: unknown): FastifyInstance {
  const app = Fastify();
  app.post('/render', () => response);
  return app;
}

async function load(url: string, bodies: string[], seconds: number, connections: number) {
  return autocannon({
    url,
    headers: { 'content-type': 'application/json' },
    requests: bodies.map((body) => ({ method: 'POST', body })),
    connections,
    duration: seconds,
    workers: 1,
  });
}

/** Milliseconds per call of fn, over about half a second after a short warm-up. */
function timePerCall(fn: () => unknown): number {
  for (let i = 0; i < 50; i++) fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < 500) {
    fn();
    calls++;
  }
  return (performance.now() - start) / calls;
}

function describeRun(label: string, result: Result): string {
  return `${label}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors`;
}

function answersOf(input: AnswersInput) {
  const validation = validateAnswers(input);
  if (!validation.ok)
    throw new Error(`bench answers are invalid: ${JSON.stringify(validation.issues)}`);
  return validation.answers;
}

async function measureScenario(
  scenario: Scenario,
  seconds: number,
  connections: number,
): Promise<BenchResult[]> {
  const bodies = scenario.bodies.map((input) => JSON.stringify(input));
  const expected = renderAll(answersOf(scenario.bodies[0]!));
  // Where a render request's time goes, measured in-process without HTTP, cycling the bodies.
  let turn = 0;
  const next = () => scenario.bodies[turn++ % scenario.bodies.length]!;
  const validateMs = timePerCall(() => validateAnswers(next()));
  const totalMs = timePerCall(() => renderAll(answersOf(next())));

  // The rate limit would turn most benchmark requests into 429s: off for this measurement only.
  const wizard = await buildApp({ rateLimit: false });
  const bare = bareApp(expected);
  try {
    const wizardUrl = `${await address(wizard)}/api/render`;
    const bareUrl = `${await address(bare)}/render`;

    // Both answer 200 with bodies of the same size, or the comparison means nothing.
    const sizes: number[] = [];
    for (const url of [wizardUrl, bareUrl]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bodies[0],
      });
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      sizes.push((await response.text()).length);
    }

    // A short warm-up each (JIT, connection pools), not counted.
    await load(bareUrl, bodies, 1, connections);
    await load(wizardUrl, bodies, 1, connections);
    const baseline = await load(bareUrl, bodies, seconds, connections);
    const measured = await load(wizardUrl, bodies, seconds, connections);

    const clean = [baseline, measured].every(
      (r) => r.non2xx === 0 && r.errors === 0 && r.timeouts === 0,
    );
    const ratio = measured.requests.average / baseline.requests.average;
    const detail = [
      `### ${scenario.name}`,
      `response bodies: render ${sizes[0]} B, bare ${sizes[1]} B; ${connections} connections, ${seconds} s each`,
      describeRun('bare Fastify route', baseline),
      describeRun('POST /api/render  ', measured),
      `in-process per call: validateAnswers ${validateMs.toFixed(3)} ms, validate + renderAll ${totalMs.toFixed(3)} ms; one bare request costs ${(1000 / baseline.requests.average).toFixed(3)} ms`,
    ].join('\n');
    return [
      {
        name: `${scenario.name}: bare route`,
        value: Math.round(baseline.requests.average),
        unit: 'req/s',
        budget: '(baseline)',
        pass: baseline.non2xx === 0 && baseline.errors === 0,
      },
      {
        name: `${scenario.name}: POST /api/render`,
        value: Math.round(measured.requests.average),
        unit: 'req/s',
        budget: '(measured)',
        pass: measured.non2xx === 0 && measured.errors === 0,
      },
      {
        name: `${scenario.name}: render / bare ratio`,
        value: Math.round(ratio * 100) / 100,
        unit: '',
        budget: `≥ ${RATIO_BUDGET}`,
        pass: clean && ratio >= RATIO_BUDGET,
        detail,
      },
    ];
  } finally {
    await wizard.close();
    await bare.close();
  }
}

export async function apiThroughput(options: ThroughputOptions = {}): Promise<BenchResult[]> {
  const seconds = options.duration ?? Number(process.env.BENCH_DURATION ?? 10);
  const connections = options.connections ?? 10;
  const results: BenchResult[] = [];
  for (const scenario of SCENARIOS)
    results.push(...(await measureScenario(scenario, seconds, connections)));
  return results;
}
