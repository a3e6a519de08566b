/**
 * What `npm run facts:sync` (scripts/facts/extract.ts) reads from the release tags of CARTO's
 * repositories, and the two files it writes: carto-facts.json, the facts with the releases they hold in
 * (what the rules read, in the browser too: release-facts.ts), and carto-releases.json, each release's
 * tag, commit and date (the ledger people and tests read: release-ledger.ts). The ledger's 300-odd full
 * commit hashes do not compress; kept apart, they stay out of every page load (issue 16).
 */

/** One release read: its name (chart appVersion or Compose tag), the tag, its commit and date. */
export interface ReleaseRow {
  release: string;
  tag: string;
  commit: string;
  date: string;
  /** Helm only: the chart version (the tag). */
  chart?: string;
}

/** Releases `from`…`to` (inclusive, in release order) in which a fact holds. */
export interface Span {
  from: string;
  to: string;
  /** The tag commit of `from` (first 12 hex digits; the release row has all 40), where this span begins. */
  commit: string;
}

export interface Fact {
  fact: { kind: string } & Record<string, string | number | boolean | null>;
  spans: Span[];
}

/** A tag not read as a release, and why. */
export interface SkippedTag {
  tag: string;
  release: string;
  reason: string;
}

export interface RepoRead {
  repo: string;
  tagsRead: number;
  newestRelease: string | null;
  newestTag: string | null;
  newestCommit: string | null;
  skipped?: SkippedTag[];
}

export interface CartoFacts {
  about: string;
  since: string;
  sources: { helm: RepoRead; compose: RepoRead };
  helm: { releases: ReleaseRow[]; facts: Fact[] };
  compose: { releases: ReleaseRow[]; facts: Fact[] };
}

/** carto-facts.json: the facts, and the releases read in release order (names only). */
export interface CartoFactsFile extends Omit<CartoFacts, 'helm' | 'compose'> {
  helm: { releases: string[]; facts: Fact[] };
  compose: { releases: string[]; facts: Fact[] };
}

/** carto-releases.json: each release read, with its tag, commit and date. */
export interface CartoReleasesFile {
  about: string;
  helm: ReleaseRow[];
  compose: ReleaseRow[];
}
