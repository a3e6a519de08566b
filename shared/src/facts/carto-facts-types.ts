/**
 * The shape of carto-facts.json, written by `npm run facts:sync` (scripts/facts/extract.ts) from the
 * release tags of CARTO's repositories, and read by release-facts.ts.
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
