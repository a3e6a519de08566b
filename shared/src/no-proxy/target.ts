/** What a "would this be proxied?" question is about: a URL, or `host[:port]`. */
import { isIPv4, isIPv6 } from '../host.ts';

export interface Target {
  /** Lowercase host, IPv6 without brackets, no trailing-dot stripping (clients differ on that). */
  host: string;
  /** The port the connection goes to: explicit, or the scheme's default (443 when nothing says). */
  port: number;
  /** Whether the port was written out (some clients only match `host:port` entries then). */
  explicitPort: boolean;
  kind: 'dns' | 'ipv4' | 'ipv6';
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, grpc: 443 };

/** Reads `https://a.example.com/x`, `a.example.com:8443`, `10.1.2.3:5432`, `[fd00::1]:443` or `a.example.com`. */
export function parseTarget(text: string): Target | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  const withScheme = scheme ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.hostname === '') return undefined;
  const rawHost = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const explicit = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^/:?#]*):(\d+)/i.exec(
    withScheme,
  );
  const port = explicit ? Number(explicit[1]) : (DEFAULT_PORTS[scheme ?? 'https'] ?? 443);
  const kind = isIPv4(rawHost) ? 'ipv4' : isIPv6(rawHost) ? 'ipv6' : 'dns';
  return { host: rawHost, port, explicitPort: explicit !== null, kind };
}
