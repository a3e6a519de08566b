/**
 * CARTO Self-hosted releases are named `YYYY.M.D` (for example `2026.8.11`).
 * Release boundaries that change the output are kept here, each with the fact behind it.
 */

export const RELEASE_PATTERN = /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/;

export interface Release {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY.M.D`; returns undefined for anything else (including impossible months and days). */
export function parseRelease(text: string): Release | undefined {
  const match = RELEASE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day };
}

/** Negative when a < b, 0 when equal, positive when a > b. Both must be valid release strings. */
export function compareReleases(a: string, b: string): number {
  const ra = parseRelease(a);
  const rb = parseRelease(b);
  if (!ra || !rb) throw new Error(`Not a release: ${ra ? b : a}`);
  return ra.year - rb.year || ra.month - rb.month || ra.day - rb.day;
}

export function isAtLeast(release: string, boundary: string): boolean {
  return compareReleases(release, boundary) >= 0;
}
