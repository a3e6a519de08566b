/** IPv4 and IPv6 addresses as big integers, for CIDR and range checks. */
import { isIPv4, isIPv6 } from '../host.ts';

export function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function ipv6ToBigInt(ip: string): bigint {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (v4) {
    const n = ipv4ToNumber(v4);
    text = text.slice(0, -v4.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [
    ...headGroups,
    ...Array<string>(tail === undefined ? 0 : missing).fill('0'),
    ...tailGroups,
  ];
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
}

export interface Cidr {
  family: 4 | 6;
  address: string;
  bits: number;
}

export function parseCidr(entry: string): Cidr | undefined {
  const [address = '', prefix, ...rest] = entry.split('/');
  if (prefix === undefined || rest.length > 0 || !/^\d{1,3}$/.test(prefix)) return undefined;
  const bits = Number(prefix);
  if (isIPv4(address) && bits <= 32) return { family: 4, address, bits };
  if (isIPv6(address) && bits <= 128) return { family: 6, address, bits };
  return undefined;
}

export function cidrContains(cidr: Cidr, ip: string): boolean {
  if (cidr.family === 4) {
    if (!isIPv4(ip)) return false;
    if (cidr.bits === 0) return true;
    const mask = (0xffffffff << (32 - cidr.bits)) >>> 0;
    return (ipv4ToNumber(ip) & mask) >>> 0 === (ipv4ToNumber(cidr.address) & mask) >>> 0;
  }
  if (!isIPv6(ip)) return false;
  const shift = BigInt(128 - cidr.bits);
  return ipv6ToBigInt(ip) >> shift === ipv6ToBigInt(cidr.address) >> shift;
}

/** Node's built-in `a.b.c.d-e.f.g.h` IPv4 range. */
export function parseIpv4Range(entry: string): [number, number] | undefined {
  const [from = '', to = '', ...rest] = entry.split('-');
  if (rest.length > 0 || !isIPv4(from) || !isIPv4(to)) return undefined;
  return [ipv4ToNumber(from), ipv4ToNumber(to)];
}
