import * as fs from 'fs';

/**
 * An expected failure of a CLI command (a missing file, an unwritable output, a bad option):
 * the CLI prints its message as one line and exits with status 2, never a stack trace.
 */
export class CliError extends Error {}

/** A mistake in how the command was called; its message says what to run instead. */
export class UsageError extends CliError {}

/** Words for the errors the file system gives (Node.js `error.code`). */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENXIO: 'it cannot be opened for writing here (use -o - for standard output)',
  EPIPE: 'the reader went away',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'the file is busy',
  EINVAL: 'invalid file name',
};

/** The `code` of a Node.js system error (`ENOENT`, `EACCES`, …), or undefined for anything else. */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** Why a file operation failed, in words: "permission denied (EACCES)". */
export function reason(error: unknown): string {
  const code = systemErrorCode(error);
  if (code) return `${REASONS[code] ?? 'system error'} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Names of the standard output for `-o`/`--output`: `-`, and `/dev/stdout`, which cannot be opened when it is a pipe or a socket. */
export function isStandardOutput(target: string | undefined): boolean {
  return target === '-' || target === '/dev/stdout';
}


/** Writes the output of a command to a file, or to standard output for `-`; a failure is a CliError naming the file as `name`. */
export function writeOutput(target: string, content: string, stdout: (text: string) => void, name = target): void {
  if (isStandardOutput(target)) {
    stdout(content);
    return;
  }
  try {
    fs.writeFileSync(target, content);
  } catch (error) {
    throw new CliError(`cannot write ${name}: ${reason(error)}`);
  }
}
