/**
 * `carto-proxy-wizard`: the wizard for automation, with the same validation and renderer as the
 * API and the browser, so the files it writes are byte-identical to what they give (PRODUCT.md §1).
 * `runCli` takes its arguments and I/O as parameters so tests drive it without a child process.
 *
 * @see {@link https://nodejs.org/docs/latest-v20.x/api/util.html#utilparseargsconfig}
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  renderAll,
  validateAnswers,
  WIZARD_VERSION,
  type AnswerIssue,
  type Answers,
  type Warning,
} from '@wizard/shared';
import {
  describeHandEdits,
  HandEditNeeded,
  MERGE_KIND_FOR_METHOD,
  mergeFile,
  mergeKindOfPath,
  methodOfMergeKind,
  type MergedFile,
} from '@wizard/shared/import/index';
import { capIssues } from './issues.ts';
import { writeFiles } from './output-files.ts';
import {
  backUp,
  decodeUserText,
  readUserText,
  UserFileError,
  writeAtomic,
  writeTarget,
} from './user-files.ts';

/** A refusal as is; anything else as the system said it. */
function userFileMessage(error: unknown, label: string): string {
  return error instanceof UserFileError ? error.message : `cannot read ${label}: ${String(error)}`;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Relative paths in the arguments are resolved against this folder. */
  cwd: string;
  /** Reads all of standard input, for the answers file `-`. */
  readStdin: () => Promise<string>;
  /** The environment `verify` runs docker-compose / kubectl with (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Exit statuses: success, a failure while writing, and anything the user can fix in the input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const HINT = 'Run carto-proxy-wizard --help for usage.\n';

export const USAGE = `Usage: carto-proxy-wizard render <answers.json> (--out <dir> | --json)
       carto-proxy-wizard merge --answers <answers.json> --into <customer.env | customizations.yaml> [--write]
       carto-proxy-wizard verify <answers.json> [--release <name>] [--namespace <namespace>] [--json]

Writes the proxy configuration for CARTO Self-hosted, and what the proxy admin needs,
from an answers document (the same JSON that POST /api/render takes).

Commands:
  render <answers.json>  Validate the answers and render every output file.
                         Use - to read the answers from standard input.
  merge                  Print your own customer.env (docker-compose answers) or Helm values
                         file (helm answers) with its proxy settings replaced and every other
                         line left as it was.
  verify <answers.json>  Check that CARTO's running containers have these settings and get out
                         through the proxy: runs the download's verify-carto.sh for the answers
                         (docker-compose in the current folder, kubectl otherwise).

Options:
  -o, --out <dir>  Write the files into <dir> (created if missing; files there are replaced).
      --json       Print the render result (files, noProxy, allowlist, egress, warnings, nextSteps) as JSON.
      --answers <answers.json>  (merge) The answers document.
      --into <file>             (merge) The file to merge into: *.yaml or *.yml is Helm values,
                                anything else a customer.env.
      --write                   (merge) Replace the file in place, keeping a copy as <file>.bak
                                (or .bak.1, .bak.2… when that exists: no backup is replaced).
      --release <name>          (verify, Kubernetes) The release name (default carto).
  -n, --namespace <namespace>   (verify, Kubernetes) The namespace (default: kubectl's current one).
  -h, --help       Show this help.
  -v, --version    Print the wizard version.

Exit status: 0 done, 2 invalid usage or answers (the issues are listed on stderr),
1 the files could not be written, or (verify) a check did not pass.
`;

/** `deployment.method`, `excludedDomains[2]`: how an issue path reads in a terminal. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(answers)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}

function formatIssues(issues: readonly AnswerIssue[]): string {
  return capIssues(issues)
    .map((issue) => `  ${formatPath(issue.path)}: ${issue.message}\n`)
    .join('');
}

function formatWarning(warning: Warning): string {
  const where = warning.path.length > 0 ? ` (${formatPath(warning.path)})` : '';
  return `${warning.severity}: ${warning.message}${where}\n`;
}

/**
 * Why the text is not JSON, by line and column only: V8's own message quotes the text around the
 * error, which could be a password the user is about to be told not to send.
 */
function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const position = /at position (\d+)/.exec(String(error))?.[1];
    if (position === undefined) return 'it is not valid JSON';
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    return `it is not valid JSON (line ${line}, column ${column})`;
  }
}

/** Reads and validates an answers document; on failure says why on stderr and returns undefined. */
async function readAnswers(file: string, io: CliIo): Promise<Answers | undefined> {
  let text: string;
  const label = file === '-' ? 'standard input' : file;
  try {
    // The same size and encoding checks as the files merge reads (issue 13, items 9 and 14).
    text =
      file === '-'
        ? decodeUserText(Buffer.from(await io.readStdin()), label).text
        : (await readUserText(resolve(io.cwd, file), label)).text;
  } catch (error) {
    io.stderr(`error: ${userFileMessage(error, label)}\n`);
    return undefined;
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  text = text.replace(/^\uFEFF/, '');
  const problem = jsonProblem(text);
  if (problem !== undefined) {
    io.stderr(`error: cannot read ${label}: ${problem}.\n`);
    return undefined;
  }
  const validation = validateAnswers(JSON.parse(text));
  if (!validation.ok) {
    io.stderr(
      `error: ${label} is not a valid answers document:\n${formatIssues(validation.issues)}`,
    );
    return undefined;
  }
  return validation.answers;
}

async function render(file: string, options: { out?: string; json: boolean }, io: CliIo) {
  const answers = await readAnswers(file, io);
  if (answers === undefined) return EXIT_USAGE;
  const result = renderAll(answers);
  for (const warning of result.warnings) io.stderr(formatWarning(warning));
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  if (options.out !== undefined) {
    try {
      await writeFiles(resolve(io.cwd, options.out), result.files);
    } catch (error) {
      io.stderr(`error: cannot write the files: ${(error as Error).message}\n`);
      return EXIT_FAILURE;
    }
    // With --json, stdout is the JSON document alone; the summary would corrupt it.
    const say = options.json ? io.stderr : io.stdout;
    say(`Wrote ${result.files.length} files to ${options.out}:\n`);
    for (const written of result.files) say(`  ${written.name}\n`);
    say(`Next: read ${options.out.replace(/\/$/, '')}/README.md.\n`);
  }
  return EXIT_OK;
}

/**
 * `merge`: the user's own file with the proxy settings replaced, through the same shared merge as the
 * browser (issue 5). The file's other settings (passwords, license keys) are never printed to stderr.
 */
async function merge(options: { answers: string; into: string; write: boolean }, io: CliIo) {
  const answers = await readAnswers(options.answers, io);
  if (answers === undefined) return EXIT_USAGE;
  const kind = mergeKindOfPath(options.into);
  const helm = kind === 'helm';
  const expected = methodOfMergeKind(kind);
  if (MERGE_KIND_FOR_METHOD[answers.deployment.method] !== kind) {
    io.stderr(
      `error: ${options.into} is ${helm ? 'Helm values' : 'a customer.env'}, which only ${expected} answers can be merged into (the answers say ${answers.deployment.method}).\n`,
    );
    return EXIT_USAGE;
  }
  const path = resolve(io.cwd, options.into);
  let original: string;
  try {
    ({ text: original } = await readUserText(path, options.into));
  } catch (error) {
    io.stderr(`error: ${userFileMessage(error, options.into)}\n`);
    return EXIT_USAGE;
  }
  let merged: MergedFile;
  try {
    merged = mergeFile(kind, original, answers);
  } catch (error) {
    io.stderr(`error: ${options.into}: ${(error as Error).message}\n`);
    // Which lines to change and the exact text (issue 20, item 3).
    if (error instanceof HandEditNeeded) io.stderr(describeHandEdits(error.edits));
    return EXIT_USAGE;
  }
  // The same words with or without --write, on stderr so that stdout stays the file alone.
  for (const note of merged.notes) io.stderr(`note: ${options.into}: ${note}\n`);
  if (!options.write) {
    io.stdout(merged.text);
    return EXIT_OK;
  }
  if (merged.text === original) {
    io.stderr(`${options.into} already has these proxy settings: nothing to change.\n`);
    return EXIT_OK;
  }
  let backup: string;
  try {
    // The file itself (through a link the user named), a new backup beside it that never replaces
    // an earlier one, then the merged text in place at once (issue 13, item 12).
    const target = await writeTarget(path, options.into);
    backup = await backUp(target.path);
    await writeAtomic(target.path, merged.text, target.mode);
  } catch (error) {
    if (error instanceof UserFileError) {
      io.stderr(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`error: cannot write ${options.into}: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
  io.stderr(`Updated ${options.into} (the previous version is ${backup}).\n`);
  return EXIT_OK;
}

/**
 * `verify`: runs the very verify-carto.sh the download holds for these answers (issue 12), so the CLI
 * and the script share one set of expectations; its report and exit status are passed through.
 */
async function verify(
  file: string,
  options: { release?: string; namespace?: string; json: boolean },
  io: CliIo,
) {
  const answers = await readAnswers(file, io);
  if (answers === undefined) return EXIT_USAGE;
  const compose = answers.deployment.method === 'docker-compose';
  if (compose && (options.release !== undefined || options.namespace !== undefined)) {
    io.stderr(
      `error: --release and --namespace are for Kubernetes installations; these answers are for docker-compose.\n${HINT}`,
    );
    return EXIT_USAGE;
  }
  const script = renderAll(answers).files.find((f) => f.name === 'verify-carto.sh');
  if (script === undefined) throw new Error('renderAll gave no verify-carto.sh');
  const args = [
    ...(options.release !== undefined ? ['--release', options.release] : []),
    ...(options.namespace !== undefined ? ['--namespace', options.namespace] : []),
    ...(options.json ? ['--json'] : []),
  ];
  const dir = await mkdtemp(join(tmpdir(), 'carto-verify-'));
  try {
    const path = join(dir, 'verify-carto.sh');
    await writeFile(path, script.content);
    return await new Promise<number>((done) => {
      const child = spawn('sh', [path, ...args], {
        cwd: io.cwd,
        env: io.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // Decoded as streams: a character split across two chunks stays whole.
      child.stdout.setEncoding('utf8').on('data', (text: string) => io.stdout(text));
      child.stderr.setEncoding('utf8').on('data', (text: string) => io.stderr(text));
      child.on('error', (error) => {
        io.stderr(`error: cannot run sh: ${error.message}\n`);
        done(EXIT_FAILURE);
      });
      child.on('close', (code) => done(code ?? EXIT_FAILURE));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        json: { type: 'boolean', default: false },
        answers: { type: 'string' },
        into: { type: 'string' },
        write: { type: 'boolean', default: false },
        release: { type: 'string' },
        namespace: { type: 'string', short: 'n' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}\n${HINT}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${WIZARD_VERSION}\n`);
    return EXIT_OK;
  }
  const [command, file, ...extra] = positionals;
  if (command === undefined) {
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  if (command === 'merge') {
    if (file !== undefined || values.answers === undefined || values.into === undefined) {
      io.stderr(`error: merge takes --answers <answers.json> and --into <file>.\n${HINT}`);
      return EXIT_USAGE;
    }
    return merge({ answers: values.answers, into: values.into, write: values.write }, io);
  }
  if (command === 'verify') {
    if (file === undefined || extra.length > 0) {
      io.stderr(`error: verify takes exactly one answers file (or - for stdin).\n${HINT}`);
      return EXIT_USAGE;
    }
    return verify(
      file,
      { release: values.release, namespace: values.namespace, json: values.json },
      io,
    );
  }
  if (command !== 'render') {
    io.stderr(`error: unknown command ${JSON.stringify(command)}.\n${HINT}`);
    return EXIT_USAGE;
  }
  if (file === undefined || extra.length > 0) {
    io.stderr(`error: render takes exactly one answers file (or - for stdin).\n${HINT}`);
    return EXIT_USAGE;
  }
  if (values.out === undefined && !values.json) {
    io.stderr(`error: say where the result goes: --out <dir> or --json.\n${HINT}`);
    return EXIT_USAGE;
  }
  return render(file, { out: values.out, json: values.json }, io);
}

/** Entry point for bin/carto-proxy-wizard.mjs: the process's own arguments and streams. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return decodeUserText(Buffer.concat(chunks), 'standard input').text;
    },
  });
}
