import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from './answers.ts';
import { buildDownload, downloadFor, downloadName, fileMode, zipFiles } from './download.ts';
import type { OutputFile } from './render/types.ts';

const file = (name: string, content = 'x\n', mediaType = 'text/plain'): OutputFile => ({
  name,
  mediaType,
  content,
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

describe('buildDownload', () => {
  const files = [file('README.md', 'é\n', 'text/markdown; charset=utf-8'), file('certs/a b.crt')];

  it('names the zip after the method', () => {
    const result = buildDownload(files, 'helm');
    expect(result.ok && result.download.filename).toBe('carto-proxy-helm.zip');
    expect(result.ok && result.download.mediaType).toBe('application/zip');
  });

  it('gives one file as UTF-8 under its plain base name, with a charset', () => {
    const result = buildDownload(files, 'helm', 'certs/a b.crt');
    expect(result.ok && result.download).toEqual({
      filename: 'a_b.crt',
      mediaType: 'text/plain; charset=utf-8',
      bytes: new TextEncoder().encode('x\n'),
    });
    const readme = buildDownload(files, 'helm', 'README.md');
    expect(readme.ok && readme.download.bytes).toEqual(new Uint8Array([0xc3, 0xa9, 0x0a]));
  });

  it('reports the names it has for a name it has not', () => {
    expect(buildDownload(files, 'kots', 'nope.txt')).toEqual({
      ok: false,
      available: ['README.md', 'certs/a b.crt'],
    });
  });

  it('keeps only a plain base name', () => {
    expect(downloadName('certs/proxy-ca.crt')).toBe('proxy-ca.crt');
    expect(downloadName('a"b;c.txt')).toBe('a_b_c.txt');
  });
});

// Issue 21, item 2: with an imported customer.env, the zip holds the merged file and its steps replace it.
describe('downloadFor with the own file', () => {
  const validated = validateAnswers({
    deployment: { method: 'docker-compose' },
    proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
  });
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  const answers = validated.answers;
  const own = { name: 'customer.env', text: 'HTTP_PROXY=http://proxy.corp.example:3128\n' };
  const zipOf = (ownFile?: boolean | typeof own) => {
    const result = downloadFor(answers, ownFile === undefined ? {} : { ownFile });
    if (!result.ok) throw new Error('no zip');
    return unzipSync(result.download.bytes);
  };

  it('puts the file first in the folder, beside exactly the files ownFile: true gives', () => {
    const withFile = zipOf(own);
    const names = Object.keys(withFile);
    expect(names[0]).toBe('carto-proxy-config/customer.env');
    expect(strFromU8(withFile['carto-proxy-config/customer.env']!)).toBe(own.text);
    const told = zipOf(true);
    expect(names.slice(1)).toEqual(Object.keys(told));
    for (const name of Object.keys(told)) expect(withFile[name]).toEqual(told[name]);
    const readme = strFromU8(told['carto-proxy-config/README.md']!);
    expect(readme).toContain('back up your `customer.env`, then replace it');
    expect(strFromU8(zipOf()['carto-proxy-config/README.md']!)).not.toContain('back up your');
  });
});
