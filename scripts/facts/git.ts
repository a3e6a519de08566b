/**
 * Read-only access to a local clone (bare or not) of a CARTO repository: tags, commits and files at a
 * tag, without a work tree. Every call runs `git` with the arguments as a list (no shell).
 */
import { execFileSync } from 'node:child_process';

export class GitRepo {
  constructor(readonly dir: string) {}

  private git(args: readonly string[]): string {
    return execFileSync('git', ['--git-dir', this.gitDir(), ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  private cachedGitDir: string | undefined;

  /** The repository's git directory: `dir` itself for a bare clone, `dir/.git` otherwise. */
  private gitDir(): string {
    this.cachedGitDir ??= execFileSync('git', ['rev-parse', '--absolute-git-dir'], {
      cwd: this.dir,
      encoding: 'utf8',
    }).trim();
    return this.cachedGitDir;
  }

  tags(): string[] {
    return this.git(['tag', '--list'])
      .split('\n')
      .filter((t) => t !== '');
  }

  /** The commit a ref points to (tags peeled), as 40 hex digits. */
  commit(ref: string): string {
    return this.git(['rev-parse', `${ref}^{commit}`]).trim();
  }

  /** The committer date of a commit, YYYY-MM-DD (UTC). */
  date(ref: string): string {
    const iso = this.git(['show', '-s', '--format=%cI', `${ref}^{commit}`]).trim();
    return new Date(iso).toISOString().slice(0, 10);
  }

  /** A file's text at a ref, or undefined when the ref has no such file. */
  show(ref: string, path: string): string | undefined {
    try {
      return this.git(['show', `${ref}:${path}`]);
    } catch {
      return undefined;
    }
  }

  /** `path:match` for every match of the regular expression in files under `under` at a ref. */
  grepOnly(ref: string, pattern: string, under: string): { path: string; match: string }[] {
    let out: string;
    try {
      out = this.git(['grep', '-o', '-E', pattern, ref, '--', under]);
    } catch {
      return []; // git grep exits 1 when nothing matches
    }
    return out
      .split('\n')
      .filter((l) => l !== '')
      .map((line) => {
        const rest = line.slice(ref.length + 1);
        const colon = rest.indexOf(':');
        return { path: rest.slice(0, colon), match: rest.slice(colon + 1) };
      });
  }
}
