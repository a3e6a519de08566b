/**
 * "Download your own file, updated": the user's customer.env or customizations.yaml with the proxy part
 * replaced and everything else left as it was. Pure and idempotent (merging twice with the same answers
 * changes nothing the second time); runs in the browser so the file never leaves it, and in the CLI.
 */
import { diffLines } from 'diff';
import {
  Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  parseDocument,
  type Node,
  Scalar,
  visit,
  YAMLMap,
  type Pair,
} from 'yaml';
import type { Answers } from '../answers.ts';
import { planFor } from '../plan.ts';
import { envVariables } from '../render/env-file.ts';
import { helmValues } from '../render/helm-values.ts';
import { dropByteOrderMark } from './byte-order-mark.ts';
import { envAssignments } from './env-lines.ts';
import { ENV_PROXY_KEYS, fileTooLarge, readYamlValues } from './import-config.ts';

const MANAGED_ENV_KEYS = new Set<string>(ENV_PROXY_KEYS);

/** The comment above proxy variables the merge had to append. */
export const APPENDED_BLOCK_COMMENT =
  '# Proxy settings for CARTO Self-hosted (CARTO Self-hosted Proxy Wizard)';

import type { MergeKind } from './merge-targets.ts';

export * from './merge-targets.ts';

/**
 * customer.env: each proxy variable replaced in place (both cases; `export ` and the quote kept), the ones
 * no longer wanted removed with their line, the missing ones appended in one commented block. Every other
 * byte stays as it was.
 */
export function mergeEnv(file: string, answers: Answers): string {
  const tooLarge = fileTooLarge(file);
  if (tooLarge !== undefined) throw new Error(tooLarge);
  // Never handed back: install.sh and python-dotenv would read it as part of the first key.
  const original = dropByteOrderMark(file).text;
  const wanted = new Map(envVariables(planFor(answers)));
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const present = new Set<string>();
  let result = original;
  // From the last assignment to the first, so earlier offsets stay valid.
  for (const a of envAssignments(original).reverse()) {
    if (!MANAGED_ENV_KEYS.has(a.key)) continue;
    // A CA file the wizard did not read (the browser cannot open the path): kept as it is unless the
    // answers carry the CA, as the import report says (issue 21, item 2).
    if (a.key === 'NODE_EXTRA_CA_CERTS' && !wanted.has(a.key)) continue;
    const value = wanted.get(a.key);
    if (value === undefined) {
      let end = a.end;
      if (result.startsWith('\r\n', end)) end += 2;
      else if (result.startsWith('\n', end)) end += 1;
      result = result.slice(0, a.start) + result.slice(end);
      continue;
    }
    present.add(a.key);
    // Values are validated to need no quoting; keep the user's quote style all the same.
    // The inline comment stays (issue 13, item 11); one blank before it, so dotenv still reads it.
    const comment = a.comment === '' || /^[ \t]/.test(a.comment) ? a.comment : ` ${a.comment}`;
    const line = `${a.exported ? 'export ' : ''}${a.key}=${a.quote}${value}${a.quote}${comment}`;
    result = result.slice(0, a.start) + line + result.slice(a.end);
  }
  const missing = [...wanted].filter(([key]) => !present.has(key));
  if (missing.length > 0) {
    if (result !== '' && !result.endsWith('\n')) result += eol;
    const block = [APPENDED_BLOCK_COMMENT, ...missing.map(([k, v]) => `${k}=${v}`)];
    // A blank line sets the block apart, except in a CRLF file: there it is a lone CR, which
    // install.sh's `export $line` loop refuses and stops at (issue 20, item 1).
    const blankLine = result !== '' && eol === '\n' && !result.endsWith('\n\n');
    result += (blankLine ? eol : '') + block.join(eol) + eol;
  }
  return result;
}

function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

function blockLiteral(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.BLOCK_LITERAL;
  return scalar;
}

/** Sets `key` in `map`, keeping the comments that were on the value it replaces. */
function setKeepingComments(doc: Document, map: YAMLMap, key: string, value: unknown): void {
  const previous = map.get(key, true);
  const node = value instanceof Scalar ? value : doc.createNode(value);
  if (isScalar(previous) || isMap(previous)) {
    if (previous.comment) node.comment = previous.comment;
    if (previous.commentBefore) node.commentBefore = previous.commentBefore;
  }
  map.set(key, node);
}

function mapAt(doc: Document, key: string): YAMLMap {
  const existing = doc.get(key, true);
  if (isMap(existing)) return existing;
  const created = new YAMLMap();
  doc.set(key, created);
  return created;
}

const HELM_SECTIONS = ['externalProxy', 'trustedCACerts', 'cartoConfigValues'] as const;

function topLevelPair(doc: Document, key: string): Pair | undefined {
  return isMap(doc.contents)
    ? doc.contents.items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === key)
    : undefined;
}

/** One top-level section of the edited document as text, without the comment above it (kept from the file). */
function sectionText(pair: Pair): string {
  const section = new Document(new YAMLMap());
  const copy = pair.clone();
  if (isScalar(copy.key)) {
    copy.key.commentBefore = undefined;
    copy.key.spaceBefore = false;
  }
  (section.contents as YAMLMap).items.push(copy);
  return section.toString({ lineWidth: 0 });
}

/** The wizard's keys set in a values document, keeping the comments on what they replace. */
function applyHelmAnswers(doc: Document, answers: Answers): void {
  const values = helmValues(planFor(answers));
  const proxy = mapAt(doc, 'externalProxy');
  const ep = values.externalProxy;
  setKeepingComments(doc, proxy, 'enabled', true);
  setKeepingComments(doc, proxy, 'host', quoted(ep.host));
  setKeepingComments(doc, proxy, 'port', ep.port);
  setKeepingComments(doc, proxy, 'type', quoted(ep.type));
  setKeepingComments(doc, proxy, 'excludedDomains', doc.createNode(ep.excludedDomains.map(quoted)));
  if (ep.sslRejectUnauthorized === undefined) proxy.delete('sslRejectUnauthorized');
  else setKeepingComments(doc, proxy, 'sslRejectUnauthorized', ep.sslRejectUnauthorized);
  proxy.delete('connectionString');
  if (ep.sslCA !== undefined) {
    setKeepingComments(doc, proxy, 'sslCA', blockLiteral(ep.sslCA));
    proxy.delete('sslCAConfigmap');
  } else if (values.trustedCACerts !== undefined) {
    proxy.delete('sslCA');
  }
  if (values.trustedCACerts !== undefined) {
    setKeepingComments(
      doc,
      mapAt(doc, 'trustedCACerts'),
      'value',
      blockLiteral(values.trustedCACerts.value),
    );
  }
  if (values.cartoConfigValues !== undefined) {
    // Only this key of cartoConfigValues is the wizard's; the user's other values stay.
    setKeepingComments(doc, mapAt(doc, 'cartoConfigValues'), 'usePubSubRestApi', true);
  } else if (answers.deployment.usePubSubRestApi === false) {
    const carto = doc.get('cartoConfigValues', true);
    if (isMap(carto)) carto.delete('usePubSubRestApi');
  }
}

/**
 * customizations.yaml: `externalProxy` (and the CA key of the release) edited through the yaml Document
 * API, so the comments inside it survive; `connectionString` is removed (it would override host, port
 * and type), and `sslCAConfigmap` too when the merge writes `sslCA` (the chart refuses both). Only those
 * sections' text is replaced: every other byte of the file, comments and anchors included, stays as it was.
 */
export function mergeHelm(file: string, answers: Answers): string {
  const tooLarge = fileTooLarge(file);
  if (tooLarge !== undefined) throw new Error(tooLarge);
  const original = dropByteOrderMark(file).text;
  const source = parseDocument(original, { version: '1.1', uniqueKeys: false });
  if (source.errors.length > 0) {
    throw new Error(`The YAML file cannot be read: ${source.errors[0]?.message ?? ''}`);
  }
  const empty = source.contents === null;
  if (!empty && !isMap(source.contents))
    throw new Error('The YAML file is not a mapping of values.');
  // An alias bomb elsewhere in the file: Helm could not read it either (issue 13, item 13).
  const readable = readYamlValues(source);
  if (!readable.ok) throw new Error(readable.message);
  if (!empty) refuseTangledSections(source, original, readable.values, answers);
  const doc: Document = empty ? new Document({}) : source.clone();
  const values = helmValues(planFor(answers));
  const ep = values.externalProxy;
  applyHelmAnswers(doc, answers);
  if (empty) return doc.toString({ lineWidth: 0 });

  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const splices: { start: number; end: number; text: string }[] = [];
  let appended = '';
  for (const key of HELM_SECTIONS) {
    const edited = topLevelPair(doc, key);
    if (!edited) continue;
    const text = sectionText(edited).replace(/\n/g, eol);
    const before = topLevelPair(source, key);
    const start = (before?.key as Scalar | undefined)?.range?.[0];
    const end = (before?.value as { range?: [number, number, number] } | null | undefined)
      ?.range?.[2];
    if (start !== undefined && end !== undefined) {
      // The old section's text may end without a line break (last line of the file).
      const keepsBreak = original.slice(start, end).endsWith('\n');
      splices.push({ start, end, text: keepsBreak ? text : text.replace(/\r?\n$/, '') });
    } else {
      appended += eol + text;
    }
  }
  let result = original;
  for (const { start, end, text } of splices.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + text + result.slice(end);
  }
  if (appended !== '') {
    if (!result.endsWith('\n')) result += eol;
    result += appended;
  }
  checkMergedHelm(result, ep);
  return result;
}

/** One change the user makes by hand: lines `first` to `last` of the file (from 1) become `text`. */
export interface HandEdit {
  first: number;
  last: number;
  text: string;
}

/**
 * A merge the wizard refuses to splice, with the hand edits that make it possible (issue 20, item 3):
 * the tangled section written out with plain values (the file's own values, aliases and merge keys
 * resolved, and the answers set), and each alias elsewhere that pointed into it with the value it
 * stood for. After those edits the merge goes through.
 */
export class HandEditNeeded extends Error {
  override name = 'HandEditNeeded';
  constructor(
    message: string,
    readonly edits: HandEdit[],
  ) {
    super(message);
  }
}

/** Hand edits as a terminal shows them: where, then the exact text, indented. */
export function describeHandEdits(edits: readonly HandEdit[]): string {
  return edits
    .map((edit) => {
      const where =
        edit.first === edit.last ? `line ${edit.first}` : `lines ${edit.first}–${edit.last}`;
      const text = edit.text.replace(/\r?\n$/, '').replace(/^/gm, '    ');
      return `  Replace ${where} with:\n${text}\n`;
    })
    .join('');
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** The value a node stands for, on one line of YAML: what an alias to it is replaced by. */
function flowText(value: unknown): string {
  return new Document(value, { aliasDuplicateObjects: false })
    .toString({ collectionStyle: 'flow', lineWidth: 0 })
    .trim();
}

/**
 * What a splice of the section's text cannot keep valid, refused with the fix (issue 13, item 10):
 * the section twice at the top level (Helm reads the last, the merge would edit the first), a key
 * twice inside it, and anchors, aliases and merge keys (`<<`), which tie its text to the rest of the
 * file: replacing `host: &h old` leaves `*h` pointing nowhere elsewhere. Those come with the exact
 * lines to write instead (HandEditNeeded).
 */
function refuseTangledSections(
  source: Document,
  original: string,
  resolved: Record<string, unknown>,
  answers: Answers,
): void {
  const root = source.contents as YAMLMap;
  const tangled: { key: string; what: string; at?: number; start: number; end: number }[] = [];
  const anchored = new Set<Node>();
  for (const key of HELM_SECTIONS) {
    const pairs = root.items.filter((pair) => keyName(pair) === key);
    if (pairs.length > 1) {
      throw new Error(
        `${key} appears ${pairs.length} times at the top level, and Helm reads only the last one: keep one ${key} section, then merge again.`,
      );
    }
    const pair = pairs[0];
    const value = pair?.value;
    if (!pair || !isNode(value)) continue;
    let tangle: { what: string; at?: number } | undefined;
    const anchors: Node[] = [];
    const seen = new Map<unknown, Set<string>>();
    visit(value, {
      Node(_key, node) {
        if (node.anchor) anchors.push(node);
        if (tangle !== undefined) return;
        if (isAlias(node)) tangle = { what: `an alias (*${node.source})`, at: node.range?.[0] };
        else if (node.anchor) {
          // A collection's range starts at its first item: the anchor is written before it.
          const at = node.range?.[0];
          const mark = at === undefined ? -1 : original.lastIndexOf(`&${node.anchor}`, at);
          tangle = { what: `an anchor (&${node.anchor})`, at: mark < 0 ? at : mark };
        }
      },
      Pair(_key, item, path) {
        if (tangle !== undefined) return;
        const name = keyName(item);
        const at = isNode(item.key) ? item.key.range?.[0] : undefined;
        if (typeof name === 'symbol' || name === '<<') {
          tangle = { what: 'a merge key (<<)', at };
          return;
        }
        const parent = path.at(-1);
        const names = seen.get(parent) ?? new Set<string>();
        if (names.has(String(name))) tangle = { what: `the key ${String(name)} twice`, at };
        names.add(String(name));
        seen.set(parent, names);
      },
    });
    if (tangle === undefined) continue;
    anchors.forEach((node) => anchored.add(node));
    const start = (pair.key as Scalar).range?.[0] ?? 0;
    tangled.push({ key, ...tangle, start, end: value.range?.[2] ?? original.length });
  }
  const first = tangled[0];
  if (first === undefined) return;

  // Each tangled section as Helm reads it, with the answers set: the text that replaces it by hand.
  const plain = new Document(resolved, { version: '1.1', aliasDuplicateObjects: false });
  applyHelmAnswers(plain, answers);
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const edits: HandEdit[] = tangled.map(({ key, start, end }) => {
    const section = topLevelPair(plain, key);
    return {
      first: lineAt(original, start),
      last: lineAt(original, start + original.slice(start, end).trimEnd().length),
      text: section ? sectionText(section).replace(/\n/g, eol) : '',
    };
  });
  // Aliases elsewhere that name an anchor of those sections get the value it stood for. An alias
  // refers to the last anchor of its name before it, so anchors are followed in file order.
  const current = new Map<string, Node>();
  const byLine = new Map<number, { column: number; length: number; text: string }[]>();
  visit(source, {
    Node(_key, node) {
      if (node.anchor) current.set(node.anchor, node);
      if (!isAlias(node)) return;
      const at = node.range?.[0];
      const target = current.get(node.source);
      if (at === undefined || target === undefined || !anchored.has(target)) return;
      if (tangled.some(({ start, end }) => at >= start && at < end)) return;
      const line = lineAt(original, at);
      const stood = flowText(target.toJS(source, { maxAliasCount: 100 }));
      const column = at - original.lastIndexOf('\n', at - 1) - 1;
      const hits = byLine.get(line) ?? [];
      hits.push({ column, length: node.source.length + 1, text: stood });
      byLine.set(line, hits);
    },
  });
  for (const [line, hits] of byLine) {
    let text = original.split('\n')[line - 1]?.replace(/\r$/, '') ?? '';
    for (const hit of hits.sort((a, b) => b.column - a.column)) {
      text = text.slice(0, hit.column) + hit.text + text.slice(hit.column + hit.length);
    }
    edits.push({ first: line, last: line, text });
  }
  edits.sort((a, b) => a.first - b.first);
  const where = first.at === undefined ? '' : ` on line ${lineAt(original, first.at)}`;
  throw new HandEditNeeded(
    `${first.key} holds ${first.what}${where}: the wizard cannot replace it without breaking what refers to it. Change these lines by hand (plain values: no &, * or <<, each key once), then merge again.`,
    edits,
  );
}

function keyName(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/**
 * The merged text read back as Helm reads it: a file that does not parse, or whose externalProxy
 * is not the one written, is never handed out (issue 13, item 10).
 */
function checkMergedHelm(
  merged: string,
  expected: { host: string; port: number; type: string },
): void {
  const doc = parseDocument(merged, { version: '1.1', uniqueKeys: false });
  const values = doc.errors.length === 0 ? readYamlValues(doc) : undefined;
  const proxy = values?.ok
    ? (values.values.externalProxy as Record<string, unknown> | undefined)
    : undefined;
  if (
    proxy?.host !== expected.host ||
    proxy.port !== expected.port ||
    proxy.type !== expected.type
  ) {
    throw new Error(
      'The merge would not give a file Helm reads with these proxy settings, so nothing was changed. Check the file’s externalProxy section by hand.',
    );
  }
}

export interface MergedFile {
  text: string;
  /** What the merge left out besides the proxy settings (a byte-order mark), in words. */
  notes: string[];
}

/**
 * The merge the CLI and the browser run: a customer.env or Helm values, with what it says about the
 * file's text (byte-order-mark.ts) beside the result.
 */
export function mergeFile(kind: MergeKind, original: string, answers: Answers): MergedFile {
  const text = kind === 'helm' ? mergeHelm(original, answers) : mergeEnv(original, answers);
  return { text, notes: dropByteOrderMark(original).notes };
}

export interface ChangedLine {
  kind: 'removed' | 'added';
  text: string;
}

/** The lines a merge changes: removed ones, then the ones that replace them, in file order. */
export function changedLines(before: string, after: string): ChangedLine[] {
  const lines: ChangedLine[] = [];
  // A dropped byte-order mark is said in words (MergedFile.notes), not shown as a changed first line.
  const text = (file: string) => dropByteOrderMark(file).text.replace(/\r\n/g, '\n');
  for (const part of diffLines(text(before), text(after))) {
    if (!part.added && !part.removed) continue;
    const kind = part.added ? 'added' : 'removed';
    for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
  return lines;
}
