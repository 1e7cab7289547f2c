import * as fs from 'fs';
import { cliText, systemReason } from './messages';
import type { Locale } from '../core/base/types';

/**
 * An expected failure of a CLI command (a missing file, an unwritable output, a bad option):
 * the CLI prints its message as one line and exits with status 2, never a stack trace.
 */
export class CliError extends Error {}

/** A mistake in how the command was called; its message says what to run instead. */
export class UsageError extends CliError {}

/** The `code` of a Node.js system error (`ENOENT`, `EACCES`, …), or undefined for anything else. */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** Why a file operation failed, in words: “permission denied (EACCES)” (cli/messages.ts has the words in each language). */
export function reason(error: unknown, locale: Locale = 'en'): string {
  return systemReason(locale, systemErrorCode(error), error instanceof Error ? error.message : String(error));
}

/** Names of the standard output for `-o`/`--output`: `-`, and `/dev/stdout`, which cannot be opened when it is a pipe or a socket. */
export function isStandardOutput(target: string | undefined): boolean {
  return target === '-' || target === '/dev/stdout';
}


/** Writes the output of a command to a file, or to standard output for `-`; a failure is a CliError naming the file as `name`. */
export function writeOutput(target: string, content: string, stdout: (text: string) => void, name = target, locale: Locale = 'en'): void {
  if (isStandardOutput(target)) {
    stdout(content);
    return;
  }
  try {
    fs.writeFileSync(target, content);
  } catch (error) {
    throw new CliError(cliText(locale, 'error.cannotWrite', { file: name, reason: reason(error, locale) }));
  }
}
