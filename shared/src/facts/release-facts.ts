/**
 * What CARTO's own repositories say, release by release, read from carto-facts.json (written by
 * `npm run facts:sync` from the release tags of CartoDB/carto-selfhosted-helm and CartoDB/carto-selfhosted;
 * issue 18, item 8). The catalog's release boundaries and the release-dependent rules ask this module,
 * so a new CARTO release changes them by regenerating that file, not by editing code.
 */
// The attribute lets Node's own loader (Playwright's e2e files) read it, as Vite and esbuild do.
import factsJson from './carto-facts.json' with { type: 'json' };
import type { CartoFactsFile, Fact, Span } from './carto-facts-types.ts';
import { compareReleases, parseRelease } from '../release-names.ts';

export const CARTO_FACTS = factsJson as unknown as CartoFactsFile;

export type FactsSection = 'helm' | 'compose';

/**
 * Where a rule came from: the first release it holds in and that tag's commit (12 hex digits;
 * release-ledger.ts has the tag and the full commit).
 */
export interface FactSince {
  release: string;
  commit: string;
}

function matches(fact: Fact, kind: string, match: Record<string, unknown>): boolean {
  return fact.fact.kind === kind && Object.entries(match).every(([k, v]) => fact.fact[k] === v);
}

export function findFacts(
  section: FactsSection,
  kind: string,
  match: Record<string, unknown> = {},
): Fact[] {
  return CARTO_FACTS[section].facts.filter((f) => matches(f, kind, match));
}

/** The newest release read from a repository (rc included). */
export function newestRead(section: FactsSection): string {
  const last = CARTO_FACTS[section].releases.at(-1);
  if (!last) throw new Error(`carto-facts.json: no ${section} releases`);
  return last;
}

/** The newest final (not rc) release read from a repository. */
export function newestFinalRead(section: FactsSection): string {
  const finals = CARTO_FACTS[section].releases.filter((r) => parseRelease(r)?.rc === undefined);
  const last = finals.at(-1);
  if (!last) throw new Error(`carto-facts.json: no final ${section} release`);
  return last;
}

/**
 * The first release in which a fact holds and stays holding up to the newest release read (a fact that
 * appeared in an out-of-order rc and vanished again does not count), with the commit it came from.
 */
export function holdsSince(
  section: FactsSection,
  kind: string,
  match: Record<string, unknown> = {},
): FactSince | undefined {
  const newest = newestRead(section);
  const spans = findFacts(section, kind, match).flatMap((f) => f.spans);
  const current = spans.find((s) => s.to === newest);
  return current ? { release: current.from, commit: current.commit } : undefined;
}

function inSpan(release: string, span: Span): boolean {
  return compareReleases(release, span.from) >= 0 && compareReleases(release, span.to) <= 0;
}

/**
 * The fact (of those matching) that holds at a release. A release newer than the newest read gets the
 * newest release's facts; a release between two read ones (a hotfix) the facts of the one before it.
 */
export function factAt(
  section: FactsSection,
  kind: string,
  match: Record<string, unknown>,
  release: string,
): Fact | undefined {
  const releases = CARTO_FACTS[section].releases;
  let read = release;
  if (!releases.includes(release)) {
    const before = releases.filter((r) => compareReleases(r, release) <= 0).at(-1);
    if (!before) return undefined;
    read = before;
  }
  return findFacts(section, kind, match).find((f) => f.spans.some((s) => inSpan(read, s)));
}
