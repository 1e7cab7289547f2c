/**
 * What Plan as Code asks git (`plan-as-code diff`, and a plan's text at the revision an approval
 * names): run with argument arrays (never through a shell), without a pager, prompts or a file
 * system monitor, within a time limit, and with a cap on what is read back.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import type { RevisionRead } from '../core/base/files';

/** A problem to tell the user in one line (exit status 2). */
export class GitError extends Error {}

/** Largest plan read from a revision, in bytes (a plan's characters are capped again after decoding). */
export const MAX_BLOB_BYTES = 8 * 1024 * 1024;
/** Largest listing (changed files, revisions) read back from git. */
const MAX_LISTING_BYTES = 32 * 1024 * 1024;

/** A git command that takes longer is given up (a repository on a network share that hangs). */
const GIT_TIMEOUT_MS = 10_000;

const SHALLOW_HINT = 'fetch more history: git fetch --unshallow';

interface RunResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

export class Git {
  private shallow: boolean | undefined;

  private constructor(readonly root: string) {}

  /** The repository holding `cwd`, or a `GitError` saying it is not one. */
  static open(cwd: string): Git {
    const result = run(cwd, ['rev-parse', '--show-toplevel'], MAX_LISTING_BYTES);
    if (result.status !== 0) throw new GitError(`${cwd} is not in a git repository: run plan-as-code diff inside one, or give it two plan files to compare`);
    return new Git(result.stdout.toString('utf8').trim());
  }

  private git(args: string[], maxBuffer = MAX_LISTING_BYTES): RunResult {
    return run(this.root, args, maxBuffer);
  }

  isShallow(): boolean {
    this.shallow ??= this.git(['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
    return this.shallow;
  }

  /** The commit a revision names, or undefined. */
  commit(revision: string): string | undefined {
    const result = this.git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    const sha = result.stdout.toString('utf8').trim();
    return result.status === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
  }

  /** The commit a revision names, or a `GitError` that says why there is none. */
  resolve(revision: string): string {
    const sha = this.commit(revision);
    if (sha) return sha;
    if (revision === 'HEAD') throw new GitError('the repository has no commit yet: commit the plans first');
    const shallow = this.isShallow() ? ` (this is a shallow clone: ${SHALLOW_HINT})` : '';
    throw new GitError(`unknown revision "${revision}"${shallow}`);
  }

  /** The branch that changes are compared with by default: `origin/HEAD`, else `main`, else `master`. */
  defaultBranch(): string {
    const remoteHead = this.git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).stdout.toString('utf8').trim();
    for (const candidate of [remoteHead, 'main', 'master', 'origin/main', 'origin/master']) {
      if (candidate && this.commit(candidate)) return candidate;
    }
    throw new GitError('no default branch to compare with (origin/HEAD, main or master): name the revision, e.g. plan-as-code diff HEAD~1');
  }

  /** The merge base of two commits, or a `GitError` (with the shallow-clone remedy when that is the cause). */
  mergeBase(a: string, b: string, names: [string, string]): string {
    const result = this.git(['merge-base', a, b]);
    const sha = result.stdout.toString('utf8').trim();
    if (result.status === 0 && sha) return sha;
    if (this.isShallow()) throw new GitError(`${names[0]} and ${names[1]} have no merge base in this shallow clone: ${SHALLOW_HINT}`);
    throw new GitError(`${names[0]} and ${names[1]} have no common history: name the revisions to compare`);
  }

  /**
   * Plans (`*.plan.yaml`, `*.plan.yml`) that differ between a commit and another commit or the
   * working tree (`to` undefined: then untracked plans count as added), renames followed.
   */
  changedPlans(from: string, to: string | undefined): { status: 'added' | 'removed' | 'changed'; path: string; previousPath?: string }[] {
    const args = ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', '--ignore-submodules', from, ...(to ? [to] : []), '--', '*.plan.yaml', '*.plan.yml'];
    const result = this.git(args);
    if (result.status !== 0) throw new GitError(`git diff failed: ${firstLine(result.stderr)}`);
    const fields = result.stdout.toString('utf8').split('\0');
    const out: { status: 'added' | 'removed' | 'changed'; path: string; previousPath?: string }[] = [];
    for (let index = 0; index < fields.length - 1; ) {
      const code = fields[index++];
      if (code.startsWith('R') || code.startsWith('C')) {
        const previousPath = fields[index++];
        const path = fields[index++];
        // A copy leaves the original where it was: the copy is a new plan.
        out.push(code.startsWith('R') ? { status: 'changed', path, previousPath } : { status: 'added', path });
      } else {
        const path = fields[index++];
        out.push({ status: code === 'A' ? 'added' : code === 'D' ? 'removed' : 'changed', path });
      }
    }
    if (!to) {
      const untracked = this.git(['ls-files', '--others', '--exclude-standard', '-z', '--', '*.plan.yaml', '*.plan.yml']);
      for (const path of untracked.stdout.toString('utf8').split('\0')) if (path) out.push({ status: 'added', path });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** A file's bytes at a commit (path relative to the repository's root), or undefined when it has none. */
  read(commit: string, path: string): Buffer | undefined {
    const spec = `${commit}:${path}`;
    const size = this.git(['cat-file', '-s', spec]);
    if (size.status !== 0) return undefined;
    const bytes = Number(size.stdout.toString('utf8').trim());
    if (!(bytes <= MAX_BLOB_BYTES)) throw new GitError(`${path} at ${commit.slice(0, 12)} is ${bytes} bytes, over the ${MAX_BLOB_BYTES} bytes a plan may have`);
    const blob = this.git(['cat-file', 'blob', spec], MAX_BLOB_BYTES + 1);
    if (blob.status !== 0) return undefined;
    return blob.stdout;
  }

  /** A short name for a commit: `main (1a2b3c4)`. */
  describe(revision: string, commit: string): string {
    return revision === commit ? commit.slice(0, 12) : `${revision} (${commit.slice(0, 7)})`;
  }
}

function run(cwd: string, args: string[], maxBuffer: number): RunResult {
  // A repository's own configuration must not make git run a program (core.fsmonitor).
  const result = spawnSync('git', ['--no-pager', '-c', 'core.quotePath=false', '-c', 'core.fsmonitor=false', ...args], {
    cwd,
    maxBuffer,
    timeout: GIT_TIMEOUT_MS,
    windowsHide: true,
    // No prompts for credentials, no locks taken on the index, messages in English.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', LANGUAGE: 'C' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitError('git is not installed (or not on the PATH): plan-as-code diff needs it to read revisions');
    if (code === 'ETIMEDOUT') throw new GitError(`git ${args[0]} took more than ${GIT_TIMEOUT_MS / 1000} s`);
    if (code === 'ENOBUFS') throw new GitError(`git ${args[0]} printed more than ${maxBuffer} bytes`);
    throw new GitError(`git ${args[0]} failed: ${result.error.message}`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/**
 * A plan's text at a revision (an approval's `revision`), for the editor and the CLI: the file at
 * the same path relative to its repository's root. Never throws: a folder outside git, an
 * unknown revision, a plan absent at that revision or too large are said as such.
 */
export function readAtRevision(filePath: string, revision: string, maxSize: number): RevisionRead {
  let git: Git;
  try {
    git = Git.open(path.dirname(filePath));
  } catch {
    return { problem: 'no-repository' };
  }
  try {
    const commit = git.commit(revision);
    if (!commit) return { problem: 'unknown-revision', shallow: git.isShallow() };
    const relative = path.relative(git.root, filePath).split(path.sep).join('/');
    const bytes = git.read(commit, relative);
    if (!bytes) return { problem: 'absent', commit };
    if (bytes.length > maxSize) return { problem: 'too-large', commit };
    return { text: bytes.toString('utf8'), commit };
  } catch (error) {
    return { problem: 'git-failed', detail: error instanceof GitError ? error.message : String(error) };
  }
}
