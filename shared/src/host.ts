/**
 * Host names, IP addresses and proxy URLs as the wizard accepts them.
 * Pure string checks, so the browser and the server agree byte for byte.
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const DNS_LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

/** IPv6 in any RFC 4291 text form (with `::` compression and an optional trailing IPv4), without brackets or zone. */
export function isIPv6(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  let needed = 8;
  const last = all.at(-1);
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last)) return false;
    all.pop();
    needed = 6;
  }
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? all.length < needed : all.length === needed;
}

/** A DNS name: dot-separated labels of letters, digits, `-` and `_` (single-label names such as `squid` included). */
export function isDnsName(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  // A name made only of digits and dots is a malformed IPv4 address, not a host name.
  if (labels.every((l) => /^\d+$/.test(l))) return false;
  // WHATWG URL parsers (Node, undici, browsers) read a host whose last label is a number (`0x1f`,
  // `proxy.08`) as an IPv4 address: such a name would reach another host (url.spec.whatwg.org, "ends in a number").
  if (/^(\d+|0x[0-9a-f]*)$/i.test(labels.at(-1) ?? '')) return false;
  return labels.every((label) => DNS_LABEL.test(label));
}

/**
 * The dotted-decimal IPv4 address a host spells some other way, as WHATWG URL, glibc's inet_aton
 * and so Node's resolver read it: `0x7f.0.0.1`, `2130706433`, `127.1`, `0177.0.0.1`, or the
 * IPv4-mapped `::ffff:127.0.0.1`. Undefined for a plain dotted-decimal address or a real name.
 * Clients disagree on such spellings (Go and curl read a name, Node an address), so the wizard
 * writes only the plain form (issue 13, item 15).
 *
 * @see {@link https://url.spec.whatwg.org/#concept-ipv4-parser}
 */
export function unusualIPv4(host: string): string | undefined {
  const text = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (isIPv4(text)) return undefined;
  if (isIPv6(text)) {
    // WHATWG URL writes an IPv4-mapped address as ::ffff:hhhh:hhhh, whatever the input's form.
    const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(urlHostname(`[${text}]`));
    if (!mapped) return undefined;
    const [hi, lo] = [parseInt(mapped[1] ?? '', 16), parseInt(mapped[2] ?? '', 16)];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  if (!/^[0-9a-fx.]+$/.test(text)) return undefined;
  const hostname = urlHostname(text);
  return isIPv4(hostname) ? hostname : undefined;
}

/** The host as WHATWG URL writes it, or '' when URL refuses it. */
export function urlHostname(host: string): string {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return '';
  }
}

export type HostKind = 'dns' | 'ipv4' | 'ipv6';

export function hostKind(host: string): HostKind | undefined {
  if (isIPv4(host)) return 'ipv4';
  if (isIPv6(host)) return 'ipv6';
  if (isDnsName(host)) return 'dns';
  return undefined;
}

/** The host as it appears in a URL: IPv6 literals get brackets. */
export function hostForUrl(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}

/** `host:port` as a URL or a socket address writes it: an IPv6 host bracketed. */
export function hostPort(host: string, port: number | string): string {
  return `${hostForUrl(host)}:${port}`;
}

export function proxyUrl(proxy: {
  protocol: 'http' | 'https';
  host: string;
  port: number;
}): string {
  return `${proxy.protocol}://${hostPort(proxy.host, proxy.port)}`;
}

export type ParsedProxyUrl =
  | {
      ok: true;
      protocol?: 'http' | 'https';
      host: string;
      port?: number;
    }
  | { ok: false; reason: 'credentials' | 'scheme' | 'invalid'; message: string };

export const CREDENTIALS_MESSAGE =
  'Remove the user name and password: CARTO does not support proxy password authentication, so the proxy must allow CARTO without credentials.';

/**
 * Reads what a user pasted into the host field: a bare host, `host:port`, or a whole proxy URL.
 * Never returns the credentials it finds, only that there were some.
 */
/** Said where a pasted proxy URL lost its credentials (issue 11, item 6). */
export const CREDENTIALS_REMOVED_MESSAGE =
  'The user name and password were removed from that URL and are not kept anywhere: CARTO does not support proxy password authentication, so the proxy must allow CARTO without credentials.';

/**
 * A pasted proxy URL without its user name and password (`http://user:pw@proxy:3128` →
 * `http://proxy:3128`), so the wizard can use the rest; `removed` says whether there were any. The
 * user info ends at the last `@` of the authority (a raw `@` in a password is common in pastes).
 */
export function withoutCredentials(input: string): { text: string; removed: boolean } {
  const text = input.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0] ?? '';
  const rest = text.slice(scheme.length);
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const at = authority.lastIndexOf('@');
  if (at === -1) return { text, removed: false };
  return { text: scheme + rest.slice(at + 1), removed: true };
}

export function parseProxyInput(input: string): ParsedProxyUrl {
  const text = input.trim();
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (!schemeMatch) {
    if (text.includes('@'))
      return { ok: false, reason: 'credentials', message: CREDENTIALS_MESSAGE };
    const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
    if (bracketed) {
      return bracketed[2] === undefined
        ? { ok: true, host: bracketed[1] ?? '' }
        : { ok: true, host: bracketed[1] ?? '', port: Number(bracketed[2]) };
    }
    const hostPort = /^([^:]+):(\d{1,5})$/.exec(text);
    if (hostPort) return { ok: true, host: hostPort[1] ?? '', port: Number(hostPort[2]) };
    return { ok: true, host: text };
  }
  const scheme = (schemeMatch[1] ?? '').toLowerCase();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    if (/^[^/]*\/\/[^/@]*@/.test(text)) {
      return { ok: false, reason: 'credentials', message: CREDENTIALS_MESSAGE };
    }
    return { ok: false, reason: 'invalid', message: 'This is not a valid proxy URL.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'credentials', message: CREDENTIALS_MESSAGE };
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return {
      ok: false,
      reason: 'scheme',
      message: `CARTO supports only http:// and https:// proxies, not ${scheme}://.`,
    };
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const result: ParsedProxyUrl = { ok: true, protocol: scheme, host };
  // WHATWG URL hides a port equal to the scheme's default, so read an explicit one from the text.
  const explicitPort = /^[a-z]+:\/\/(?:\[[^\]]*\]|[^/:?#]*):(\d{1,5})(?:[/?#]|$)/i.exec(text);
  if (explicitPort) result.port = Number(explicitPort[1]);
  return result;
}
