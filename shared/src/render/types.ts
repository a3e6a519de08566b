/** What one render of the answers produces: the files and the facts behind them (PRODUCT.md §4). */
import type { Source } from '../catalog.ts';
import type { NextStep } from './next-steps.ts';

/**
 * The one folder the `.zip` unpacks into, so `unzip` never scatters files into the current directory
 * (issue 11, item 9). The CLI's `render --out DIR` writes into DIR itself.
 */
export const ZIP_FOLDER = 'carto-proxy-config';

export interface OutputFile {
  /** File name, possibly with a folder (certs/proxy-ca.crt); also the name inside the zip. */
  name: string;
  mediaType: string;
  content: string;
}

export interface NoProxyEntry {
  entry: string;
  reason: string;
  /** Where the rule comes from; null for the user's own entries. */
  source: Source | null;
}

export interface AllowlistEntry {
  domain: string;
  group: 'core' | 'images' | 'warehouse' | 'service';
  reason: string;
}

export interface EgressRule {
  /** What must be reached without the proxy (a host pattern or a description of the customer's host). */
  target: string;
  protocol: 'tcp';
  port: number;
  reason: string;
  /** The warehouse or mechanism that needs it (snowflake, databricks, postgres, redshift, grpc). */
  cause: string;
  /** The concrete hosts, when the rule knows them (not the customer's own servers or accounts). */
  hosts?: string[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Warning {
  code: string;
  severity: Severity;
  message: string;
  /** The answers field the warning is about, as in validation issues. */
  path: (string | number)[];
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
}
