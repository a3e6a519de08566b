/**
 * For the verify-carto.sh tests: stand-in `docker-compose` and `kubectl` executables, put first on PATH,
 * that answer `exec` from a fixture of container environments. `exec … CMD` runs CMD here with only the
 * fixture's variables (and PATH), so `env` prints the fixture, `test -r` looks at this machine's files and
 * `node -` is the local node reading the egress check from stdin. Every call is logged for the tests.
 */
import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ContainerFixture {
  /** Kubernetes: the namespace the deployments are in (the stand-in's current namespace is `default`). */
  namespace?: string;
  /** Compose service name, or `deployment` / `deployment/container`, to its environment. */
  containers: Record<string, Record<string, string>>;
}

// Both stand-ins share this body; `tool` says which command line they parse.
const BODY = `
const { spawnSync } = require('child_process');
const fs = require('fs');
const fixture = JSON.parse(fs.readFileSync(process.env.STANDIN_FIXTURE, 'utf8'));
const args = process.argv.slice(2);
fs.appendFileSync(process.env.STANDIN_LOG, JSON.stringify([tool, ...args]) + '\\n');
function fail(message) {
  process.stderr.write(message + '\\n');
  process.exit(1);
}
function run(key, command) {
  const env = fixture.containers[key];
  if (env === undefined) fail('Error: no running container for ' + key);
  const result = spawnSync(command[0], command.slice(1), {
    env: Object.assign({ PATH: process.env.PATH }, env),
    stdio: 'inherit',
  });
  process.exit(result.status === null ? 1 : result.status);
}
if (tool === 'docker-compose') {
  if (args[0] !== 'exec' || args[1] !== '-T') fail('stand-in: unexpected ' + args.join(' '));
  run(args[2], args.slice(3));
}
let namespace = 'default';
if (args[0] === '--namespace') {
  namespace = args[1];
  args.splice(0, 2);
}
if (args[0] === 'get') {
  const selector = args.find((a) => a.startsWith('metadata.name=')) || '';
  const name = selector.slice('metadata.name='.length);
  const found = Object.keys(fixture.containers).some((k) => k.split('/')[0] === name);
  process.stdout.write(found ? fixture.namespace || 'default' : '');
  process.exit(0);
}
if (args[0] !== 'exec' || args[1] !== '-i') fail('stand-in: unexpected ' + args.join(' '));
if (namespace !== (fixture.namespace || 'default')) fail('Error from server (NotFound): namespace ' + namespace);
const dash = args.indexOf('--');
const target = args[2].replace(/^deploy\\//, '');
const container = args[3] === '-c' ? '/' + args[4] : '';
run(target + container, args.slice(dash + 1));
`;

export interface StandIns {
  /** PATH with the stand-ins first. */
  path: string;
  /** Sets what the containers hold. */
  setFixture: (fixture: ContainerFixture) => void;
  /** Every call so far, as argument lists starting with the tool's name. */
  calls: () => string[][];
  env: Record<string, string>;
}

export function makeStandIns(): StandIns {
  const dir = mkdtempSync(join(tmpdir(), 'verify-stand-ins-'));
  const fixtureFile = join(dir, 'fixture.json');
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  for (const tool of ['docker-compose', 'kubectl']) {
    const file = join(dir, tool);
    writeFileSync(file, `#!${process.execPath}\n'use strict';\nconst tool = '${tool}';\n${BODY}`);
    chmodSync(file, 0o755);
  }
  const path = `${dir}:${process.env.PATH ?? ''}`;
  return {
    path,
    setFixture: (fixture) => writeFileSync(fixtureFile, JSON.stringify(fixture)),
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as string[]),
    env: { PATH: path, STANDIN_FIXTURE: fixtureFile, STANDIN_LOG: log },
  };
}
