import * as fs from 'fs';
import { cliText } from './messages';
import type { Locale } from '../core/base/types';

/** A file's text as UTF-8, and where it first is not UTF-8 (it is then read with U+FFFD in place of the bad bytes). */
export interface ReadText {
  text: string;
  notUtf8?: { line: number; column: number; byte: number };
}

/** Reads a plan for the CLI, noticing bytes that are not UTF-8 (a Latin-1 or Windows-1252 file, say). */
export function readText(filePath: string): ReadText {
  const bytes = fs.readFileSync(filePath);
  const text = bytes.toString('utf8');
  // Each U+FFFD of the text stands for bad bytes, unless the file holds the character itself (EF BF BD).
  for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) {
    const at = Buffer.byteLength(text.slice(0, index), 'utf8');
    if (bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) continue;
    const before = text.slice(0, index);
    return { text, notUtf8: { line: before.split('\n').length, column: index - (before.lastIndexOf('\n') + 1) + 1, byte: bytes[at] } };
  }
  return { text };
}

/** The warning the CLI prints for such a file. */
export function notUtf8Warning(file: string, problem: NonNullable<ReadText['notUtf8']>, locale: Locale = 'en'): string {
  const byte = problem.byte.toString(16).toUpperCase().padStart(2, '0');
  return `plan-as-code: ${cliText(locale, 'error.notUtf8', { file, byte, line: String(problem.line), column: String(problem.column) })}\n`;
}
