/**
 * Starting servers the way users start them, as child processes, for the benchmarks that measure
 * what a visitor or an operator gets: the command in package.json's `serve` script (run by `sh`,
 * without npm's own start-up in front of it, which is the same for every npm script) and, as the
 * baseline, a bare Fastify app with one route.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './web-build.ts';

export interface RunningServer {
  origin: string;
  /** Milliseconds from spawn to the first 200 from /api/health. */
  startMs: number;
  stop: () => Promise<void>;
}

/** A port nothing listens on right now (the OS picks it; closed again before the server takes it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The `serve` script of the root package.json, e.g. `NODE_ENV=production node dist/server/main.js`. */
export function serveCommand(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = pkg.scripts.serve;
  if (!command) throw new Error('package.json has no serve script');
  return command;
}

/** The baseline: Fastify with default options and a health route, nothing else. */
export const BARE_FASTIFY_COMMAND = `node --input-type=module -e "
import Fastify from 'fastify';
const app = Fastify();
app.get('/api/health', () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
"`;

async function healthy(origin: string, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (performance.now() - started > 30_000) throw new Error(`${origin} never became healthy`);
  }
}

/** Runs `command` with PORT set (in the repository root) and waits for /api/health to answer 200. */
export async function startServer(command: string): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // Its own process group, so stopping it stops what `sh` started too; PATH as npm sets it.
  const child = spawn('sh', ['-c', command], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  try {
    return { origin, startMs: await healthy(origin, child, started), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
