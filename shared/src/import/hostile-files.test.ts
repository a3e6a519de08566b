/**
 * Issue 13, items 10, 11, 13 and 14: files the import and merge must refuse with a sentence, or
 * handle without losing anything, and never turn into a file no reader accepts. Every merged
 * result is read back with the real parsers (dotenv; yaml as YAML 1.1, as Helm reads values).
 */
import dotenv from 'dotenv';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateAnswers, type Answers } from '../answers.ts';
import { envAssignments } from './env-lines.ts';
import { CONFIG_FILE_MAX_BYTES, importConfig } from './import-config.ts';
import { mergeEnv, mergeHelm } from './merge.ts';

function answersOf(method: 'helm' | 'docker-compose'): Answers {
  const result = validateAnswers({
    deployment: { method },
    proxy: { protocol: 'http', host: 'new-proxy.corp.example', port: 3128 },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.answers;
}
const HELM = answersOf('helm');
const ENV = answersOf('docker-compose');

/** Read as Helm does; throws on what no YAML reader accepts. */
function helmRead(text: string): Record<string, unknown> {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]?.message);
  return doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
}

/** A billion-laughs file: nine levels of nine aliases each. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'externalProxy:',
  '  host: old',
].join('\n');

describe('anchors, aliases, merge keys and duplicates in the edited sections (item 10)', () => {
  it.each([
    ['an anchored value used elsewhere', 'externalProxy:\n  host: &h old\n  port: 1\nother: *h\n'],
    ['the section aliased elsewhere', 'externalProxy: &ep\n  host: old\nbackup: *ep\n'],
    ['an alias inside', 'base: &b old\nexternalProxy:\n  host: *b\n'],
    ['a merge key', 'defaults: &d\n  host: old\nexternalProxy:\n  <<: *d\n  port: 1\n'],
    ['an inline merge key', 'externalProxy:\n  <<: {connectionString: "http://x:1"}\n'],
    ['a key twice', 'externalProxy:\n  host: a\n  host: b\n'],
    ['the section twice', 'externalProxy:\n  host: a\nexternalProxy:\n  host: b\n'],
  ])('%s: refused with a sentence', (_name, text) => {
    expect(() => mergeHelm(text, HELM)).toThrow(/merge again/);
  });

  it('leaves anchors elsewhere alone, and the result reads back', () => {
    const text = 'defaults: &d\n  replicas: 2\napi:\n  <<: *d\nexternalProxy:\n  host: old\n';
    const merged = mergeHelm(text, HELM);
    expect(helmRead(merged)).toMatchObject({
      api: { replicas: 2 },
      externalProxy: { host: 'new-proxy.corp.example', port: 3128 },
    });
  });

  it('never writes YAML that does not read back with the proxy settings (property)', () => {
    const anchorName = fc.constantFrom('a', 'h', 'ep');
    const value = fc.oneof(
      fc.constant('old'),
      fc.constant('1'),
      anchorName.map((n) => `&${n} old`),
      anchorName.map((n) => `*${n}`),
      fc.constant('{host: x}'),
    );
    const key = fc.constantFrom('host', 'port', 'type', '<<', 'connectionString', 'enabled');
    const section = fc
      .array(fc.tuple(key, value), { maxLength: 4 })
      .map((pairs) => `externalProxy:\n${pairs.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`);
    const other = fc
      .tuple(fc.constantFrom('base', 'other', 'externalProxy'), value)
      .map(([k, v]) => `${k}: ${v}\n`);
    const file = fc.array(fc.oneof(section, other), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(file, (parts) => {
        const text = parts.join('');
        let merged: string;
        try {
          merged = mergeHelm(text, HELM);
        } catch (error) {
          // Refused, with a sentence: fine.
          expect((error as Error).message.length).toBeGreaterThan(10);
          return;
        }
        expect(helmRead(merged).externalProxy).toMatchObject({
          host: 'new-proxy.corp.example',
          port: 3128,
          type: 'http',
        });
      }),
      { numRuns: 400 },
    );
  });
});

describe('inline comments on replaced env lines (item 11)', () => {
  it.each([
    [
      'HTTP_PROXY=http://old:1 # ticket NET-42',
      'HTTP_PROXY=http://new-proxy.corp.example:3128 # ticket NET-42',
    ],
    [
      'HTTP_PROXY="http://old:1"   # quoted',
      'HTTP_PROXY="http://new-proxy.corp.example:3128"   # quoted',
    ],
    [
      'export HTTP_PROXY=http://old:1\t#tab',
      'export HTTP_PROXY=http://new-proxy.corp.example:3128\t#tab',
    ],
    ['HTTP_PROXY=http://old:1#glued', 'HTTP_PROXY=http://new-proxy.corp.example:3128 #glued'],
  ])('%s', (line, expected) => {
    const merged = mergeEnv(`A=1\n${line}\r\nB=2\n`, ENV);
    expect(merged.split('\n')[1]).toBe(`${expected}\r`);
    expect(dotenv.parse(merged).HTTP_PROXY).toBe('http://new-proxy.corp.example:3128');
    // Idempotent: the second merge changes nothing.
    expect(mergeEnv(merged, ENV)).toBe(merged);
  });

  it('keeps every comment, and dotenv reads the values (property)', () => {
    const comment = fc.stringMatching(/^[A-Za-z0-9 :.#-]{0,20}$/).map((c) => `# ${c}`);
    const spacing = fc.constantFrom(' ', '  ', '\t', '');
    const quote = fc.constantFrom('', '"', "'");
    const key = fc.constantFrom('HTTP_PROXY', 'https_proxy', 'NO_PROXY', 'GRPC_PROXY');
    fc.assert(
      fc.property(key, quote, spacing, comment, (k, q, space, c) => {
        const text = `${k}=${q}old${q}${space}${c}\n`;
        const merged = mergeEnv(text, ENV);
        const [assignment] = envAssignments(merged).filter((a) => a.key === k);
        expect(assignment?.comment.trim()).toBe(c.trim());
        expect(dotenv.parse(merged)).toEqual(
          Object.fromEntries(envAssignments(merged).map((a) => [a.key, a.value])),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('an alias bomb (item 13)', () => {
  it('import says the file cannot be read, and does not throw', () => {
    expect(importConfig(ALIAS_BOMB)).toEqual({
      ok: false,
      message: expect.stringContaining('cannot be read') as unknown,
    });
  });

  it('merge refuses it with the same sentence', () => {
    expect(() => mergeHelm(ALIAS_BOMB, HELM)).toThrow(/cannot be read/);
  });
});

describe('very large files (item 14)', () => {
  const big = `externalProxy:\n  host: old\n# ${'x'.repeat(CONFIG_FILE_MAX_BYTES)}\n`;
  it('import, merge env and merge helm refuse them at once', () => {
    expect(importConfig(big)).toEqual({
      ok: false,
      message: expect.stringContaining('larger than 1 MiB') as unknown,
    });
    expect(() => mergeHelm(big, HELM)).toThrow(/larger than 1 MiB/);
    expect(() => mergeEnv(big, ENV)).toThrow(/larger than 1 MiB/);
  });

  it('counts bytes, not characters', () => {
    const wide = `A=${'ñ'.repeat(CONFIG_FILE_MAX_BYTES / 2)}\n`;
    expect(() => mergeEnv(wide, ENV)).toThrow(/larger than 1 MiB/);
  });
});
