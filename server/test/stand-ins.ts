/**
 * For the verify-carto.sh tests: stand-in `docker-compose` and `kubectl` executables, put first on PATH,
 * that answer `exec` from a fixture of container environments. `exec … CMD` runs CMD here with only the
 * fixture's variables (and PATH), so `env` prints the fixture, `test -r` looks at this machine's files and
 * `node -` is the local node reading the egress check from stdin. Every call is logged for the tests.
 * They are small sh scripts: a script run makes some twenty calls, cheap enough next to other tests.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ContainerFixture {
  /** Kubernetes: the namespace the deployments are in (the stand-in's current namespace is `default`). */
  namespace?: string;
  /** Compose service name, or `deployment` / `deployment/container`, to its environment. */
  containers: Record<string, Record<string, string>>;
}

/** `deployment/container` is stored as `deployment_container.env`. */
const fileOf = (key: string) => `${key.replace(/\//g, '_')}.env`;

const COMMON = `set -u
printf '%s\\t' "$tool" "$@" >>"$STANDIN_LOG"
printf '\\n' >>"$STANDIN_LOG"
run_in() {
  file="$STANDIN_DIR/containers/$(printf '%s' "$1" | tr / _).env"
  if [ ! -f "$file" ]; then echo "Error: no running container for $1" >&2; exit 1; fi
  shift
  # One NAME=value per line; no globbing of values such as *.corp.example.
  set -f
  IFS='
'
  # shellcheck disable=SC2046
  exec env -i PATH="$PATH" $(cat "$file") "$@"
}
unexpected() { echo "stand-in: unexpected $tool $*" >&2; exit 99; }
`;

const COMPOSE = `#!/bin/sh
tool=docker-compose
${COMMON}
if [ "$1" != exec ] || [ "$2" != -T ]; then unexpected "$@"; fi
key=$3
shift 3
run_in "$key" "$@"
`;

const KUBECTL = `#!/bin/sh
tool=kubectl
${COMMON}
namespace=default
if [ "$1" = --namespace ]; then namespace=$2; shift 2; fi
if [ "$1" = get ]; then
  name=''
  for arg in "$@"; do
    case $arg in metadata.name=*) name=\${arg#metadata.name=} ;; esac
  done
  for file in "$STANDIN_DIR/containers/$name.env" "$STANDIN_DIR/containers/$name"_*.env; do
    if [ -f "$file" ]; then cat "$STANDIN_DIR/namespace"; break; fi
  done
  exit 0
fi
if [ "$1" != exec ] || [ "$2" != -i ]; then unexpected "$@"; fi
if [ "$namespace" != "$(cat "$STANDIN_DIR/namespace")" ]; then
  echo "Error from server (NotFound): $3 in namespace $namespace" >&2
  exit 1
fi
target=\${3#deploy/}
shift 3
if [ "$1" = -c ]; then target="$target/$2"; shift 2; fi
if [ "$1" != -- ]; then unexpected "$@"; fi
shift
run_in "$target" "$@"
`;

export interface StandIns {
  /** Sets what the containers hold. */
  setFixture: (fixture: ContainerFixture) => void;
  /** Every call so far, as argument lists starting with the tool's name. */
  calls: () => string[][];
  /** The environment to run verify-carto.sh with: the stand-ins first on PATH. */
  env: Record<string, string>;
}

export function makeStandIns(): StandIns {
  const dir = mkdtempSync(join(tmpdir(), 'verify-stand-ins-'));
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  for (const [tool, body] of [
    ['docker-compose', COMPOSE],
    ['kubectl', KUBECTL],
  ] as const) {
    writeFileSync(join(dir, tool), body);
    chmodSync(join(dir, tool), 0o755);
  }
  return {
    setFixture: (fixture) => {
      const containers = join(dir, 'containers');
      rmSync(containers, { recursive: true, force: true });
      mkdirSync(containers);
      writeFileSync(join(dir, 'namespace'), fixture.namespace ?? 'default');
      for (const [key, env] of Object.entries(fixture.containers)) {
        const lines = Object.entries(env).map(([name, value]) => `${name}=${value}\n`);
        writeFileSync(join(containers, fileOf(key)), lines.join(''));
      }
    },
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('\t').slice(0, -1)),
    env: {
      PATH: `${dir}:${process.env.PATH ?? ''}`,
      STANDIN_DIR: dir,
      STANDIN_LOG: log,
    },
  };
}
