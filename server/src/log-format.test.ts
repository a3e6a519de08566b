/**
 * Issue 21, item 11: `npm start` speaks to a person in a terminal (one line saying where to open the
 * wizard, one short line per request) and writes JSON lines for machines. The built server is started
 * as `npm start` starts it (server/dist, built by the test setup).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logFormat, openUrl, startLine } from './log-format.ts';

describe('logFormat', () => {
  it('is readable in a terminal and JSON elsewhere, unless LOG_FORMAT says', () => {
    expect(logFormat(undefined, true)).toBe('pretty');
    expect(logFormat(undefined, false)).toBe('json');
    expect(logFormat('json', true)).toBe('json');
    expect(logFormat('pretty', false)).toBe('pretty');
    expect(logFormat('xml', true)).toBeInstanceOf(Error);
  });
});

describe('startLine', () => {
  it('names the address a person opens', () => {
    expect(startLine('127.0.0.1', 8080)).toBe('CARTO proxy wizard: open http://localhost:8080');
    expect(openUrl('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(openUrl('wizard.corp.example', 80)).toBe('http://wizard.corp.example:80');
    expect(openUrl('fd00::1', 8080)).toBe('http://[fd00::1]:8080');
  });
});

describe('pino-pretty is loaded only when the readable format is used', () => {
  it('is imported dynamically, never at the top of a module the server loads', () => {
    const source = readFileSync(resolve(import.meta.dirname, 'log-format.ts'), 'utf8');
    expect(source).not.toMatch(/^import .* from 'pino-pretty'/m);
    expect(source).toContain("await import('pino-pretty')");
  });
});

const MAIN = resolve(import.meta.dirname, '../dist/main.js');
let child: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

/** Starts the built server on a free port; resolves once stdout shows `until`. */
function start(env: Record<string, string>, until: RegExp): Promise<{ out: () => string }> {
  child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  let out = '';
  return new Promise((resolveStart, reject) => {
    child?.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (until.test(out)) resolveStart({ out: () => out });
    });
    child?.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

async function waitFor(read: () => string, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 200 && !pattern.test(read()); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('npm start', () => {
  it('in the readable format: one line to open, then one line per request', async () => {
    const { out } = await start({ LOG_FORMAT: 'pretty' }, /open http:\/\/localhost:\d+/);
    const port = /open http:\/\/localhost:(\d+)/.exec(out())?.[1];
    expect(out()).toMatch(/^\s*CARTO proxy wizard: open http:\/\/localhost:\d+$/m);
    await fetch(`http://127.0.0.1:${port}/api/health`);
    await waitFor(out, /GET \/api\/health 200 \d+ ms/);
    expect(out()).toMatch(/INFO.*GET \/api\/health 200 \d+ ms/);
    // No JSON objects, and no "incoming request" / "request completed" pair.
    expect(out()).not.toMatch(/^\{/m);
    expect(out()).not.toContain('incoming request');
  });

  it('without a terminal (or LOG_FORMAT=json): JSON lines only', async () => {
    const { out } = await start({ LOG_FORMAT: '' }, /open http:\/\/localhost:\d+/);
    const port = /open http:\/\/localhost:(\d+)/.exec(out())?.[1];
    await fetch(`http://127.0.0.1:${port}/api/health`);
    await waitFor(out, /request completed/);
    const lines = out().trim().split('\n');
    const records = lines.map((line) => JSON.parse(line) as { msg?: string });
    expect(records.map((r) => r.msg)).toContain(
      `CARTO proxy wizard: open http://localhost:${port}`,
    );
  });
});
