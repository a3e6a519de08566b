/**
 * The NO_PROXY matrix of no-proxy-semantics.md §1.2, cell by cell, for the seven clients the wizard simulates.
 * D = the client goes direct (the entry matches), P = through the proxy. Columns, in order:
 * curl, python-requests, go, axios, node-fetch, node-http, grpc-js.
 */
import { describe, expect, it } from 'vitest';
import { CLIENT_IDS, routesFor, type Route } from './simulate.ts';

type Row = [label: string, noProxy: string[], target: string, expected: string];

const ROWS: Row[] = [
  ['whole value *', ['*'], 'https://a.example.com', 'DDDDDDP'],
  ['* inside a list', ['localhost', '*'], 'https://a.example.com', 'PPDDDDP'],
  ['bare domain, same host', ['example.com'], 'https://example.com', 'DDDDDDD'],
  ['bare domain, subdomain', ['example.com'], 'https://a.example.com', 'DDDPPPD'],
  ['bare domain, look-alike', ['example.com'], 'https://badexample.com', 'PPPPPPD'],
  ['leading dot, apex', ['.example.com'], 'https://example.com', 'DDPPPDP'],
  ['leading dot, subdomain', ['.example.com'], 'https://a.example.com', 'DDDDDDD'],
  ['leading dot, look-alike', ['.example.com'], 'https://badexample.com', 'PPPPPPP'],
  ['*. wildcard, subdomain', ['*.example.com'], 'https://a.example.com', 'PPDDDDP'],
  ['*. wildcard, apex', ['*.example.com'], 'https://example.com', 'PPPPPPP'],
  ['other glob', ['*example.com'], 'https://badexample.com', 'PPPDDPP'],
  ['host:port, implicit port', ['example.com:443'], 'https://example.com', 'PPDDDDP'],
  ['host:port, explicit port', ['example.com:443'], 'https://example.com:443', 'PDDDDDP'],
  ['host:port, other port', ['example.com:8443'], 'https://example.com', 'PPPPPPP'],
  ['exact IPv4', ['10.1.2.3'], '10.1.2.3:5432', 'DDDDDDD'],
  ['IPv4 CIDR', ['10.0.0.0/8'], 'https://10.1.2.3', 'DDDPPPD'],
  ['IPv6 CIDR', ['fd00::/8'], 'https://[fd00::1]', 'DPDPPPP'],
  ['CIDR never matches a host name', ['10.0.0.0/8'], 'https://internal.corp', 'PPPPPPP'],
  ['bracketed IPv6 entry', ['[fd00::1]'], 'https://[fd00::1]', 'PPPDDPP'],
  ['bare IPv6 entry', ['fd00::1'], 'https://[fd00::1]', 'DDDPPDD'],
  ['letter case', ['EXAMPLE.com'], 'https://example.com', 'DDDDDDP'],
  ['empty entry', ['a.example.org', '', 'b.example.org'], 'https://c.example.com', 'PPPPPPD'],
  ['trailing dot', ['example.com.'], 'https://example.com', 'DPPPPPP'],
  ['localhost does not cover 127.0.0.1', ['localhost'], 'http://127.0.0.1:8080', 'PPDPPPP'],
  ['Node http IPv4 range', ['10.0.0.1-10.0.0.255'], '10.0.0.7:443', 'PPPPPDP'],
  ['spaces as separator', ['a.example.org b.example.com'], 'https://b.example.com', 'PPPDDPP'],
];

describe('routesFor: the §1.2 matrix', () => {
  it.each(ROWS)('%s: %j → %s', (_label, noProxy, target, expected) => {
    const routes = routesFor(noProxy, target);
    expect(routes).toBeDefined();
    const actual = CLIENT_IDS.map((id) => (routes?.[id] === 'direct' ? 'D' : 'P')).join('');
    expect(actual).toBe(expected);
  });

  it('answers for all seven clients, always', () => {
    const routes = routesFor(['.corp.example'], 'https://api.corp.example');
    expect(Object.keys(routes ?? {}).sort()).toEqual([...CLIENT_IDS].sort());
    expect(Object.values(routes ?? {}).every((r: Route) => r === 'direct' || r === 'proxy')).toBe(
      true,
    );
  });

  it('sends everything through the proxy with an empty list', () => {
    expect(Object.values(routesFor([], 'https://example.com') ?? {})).toEqual(
      Array(7).fill('proxy'),
    );
  });

  it('cannot read an empty or spaced target', () => {
    expect(routesFor([], '')).toBeUndefined();
    expect(routesFor([], 'a b')).toBeUndefined();
  });
});
