/**
 * The NO_PROXY linter: for each entry, how real clients will read it, and a concrete fix where one exists.
 * Every check of no-proxy-semantics.md §6.1 has a code here and a test in lint.test.ts.
 */
import { isIPv4, isIPv6 } from '../host.ts';
import { parseCidr, parseIpv4Range } from './cidr.ts';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: FindingSeverity;
  /** What happens and what to do, in plain words (no client names: issue 21, item 7). */
  message: string;
  /** Which clients read it that way: the UI shows it behind a "Why?". */
  why?: string;
  /** Entries to put in place of this one. */
  fix?: string[];
}

export interface EntryReport {
  entry: string;
  normalized: string;
  findings: Finding[];
}

/** Non-ASCII labels to punycode, as WHATWG URL (and Go) does; undefined when it cannot be converted. */
function toAscii(name: string): string | undefined {
  try {
    return new URL(`http://${name}`).hostname;
  } catch {
    return undefined;
  }
}

/** Trimmed, lowercase, without a trailing dot, punycode for non-ASCII names, IPv6 in its compressed form. */
export function normalizeEntry(raw: string): string {
  let entry = raw.trim().toLowerCase();
  if (entry.endsWith('.') && entry.length > 1) entry = entry.replace(/\.+$/, '');
  const bracketed = /^\[([^\]]+)\](:\d+)?$/.exec(entry);
  if (bracketed && isIPv6(bracketed[1] ?? '')) {
    return `[${compressIPv6(bracketed[1] ?? '')}]${bracketed[2] ?? ''}`;
  }
  if (isIPv6(entry)) return compressIPv6(entry);
  const cidr = parseCidr(entry);
  if (cidr?.family === 6) return `${compressIPv6(cidr.address)}/${cidr.bits}`;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(entry)) {
    const prefix = /^(\*\.|\.)/.exec(entry)?.[0] ?? '';
    const ascii = toAscii(entry.slice(prefix.length));
    if (ascii !== undefined) entry = prefix + ascii;
  }
  return entry;
}

function compressIPv6(ip: string): string {
  try {
    const host = new URL(`http://[${ip}]/`).hostname;
    return host.slice(1, -1);
  } catch {
    return ip;
  }
}

const isIp = (text: string) => isIPv4(text) || isIPv6(text);

/**
 * The host alone of an entry written as a URL or with a path (`http://Example.com:8080/x`,
 * `user@[::1]/y`), lowercase, IPv6 without brackets, no port: what the entry should have been.
 * WHATWG URL reads it, as the clients that take URLs do; undefined when nothing host-like is there.
 */
function hostOf(entry: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? entry : `http://${entry}`;
  let hostname: string;
  try {
    hostname = new URL(withScheme).hostname;
  } catch {
    return undefined;
  }
  if (hostname === '') return undefined;
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

/** Findings for one entry, read on its own. */
export function lintEntry(raw: string): Finding[] {
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);
  const trimmed = raw.trim();

  if (trimmed === '') {
    add({
      code: 'empty',
      severity: 'error',
      message: 'Empty entry: some clients then send every connection directly. Remove it.',
      why: 'In gRPC (grpc-js ≥ 1.13) an empty entry excludes every gRPC connection from the proxy.',
      fix: [],
    });
    return findings;
  }
  if (/\s/.test(raw)) {
    const parts = raw.split(/[\s,]+/).filter(Boolean);
    add({
      code: 'whitespace',
      severity: 'error',
      message:
        'Whitespace is read differently by every client. Use one entry per domain, without spaces.',
      why: 'curl ≥ 8.9 stops at it, Python requests joins the neighbours, grpc-js never matches.',
      fix: parts,
    });
    return findings;
  }
  if (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ||
    trimmed.includes('@') ||
    /[?#]/.test(trimmed) ||
    (trimmed.includes('/') && !parseCidr(trimmed))
  ) {
    const host = hostOf(trimmed);
    add({
      code: 'scheme-or-path',
      severity: 'error',
      message:
        'A scheme, path, @, ? or # never matches: excluded domains are host names and addresses only.',
      ...(host ? { fix: [host.toLowerCase()] } : {}),
    });
    return findings;
  }
  if (/[\^$()+|\\]/.test(trimmed) || trimmed.includes('.*')) {
    add({
      code: 'regex',
      severity: 'error',
      message: 'Regular expressions never match. Write plain domains (.example.com).',
    });
    return findings;
  }

  const entry = trimmed;
  if (entry === '*') {
    add({
      code: 'star',
      severity: 'error',
      message:
        'A * entry means “everything direct” to some clients and nothing to others. Remove it and list the domains.',
      why: 'Go, axios, Node and Python exclude everything from the proxy with * as the whole value; curl and Python ignore it inside a list; gRPC never matches it.',
      fix: [],
    });
    return findings;
  }

  if (/[A-Z]/.test(entry)) {
    add({
      code: 'uppercase',
      severity: 'warning',
      message: 'Some clients compare case-sensitively: write entries in lowercase.',
      why: 'grpc-js compares case-sensitively.',
      fix: [entry.toLowerCase()],
    });
  }
  if (entry.length > 1 && entry.endsWith('.')) {
    add({
      code: 'trailing-dot',
      severity: 'warning',
      message: 'With a trailing dot most clients never match. Remove it.',
      why: 'Only curl ignores a trailing dot.',
      fix: [entry.replace(/\.+$/, '').toLowerCase()],
    });
  }
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(entry)) {
    const ascii = normalizeEntry(entry);
    add({
      code: 'non-ascii',
      severity: 'warning',
      message: 'Write the punycode (xn--) form, which every client compares.',
      why: 'Only Go converts international names.',
      ...(ascii !== entry ? { fix: [ascii] } : {}),
    });
  }

  const lower = normalizeEntry(entry);
  const cidr = parseCidr(lower);
  if (cidr) {
    add({
      code: 'cidr',
      severity: 'warning',
      message:
        'CIDR ranges only match URLs written with an IP address, never host names, and some clients ignore them. List the internal host names and domains as well.',
      why: `No client resolves DNS to compare. axios, Node fetch and Node http ignore CIDR ranges${cidr.family === 6 ? '; Python requests and grpc-js ignore IPv6 ranges too' : ''}${cidr.bits === 0 ? '; Python requests refuses /0' : ''}.`,
    });
    return findings;
  }
  if (parseIpv4Range(lower)) {
    add({
      code: 'ip-range',
      severity: 'warning',
      message: 'Most clients ignore a-b address ranges. Use CIDR plus explicit addresses.',
      why: 'Only Node’s built-in proxy support reads them.',
    });
    return findings;
  }

  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(lower);
  const hostPort = /^([^:[\]]+):(\d+)$/.exec(lower);
  if (hostPort || bracketed?.[2] !== undefined) {
    const host = hostPort ? (hostPort[1] ?? '') : `[${bracketed?.[1] ?? ''}]`;
    add({
      code: 'host-port',
      severity: 'warning',
      message: 'Most clients do not match an entry with a port. Drop the port.',
      why: 'curl and gRPC never match it, and Python requests only when the URL spells the port out.',
      fix: [host],
    });
    return findings;
  }
  if (bracketed && isIPv6(bracketed[1] ?? '')) {
    const ip = bracketed[1] ?? '';
    add({
      code: 'ipv6-form',
      severity: 'warning',
      message: 'Clients disagree on how an IPv6 address is written. Write both forms.',
      why: 'curl, Python, Go, gRPC and Node http need the bare form (::1); axios and Node fetch need [::1].',
      fix: [ip, `[${ip}]`],
    });
    return findings;
  }
  if (isIPv6(lower)) {
    add({
      code: 'ipv6-form',
      severity: 'warning',
      message: 'Clients disagree on how an IPv6 address is written. Write both forms.',
      why: 'axios and Node fetch only match the bracketed form ([::1]); curl, Python, Go, gRPC and Node http need this bare form.',
      fix: [lower, `[${lower}]`],
    });
    return findings;
  }
  if (isIp(lower)) {
    add({
      code: 'ip-without-name',
      severity: 'info',
      message:
        'No client resolves DNS to compare: this address only matches URLs written with it. List the host names that point to it too.',
    });
    return findings;
  }

  if (lower.startsWith('*.')) {
    const name = lower.slice(2);
    add({
      code: 'wildcard',
      severity: 'warning',
      message: `Several clients ignore *.${name}, and the others read it as its subdomains only. Write .${name} and ${name} instead.`,
      why: `curl, Python, grpc-js and gRPC core ignore *.${name}.`,
      fix: [name, `.${name}`],
    });
    return findings;
  }
  if (lower.includes('*')) {
    add({
      code: 'glob',
      severity: 'warning',
      message:
        'Most clients ignore this wildcard, and those that read it over-match (*example.com also matches badexample.com). Write plain domains.',
      why: 'Only axios, Node fetch (a leading * as a raw suffix) and global-agent read it.',
    });
    return findings;
  }
  if (lower.startsWith('.')) {
    const name = lower.slice(1);
    add({
      code: 'leading-dot',
      severity: 'warning',
      message: `.${name} does not cover ${name} itself for several clients. Add ${name} too.`,
      why: `Go, axios, Node fetch and gRPC read .${name} as the hosts under ${name} only.`,
      fix: [name, lower],
    });
    return findings;
  }
  if (lower === 'localhost') return findings;
  // An exact host is often exactly what was meant (git.corp.example): a question, not a warning
  // (issue 11, item 14). The fix adds the subdomains in one click.
  add({
    code: 'bare-domain',
    severity: 'info',
    message: `Also cover the subdomains of ${lower}? Some clients match ${lower} exactly, not its subdomains: add .${lower} for them.`,
    why: `axios, Node fetch and Node http match ${lower} exactly.`,
    fix: [lower, `.${lower}`],
  });
  add({
    code: 'over-match',
    severity: 'info',
    message: `Some clients also send look-alikes such as evil${lower} directly. Keep that in mind if the proxy is what enforces where CARTO may connect.`,
    why: `grpc-js and gRPC core compare a raw suffix: ${lower} matches every name that ends with it.`,
  });
  return findings;
}

/**
 * The examples the excluded-domains step shows: entered as shown, none may draw a warning (issue 11,
 * item 14): an exact host, a domain written both ways (the apex and every host under it), an address.
 */
export const EXCLUDED_DOMAIN_EXAMPLES = {
  host: 'git.corp.example',
  domain: ['corp.example', '.corp.example'],
  ip: '10.0.0.5',
} as const;

/**
 * Findings for one entry read next to the rest of the list: a finding whose fix the list already holds
 * (`corp.example` next to `.corp.example`) is answered, so it is left out.
 */
export function lintInList(entry: string, list: readonly string[]): Finding[] {
  return lintAgainst(entry, writtenEntries(list));
}

/** The entries as written (trimmed): a fix that only changes the spelling (case, trailing dot) is not answered yet. */
function writtenEntries(list: readonly string[]): Set<string> {
  return new Set(list.map((e) => e.trim()));
}

/**
 * An error is never left out, since the entry itself is wrong (`http://example.com/path` next to
 * `example.com` still matches nothing, issue 13 item 5): when the list already holds its fix, the
 * fix is to remove it.
 */
function lintAgainst(entry: string, written: ReadonlySet<string>): Finding[] {
  const answered = (finding: Finding) =>
    finding.fix !== undefined && finding.fix.length > 0 && finding.fix.every((e) => written.has(e));
  return lintEntry(entry).flatMap((finding) => {
    if (!answered(finding)) return [finding];
    if (finding.severity !== 'error') return [];
    return [
      {
        ...finding,
        message: `${finding.message} The list already has ${(finding.fix ?? []).join(', ')}: remove this entry.`,
        fix: [],
      },
    ];
  });
}

/** Findings for each entry of a list, plus the ones about the list as a whole (duplicates, localhost). */
export function lintNoProxy(entries: readonly string[]): EntryReport[] {
  const normalizedSeen = new Map<string, number>();
  const names = new Set(entries.map(normalizeEntry));
  const written = writtenEntries(entries);
  return entries.map((entry, index) => {
    const normalized = normalizeEntry(entry);
    const findings = lintAgainst(entry, written);
    const first = normalizedSeen.get(normalized);
    if (first !== undefined && normalized !== '') {
      findings.push({
        code: 'duplicate',
        severity: 'info',
        message: `Same as entry ${first + 1} (${entries[first]}). Remove it.`,
        fix: [],
      });
    } else {
      normalizedSeen.set(normalized, index);
    }
    if (normalized === 'localhost' && !names.has('127.0.0.1')) {
      findings.push({
        code: 'ip-without-name',
        severity: 'info',
        message:
          'For most clients localhost does not cover 127.0.0.1 or ::1: list the loopback addresses too.',
        why: 'Only Go treats them as the same host.',
        fix: ['localhost', '127.0.0.1', '::1', '[::1]'].filter(
          (e) => e === 'localhost' || !names.has(e),
        ),
      });
    }
    return { entry, normalized, findings };
  });
}
