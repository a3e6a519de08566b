/**
 * Every reader a merged customer.env is handed to (issue 20, item 1), each returning the variables it
 * ends up with, or why it stopped:
 * - the `dotenv` package (what the wizard's own tests and many tools use);
 * - `sh`, `bash` and `dash` sourcing it with `set -a; . ./customer.env` (people do, to try a proxy);
 * - CARTO's install.sh: it builds `.env` from customer.env, then, under `set -o errexit` and
 *   `IFS=$'\n\t'`, cuts each `#` to the end of its line with sed and runs `export $line` for each
 *   line left (install.sh `_create_env_file` and `_run_post_checks`, CartoDB/carto-selfhosted@04f4f422;
 *   readWithInstallSh has the loop as written there);
 * - Docker Compose's env-file reader. docker compose cannot be installed here, so this is a small
 *   port of its parser, compose-go `dotenv/godotenv.go` + `dotenv/parser.go` @ e70e961c (what
 *   `env_file: .env` goes through), for the syntax these tests write: a leading BOM skipped, `\r` a
 *   blank, `#` lines skipped, `export `, the key characters it accepts (anything else is its error),
 *   unquoted values cut at ` #` and trimmed, quoted values to the closing quote. It refuses `$`
 *   rather than pretend to interpolate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dotenv from 'dotenv';

export type EnvReading = { ok: true; env: Record<string, string> } | { ok: false; error: string };

export function readWithDotenv(text: string): EnvReading {
  return { ok: true, env: dotenv.parse(text) };
}

/** Runs `script` with the file written as ./customer.env, in an empty environment; reads `env -0`. */
function runShell(shell: string, script: string, text: string): EnvReading {
  const dir = mkdtempSync(join(tmpdir(), 'env-reader-'));
  try {
    writeFileSync(join(dir, 'customer.env'), text);
    const run = spawnSync(shell, ['-c', `${script}\nenv -0`], {
      cwd: dir,
      env: { PATH: '/usr/bin:/bin' },
      // No stdin: bash run with a socket there reads ~/.bashrc.
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (run.error) throw run.error;
    if (run.status !== 0) return { ok: false, error: run.stderr || `exit ${run.status}` };
    const env: Record<string, string> = {};
    for (const entry of run.stdout.split('\0')) {
      const at = entry.indexOf('=');
      if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
    }
    return { ok: true, env };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `set -a; . ./customer.env`: every assignment exported. A line the shell cannot run is on stderr. */
export function sourceWithShell(shell: 'sh' | 'bash' | 'dash', text: string): EnvReading {
  return runShell(shell, 'set -a; . ./customer.env; set +a', text);
}

/** install.sh's own steps, as written there: the .env it builds, then its `export $line` loop. */
export function readWithInstallSh(text: string): EnvReading {
  return runShell(
    'bash',
    [
      'set -o nounset -o errexit -o pipefail',
      "IFS=$'\\n\\t'",
      '{ cat customer.env; echo; echo "CARTO_SELFHOSTED_VERSION=2026.8.11"; echo; } >.env',
      "for line in $(cat .env | sed 's/#.*//g'); do",
      '  export $line',
      'done',
    ].join('\n'),
    text,
  );
}

// compose-go parser.go isSpace: blanks that are not a line break.
const COMPOSE_BLANK = /[\t\v\f\r \u0085\u00a0]/;
const isBlank = (c: string | undefined) => c !== undefined && COMPOSE_BLANK.test(c);
// Go's unicode.IsSpace, which getStatementStart and the trims use.
const isGoSpace = (c: string | undefined) =>
  c !== undefined &&
  /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(c);

export function readWithCompose(file: string): EnvReading {
  // godotenv.go parseWithLookup: "seek past the UTF-8 BOM if it exists".
  let src = file.startsWith('\ufeff') ? file.slice(1) : file;
  const env: Record<string, string> = {};
  for (;;) {
    // getStatementStart: skip blanks and line breaks, then whole `#` lines.
    let at = 0;
    while (at < src.length && isGoSpace(src[at])) at++;
    src = src.slice(at);
    if (src === '') break;
    if (src.startsWith('#')) {
      const eol = src.indexOf('\n');
      if (eol < 0) break;
      src = src.slice(eol);
      continue;
    }
    // locateKeyName
    if (/^export\s/.test(src))
      src = src.slice('export'.length).replace(/^[\t\v\f\r \u0085\u00a0]+/, '');
    let key: string | undefined;
    let offset = 0;
    for (let i = 0; i < src.length; i++) {
      const c = src[i] ?? '';
      if (isBlank(c)) continue;
      if (c === '=' || c === ':' || c === '\n') {
        if (c === '\n') return { ok: false, error: 'an inherited variable (no =)' };
        key = src.slice(0, i);
        offset = i + 1;
        break;
      }
      if (!/[_.\-[\]\p{L}\p{N}]/u.test(c)) {
        return { ok: false, error: `unexpected character ${JSON.stringify(c)} in variable name` };
      }
    }
    if (key === undefined) return { ok: false, error: 'a variable name without a value' };
    key = key.replace(/\s+$/u, '');
    if (key.includes(' ')) return { ok: false, error: 'key cannot contain a space' };
    src = src.slice(offset).replace(/^[\t\v\f\r \u0085\u00a0]+/, '');
    // extractVarValue
    const quote = src[0];
    let value: string;
    if (quote === '"' || quote === "'") {
      let end = 1;
      let chars = '';
      for (; end < src.length; end++) {
        const c = src[end];
        if (c === '\\') return { ok: false, error: 'this reader does not port escapes' };
        if (c === quote) break;
        chars += c;
      }
      if (end >= src.length) return { ok: false, error: 'unterminated quoted value' };
      value = chars;
      src = src.slice(end + 1);
    } else {
      const eol = src.indexOf('\n');
      value = eol < 0 ? src : src.slice(0, eol);
      src = eol < 0 ? '' : src.slice(eol + 1);
      value = value.split(' #')[0] ?? '';
      while (isGoSpace(value.at(-1))) value = value.slice(0, -1);
    }
    if (value.includes('$')) return { ok: false, error: 'this reader does not port interpolation' };
    env[key] = value;
  }
  return { ok: true, env };
}
