/**
 * One chunk for the first question (issue 10): the deployment step, its import panel (which holds
 * the step until it is there) and every module they import statically that the entry does not
 * already hold, react-hook-form included, go into `first-step-[hash].js` (and one CSS file), instead
 * of a dozen small chunks. On a 150 ms link each request costs a round trip and about 1 KB of
 * headers; the first question then needs the entry, this chunk and the catalog.
 *
 * Other steps import the shared pieces (fields, the step frame) from this chunk; what only they use
 * stays in their own chunks, and what the import panel loads on demand (the import code, YAML) is
 * not followed (dynamic imports are not part of the walk).
 *
 * @see {@link https://rolldown.rs/reference/OutputOptions.codeSplitting}
 */
import { resolve } from 'node:path';

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

const WEB = resolve(import.meta.dirname, '../web/src');
export const ENTRY = resolve(WEB, 'main.tsx');
export const FIRST_STEP_ROOTS = [
  resolve(WEB, 'steps/deployment/deployment-step.tsx'),
  resolve(WEB, 'steps/deployment/import-panel.tsx'),
];

/** Every module reachable from `roots` through static imports. */
export function staticallyReachable(graph: ModuleGraph, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/** The Proxy step: its own chunk, as every step is (a step whose code fails takes only the step). */
const PROXY_STEP = resolve(WEB, 'steps/proxy/proxy-step.tsx');

/**
 * What the first Next needs (issue 16, ADR 008): the step check with the shared schema alone
 * (step-validation.ts: zod, the catalog and its release facts, the host and certificate rules) and
 * the Proxy step. What they import goes into one chunk, like the first step's, so index.html
 * modulepreloads two files rather than six, each with its round trip and headers; the renderers and
 * YAML are not in it.
 */
export const FIRST_NEXT_ROOTS = [resolve(WEB, 'wizard/validation/step-validation.ts'), PROXY_STEP];

/** A `codeSplitting.groups[].name` function: 'first-step' for the modules above, else null. */
export function firstStepChunkName(): (id: string, graph: ModuleGraph) => string | null {
  let members: Set<string> | undefined;
  return (id, graph) => {
    if (!members) {
      const entry = staticallyReachable(graph, [ENTRY]);
      members = new Set(
        [...staticallyReachable(graph, FIRST_STEP_ROOTS)].filter((m) => !entry.has(m)),
      );
    }
    return members.has(id) ? 'first-step' : null;
  };
}

/**
 * A `codeSplitting.groups[].name` function: 'first-next' for the modules FIRST_NEXT_ROOTS reach
 * that neither the entry nor the first step holds (the Proxy step itself aside), else null.
 */
export function firstNextChunkName(): (id: string, graph: ModuleGraph) => string | null {
  let members: Set<string> | undefined;
  return (id, graph) => {
    if (!members) {
      const before = staticallyReachable(graph, [ENTRY, ...FIRST_STEP_ROOTS]);
      members = new Set(
        [...staticallyReachable(graph, FIRST_NEXT_ROOTS)].filter(
          (m) => !before.has(m) && m !== PROXY_STEP,
        ),
      );
    }
    return members.has(id) ? 'first-next' : null;
  };
}
