import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '@wizard/shared';
import { fileMode, writeFiles, zipFiles } from './output-files.ts';

const work = mkdtempSync(join(tmpdir(), 'wizard-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const file = (name: string, content = 'x\n'): OutputFile => ({
  name,
  mediaType: 'text/plain; charset=utf-8',
  content,
});

describe('writeFiles', () => {
  it.each(['../escape.txt', '/tmp/absolute.txt', 'certs/../../escape.txt', '.', ''])(
    'refuses a name that would land outside the folder (%j)',
    async (name) => {
      const dir = join(work, 'guarded');
      await expect(writeFiles(dir, [file(name)])).rejects.toThrow(/Refusing to write/);
      expect(existsSync(join(work, 'escape.txt'))).toBe(false);
    },
  );

  it('returns the paths it wrote', async () => {
    const dir = join(work, 'ok');
    expect(await writeFiles(dir, [file('a.txt'), file('certs/b.crt')])).toEqual([
      join(dir, 'a.txt'),
      join(dir, 'certs', 'b.crt'),
    ]);
  });
});

describe('zipFiles', () => {
  it('keeps non-ASCII content as UTF-8', () => {
    const entries = unzipSync(zipFiles([file('README.md', 'Zürich – 東京\n')]));
    expect(new TextDecoder().decode(entries['carto-proxy-config/README.md'])).toBe(
      'Zürich – 東京\n',
    );
  });

  // Issue 11, item 9: one folder, not loose files.
  it('puts every file, folders included, inside carto-proxy-config/', () => {
    const entries = unzipSync(zipFiles([file('README.md', 'a'), file('certs/proxy-ca.crt', 'b')]));
    expect(Object.keys(entries)).toEqual([
      'carto-proxy-config/README.md',
      'carto-proxy-config/certs/proxy-ca.crt',
    ]);
  });

  it('gives scripts an executable mode', () => {
    expect(fileMode('check-proxy.sh')).toBe(0o755);
    expect(fileMode('customer.env.proxy')).toBe(0o644);
  });
});
