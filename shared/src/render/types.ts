/** What one render of the answers produces: the files and the facts behind them (PRODUCT.md §4). */
import type { AllowlistEntry, EgressRule, NoProxyEntry, Warning } from '../domain-types.ts';

/**
 * The one folder the `.zip` unpacks into, so `unzip` never scatters files into the current directory
 * (issue 11, item 9). The CLI's `render --out DIR` writes into DIR itself.
 */
export const ZIP_FOLDER = 'carto-proxy-config';

/** A command or document block in a next step (next-steps.ts writes them). */
export interface CodeBlock {
  /** A sentence before the block, Markdown inline. */
  intro?: string;
  language: 'sh' | 'json';
  text: string;
}

export interface NextStep {
  /** The step, Markdown inline (code spans for file names and short commands). */
  text: string;
  blocks: CodeBlock[];
}

export interface OutputFile {
  /** File name, possibly with a folder (certs/proxy-ca.crt); also the name inside the zip. */
  name: string;
  mediaType: string;
  content: string;
}

export interface RenderResult {
  files: OutputFile[];
  noProxy: NoProxyEntry[];
  allowlist: AllowlistEntry[];
  egress: EgressRule[];
  warnings: Warning[];
  /** The numbered next steps README.md lists, as data (the Review step shows them with copy buttons). */
  nextSteps: NextStep[];
  /** The user's own file the download holds, updated (RenderOptions.ownFile), by its name in the zip. */
  ownFile?: string;
  /** The release the files follow, as README.md states it (carto-release-audit.md D1). */
  release: RenderedRelease;
}

export interface RenderedRelease {
  /** The release the answers give (`YYYY.M.D` or `YYYY.M.D-rc.N`), or null when none was given. */
  given: string | null;
  /** With no release given: the first release the files work on (they work on every one since). */
  everyReleaseFrom: string | null;
  /** The CARTO commits the release rules were read from (shared/src/facts, `npm run facts:sync`). */
  rulesReadFrom: { repo: string; tag: string | null; commit: string | null }[];
}
