import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_IDS, lintNoProxy, routesFor } from '@wizard/shared';
import { anyString, containing, json, postJson, testApp } from '../../test/test-support.ts';
import { CHECK_URL_MAX_LENGTH, CHECK_URLS_MAX } from './no-proxy-check.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const URL_PATH = '/api/no-proxy/check';

interface Issue {
  path: (string | number)[];
  message: string;
}

/** The issues of a 400, checking the error shape on the way. */
async function issuesFor(body: unknown): Promise<Issue[]> {
  const response = await postJson(app, URL_PATH, body);
  expect(response.statusCode).toBe(400);
  const parsed = json(response);
  expect(Object.keys(parsed).sort()).toEqual(['error', 'issues']);
  expect(parsed.error).toBe('invalid_no_proxy_check');
  return parsed.issues as Issue[];
}

const paths = (issues: Issue[]) => issues.map((issue) => issue.path.join('.'));

/** Lists and targets where the clients disagree, or where the linter has something to say. */
const CASES: [string, string[], string[]][] = [
  ['an empty list', [], ['https://api.example.com']],
  [
    'a bare domain (subdomains split the clients)',
    ['example.com'],
    ['https://api.example.com', 'https://example.com', 'http://example.com:8080/x'],
  ],
  ['a leading dot', ['.example.com'], ['https://example.com', 'api.example.com:443']],
  ['a *. wildcard', ['*.example.com'], ['https://api.example.com', 'https://example.com']],
  ['a lone *', ['*'], ['https://anything.example', '10.1.2.3:5432']],
  ['a CIDR range', ['10.0.0.0/8'], ['10.1.2.3:5432', 'https://10.1.2.3', 'https://11.0.0.1']],
  ['host:port', ['db.corp.example:5432'], ['db.corp.example:5432', 'https://db.corp.example']],
  ['IPv6 forms', ['::1', '[fd00::1]'], ['[::1]:8080', 'https://[fd00::1]/', 'http://[fd00::2]']],
  ['localhost without 127.0.0.1', ['localhost'], ['http://localhost:3000', 'http://127.0.0.1']],
  [
    'entries as typed: blanks, spaces, case, a trailing dot',
    ['', ' .Corp.Example ', 'API.example.com.', 'a b'],
    ['https://svc.corp.example', 'https://api.example.com'],
  ],
  ['non-ASCII and duplicates', ['bücher.example', '.corp.example', '.CORP.example'], []],
  ['a scheme and a path', ['https://example.com/path'], ['https://example.com']],
];

describe('POST /api/no-proxy/check', () => {
  it.each(CASES)(
    '%s: answers exactly what lintNoProxy and routesFor do',
    async (_, noProxy, urls) => {
      const response = await postJson(app, URL_PATH, { noProxy, urls });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(json(response)).toEqual({
        entries: lintNoProxy(noProxy),
        urls: urls.map((url) => ({ url, clients: routesFor(noProxy, url) })),
      });
    },
  );

  it('answers every client id, always, in the shared order', async () => {
    const response = await postJson(app, URL_PATH, {
      noProxy: ['.example.com'],
      urls: ['https://api.example.com', '10.1.2.3:5432'],
    });
    const { urls } = json(response) as { urls: { clients: Record<string, string> }[] };
    for (const { clients } of urls) {
      expect(Object.keys(clients)).toEqual([...CLIENT_IDS]);
      for (const route of Object.values(clients)) expect(['direct', 'proxy']).toContain(route);
    }
  });

  it('reports findings with code, severity, message, why and fix', async () => {
    const response = await postJson(app, URL_PATH, { noProxy: ['example.com'], urls: [] });
    const [entry] = (json(response) as { entries: Record<string, unknown>[] }).entries;
    expect(entry).toEqual({
      entry: 'example.com',
      normalized: 'example.com',
      findings: expect.arrayContaining([
        {
          code: 'bare-domain',
          severity: 'info',
          message: anyString,
          // Which clients read it so (issue 21, item 7): the message itself names none.
          why: anyString,
          fix: ['example.com', '.example.com'],
        },
      ]) as unknown,
    });
  });

  it('takes urls as optional: without it, only the entries are linted', async () => {
    const response = await postJson(app, URL_PATH, { noProxy: ['.corp.example'] });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ entries: lintNoProxy(['.corp.example']), urls: [] });
  });

  it('accepts the limits exactly', async () => {
    const noProxy = Array.from({ length: 200 }, (_, i) => `h${i}.${'x'.repeat(240)}`.slice(0, 255));
    const urls = Array.from({ length: CHECK_URLS_MAX }, (_, i) =>
      `https://h${i}.example/${'p'.repeat(CHECK_URL_MAX_LENGTH)}`.slice(0, CHECK_URL_MAX_LENGTH),
    );
    const response = await postJson(app, URL_PATH, { noProxy, urls });
    expect(response.statusCode).toBe(200);
  });
});

describe('POST /api/no-proxy/check with a bad body → 400 invalid_no_proxy_check', () => {
  it.each([
    ['null', null],
    ['an array', [['.corp.example']]],
    ['a string', '.corp.example'],
    ['a number', 42],
  ])('the body is %s', async (_, body) => {
    const issues = await issuesFor(body);
    expect(issues).toEqual([{ path: [], message: containing('Send an object') }]);
  });

  it('no body at all', async () => {
    const response = await app.inject({ method: 'POST', url: URL_PATH });
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toBe('invalid_no_proxy_check');
  });

  it('noProxy is missing', async () => {
    expect(await issuesFor({ urls: [] })).toEqual([
      { path: ['noProxy'], message: containing('required') },
    ]);
  });

  it.each([
    ['a string', '.corp.example,.example.com'],
    ['an object', { 0: '.corp.example' }],
    ['null', null],
  ])('noProxy is %s', async (_, noProxy) => {
    expect(paths(await issuesFor({ noProxy }))).toEqual(['noProxy']);
  });

  it('urls is not a list', async () => {
    expect(paths(await issuesFor({ noProxy: [], urls: 'https://a.example.com' }))).toEqual([
      'urls',
    ]);
  });

  it('names each entry and URL that is not a string', async () => {
    const issues = await issuesFor({ noProxy: ['ok', 7, null], urls: [true, 'https://ok'] });
    expect(paths(issues)).toEqual(['noProxy.1', 'noProxy.2', 'urls.0']);
  });

  it('too many entries, or an entry over 255 characters', async () => {
    const many = await issuesFor({ noProxy: Array.from({ length: 201 }, () => '.x'), urls: [] });
    expect(many).toEqual([{ path: ['noProxy'], message: containing('200') }]);
    const long = await issuesFor({ noProxy: ['.ok', 'x'.repeat(256)], urls: [] });
    expect(long).toEqual([{ path: ['noProxy', 1], message: containing('255') }]);
  });

  it(`too many URLs, or a URL over ${CHECK_URL_MAX_LENGTH} characters`, async () => {
    const many = await issuesFor({
      noProxy: [],
      urls: Array.from({ length: CHECK_URLS_MAX + 1 }, () => 'a.example'),
    });
    expect(many).toEqual([{ path: ['urls'], message: containing(String(CHECK_URLS_MAX)) }]);
    const long = await issuesFor({
      noProxy: [],
      urls: ['https://a.example', `https://a.example/${'p'.repeat(CHECK_URL_MAX_LENGTH)}`],
    });
    expect(long).toEqual([{ path: ['urls', 1], message: containing('2048') }]);
  });

  it.each(['', '   ', 'a b.example', 'https://', 'http://[::1', 'https://exa mple.com/'])(
    'an unreadable URL (%j) is an issue at its index',
    async (url) => {
      expect(routesFor([], url)).toBeUndefined();
      const issues = await issuesFor({ noProxy: [], urls: ['https://ok.example', url] });
      expect(issues).toEqual([{ path: ['urls', 1], message: containing('https://') }]);
    },
  );

  it('unknown keys are named', async () => {
    const issues = await issuesFor({ noProxy: [], urls: [], url: 'https://a.example' });
    expect(issues).toEqual([{ path: [], message: containing('"url"') }]);
  });

  it('lists every offending field at once', async () => {
    const issues = await issuesFor({
      noProxy: ['.ok', 5, 'y'.repeat(300)],
      urls: ['https://ok.example', '', 9],
      extra: true,
    });
    expect(paths(issues).sort()).toEqual(['', 'noProxy.1', 'noProxy.2', 'urls.1', 'urls.2']);
  });

  it('malformed JSON is the usual 400 invalid_json', async () => {
    const response = await app.inject({
      method: 'POST',
      url: URL_PATH,
      headers: { 'content-type': 'application/json' },
      payload: '{"noProxy": [',
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toBe('invalid_json');
  });

  it('GET is 405 with Allow: POST', async () => {
    const response = await app.inject({ url: URL_PATH });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });
});
