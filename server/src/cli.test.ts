import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderResult } from '@wizard/shared';
import { EXIT_OK, EXIT_USAGE, USAGE, formatPath } from './cli.ts';
import {
  CA_PEM,
  HELM_HTTPS,
  PRIVATE_KEY_PEM,
  SCENARIOS,
  postJson,
  testApp,
  runCliCaptured,
} from '../test/test-support.ts';

const BIN = join(import.meta.dirname, '../bin/carto-proxy-wizard.mjs');

let work: string;
let app: FastifyInstance;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'wizard-cli-'));
  app = await testApp();
});
afterAll(async () => {
  await app.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI in-process and collects what it prints. */
async function cli(argv: string[], stdin = '') {
  return runCliCaptured(argv, { cwd: work, stdin });
}

function writeAnswers(name: string, answers: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof answers === 'string' ? answers : JSON.stringify(answers, null, 2));
  return path;
}

/** Every file under dir, by its path relative to dir (with / separators), with its bytes. */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
  }
  return files;
}

async function apiRender(answers: unknown): Promise<RenderResult> {
  const response = await postJson(app, '/api/render', answers);
  expect(response.statusCode).toBe(200);
  return response.json<RenderResult>();
}

describe('render --out DIR', () => {
  it.each(Object.entries(SCENARIOS))(
    '%s: writes exactly the API files, byte for byte',
    async (name, answers) => {
      const file = writeAnswers(`${name.replace(/\W+/g, '-')}.json`, answers);
      const out = join(work, `out-${name.replace(/\W+/g, '-')}`);
      const { code, stdout, stderr } = await cli(['render', file, '--out', out]);
      expect(code).toBe(EXIT_OK);

      const api = await apiRender(answers);
      const written = readTree(out);
      expect([...written.keys()].sort()).toEqual(api.files.map((f) => f.name).sort());
      for (const expected of api.files) {
        expect(written.get(expected.name)?.equals(Buffer.from(expected.content, 'utf8'))).toBe(
          true,
        );
      }
      expect(stdout).toContain(`Wrote ${api.files.length} files`);
      for (const warning of api.warnings) {
        expect(stderr).toContain(`${warning.severity}: ${warning.message}`);
      }
    },
  );

  it('creates certs/ for the Docker Compose CA and makes check-proxy.sh executable', async () => {
    const file = writeAnswers(
      'compose-ca.json',
      SCENARIOS['docker-compose over https with a custom CA'],
    );
    const out = join(work, 'nested', 'deeper');
    expect((await cli(['render', file, '-o', out])).code).toBe(EXIT_OK);
    expect(readFileSync(join(out, 'certs', 'proxy-ca.crt'), 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(statSync(join(out, 'check-proxy.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(join(out, 'README.md')).mode & 0o777).toBe(0o644);
  });

  it('replaces files left by an earlier run', async () => {
    const out = join(work, 'rerun');
    const first = writeAnswers('first.json', HELM_HTTPS);
    await cli(['render', first, '--out', out]);
    const second = writeAnswers('second.json', {
      ...HELM_HTTPS,
      proxy: { ...HELM_HTTPS.proxy, host: 'other-proxy.corp.example' },
    });
    await cli(['render', second, '--out', out]);
    const values = readFileSync(join(out, 'customizations.proxy.yaml'), 'utf8');
    expect(values).toContain('other-proxy.corp.example');
  });
});

describe('render --json', () => {
  it('prints the same render result as the API, and nothing else on stdout', async () => {
    const file = writeAnswers('json.json', HELM_HTTPS);
    const { code, stdout, stderr } = await cli(['render', file, '--json']);
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toEqual(await apiRender(HELM_HTTPS));
    expect(stderr).toMatch(/^(info|warning|error): /m);
  });

  it('reads the answers from stdin with -, even with a byte-order mark', async () => {
    const { code, stdout } = await cli(
      ['render', '-', '--json'],
      `\uFEFF${JSON.stringify(HELM_HTTPS)}`,
    );
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toEqual(await apiRender(HELM_HTTPS));
  });

  it('with --out too, keeps stdout pure JSON', async () => {
    const file = writeAnswers('both.json', HELM_HTTPS);
    const { code, stdout, stderr } = await cli([
      'render',
      file,
      '--json',
      '--out',
      join(work, 'both'),
    ]);
    expect(code).toBe(EXIT_OK);
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    expect(stderr).toContain('Wrote');
  });
});

describe('errors exit 2 with a clear message', () => {
  it('lists every invalid field as path: message, and never the password', async () => {
    const file = writeAnswers('invalid.json', {
      deployment: { method: 'openshift' },
      proxy: { protocol: 'http', host: 'carto:hunter2-pw@proxy.corp', port: 0 },
      excludedDomains: ['ok.example', 'bad entry'],
    });
    const { code, stdout, stderr } = await cli(['render', file, '--out', join(work, 'never')]);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ {2}deployment\.method: /m);
    expect(stderr).toMatch(/^ {2}proxy\.host: .*password/m);
    expect(stderr).toMatch(/^ {2}proxy\.port: /m);
    expect(stderr).toMatch(/^ {2}excludedDomains\[1\]: /m);
    expect(stderr).not.toContain('hunter2');
    expect(() => statSync(join(work, 'never'))).toThrow();
  });

  // D1: the CLI asks for deployment.release where the release decides what is written.
  it('exits 2 naming deployment.release for Kots with a custom CA and no release', async () => {
    const file = writeAnswers('kots-no-release.json', {
      deployment: { method: 'kots', kubernetesServiceIp: '10.96.0.1' },
      proxy: HELM_HTTPS.proxy,
    });
    const { code, stderr } = await cli(['render', file, '--json']);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(/^ {2}deployment\.release: .*Admin Console shows/m);
  });

  it('refuses a private key as the CA without printing it', async () => {
    const file = writeAnswers('key.json', {
      ...HELM_HTTPS,
      proxy: { ...HELM_HTTPS.proxy, customCa: CA_PEM + PRIVATE_KEY_PEM },
    });
    const { code, stderr } = await cli(['render', file, '--json']);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(/proxy\.customCa: /);
    expect(stderr).not.toContain(PRIVATE_KEY_PEM.split('\n')[1]);
  });

  it('a missing file', async () => {
    const { code, stderr } = await cli(['render', 'missing.json', '--json']);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toBe('error: cannot read missing.json: no such file\n');
  });

  it('a folder instead of a file', async () => {
    const { code, stderr } = await cli(['render', '.', '--json']);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(/^error: cannot read \.: /);
  });

  it('bad JSON, without quoting the file back', async () => {
    const file = writeAnswers('bad.json', '{"proxy": {"host": "secret-ish-value", }}');
    const { code, stderr } = await cli(['render', file, '--json']);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(/^error: cannot read .*bad\.json: it is not valid JSON/);
    expect(stderr).not.toContain('secret-ish-value');
  });

  it.each([
    [[]],
    [['render']],
    [['render', 'a.json']],
    [['render', 'a.json', 'b.json', '--json']],
    [['build', 'a.json', '--json']],
    [['render', 'a.json', '--jsn']],
  ])('usage errors: %j', async (argv) => {
    const { code, stderr, stdout } = await cli(argv);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Usage|--help/);
  });
});

describe('--help and --version', () => {
  it('prints the usage on stdout', async () => {
    expect(await cli(['--help'])).toEqual({ code: EXIT_OK, stdout: USAGE, stderr: '' });
    expect((await cli(['-h'])).stdout).toBe(USAGE);
  });
  it('prints the version', async () => {
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('formatPath', () => {
  it('reads like the document', () => {
    expect(formatPath([])).toBe('(answers)');
    expect(formatPath(['deployment', 'method'])).toBe('deployment.method');
    expect(formatPath(['excludedDomains', 3])).toBe('excludedDomains[3]');
  });
});

describe('the installed command (bin/carto-proxy-wizard.mjs)', () => {
  const run = promisify(execFile);

  it('runs the built CLI with node and writes the same files as runCli', async () => {
    const file = writeAnswers('bin.json', HELM_HTTPS);
    const viaBin = join(work, 'via-bin');
    const viaCli = join(work, 'via-cli');
    // Another working directory, as after `npx carto-proxy-wizard` from anywhere.
    await run(process.execPath, [BIN, 'render', file, '--out', viaBin], { cwd: tmpdir() });
    await cli(['render', file, '--out', viaCli]);
    const expected = readTree(viaCli);
    const actual = readTree(viaBin);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of expected) expect(actual.get(name)?.equals(bytes)).toBe(true);
  });

  it('exits 2 on invalid answers', async () => {
    const file = writeAnswers('bin-invalid.json', { proxy: {} });
    const error = await run(process.execPath, [BIN, 'render', file, '--json']).catch(
      (failure: { code: number; stderr: string }) => failure,
    );
    expect(error).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/deployment: /) as unknown,
    });
  });
});
