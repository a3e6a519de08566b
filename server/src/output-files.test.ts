import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '@wizard/shared';
import { writeFiles } from './output-files.ts';

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
