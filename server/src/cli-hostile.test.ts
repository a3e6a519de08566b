/**
 * Issue 13, CLI side: the user's own files, hostile or just unusual. A refused input is exit 2 with
 * a sentence; a merge never corrupts, loses or writes through what it should not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caWithUnreadableValidity } from '@wizard/shared/fixtures/hostile';
import { EXIT_USAGE, runCli } from './cli.ts';
import { HELM_HTTPS } from './test-support.ts';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'wizard-cli-hostile-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: work,
    readStdin: () => Promise.resolve(''),
  });
  return { code, stdout, stderr };
}

function write(name: string, content: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

describe('render with a CA whose validity time cannot be read (item 1)', () => {
  it('exits 2 naming proxy.customCa', async () => {
    write(
      'bad-ca.json',
      JSON.stringify({
        ...HELM_HTTPS,
        proxy: { ...HELM_HTTPS.proxy, customCa: caWithUnreadableValidity() },
      }),
    );
    const result = await cli(['render', 'bad-ca.json', '--json']);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain(
      "proxy.customCa: Certificate 1 cannot be used: the certificate's validity dates cannot be read.",
    );
    expect(result.stdout).toBe('');
  });
});
