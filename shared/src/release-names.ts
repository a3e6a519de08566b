/**
 * CARTO Self-hosted releases are named `YYYY.M.D` (for example `2026.7.16`), and their release candidates
 * `YYYY.M.D-rc.N` (for example `2026.8.11-rc.7`): that is what CARTO's chart `appVersion`, the Compose
 * `VERSION` file and `.env`'s `CARTO_SELFHOSTED_VERSION` say (carto-release-audit.md D12: helm 1.287.1
 * chart/Chart.yaml:2, carto-selfhosted a8ac3c5 VERSION). A candidate comes before its final release.
 */

export const RELEASE_PATTERN = /^(\d{4})\.(\d{1,2})\.(\d{1,2})(?:-rc\.(\d{1,3}))?$/;

export interface Release {
  year: number;
  month: number;
  day: number;
  /** The release-candidate number of `YYYY.M.D-rc.N`; absent for a final release. */
  rc?: number;
}

/** Parses `YYYY.M.D` or `YYYY.M.D-rc.N`; undefined for anything else (including impossible months and days). */
export function parseRelease(text: string): Release | undefined {
  const match = RELEASE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (match[4] === undefined) return { year, month, day };
  const rc = Number(match[4]);
  return rc < 1 ? undefined : { year, month, day, rc };
}

/** Whether the text names a release candidate (`YYYY.M.D-rc.N`). */
export function isPreRelease(text: string): boolean {
  return parseRelease(text)?.rc !== undefined;
}

/** The final release a name belongs to: `2026.8.11-rc.7` → `2026.8.11`. */
export function releaseLine(text: string): string {
  const r = parseRelease(text);
  if (!r) throw new Error(`Not a release: ${text}`);
  return `${r.year}.${r.month}.${r.day}`;
}

/**
 * Negative when a < b, 0 when equal, positive when a > b; `-rc.N` comes before its final release.
 * Both must be valid release strings.
 */
export function compareReleases(a: string, b: string): number {
  const ra = parseRelease(a);
  const rb = parseRelease(b);
  if (!ra || !rb) throw new Error(`Not a release: ${ra ? b : a}`);
  const byDate = ra.year - rb.year || ra.month - rb.month || ra.day - rb.day;
  if (byDate !== 0 || ra.rc === rb.rc) return byDate;
  if (ra.rc === undefined) return 1;
  if (rb.rc === undefined) return -1;
  return ra.rc - rb.rc;
}

export function isAtLeast(release: string, boundary: string): boolean {
  return compareReleases(release, boundary) >= 0;
}
