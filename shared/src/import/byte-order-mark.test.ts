/**
 * A customer.env or customizations.yaml that starts with a UTF-8 byte-order mark (issue 20, item 1):
 * the import and the merge drop it and say so, and every reader the merged file is handed to
 * (test-support/env-readers.ts) reads the proxy settings from it, over BOM × LF/CRLF × final newline.
 */
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateAnswers, type Answers, type AnswersInput } from '../answers.ts';
import { CA_PEM } from '../fixtures/index.ts';
import { planFor } from '../plan.ts';
import { envVariables } from '../render/env-file.ts';
import {
  readWithCompose,
  readWithDotenv,
  readWithInstallSh,
  sourceWithShell,
  type EnvReading,
} from '../test-support/env-readers.ts';
import { BYTE_ORDER_MARK_NOTE } from './byte-order-mark.ts';
import { ENV_PROXY_KEYS, importConfig } from './import-config.ts';
import { changedLines, mergeEnv, mergeFile, mergeHelm } from './merge.ts';

const BOM = '\ufeff';

function answersOf(input: AnswersInput): Answers {
  const result = validateAnswers(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.answers;
}

const HTTP_ENV = answersOf({
  deployment: { method: 'docker-compose' },
  proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
  excludedDomains: ['.corp.example'],
});
const HTTPS_ENV = answersOf({
  deployment: { method: 'docker-compose' },
  proxy: { protocol: 'https', host: 'proxy.corp.example', port: 3129, customCa: CA_PEM },
  excludedDomains: ['mega.io'],
});
const HELM = answersOf({
  deployment: { method: 'helm' },
  proxy: { protocol: 'http', host: 'proxy.corp.example', port: 3128 },
  excludedDomains: ['.corp.example'],
});

const WINDOWS_FILE = `${BOM}HTTP_PROXY=http://old.example:8080\r\nDB_PASSWORD=s3cret\r\n`;

describe('the import and the merge drop a byte-order mark and say so', () => {
  it('importConfig reads the first key and reports the mark', () => {
    const result = importConfig(WINDOWS_FILE);
    if (!result.ok) throw new Error(result.message);
    expect(result.answers.proxy).toEqual({ protocol: 'http', host: 'old.example', port: 8080 });
    expect(result.report.read.map((r) => r.from)).toContain('HTTP_PROXY');
    expect(result.report.notes).toEqual([BYTE_ORDER_MARK_NOTE]);
    const plain = importConfig(WINDOWS_FILE.slice(1));
    expect(plain.ok && plain.report.notes).toEqual([]);
  });

  it('reads Helm values with a mark the same way', () => {
    const result = importConfig(`${BOM}externalProxy:\n  host: old.example\n  port: 8080\n`);
    if (!result.ok) throw new Error(result.message);
    expect(result.answers.proxy).toMatchObject({ host: 'old.example', port: 8080 });
    expect(result.report.notes).toEqual([BYTE_ORDER_MARK_NOTE]);
  });

  it('mergeFile hands back the file without it, replacing the first key in place', () => {
    const merged = mergeFile('customer.env', WINDOWS_FILE, HTTP_ENV);
    expect(merged.notes).toEqual([BYTE_ORDER_MARK_NOTE]);
    expect(merged.text.startsWith('HTTP_PROXY=http://proxy.corp.example:3128\r\n')).toBe(true);
    expect(merged.text.match(/^HTTP_PROXY=/gm)).toHaveLength(1);
    // Merging the result again changes nothing and has nothing to say.
    expect(mergeFile('customer.env', merged.text, HTTP_ENV)).toEqual({
      text: merged.text,
      notes: [],
    });
  });

  it('mergeEnv and mergeHelm never return one, and the diff does not show it as a changed line', () => {
    expect(mergeEnv(WINDOWS_FILE, HTTP_ENV).startsWith(BOM)).toBe(false);
    const yaml = `${BOM}# values\nexternalProxy:\n  host: old.example\n`;
    const merged = mergeFile('helm', yaml, HELM);
    expect(merged.text.startsWith('# values\n')).toBe(true);
    expect(merged.notes).toEqual([BYTE_ORDER_MARK_NOTE]);
    expect(changedLines(yaml, merged.text).map((l) => l.text)).not.toContain('# values');
  });

  it('the mark kept is what breaks install.sh and sh (why it is dropped)', () => {
    const kept = `${BOM}${mergeEnv(WINDOWS_FILE, HTTP_ENV)}`;
    const installSh = readWithInstallSh(kept);
    expect(installSh.ok).toBe(false);
    expect(installSh.ok || installSh.error).toContain('not a valid identifier');
    const sh = sourceWithShell('sh', kept);
    expect(sh.ok && sh.env.HTTP_PROXY).toBeUndefined();
  });
});

// Open-ended files: other settings (quoted or not, with a comment or an `export `), proxy variables
// with old values, comments and blank lines, in any order.
const OTHER_KEY = fc
  .stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/)
  .filter((k) => !(ENV_PROXY_KEYS as readonly string[]).includes(k))
  .filter((k) => k !== 'CARTO_SELFHOSTED_VERSION');
const VALUE = fc.stringMatching(/^[A-Za-z0-9_.:/@,-]{0,12}$/);
const LINE = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '', '', 'export '),
      OTHER_KEY,
      fc.constantFrom('', '"', "'"),
      VALUE,
      fc.constantFrom('', '', ' # note'),
    )
    .map(([exp, key, quote, value, comment]) => `${exp}${key}=${quote}${value}${quote}${comment}`),
  fc
    .tuple(fc.constantFrom(...ENV_PROXY_KEYS), fc.constantFrom('', '"'))
    .map(([key, quote]) => `${key}=${quote}http://old.example:8080${quote}`),
  fc.constant('# a comment'),
  fc.constant(''),
);
const FILE = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  finalNewline: fc.boolean(),
  lines: fc.array(LINE, { maxLength: 8 }),
  answers: fc.constantFrom(HTTP_ENV, HTTPS_ENV),
});
const fileText = (f: { bom: boolean; eol: string; finalNewline: boolean; lines: string[] }) =>
  (f.bom ? BOM : '') + f.lines.join(f.eol) + (f.finalNewline && f.lines.length > 0 ? f.eol : '');

/**
 * How each reader's values compare. Shells keep a CRLF file's CR at the end of each value (the merge
 * keeps the file's own line endings, so that CR was there before); install.sh's `export $line` also
 * keeps the quotes and the blanks before a comment sed cut off.
 */
const READERS: [string, (text: string) => EnvReading, (value: string) => string][] = [
  ['the dotenv package', readWithDotenv, (v) => v],
  ['Docker Compose’s env-file reader (compose-go port)', readWithCompose, (v) => v],
  ['sh sourcing it', (t) => sourceWithShell('sh', t), (v) => v.replace(/\r$/, '')],
  ['bash sourcing it', (t) => sourceWithShell('bash', t), (v) => v.replace(/\r$/, '')],
  ['dash sourcing it', (t) => sourceWithShell('dash', t), (v) => v.replace(/\r$/, '')],
  [
    'install.sh’s export $line loop',
    readWithInstallSh,
    (v) =>
      v
        .replace(/\r$/, '')
        .trimEnd()
        .replace(/^(["'])(.*)\1$/, '$2'),
  ],
];

describe('every reader reads the merged customer.env (BOM × LF/CRLF × final newline)', () => {
  it.each(READERS)(
    '%s',
    (_name, read, plain) => {
      fc.assert(
        fc.property(FILE, (f) => {
          const original = fileText(f);
          const merged = mergeFile('customer.env', original, f.answers);
          expect(merged.text.startsWith(BOM)).toBe(false);
          expect(merged.notes).toEqual(f.bom ? [BYTE_ORDER_MARK_NOTE] : []);
          const before = read(original.replace(/^\ufeff/, ''));
          const after = read(merged.text);
          // The merge never makes a reader stop that read the file before.
          if (before.ok && !after.ok) throw new Error(after.error);
          if (!after.ok) return;
          const wanted = new Map(envVariables(planFor(f.answers)));
          const asRead = (value: string | undefined) =>
            value === undefined ? undefined : plain(value);
          for (const key of ENV_PROXY_KEYS) {
            // A CA file the answers do not carry is the user's: the merge keeps its line as it was
            // (issue 21, item 2), so the reader sees what it saw before.
            if (key === 'NODE_EXTRA_CA_CERTS' && !wanted.has(key)) {
              if (before.ok) expect(asRead(after.env[key]), key).toBe(asRead(before.env[key]));
              continue;
            }
            expect(asRead(after.env[key]), key).toBe(wanted.get(key));
          }
          if (!before.ok) return;
          // The shells' own variables (PWD, SHLVL…) are not the file's.
          const fileKeys = new Set(
            [...original.matchAll(/^(?:export )?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]),
          );
          for (const [key, value] of Object.entries(before.env)) {
            if (!fileKeys.has(key) || (ENV_PROXY_KEYS as readonly string[]).includes(key)) continue;
            expect(plain(after.env[key] ?? '(unset)'), key).toBe(plain(value));
          }
        }),
        { numRuns: 30 },
      );
    },
    // Shell readers start two processes per run: sized for a busy machine, not a timing check.
    60_000,
  );

  it('the files each reader refused before the merge are only the ones it refuses anyway', () => {
    // install.sh cannot export `export KEY=…` lines (IFS splits on line breaks only): the merge keeps
    // the user's `export ` prefixes, so those files stay refused, with or without the merge.
    const file = 'export DB_PASSWORD=x\nHTTP_PROXY=http://old.example:8080\n';
    expect(readWithInstallSh(file).ok).toBe(false);
    expect(readWithInstallSh(mergeEnv(file, HTTP_ENV)).ok).toBe(false);
    expect(readWithInstallSh(mergeEnv('DB_PASSWORD=x\n', HTTP_ENV)).ok).toBe(true);
  });
});

describe('a customizations.yaml with a byte-order mark (BOM × LF/CRLF × final newline)', () => {
  it('merges to a file without it that the yaml package reads with the answers and every other value', () => {
    // Prefixed: YAML 1.1 reads keys such as `no`, `on` or `e0` as booleans and numbers.
    const key = fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/).map((k) => `key_${k}`);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.dictionary(key, fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/), { maxKeys: 4 }),
        fc.boolean(),
        (bom, eol, finalNewline, others, hasProxy) => {
          const lines = [
            '# customizations.yaml',
            ...Object.entries(others).map(([k, v]) => `${k}: "${v}"`),
            ...(hasProxy ? ['externalProxy:', '  enabled: false', '  host: old.example'] : []),
          ];
          const original = (bom ? BOM : '') + lines.join(eol) + (finalNewline ? eol : '');
          const merged = mergeFile('helm', original, HELM);
          expect(merged.text.startsWith(BOM)).toBe(false);
          expect(merged.notes).toEqual(bom ? [BYTE_ORDER_MARK_NOTE] : []);
          const values = parseYaml(merged.text, { version: '1.1' }) as Record<string, unknown>;
          expect(values.externalProxy).toMatchObject({
            enabled: true,
            host: 'proxy.corp.example',
            port: 3128,
            type: 'http',
          });
          expect({ ...values, externalProxy: undefined }).toEqual({
            ...others,
            externalProxy: undefined,
          });
          expect(mergeHelm(merged.text, HELM)).toBe(merged.text);
        },
      ),
      { numRuns: 200 },
    );
  });
});
