/**
 * Runs the generated check-proxy.sh for real, with curl, against a CONNECT proxy on 127.0.0.1 that answers
 * like Squid does: 200 for allowed domains, 403 for the others, 407 for one asking for credentials.
 * The proxy never connects anywhere, so no traffic leaves the loopback interface.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAnswers } from '../answers.ts';
import { renderAll } from './index.ts';

// pubsub.googleapis.com: Helm (every release) and Kots before 2025.9.11 reach it (D2).
const ALLOWED = new Set([
  'auth.carto.com:443',
  'registry.self-hosted.carto.com:443',
  'pubsub.googleapis.com:443',
]);
const NEEDS_AUTH = 'docker.io:443';

let proxy: Server;
let port = 0;
const seen: string[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, socket: Socket) => {
    const target = req.url ?? '';
    seen.push(target);
    const status = ALLOWED.has(target)
      ? '200 Connection established'
      : target === NEEDS_AUTH
        ? '407 Proxy Authentication Required'
        : '403 Forbidden';
    // After a 200 the client starts TLS with the "origin"; closing the tunnel ends the check.
    socket.end(`HTTP/1.1 ${status}\r\n\r\n`);
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  port = (proxy.address() as AddressInfo).port;
});

afterAll(async () => {
  proxy.closeAllConnections();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
});

function run(script: string): Promise<{ code: number; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'check-proxy-run-'));
  const path = join(dir, 'check-proxy.sh');
  writeFileSync(path, script);
  return new Promise((resolve) => {
    execFile('sh', [path], { timeout: 60_000 }, (error, stdout) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout });
    });
  });
}

describe('check-proxy.sh through a real CONNECT proxy', () => {
  it('reports allowed, blocked and auth-required domains, and fails when any is not allowed', async () => {
    const validation = validateAnswers({
      // An IPv4 proxy host: given a release whose Admin Console accepts it (D3).
      deployment: { method: 'kots', release: '2025.7.16', kubernetesServiceIp: '10.96.0.1' },
      proxy: { protocol: 'http', host: '127.0.0.1', port },
      services: ['geocoding-tomtom'],
    });
    if (!validation.ok) throw new Error('invalid');
    const script = renderAll(validation.answers).files.find((f) => f.name === 'check-proxy.sh');
    const { code, stdout } = await run(script?.content ?? '');

    expect(stdout).toMatch(/^allowed +auth\.carto\.com$/m);
    expect(stdout).toMatch(/^allowed +\*\.self-hosted\.carto\.com$/m);
    expect(stdout).toMatch(/^AUTH \(407\) +docker\.io /m);
    expect(stdout).toMatch(/^BLOCKED \(403\) +api\.tomtom\.com /m);
    // docker.io asks for credentials; the Docker Hub hosts (D6) and TomTom are blocked.
    expect(stdout).toMatch(/^BLOCKED \(403\) +registry-1\.docker\.io /m);
    expect(stdout).toContain('3 allowed, 5 blocked, 0 errors');
    expect(code).toBe(1);
    expect(seen).toEqual(expect.arrayContaining([...ALLOWED, NEEDS_AUTH, 'api.tomtom.com:443']));
  });

  it('succeeds when every domain is allowed', async () => {
    const validation = validateAnswers({
      deployment: { method: 'helm' },
      proxy: { protocol: 'http', host: '127.0.0.1', port },
    });
    if (!validation.ok) throw new Error('invalid');
    const script = renderAll(validation.answers).files.find((f) => f.name === 'check-proxy.sh');
    const { code, stdout } = await run(script?.content ?? '');
    expect(stdout).toContain('3 allowed, 0 blocked, 0 errors');
    expect(code).toBe(0);
  });
});
