/**
 * For the preflight tests: a real forward proxy on 127.0.0.1, made with Node's `http` (or `https`)
 * server and its `connect` event, that answers CONNECT from an ACL like Squid would: 200 then a
 * tunnel, 403, 407, 502, or no answer at all. Allowed tunnels go to an echo server that is also on
 * 127.0.0.1: the proxy never resolves the names it is asked for, so no traffic leaves loopback.
 * The HTTPS variant's CA and certificate come from shared's test-support/certificates.ts.
 *
 * @see {@link https://nodejs.org/docs/latest-v20.x/api/http.html#event-connect}
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';

/** What the proxy does with `CONNECT host:port`; anything not in the ACL is denied. */
export type ProxyVerdict = 'allow' | 'deny' | 'auth' | 'hang' | 'bad-gateway';

export interface TestProxy {
  port: number;
  /** Every CONNECT authority asked for, in order. */
  connects: string[];
  /** TCP connections accepted (reach checks and TLS handshakes included). */
  connections: () => number;
  /** CONNECT requests whose connection is still open (a hanging one stays until the client leaves). */
  openTunnels: () => number;
  /** The most CONNECT connections that were open at once. */
  peakTunnels: () => number;
  close: () => Promise<void>;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startTestProxy(
  acl: Readonly<Record<string, ProxyVerdict>>,
  tls?: { key: string; cert: string },
): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  // The far end of allowed tunnels: echoes whatever comes through, never goes anywhere.
  const upstream = net.createServer((socket) => {
    track(socket);
    socket.on('error', () => socket.destroy());
    socket.pipe(socket);
  });
  const upstreamPort = await listen(upstream);

  const server: Server = tls
    ? createHttpsServer({ key: tls.key, cert: tls.cert })
    : createHttpServer();
  server.on('request', (_request, response) => response.writeHead(405).end());
  let connections = 0;
  server.on('connection', (socket: Socket) => {
    connections += 1;
    track(socket);
  });
  // A client that leaves during the handshake (the reach check) is not an error.
  server.on('tlsClientError', () => undefined);
  server.on('clientError', (_error, socket) => socket.destroy());
  const connects: string[] = [];
  let open = 0;
  let peak = 0;
  server.on('connect', (request, socket: Socket) => {
    const authority = request.url ?? '';
    connects.push(authority);
    open += 1;
    peak = Math.max(peak, open);
    socket.once('close', () => (open -= 1));
    socket.on('error', () => socket.destroy());
    const verdict = acl[authority] ?? 'deny';
    // Read (and drop) what the client sends, so its leaving is seen; the HTTP server's sockets
    // allow half-open connections, so close our side then too.
    if (verdict !== 'allow') socket.resume().once('end', () => socket.end());
    if (verdict === 'hang') return;
    if (verdict === 'deny') {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    } else if (verdict === 'auth') {
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n',
      );
    } else if (verdict === 'bad-gateway') {
      socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    } else {
      const tunnel = net.connect(upstreamPort, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
        tunnel.pipe(socket).pipe(tunnel);
      });
      tunnel.on('error', () => socket.destroy());
      socket.on('close', () => tunnel.destroy());
    }
  });
  const port = await listen(server);

  return {
    port,
    connects,
    connections: () => connections,
    openTunnels: () => open,
    peakTunnels: () => peak,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([closeServer(server), closeServer(upstream)]);
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await closeServer(server);
  return port;
}

// The certificates live with the other test support in shared, for its tests too.
export { makeCertificates, type TestCertificates } from '@wizard/shared/test-support/certificates';

/**
 * Records every outgoing TCP connection the process starts (`net.connect`, `tls.connect`, fetch…)
 * while it is on, by wrapping `net.Socket.prototype.connect`, which all of them go through.
 */
export function recordConnections(): { seen: string[]; stop: () => void } {
  const seen: string[] = [];
  const prototype = net.Socket.prototype as unknown as {
    connect: (...args: unknown[]) => unknown;
  };
  const original = prototype.connect;
  prototype.connect = function (this: Socket, ...args: unknown[]) {
    const first: unknown = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    if (typeof first === 'object' && first !== null) {
      const { host, port, path } = first as { host?: string; port?: number; path?: string };
      seen.push(path ?? `${host ?? 'localhost'}:${String(port)}`);
    } else if (typeof first === 'number' || typeof first === 'string') {
      seen.push(`${typeof args[1] === 'string' ? args[1] : 'localhost'}:${String(first)}`);
    }
    return original.apply(this, args);
  };
  return { seen, stop: () => (prototype.connect = original) };
}
