/**
 * Every generated shell script (check-proxy.sh, verify-carto.sh, and any other `.sh` renderAll gives)
 * passes shellcheck as POSIX sh, `bash -n` and `dash -n`, for every method and for hostile-but-valid
 * answers. shellcheck is Debian's package, installed by .ci/run: when it is missing this test fails,
 * it is never skipped. The scripts of all samples are checked in one shellcheck run (it is slow to start).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswers, type Answers } from '../answers.ts';
import { SERVICE_IDS, WAREHOUSE_IDS } from '../catalog.ts';
import { CA_PEM } from '../fixtures/index.ts';
import { renderAll } from './index.ts';

/** Characters the schema may let through in an excluded domain, the ones a shell could trip on first. */
const TRICKY = ['*', '[', ']', '%', ':', '/', '_', '-', '.', 'é', 'ß', '例', '\u0301'];

const entryArb = fc.oneof(
  fc.domain(),
  fc.domain().map((d) => `*.${d}`),
  fc.ipV4().map((ip) => `${ip}/24`),
  fc.ipV6().map((ip) => `[${ip}]`),
  fc
    .array(fc.oneof(fc.constantFrom(...TRICKY), fc.constantFrom('a', 'b', '1')), {
      minLength: 1,
      maxLength: 20,
    })
    .map((chars) => chars.join('')),
);

const inputArb = fc.record({
  method: fc.constantFrom('docker-compose', 'helm', 'kots', 'single-vm'),
  release: fc.constantFrom(undefined, '2025.7.16', '2026.8.11'),
  protocol: fc.constantFrom('http', 'https'),
  host: fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6(), fc.constant('squid')),
  port: fc.integer({ min: 1, max: 65535 }),
  verify: fc.boolean(),
  ca: fc.boolean(),
  excluded: fc.array(entryArb, { maxLength: 8 }),
  warehouses: fc.subarray([...WAREHOUSE_IDS]),
  services: fc.subarray([...SERVICE_IDS]),
  gke: fc.boolean(),
});

/** The answers, or undefined when the schema refuses the combination (then there is nothing to check). */
type Input = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function answersOf(input: Input): Answers | undefined {
  const kubernetes = input.method === 'helm' || input.method === 'kots';
  const result = validateAnswers({
    deployment: {
      method: input.method,
      ...(input.release ? { release: input.release } : {}),
      ...(kubernetes ? { gkeWorkloadIdentity: input.gke } : {}),
      ...(input.method === 'kots' ? { kubernetesServiceIp: '10.96.0.1' } : {}),
    },
    proxy: {
      protocol: input.protocol,
      host: input.host,
      port: input.port,
      ...(input.protocol === 'https'
        ? { verifyCertificate: input.verify, ...(input.ca ? { customCa: CA_PEM } : {}) }
        : {}),
    },
    excludedDomains: input.excluded,
    warehouses: input.warehouses,
    services: input.services,
  });
  return result.ok ? result.answers : undefined;
}

function scripts(answers: Answers) {
  return renderAll(answers).files.filter((f) => f.name.endsWith('.sh'));
}

/** Writes each sample's scripts, then runs shellcheck once on all, and bash -n and dash -n on each. */
function checkAll(samples: readonly Answers[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'shell-scripts-'));
  const paths: string[] = [];
  const origin = new Map<string, string>();
  samples.forEach((answers, index) => {
    for (const file of scripts(answers)) {
      const path = join(dir, `${index}-${file.name}`);
      writeFileSync(path, file.content);
      paths.push(path);
      origin.set(path, JSON.stringify(answers));
    }
  });
  // --severity=style: every finding, down to style notes, fails the test.
  const shellcheck = spawnSync('shellcheck', ['--shell=sh', '--severity=style', ...paths], {
    encoding: 'utf8',
  });
  if (shellcheck.error) throw new Error(`shellcheck could not run: ${shellcheck.error.message}`);
  expect(shellcheck.stdout).toBe('');
  expect(shellcheck.status).toBe(0);
  for (const path of paths) {
    for (const shell of ['bash', 'dash']) {
      try {
        execFileSync(shell, ['-n', path], { stdio: 'pipe' });
      } catch (error) {
        throw new Error(`${shell} -n refused ${path} for ${origin.get(path)}: ${String(error)}`);
      }
    }
  }
}

describe('generated shell scripts', () => {
  it('include check-proxy.sh and verify-carto.sh for every method', () => {
    for (const method of ['docker-compose', 'helm', 'kots', 'single-vm'] as const) {
      const answers = answersOf({
        method,
        release: undefined,
        protocol: 'http',
        host: 'proxy',
        port: 3128,
        verify: true,
        ca: false,
        excluded: [],
        warehouses: [],
        services: [],
        gke: false,
      });
      expect(answers && scripts(answers).map((f) => f.name)).toEqual([
        'check-proxy.sh',
        'verify-carto.sh',
      ]);
    }
  });

  it('pass shellcheck, bash -n and dash -n for every method and hostile-but-valid answers', () => {
    const samples = fc
      .sample(inputArb, 20)
      .map(answersOf)
      .filter((a): a is Answers => a !== undefined);
    // Every method is in the run, whatever the sample gave.
    for (const method of ['docker-compose', 'helm', 'kots', 'single-vm'] as const) {
      const answers = answersOf({
        method,
        release: '2026.8.11',
        protocol: 'https',
        // The Admin Console refuses IPv6 hosts (carto-proxy-facts.md §V.3).
        host: method === 'kots' || method === 'single-vm' ? 'proxy-1.corp.example' : 'fd00::10',
        port: 3129,
        verify: true,
        ca: true,
        excluded: ['*.corp.example', '[fd00::1]', '10.0.0.0/8', 'bücher.example', '%25'],
        warehouses: [...WAREHOUSE_IDS],
        services: [...SERVICE_IDS],
        gke: true,
      });
      if (!answers) throw new Error(`the rich ${method} answers were refused`);
      samples.push(answers);
    }
    expect(new Set(samples.map((a) => a.deployment.method)).size).toBe(4);
    checkAll(samples);
  }, 120_000); // shellcheck takes a tenth of a second or more per script on a busy 2-core machine.
});
