/**
 * What the proxy admin gets: proxy-allowlist.txt (one domain per line, grouped and commented) and
 * squid-allowlist.conf (a Squid ACL). Squid's `dstdomain .x` matches x and every subdomain, so `*.x`
 * becomes `.x` and any entry it already covers is left out (Squid warns about overlaps; no-proxy-semantics.md §5.2).
 */
import type { Answers } from '../answers.ts';
import type { AllowlistEntry } from '../domain-types.ts';
import { hashComment, headerLine } from './header.ts';

function groupsOf(entries: readonly AllowlistEntry[]): { title: string; domains: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const entry of entries) {
    const title = `${entry.group}: ${entry.reason}`;
    groups.set(title, [...(groups.get(title) ?? []), entry.domain]);
  }
  return [...groups].map(([title, domains]) => ({ title, domains }));
}

export function renderAllowlistText(answers: Answers, entries: readonly AllowlistEntry[]): string {
  const parts = [
    hashComment([
      'Domains the proxy must allow for CARTO Self-hosted (HTTPS: CONNECT to port 443).',
      '"*.example.com" means every subdomain of example.com.',
      headerLine(answers),
    ]),
  ];
  for (const group of groupsOf(entries)) {
    parts.push(`\n# ${group.title}\n${group.domains.join('\n')}\n`);
  }
  return parts.join('');
}

export function squidDomain(domain: string): string {
  return domain.startsWith('*.') ? domain.slice(1) : domain;
}

/** Whether a Squid dstdomain entry already matches `domain` (`.x` covers x and its subdomains). */
function covers(entry: string, domain: string): boolean {
  if (!entry.startsWith('.')) return entry === domain;
  const bare = domain.startsWith('.') ? domain.slice(1) : domain;
  return bare === entry.slice(1) || bare.endsWith(entry);
}

export function squidDomains(entries: readonly AllowlistEntry[]): string[] {
  const all = [...new Set(entries.map((e) => squidDomain(e.domain)))];
  return all.filter((domain) => !all.some((other) => other !== domain && covers(other, domain)));
}

export function renderSquidAllowlist(answers: Answers, entries: readonly AllowlistEntry[]): string {
  const domains = squidDomains(entries);
  return [
    hashComment([
      'Squid ACL for CARTO Self-hosted. Paste it into squid.conf before "http_access deny all"',
      '(and after the default "http_access deny CONNECT !SSL_ports").',
      'In dstdomain, ".example.com" matches example.com and every subdomain.',
      headerLine(answers),
    ]),
    ...domains.map((domain) => `acl carto_selfhosted dstdomain ${domain}\n`),
    'acl carto_connect method CONNECT\n',
    'acl carto_ssl_ports port 443\n',
    'http_access allow carto_connect carto_ssl_ports carto_selfhosted\n',
  ].join('');
}
