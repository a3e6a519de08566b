import net, { type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAnswer, parseProxyAnswer, probeConnect } from './connect.ts';
import type { ProxyEndpoint } from './proxy-socket.ts';

const TARGET = { domain: '*.example.com', host: 'www.example.com' };

describe('parseProxyAnswer', () => {
  it('reads the status, reason and headers (names lowercased, repeats kept)', () => {
    const answer = parseProxyAnswer(
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Negotiate\r\nproxy-authenticate: Basic realm="x"\r\nVia: 1.1 squid',
    );
    expect(answer).toEqual({
      status: 407,
      reason: 'Proxy Authentication Required',
      headers: new Map([
        ['proxy-authenticate', ['Negotiate', 'Basic realm="x"']],
        ['via', ['1.1 squid']],
      ]),
    });
  });

  it('accepts HTTP/1.0 and a missing reason', () => {
    expect(parseProxyAnswer('HTTP/1.0 200')).toMatchObject({ status: 200, reason: '' });
  });

  it('makes the reason printable and short', () => {
    const answer = parseProxyAnswer(`HTTP/1.1 403 Denied\u0007 by ACL ${'x'.repeat(300)}`);
    expect(answer?.reason).toMatch(/^Denied\? by ACL x+$/);
    expect(answer?.reason.length).toBe(120);
  });

  it.each(['SSH-2.0-OpenSSH_9.6', 'HTTP/2 200', 'HTTP/1.1 20 OK', '', 'http/1.1 200 OK'])(
    '%j is not an HTTP/1.x answer',
    (head) => expect(parseProxyAnswer(head)).toBeUndefined(),
  );
});

describe('judgeAnswer', () => {
  const judge = (head: string) => {
    const answer = parseProxyAnswer(head);
    if (!answer) throw new Error('unreadable');
    return judgeAnswer(answer, TARGET);
  };

  it.each([
    ['HTTP/1.1 200 Connection established', 'allowed'],
    ['HTTP/1.0 200 OK', 'allowed'],
    ['HTTP/1.1 204 No Content', 'allowed'],
    ['HTTP/1.1 403 Forbidden', 'blocked'],
    ['HTTP/1.1 407 Proxy Authentication Required', 'auth-required'],
    ['HTTP/1.1 502 Bad Gateway', 'error'],
    ['HTTP/1.1 503 Service Unavailable', 'error'],
    ['HTTP/1.1 400 Bad Request', 'error'],
    ['HTTP/1.1 405 Method Not Allowed', 'error'],
    ['HTTP/1.1 301 Moved Permanently', 'error'],
  ])('%s → %s', (head, status) => expect(judge(head).status).toBe(status));

  it('names the allowlist domain to add on a 403', () => {
    expect(judge('HTTP/1.1 403 Forbidden').detail).toContain('allow *.example.com');
  });

  it('names the authentication scheme on a 407, and never repeats its parameters', () => {
    const { detail } = judge(
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="secret-realm"',
    );
    expect(detail).toContain('407, Basic');
    expect(detail).not.toContain('secret-realm');
  });

  it('points a 502 at the proxy’s own outbound access', () => {
    expect(judge('HTTP/1.1 502 Bad Gateway').detail).toContain(
      'could not reach www.example.com:443',
    );
  });
});

describe('probeConnect against odd proxies', () => {
  /** A TCP server that does `behaviour` with each connection. */
  let servers: net.Server[] = [];
  const sockets = new Set<Socket>();
  async function serve(behaviour: (socket: Socket) => void): Promise<ProxyEndpoint> {
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      behaviour(socket);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { protocol: 'http', host: '127.0.0.1', port, verifyCertificate: true };
  }
  beforeAll(() => {
    servers = [];
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });
  // Every proxy here answers, or hangs up, well before this: a limit that a busy machine never
  // reaches, so no test depends on timing (issue 20, item 2).
  const probe = (proxy: ProxyEndpoint, timeout = 20_000) =>
    probeConnect(proxy, TARGET, timeout, new AbortController().signal);

  it('sends CONNECT host:443 with a Host header and a User-Agent', async () => {
    let received = '';
    const proxy = await serve((socket) =>
      socket.once('data', (chunk: Buffer) => {
        received = chunk.toString('latin1');
        socket.end('HTTP/1.1 200 Connection established\r\n\r\n');
      }),
    );
    expect(await probe(proxy)).toMatchObject({ status: 'allowed', httpStatus: 200 });
    expect(received).toMatch(
      /^CONNECT www\.example\.com:443 HTTP\/1\.1\r\nHost: www\.example\.com:443\r\nUser-Agent: carto-proxy-wizard\/\S+ preflight\r\n\r\n$/,
    );
  });

  it('reads an answer split over several packets', async () => {
    const proxy = await serve((socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 40');
        setTimeout(() => socket.end('3 Forbidden\r\nVia: squid\r\n\r\n'), 20);
      }),
    );
    expect(await probe(proxy)).toMatchObject({ status: 'blocked', httpStatus: 403 });
  });

  it('something that is not an HTTP proxy → error at once', async () => {
    const proxy = await serve((socket) => socket.write('SSH-2.0-OpenSSH_9.6\r\n'));
    expect(await probe(proxy)).toMatchObject({
      status: 'error',
      httpStatus: null,
      detail: expect.stringContaining('not HTTP') as unknown,
    });
  });

  it('a proxy that hangs up without answering → error', async () => {
    const proxy = await serve((socket) => socket.once('data', () => socket.end()));
    expect(await probe(proxy)).toMatchObject({
      status: 'error',
      detail: expect.stringContaining('without answering') as unknown,
    });
  });

  it('an answer head that never ends → error, without waiting for the timeout', async () => {
    const proxy = await serve((socket) =>
      socket.once('data', () => socket.write(`HTTP/1.1 200 OK\r\nX: ${'y'.repeat(20_000)}`)),
    );
    // With a limit longer than the test's own, waiting for it would fail the test: no clock needed.
    expect(await probe(proxy, 3_600_000)).toMatchObject({
      status: 'error',
      detail: expect.stringContaining('16 KiB') as unknown,
    });
  });

  it('refuses a host that is not a DNS name, without connecting', async () => {
    let connected = false;
    const proxy = await serve(() => (connected = true));
    for (const host of ['evil.example:22', 'a b', 'x\r\nHost: y', '10.0.0.1']) {
      const result = await probeConnect(
        proxy,
        { domain: host, host },
        1_000,
        new AbortController().signal,
      );
      expect(result).toMatchObject({ status: 'error', detail: 'Not a DNS name: not checked.' });
    }
    expect(connected).toBe(false);
  });
});
