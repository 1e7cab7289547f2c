/**
 * Why a file was not read. Files come from a repository and are untrusted: the host reads only
 * regular files whose real path stays inside the workspace, and nothing over the size limit.
 * - `missing`: there is no such file (or a link leads nowhere);
 * - `not-a-file`: a folder, a device, a pipe or a socket (directly or through a link): never opened;
 * - `outside`: its real path (links followed) leaves the folder it must stay in;
 * - `too-large`: over the limit, known from its size before reading;
 * - `unreadable`: anything else (no permission, a loop of links, an I/O error).
 */
export type FileProblem = 'missing' | 'not-a-file' | 'outside' | 'too-large' | 'unreadable';

/** A file that was not read, and why. */
export interface FileNotRead {
  problem: FileProblem;
  /** For `too-large`: its size in bytes (in characters for a text the host holds in memory). */
  size?: number;
  /** For `unreadable`: the system's error code, e.g. `ELOOP` or `EACCES`. */
  detail?: string;
}

/** What the core asks of a read: where the file must stay and how large it may be. */
export interface ReadLimits {
  /** The folder the file's real path must stay in; without it, the host's own rule. */
  root?: string;
  /** The most bytes the host reads; a larger file is `too-large`. Without it, the default `maxFileSize`. */
  maxSize?: number;
}

/**
 * A plan's text at a git revision, or why there is none: `no-repository` (the plan is not in a
 * git repository), `unknown-revision` (the repository has no such commit; `shallow`: it may be
 * in the history a shallow clone left out), `absent` (no file at the plan's path then),
 * `too-large`, `git-failed` (git missing, too slow, or failing: `detail` says how).
 */
export type RevisionRead =
  | { text: string; commit: string }
  | { problem: 'no-repository' | 'unknown-revision' | 'absent' | 'too-large' | 'git-failed'; commit?: string; shallow?: boolean; detail?: string };
