/**
 * Issue 13, CLI side: the user's own files, hostile or just unusual. A refused input is exit 2 with
 * a sentence; a merge never corrupts, loses or writes through what it should not.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caWithUnreadableValidity } from '@wizard/shared/fixtures/hostile';
import { BYTE_ORDER_MARK_NOTE } from '@wizard/shared/import/index';
import { readWithInstallSh } from '@wizard/shared/test-support/env-readers';
import { parse as parseYaml } from 'yaml';
import { EXIT_OK, EXIT_USAGE } from './cli.ts';
import { CA_PEM, HELM_HTTPS, runCliCaptured } from '../test/test-support.ts';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'wizard-cli-hostile-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(argv: string[]) {
  return runCliCaptured(argv, { cwd: work });
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

const DOCKER = {
  deployment: { method: 'docker-compose' },
  proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
};
const HELM = { ...DOCKER, deployment: { method: 'helm' } };

/** A fresh folder with the answers files, for tests that write. */
function folder(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'docker.json'), JSON.stringify(DOCKER));
  writeFileSync(join(dir, 'helm.json'), JSON.stringify(HELM));
  return dir;
}

const mergeInto = (dir: string, into: string, answers = 'docker.json', write = true) =>
  cli([
    'merge',
    '--answers',
    join(dir, answers),
    '--into',
    join(dir, into),
    ...(write ? ['--write'] : []),
  ]);

describe('merge --write on files that are not UTF-8 (item 9)', () => {
  it.each([
    [
      'Latin-1',
      Buffer.from('DB_PASSWORD=ma\xf1ana\nHTTP_PROXY=http://old:1\n', 'latin1'),
      'not UTF-8',
    ],
    ['UTF-16', Buffer.from('\ufeffHTTP_PROXY=http://old:1\n', 'utf16le'), 'UTF-16'],
  ])('refuses %s and changes no byte', async (_name, bytes, words) => {
    const dir = folder(`enc-${_name}`);
    writeFileSync(join(dir, 'customer.env'), bytes);
    const result = await mergeInto(dir, 'customer.env');
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain(words);
    expect(readFileSync(join(dir, 'customer.env')).equals(bytes)).toBe(true);
    expect(existsSync(join(dir, 'customer.env.bak'))).toBe(false);
  });

  it('drops a UTF-8 byte-order mark and says so, with --write as on stdout (issue 20, item 1)', async () => {
    const dir = folder('bom');
    const original = '\ufeffHTTP_PROXY=http://old:1\r\nDB_PASSWORD=mañana\r\n';
    writeFileSync(join(dir, 'customer.env'), original);
    const printed = await mergeInto(dir, 'customer.env', 'docker.json', false);
    expect(printed.code).toBe(EXIT_OK);
    expect(printed.stderr).toBe(`note: ${join(dir, 'customer.env')}: ${BYTE_ORDER_MARK_NOTE}\n`);
    const written = await mergeInto(dir, 'customer.env');
    expect(written.code).toBe(EXIT_OK);
    expect(written.stderr).toContain(BYTE_ORDER_MARK_NOTE);
    const merged = readFileSync(join(dir, 'customer.env'), 'utf8');
    expect(merged).toBe(printed.stdout);
    expect(
      merged.startsWith('HTTP_PROXY=http://proxy.corp.example:3128\r\nDB_PASSWORD=mañana\r\n'),
    ).toBe(true);
    // CARTO's install.sh stopped at the first key while the mark was kept.
    const installSh = readWithInstallSh(merged);
    expect(installSh.ok && installSh.env.HTTP_PROXY).toBe('http://proxy.corp.example:3128\r');
    expect(readFileSync(join(dir, 'customer.env.bak'), 'utf8')).toBe(original);
    // Once dropped, there is nothing left to say or change.
    const again = await mergeInto(dir, 'customer.env');
    expect(again.stderr).toContain('already has these proxy settings');
    expect(again.stderr).not.toContain('byte-order mark');
  });

  it('drops it from Helm values too', async () => {
    const dir = folder('bom-yaml');
    writeFileSync(join(dir, 'values.yaml'), '\ufeffexternalProxy:\n  host: old\n');
    const result = await mergeInto(dir, 'values.yaml', 'helm.json');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toContain(BYTE_ORDER_MARK_NOTE);
    const merged = readFileSync(join(dir, 'values.yaml'), 'utf8');
    expect(merged.startsWith('externalProxy:')).toBe(true);
    expect(parseYaml(merged)).toMatchObject({ externalProxy: { host: 'proxy.corp.example' } });
  });
});

describe('merge refuses what it cannot keep valid (items 10, 13)', () => {
  it.each([
    ['an anchored host used elsewhere', 'externalProxy:\n  host: &h old\nother: *h\n', 'anchor'],
    [
      'externalProxy twice',
      'externalProxy:\n  host: a\nexternalProxy:\n  host: b\n',
      'appears 2 times',
    ],
    [
      'an alias bomb',
      `a: &a [x,x,x,x,x,x,x,x,x]\n${'bcdefgh'
        .split('')
        .map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)
        .join('\n')}\nexternalProxy:\n  host: old\n`,
      'cannot be read',
    ],
  ])('%s: exit 2, file unchanged', async (name, text, words) => {
    const dir = folder(`yaml-${name.replace(/\W/g, '-')}`);
    writeFileSync(join(dir, 'values.yaml'), text);
    const result = await mergeInto(dir, 'values.yaml', 'helm.json');
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain(words);
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(text);
  });
});

describe('a refused merge says which lines to change by hand, and to what (issue 20, item 3)', () => {
  it('names the lines and prints the exact text; made by hand, the merge then goes through', async () => {
    const dir = folder('hand-edit');
    const text = '# corp values\nexternalProxy:\n  host: &h old\n  port: 1\nother: *h\n';
    writeFileSync(join(dir, 'values.yaml'), text);
    const refused = await mergeInto(dir, 'values.yaml', 'helm.json');
    expect(refused.code).toBe(EXIT_USAGE);
    expect(refused.stderr).toContain('externalProxy holds an anchor (&h) on line 3');
    const hand = refused.stderr.slice(refused.stderr.indexOf('  Replace lines 2–4 with:'));
    expect(hand).toBe(
      [
        '  Replace lines 2–4 with:',
        '    externalProxy:',
        '      host: "proxy.corp.example"',
        '      port: 3128',
        '      enabled: true',
        '      type: "http"',
        '      excludedDomains:',
        '        - "localhost"',
        '        - ".svc.cluster.local"',
        '  Replace line 5 with:',
        '    other: old',
        '',
      ].join('\n'),
    );
    // The user does exactly that.
    const byHand = [
      '# corp values',
      ...hand
        .split('\n')
        .filter((line) => line.startsWith('    '))
        .map((line) => line.slice(4)),
      '',
    ].join('\n');
    writeFileSync(join(dir, 'values.yaml'), byHand);
    const merged = await mergeInto(dir, 'values.yaml', 'helm.json');
    expect(merged.code).toBe(EXIT_OK);
    expect(merged.stderr).toContain('already has these proxy settings');
    expect(parseYaml(byHand)).toEqual({
      externalProxy: {
        host: 'proxy.corp.example',
        port: 3128,
        enabled: true,
        type: 'http',
        excludedDomains: ['localhost', '.svc.cluster.local'],
      },
      other: 'old',
    });
  });
});

describe('symlinks, backups and atomic writes (item 12)', () => {
  it('never writes through a planted .bak symlink', async () => {
    const dir = folder('planted-bak');
    writeFileSync(join(dir, 'victim.txt'), 'keep me');
    writeFileSync(join(dir, 'customer.env'), 'HTTP_PROXY=http://old:1\n');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'customer.env.bak'));
    const result = await mergeInto(dir, 'customer.env');
    expect(result.code).toBe(EXIT_OK);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'customer.env.bak')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'customer.env.bak.1'), 'utf8')).toBe('HTTP_PROXY=http://old:1\n');
  });

  it('keeps the first backup: a second --write numbers the next one', async () => {
    const dir = folder('two-writes');
    const original = 'HTTP_PROXY=http://old:1\n';
    writeFileSync(join(dir, 'customer.env'), original);
    expect((await mergeInto(dir, 'customer.env')).code).toBe(EXIT_OK);
    writeFileSync(
      join(dir, 'other.json'),
      JSON.stringify({ ...DOCKER, proxy: { ...DOCKER.proxy, port: 3129 } }),
    );
    const second = await mergeInto(dir, 'customer.env', 'other.json');
    expect(second.code).toBe(EXIT_OK);
    expect(second.stderr).toContain('customer.env.bak.1');
    expect(readFileSync(join(dir, 'customer.env.bak'), 'utf8')).toBe(original);
    expect(readFileSync(join(dir, 'customer.env.bak.1'), 'utf8')).toContain(':3128');
  });

  it('writes the file a named symlink points at, keeping the link, its mode, and no temp file', async () => {
    const dir = folder('named-link');
    writeFileSync(join(dir, 'real.env'), 'HTTP_PROXY=http://old:1\n', { mode: 0o600 });
    symlinkSync('real.env', join(dir, 'customer.env'));
    const before = statSync(join(dir, 'real.env')).ino;
    expect((await mergeInto(dir, 'customer.env')).code).toBe(EXIT_OK);
    // A new file renamed into place, not the old one rewritten: a crash leaves one or the other whole.
    expect(statSync(join(dir, 'real.env')).ino).not.toBe(before);
    expect(lstatSync(join(dir, 'customer.env')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.env'), 'utf8')).toContain('proxy.corp.example:3128');
    expect(statSync(join(dir, 'real.env')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('render --out replaces a symlink in the folder instead of writing through it or chmod-ing its target', async () => {
    const dir = folder('render-link');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(dir, 'victim.txt'), 'keep me', { mode: 0o600 });
    symlinkSync(join(dir, 'victim.txt'), join(out, 'check-proxy.sh'));
    const result = await cli(['render', join(dir, 'docker.json'), '--out', out]);
    expect(result.code).toBe(EXIT_OK);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(statSync(join(dir, 'victim.txt')).mode & 0o777).toBe(0o600);
    expect(lstatSync(join(out, 'check-proxy.sh')).isFile()).toBe(true);
    expect(statSync(join(out, 'check-proxy.sh')).mode & 0o777).toBe(0o755);
  });

  it('render --out refuses a symlinked subfolder', async () => {
    const dir = folder('render-subfolder');
    const out = join(dir, 'out');
    mkdirSync(out);
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(out, 'certs'));
    writeFileSync(
      join(dir, 'ca.json'),
      JSON.stringify({
        ...DOCKER,
        proxy: { protocol: 'https', host: 'p.example', port: 3129, customCa: CA_PEM },
      }),
    );
    const result = await cli(['render', join(dir, 'ca.json'), '--out', out]);
    expect(result.code).not.toBe(EXIT_OK);
    expect(result.stderr).toContain('not a plain folder');
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
  });
});

describe('files over the size limit (item 14)', () => {
  it('merge refuses them before reading', async () => {
    const dir = folder('big');
    writeFileSync(
      join(dir, 'values.yaml'),
      `externalProxy:\n  host: old\n#${'x'.repeat(2 * 1024 * 1024)}\n`,
    );
    const result = await mergeInto(dir, 'values.yaml', 'helm.json', false);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain('larger than 1 MiB');
  });

  it('reads a merged values file back as Helm does', async () => {
    const dir = folder('helm-ok');
    writeFileSync(join(dir, 'values.yaml'), 'externalProxy:\n  host: old # keep\n');
    const result = await mergeInto(dir, 'values.yaml', 'helm.json', false);
    expect(result.code).toBe(EXIT_OK);
    expect(parseYaml(result.stdout)).toMatchObject({
      externalProxy: { host: 'proxy.corp.example' },
    });
  });
});
