/**
 * How fast the two commands start, each as a ratio to the cheapest thing of its kind measured in the
 * same run, so the machine's speed cancels out:
 *
 * - the CLI: `carto-proxy-wizard render <answers.json> --json` (the package's bin, run by `node`)
 *   against a bare `node -e 0`; budget ≤ 3×.
 * - the server: the `serve` script to its first `/api/health` 200, against a bare Fastify app with
 *   one route to its first 200; budget ≤ 2×.
 *
 * Runs alternate between the measured command and its baseline, and the medians are compared.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_ANSWERS } from './api-throughput.ts';
import { BARE_FASTIFY_COMMAND, serveCommand, startServer } from './serve.ts';
import type { BenchResult } from './types.ts';
import { ROOT } from './web-build.ts';

export const CLI_RATIO_BUDGET = 3;
export const SERVER_RATIO_BUDGET = 2;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function wallMs(args: string[]): number {
  const start = performance.now();
  // The CLI's warnings go to stderr: not part of the measurement.
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  return performance.now() - start;
}

function cliStart(runs: number): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const answers = join(dir, 'answers.json');
    writeFileSync(answers, JSON.stringify(BENCH_ANSWERS));
    const cli = ['server/bin/carto-proxy-wizard.mjs', 'render', answers, '--json'];
    // One warm-up each (the file system cache), not counted.
    wallMs(['-e', '0']);
    wallMs(cli);
    const bare: number[] = [];
    const measured: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(wallMs(['-e', '0']));
      measured.push(wallMs(cli));
    }
    const ratio = median(measured) / median(bare);
    return {
      name: 'CLI render --json / node -e 0',
      value: round(ratio, 2),
      unit: '×',
      budget: `≤ ${CLI_RATIO_BUDGET}×`,
      pass: ratio <= CLI_RATIO_BUDGET,
      detail: `CLI render --json: median ${round(median(measured))} ms; node -e 0: median ${round(median(bare))} ms (${runs} runs each)`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serverStart(runs: number): Promise<BenchResult> {
  const command = serveCommand();
  const once = async (cmd: string) => {
    const server = await startServer(cmd);
    await server.stop();
    return server.startMs;
  };
  await once(BARE_FASTIFY_COMMAND);
  await once(command);
  const bare: number[] = [];
  const measured: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await once(BARE_FASTIFY_COMMAND));
    measured.push(await once(command));
  }
  const ratio = median(measured) / median(bare);
  return {
    name: 'serve → /api/health 200 / bare Fastify',
    value: round(ratio, 2),
    unit: '×',
    budget: `≤ ${SERVER_RATIO_BUDGET}×`,
    pass: ratio <= SERVER_RATIO_BUDGET,
    detail: `\`${command}\`: median ${round(median(measured))} ms to the first 200; bare Fastify: median ${round(median(bare))} ms (${runs} runs each)`,
  };
}

export async function startUp(): Promise<BenchResult[]> {
  const runs = Number(process.env.BENCH_START_RUNS ?? 7);
  const cli = cliStart(runs);
  const server = await serverStart(runs);
  return [cli, server];
}
