/**
 * The decisions the rules and the plan make, as data: NO_PROXY entries, allowlist domains, egress rules
 * and warnings. Kept out of render/ so the rules and the plan never depend on the renderers.
 */
import type { Source } from './catalog.ts';

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
