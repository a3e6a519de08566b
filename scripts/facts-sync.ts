/**
 * `npm run facts:sync -- --helm <clone> --compose <clone> [--since YYYY.M.D] [--out <file>]`
 *
 * Reads the release tags of local clones of CartoDB/carto-selfhosted-helm and CartoDB/carto-selfhosted
 * (bare clones work) and writes shared/src/facts/carto-facts.json (the facts) and carto-releases.json
 * beside it (each release's tag, commit and date). Same clones → same bytes. Then run
 * `npx vitest run --project shared` : the release-facts tests say which rule the new release changed.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractFacts, serializeFacts } from './facts/extract.ts';

export const DEFAULT_OUT = resolve(import.meta.dirname, '../shared/src/facts/carto-facts.json');

/** carto-releases.json beside the facts file. */
export function releasesPath(factsPath: string): string {
  return join(dirname(factsPath), 'carto-releases.json');
}

const USAGE =
  'Usage: npm run facts:sync -- --helm <clone of CartoDB/carto-selfhosted-helm> --compose <clone of CartoDB/carto-selfhosted> [--since YYYY.M.D] [--out <file>]';

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        helm: { type: 'string' },
        compose: { type: 'string' },
        since: { type: 'string' },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.helm === undefined || values.compose === undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  const facts = extractFacts({
    helm: values.helm,
    compose: values.compose,
    ...(values.since !== undefined ? { since: values.since } : {}),
  });
  const out = values.out ?? DEFAULT_OUT;
  const files = serializeFacts(facts);
  writeFileSync(out, files.facts);
  writeFileSync(releasesPath(out), files.releases);
  const { helm, compose } = facts.sources;
  console.log(
    `Wrote ${out} and ${releasesPath(out)}\n  ${helm.repo}: ${helm.tagsRead} releases, newest ${helm.newestRelease} (tag ${helm.newestTag}, ${helm.newestCommit})\n  ${compose.repo}: ${compose.tagsRead} releases, newest ${compose.newestRelease} (tag ${compose.newestTag}, ${compose.newestCommit})`,
  );
}

main();
