import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDownload, downloadName, fileMode, zipFiles } from './download.ts';
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
