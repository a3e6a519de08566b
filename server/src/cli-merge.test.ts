/** `carto-proxy-wizard merge`: the same merge as the browser, on real files, printed or written in place. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { runCliCaptured } from '../test/test-support.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  envVariables,
  helmValues,
  planFor,
  validateAnswers,
  type AnswersInput,
} from '@wizard/shared';
import { mergeEnv } from '@wizard/shared/import/index';
import { EXIT_OK, EXIT_USAGE } from './cli.ts';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'wizard-merge-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(argv: string[]) {
  return runCliCaptured(argv, { cwd: work });
}

const DOCKER: AnswersInput = {
  deployment: { method: 'docker-compose' },
  proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
  excludedDomains: ['.corp.example'],
};
const HELM: AnswersInput = { ...DOCKER, deployment: { method: 'helm' } };
const ENV_FILE = '# mine\nDB_PASSWORD="s3cret#1"\nHTTP_PROXY=http://old:8080\n';

function write(name: string, content: string): string {
  writeFileSync(join(work, name), content);
  return name;
}

function answersOf(input: AnswersInput) {
  const result = validateAnswers(input);
  if (!result.ok) throw new Error('invalid');
  return result.answers;
}

describe('carto-proxy-wizard merge', () => {
  it('prints the merged customer.env, identical to the shared merge', async () => {
    write('answers.json', JSON.stringify(DOCKER));
    write('customer.env', ENV_FILE);
    const { code, stdout, stderr } = await cli([
      'merge',
      '--answers',
      'answers.json',
      '--into',
      'customer.env',
    ]);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    expect(stdout).toBe(mergeEnv(ENV_FILE, answersOf(DOCKER)));
    const parsed = dotenv.parse(stdout);
    expect(parsed.DB_PASSWORD).toBe('s3cret#1');
    for (const [key, value] of envVariables(planFor(answersOf(DOCKER))))
      expect(parsed[key]).toBe(value);
    expect(readFileSync(join(work, 'customer.env'), 'utf8')).toBe(ENV_FILE);
  });

  it('writes in place with --write, keeping a .bak, and changes nothing the second time', async () => {
    write('answers.json', JSON.stringify(DOCKER));
    write('in-place.env', ENV_FILE);
    const first = await cli([
      'merge',
      '--answers',
      'answers.json',
      '--into',
      'in-place.env',
      '--write',
    ]);
    expect(first.code).toBe(EXIT_OK);
    expect(readFileSync(join(work, 'in-place.env.bak'), 'utf8')).toBe(ENV_FILE);
    const merged = readFileSync(join(work, 'in-place.env'), 'utf8');
    expect(merged).toBe(mergeEnv(ENV_FILE, answersOf(DOCKER)));
    rmSync(join(work, 'in-place.env.bak'));
    const second = await cli([
      'merge',
      '--answers',
      'answers.json',
      '--into',
      'in-place.env',
      '--write',
    ]);
    expect(second.code).toBe(EXIT_OK);
    expect(second.stderr).toContain('nothing to change');
    expect(existsSync(join(work, 'in-place.env.bak'))).toBe(false);
  });

  it('merges Helm values for helm answers', async () => {
    write('helm.json', JSON.stringify(HELM));
    write('customizations.yaml', '# keep me\nappConfigValues:\n  selfHostedDomain: carto.corp\n');
    const { code, stdout } = await cli([
      'merge',
      '--answers',
      'helm.json',
      '--into',
      'customizations.yaml',
    ]);
    expect(code).toBe(EXIT_OK);
    expect(stdout.startsWith('# keep me\nappConfigValues:\n  selfHostedDomain: carto.corp\n')).toBe(
      true,
    );
    expect(
      (parseYaml(stdout, { version: '1.1' }) as { externalProxy: unknown }).externalProxy,
    ).toEqual(helmValues(planFor(answersOf(HELM))).externalProxy);
  });

  it.each([
    [['merge', '--answers', 'helm.json', '--into', 'customer.env'], 'only docker-compose answers'],
    [['merge', '--answers', 'answers.json', '--into', 'missing.env'], 'no such file'],
    [['merge', '--into', 'customer.env'], 'merge takes --answers'],
    [['merge', '--answers', 'answers.json', '--into', 'broken.yaml'], 'only helm answers'],
  ])('refuses %j', async (argv, message) => {
    write('answers.json', JSON.stringify(DOCKER));
    write('helm.json', JSON.stringify(HELM));
    const { code, stderr } = await cli(argv);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain(message);
  });

  it('says why a YAML file cannot be merged', async () => {
    write('helm.json', JSON.stringify(HELM));
    write('broken.yaml', 'a: [1, 2\n');
    const { code, stderr } = await cli([
      'merge',
      '--answers',
      'helm.json',
      '--into',
      'broken.yaml',
    ]);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('cannot be read');
  });
});
