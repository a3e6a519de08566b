/**
 * A merge refused because a section the wizard edits holds anchors, aliases, merge keys or a key twice
 * says which lines to change by hand and the exact text to put there (issue 20, item 3): made by hand,
 * those edits let the merge go through, and Helm then reads every value the file had before.
 */
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateAnswers, type Answers } from '../answers.ts';
import { CA_PEM } from '../fixtures/index.ts';
import { describeHandEdits, HandEditNeeded, mergeHelm, type HandEdit } from './merge.ts';

function answersOf(input: Parameters<typeof validateAnswers>[0]): Answers {
  const result = validateAnswers(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.answers;
}
const HELM = answersOf({
  deployment: { method: 'helm' },
  proxy: { protocol: 'http', host: 'new-proxy.corp.example', port: 3128 },
  excludedDomains: ['.corp.example'],
});
const HELM_CA = answersOf({
  deployment: { method: 'helm', release: '2025.6.11' },
  proxy: { protocol: 'https', host: 'new-proxy.corp.example', port: 3129, customCa: CA_PEM },
});

/** Read as Helm does; throws on what no YAML reader accepts. */
function helmRead(text: string): Record<string, unknown> {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]?.message);
  return doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
}

function refusal(text: string, answers = HELM): HandEditNeeded {
  try {
    mergeHelm(text, answers);
  } catch (error) {
    if (error instanceof HandEditNeeded) return error;
    throw error;
  }
  throw new Error('merged');
}

/** The edits made as a person would: each range of lines replaced by its text. */
function applyEdits(text: string, edits: readonly HandEdit[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  for (const edit of [...edits].sort((a, b) => b.first - a.first)) {
    lines.splice(
      edit.first - 1,
      edit.last - edit.first + 1,
      ...edit.text.replace(/\r?\n$/, '').split(/\r?\n/),
    );
  }
  return lines.join(eol);
}

describe('a refused merge names the lines and the exact text (item 3)', () => {
  it('an anchored host used elsewhere: the section and the alias line', () => {
    const text = 'externalProxy:\n  host: &h old-proxy\n  port: 1\nother: *h\n';
    const error = refusal(text);
    expect(error.message).toContain('externalProxy holds an anchor (&h) on line 2');
    expect(error.edits).toEqual([
      {
        first: 1,
        last: 3,
        text: [
          'externalProxy:',
          '  host: "new-proxy.corp.example"',
          '  port: 3128',
          '  enabled: true',
          '  type: "http"',
          '  excludedDomains:',
          '    - "localhost"',
          '    - ".svc.cluster.local"',
          '    - ".corp.example"',
          '',
        ].join('\n'),
      },
      { first: 4, last: 4, text: 'other: old-proxy' },
    ]);
    expect(describeHandEdits(error.edits)).toContain(
      '  Replace lines 1–3 with:\n    externalProxy:\n      host: "new-proxy.corp.example"\n',
    );
    expect(describeHandEdits(error.edits)).toContain(
      '  Replace line 4 with:\n    other: old-proxy\n',
    );
  });

  it('a merge key: its values written out, the answers over them, CRLF kept', () => {
    const text =
      'defaults: &d\r\n  port: 8080\r\n  sslCAConfigmap:\r\n    name: corp-ca\r\n# the proxy\r\nexternalProxy:\r\n  <<: *d\r\n  host: old\r\nnext: 1\r\n';
    const error = refusal(text, HELM_CA);
    expect(error.message).toContain('externalProxy holds a merge key (<<) on line 7');
    expect(error.edits).toHaveLength(1);
    expect(error.edits[0]).toMatchObject({ first: 6, last: 8 });
    expect(error.edits[0]?.text).toContain('  port: 3129\r\n');
    expect(error.edits[0]?.text).not.toMatch(/<<|\*d|sslCAConfigmap/);
  });

  it('an alias in a flow list elsewhere, twice on one line', () => {
    const text = 'externalProxy:\n  excludedDomains: &ex [".corp"]\nlists: [*ex, *ex]\n';
    const edits = refusal(text).edits;
    expect(edits.at(-1)).toEqual({ first: 3, last: 3, text: 'lists: [[ .corp ], [ .corp ]]' });
  });

  it('made by hand, the edits let the merge through with every other value as Helm read it (property)', () => {
    const anchorName = fc.constantFrom('a', 'h', 'ep');
    const value = fc.oneof(
      fc.constant('old'),
      fc.constant('1'),
      anchorName.map((n) => `&${n} old`),
      anchorName.map((n) => `*${n}`),
      fc.constant('{host: x}'),
      fc.constant('[".corp", "mega.io"]'),
    );
    const key = fc.constantFrom(
      'host',
      'port',
      'type',
      '<<',
      'connectionString',
      'enabled',
      'note',
    );
    const section = (name: string) =>
      fc
        .array(fc.tuple(key, value), { maxLength: 4 })
        .map((pairs) => `${name}:\n${pairs.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`);
    const other = fc
      .tuple(fc.constantFrom('base', 'other', 'list'), value)
      .map(([k, v]) => `${k}: ${v}\n`);
    const file = fc.tuple(
      fc.array(other, { maxLength: 2 }),
      section('externalProxy'),
      fc.option(section('cartoConfigValues'), { nil: undefined }),
      fc.array(other, { maxLength: 2 }),
      fc.constantFrom('\n', '\r\n'),
    );
    let refused = 0;
    fc.assert(
      fc.property(file, ([before, proxy, carto, after, eol]) => {
        const text = [...before, proxy, carto ?? '', ...after].join('').replace(/\n/g, eol);
        let helm: Record<string, unknown>;
        try {
          helm = helmRead(text);
        } catch {
          return; // Not YAML Helm reads (an alias before its anchor): out of scope here.
        }
        let error: unknown;
        try {
          mergeHelm(text, HELM);
          return;
        } catch (caught) {
          error = caught;
        }
        if (!(error instanceof HandEditNeeded)) return; // Other refusals: hostile-files.test.ts.
        refused++;
        const edited = applyEdits(text, error.edits);
        const merged = helmRead(mergeHelm(edited, HELM));
        expect(merged.externalProxy).toMatchObject({
          host: 'new-proxy.corp.example',
          port: 3128,
          type: 'http',
        });
        for (const [name, was] of Object.entries(helm)) {
          if (name === 'externalProxy') continue;
          expect(merged[name], name).toEqual(was);
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches the refusal this test is about (about a quarter of the runs).
    expect(refused).toBeGreaterThan(20);
  });
});
