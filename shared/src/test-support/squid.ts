/**
 * For the tests that prove squid-allowlist.conf with the real thing (issue 9, item 10): Debian's
 * Squid, started as a child process on 127.0.0.1 with a minimal squid.conf that `include`s the
 * generated ACL and denies everything else, and a TCP "origin" on 127.x.y.z:443 for the tunnels
 * Squid opens.
 *
 * Nothing leaves loopback: Squid resolves names only from its own hosts file (every name the
 * test maps goes to a loopback address), its DNS server is 127.0.0.1, where nothing answers, and
 * a denied CONNECT is refused before any lookup (dstdomain matches the name in the request).
 *
 * @see {@link https://www.squid-cache.org/Doc/config/} (every directive used below)
 * @see ../../reference/no-proxy-semantics.md §5.2
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  chownSync,
  constants,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net, { type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const INSTALL_HINT =
  'These tests run the real Squid: install it (Debian: apt-get install squid; .ci/run does it).';

/** The squid binary: Debian installs it in /usr/sbin, which a non-root PATH often lacks. */
export function squidPath(): string {
  const dirs = ['/usr/sbin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    const candidate = join(dir, 'squid');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error(`squid was not found in /usr/sbin or on PATH. ${INSTALL_HINT}`);
}

const isRoot = () => process.getuid?.() === 0;

/** Squid refuses to run as root; started by root it switches to this user (Debian's default). */
const SQUID_USER = 'proxy';

/** The user Squid switches to when started by root, as uid and gid. */
function squidUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, SQUID_USER], { stdio: 'pipe' }));
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      `Started as root, Squid switches to the user "${SQUID_USER}", which does not exist. ${INSTALL_HINT}`,
    );
  }
}

export interface SquidOptions {
  /** The squid-allowlist.conf to include: as rendered, or edited by the test. */
  allowlist: string;
  /** Squid's whole hosts file, name → address. Any other name does not resolve (after ~1.5 s). */
  hosts?: Readonly<Record<string, string>>;
  /**
   * Listen as an HTTPS proxy (`https_port`, TLS to the proxy itself) with this certificate and
   * key, in PEM; plain HTTP (`http_port`) without it.
   */
  tls?: { cert: string; key: string };
}

/**
 * A minimal squid.conf around the ACL: the include, then `http_access deny all`, as the ACL's
 * own header says to paste it. Everything Squid writes stays in `dir`; no disk cache, no ICMP
 * pinger, no netdb, and a quick shutdown and DNS failure so the tests stay fast.
 */
function writeConfig(dir: string, port: number, options: SquidOptions): string {
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const allowlist = file('squid-allowlist.conf', options.allowlist);
  const hosts = file(
    'hosts',
    Object.entries(options.hosts ?? {})
      .map(([name, address]) => `${address} ${name}\n`)
      .join(''),
  );
  const listen = options.tls
    ? `https_port 127.0.0.1:${port} tls-cert=${file('proxy.crt', options.tls.cert)} tls-key=${file('proxy.key', options.tls.key)}`
    : `http_port 127.0.0.1:${port}`;
  const lines = [
    listen,
    ...(isRoot() ? [`cache_effective_user ${SQUID_USER}`] : []),
    'visible_hostname squid-under-test',
    `pid_filename ${join(dir, 'squid.pid')}`,
    `cache_log ${join(dir, 'cache.log')}`,
    `access_log stdio:${join(dir, 'access.log')}`,
    'cache_store_log none',
    `coredump_dir ${dir}`,
    'netdb_filename none',
    'pinger_enable off',
    'cache deny all',
    'cache_mem 0 MB',
    'shutdown_lifetime 0 seconds',
    `hosts_file ${hosts}`,
    'dns_nameservers 127.0.0.1',
    'dns_timeout 1 seconds',
    'dns_retransmit_interval 100 milliseconds',
    'connect_timeout 2 seconds',
    'connect_retries 0',
    `include ${allowlist}`,
    'http_access deny all',
  ];
  return file('squid.conf', `${lines.join('\n')}\n`);
}

export interface SquidParse {
  /** `squid -k parse` exited 0. */
  ok: boolean;
  /** Its WARNING, ERROR and FATAL lines (Squid warns, and goes on, about overlapping domains). */
  problems: string[];
  output: string;
}

/** `squid -k parse` on the minimal squid.conf that includes `allowlist`. */
export function parseSquidConfig(allowlist: string): Promise<SquidParse> {
  const squid = squidPath();
  const dir = mkdtempSync(join(tmpdir(), 'squid-parse-'));
  const config = writeConfig(dir, 3128, { allowlist });
  return new Promise((resolve) => {
    execFile(squid, ['-k', 'parse', '-f', config], { timeout: 20_000 }, (error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      const output = `${stdout}${stderr}`;
      const problems = output.split('\n').filter((line) => /\b(WARNING|ERROR|FATAL)\b/.test(line));
      resolve({ ok: error === null, problems, output });
    });
  });
}

/** A port on 127.0.0.1 that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

export interface RealSquid {
  port: number;
  /** `CONNECT authority` through this Squid (plain HTTP only), and the status of its answer. */
  connect: (authority: string) => Promise<number>;
  /** access.log so far, one request a line (`… TCP_DENIED/403 … CONNECT host:443 …`). */
  accessLog: () => string[];
  /** Stops Squid and removes its directory. */
  close: () => Promise<void>;
}

const STARTUP_MS = 20_000;

/**
 * Ends Squid with SIGKILL: even with `shutdown_lifetime 0` a SIGTERM takes a second, per instance.
 * Nothing is lost: there is no cache, the logs are thrown away with the directory, its shared
 * memory is removed after it (removeSegments), and with `-N` and no helpers configured Squid has
 * no child processes to leave behind.
 */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

let instances = 0;

/**
 * Squid keeps shared-memory segments in /dev/shm named after its service name (`squid-cf__queues.shm`,
 * …), even with `-N`: instances with the same name race to unlink and create them ("shm_open: File
 * exists"). Each instance gets its own name, and its segments are removed once it is gone.
 */
function serviceName(): string {
  instances += 1;
  return `wizardtest${process.pid}n${instances}`;
}

function removeSegments(service: string): void {
  let names: string[];
  try {
    names = readdirSync('/dev/shm');
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(`${service}-`)) rmSync(join('/dev/shm', name), { force: true });
  }
}

async function startOnce(options: SquidOptions, squid: string): Promise<RealSquid | 'port-taken'> {
  const dir = mkdtempSync(join(tmpdir(), 'squid-run-'));
  const service = serviceName();
  const port = await freePort();
  const config = writeConfig(dir, port, options);
  if (isRoot()) {
    // Squid writes its logs after switching to that user.
    const { uid, gid } = squidUser();
    chownSync(dir, uid, gid);
    for (const name of readdirSync(dir)) chownSync(join(dir, name), uid, gid);
  }
  // -N: one process in the foreground, no daemon, no kid: the child is Squid itself.
  const child = spawn(squid, ['-n', service, '-N', '-f', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killOnExit = () => {
    child.kill('SIGKILL');
    removeSegments(service);
  };
  process.once('exit', killOnExit);
  const cleanUp = async () => {
    await stop(child);
    process.removeListener('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
    removeSegments(service);
  };

  const deadline = Date.now() + STARTUP_MS;
  while (!(await canConnect(port))) {
    const exited = child.exitCode !== null || child.signalCode !== null;
    if (exited || Date.now() > deadline) {
      const log = `${stderr}${readOr(join(dir, 'cache.log'), '')}`;
      await cleanUp();
      if (exited && /Address already in use|cannot bind/i.test(log)) return 'port-taken';
      throw new Error(
        `Squid did not start listening on 127.0.0.1:${port} ${exited ? `(it exited with ${child.exitCode ?? child.signalCode})` : `within ${STARTUP_MS / 1000} s`}:\n${log.slice(-3_000)}`,
      );
    }
    await sleep(50);
  }
  return {
    port,
    connect: (authority) => {
      if (options.tls) throw new Error('connect() speaks plain HTTP; this Squid is an HTTPS proxy');
      return connectStatus(port, authority);
    },
    accessLog: () => readOr(join(dir, 'access.log'), '').split('\n').filter(Boolean),
    close: cleanUp,
  };
}

/** Starts a real Squid on 127.0.0.1 (a free port) with the ACL; `close` it in `afterAll`. */
export async function startSquid(options: SquidOptions): Promise<RealSquid> {
  const squid = squidPath();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const started = await startOnce(options, squid);
    if (started !== 'port-taken') return started;
  }
  throw new Error('Squid found its port taken three times in a row.');
}

/**
 * Sends `CONNECT authority` to the proxy on 127.0.0.1:port and resolves with the status of the
 * answer (the connection is closed as soon as it is read: nothing goes through the tunnel).
 */
export function connectStatus(
  port: number,
  authority: string,
  timeoutMs = 10_000,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`No answer to CONNECT ${authority} within ${timeoutMs} ms`)),
    );
    socket.once('connect', () =>
      socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`),
    );
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      if (match) {
        socket.destroy();
        resolve(Number(match[1]));
      } else if (head.length > 12) {
        socket.destroy(new Error(`Not an HTTP answer to CONNECT ${authority}: ${head}`));
      }
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error(`Squid closed CONNECT ${authority} unanswered`)));
  });
}

export interface LoopbackOrigin {
  /** The 127.x.y.z address it listens on, port 443: map the allowed names to it. */
  address: string;
  /** TCP connections accepted so far (each one a tunnel Squid opened). */
  connections: () => number;
  close: () => Promise<void>;
}

const randomLoopback = () =>
  `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/**
 * The far end of the tunnels: a TCP listener on port 443 (the only port the ACL allows) of a random
 * 127.x.y.z address, so test files running at once each have their own. It accepts and then
 * closes when the client does, or when the client starts TLS (there is no TLS here: curl's
 * handshake fails after the CONNECT answer it reports). Port 443 needs root, or a lowered
 * net.ipv4.ip_unprivileged_port_start; CI runs as root.
 */
export async function startLoopbackOrigin(): Promise<LoopbackOrigin> {
  const sockets = new Set<Socket>();
  let connections = 0;
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const address = randomLoopback();
    const server = net.createServer((socket) => {
      connections += 1;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.once('data', () => socket.destroy());
      socket.once('end', () => socket.end());
    });
    const bound = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve);
      server.listen(443, address, () => resolve(undefined));
    });
    if (bound?.code === 'EADDRINUSE') continue;
    if (bound?.code === 'EACCES') {
      throw new Error(
        `Cannot listen on ${address}:443 (EACCES): the tunnels Squid opens must end on port 443, the only port the ACL allows. Run the tests as root (CI does), or allow unprivileged ports: sysctl net.ipv4.ip_unprivileged_port_start=443.`,
      );
    }
    if (bound) throw bound;
    return {
      address,
      connections: () => connections,
      close: () =>
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    };
  }
  throw new Error('Port 443 was taken on ten random loopback addresses.');
}
