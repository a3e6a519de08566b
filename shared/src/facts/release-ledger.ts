/**
 * Each CARTO release that `npm run facts:sync` read, with its tag, full commit and date
 * (carto-releases.json). For people and tests tracing a rule to its source: the rules themselves read
 * only carto-facts.json (release-facts.ts), so this ledger never reaches the browser.
 */
// The attribute lets Node's own loader (Playwright's e2e files) read it, as Vite and esbuild do.
import ledgerJson from './carto-releases.json' with { type: 'json' };
import type { CartoReleasesFile, ReleaseRow } from './carto-facts-types.ts';
import type { FactsSection } from './release-facts.ts';

export const CARTO_RELEASES = ledgerJson as CartoReleasesFile;

/** A release as read: its tag (the chart version for Helm), commit and date. */
export function releaseRow(section: FactsSection, release: string): ReleaseRow {
  const found = CARTO_RELEASES[section].find((r) => r.release === release);
  if (!found) throw new Error(`carto-releases.json: no ${section} release ${release}`);
  return found;
}
