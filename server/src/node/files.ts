import * as fs from 'fs';
import * as path from 'path';
import type { FileNotRead, ReadLimits } from '../core/base/files';
import { DEFAULT_MAX_FILE_SIZE } from '../core/check/config';

/**
 * The one way the language server and the CLI read a file the core asks for (plans, linked plans,
 * `.planrc.yaml`). Files come from a repository and are untrusted, so the file
 * - must be a regular file: a folder, a device, a pipe or a socket (directly or through a link)
 *   is never opened (a link to `/dev/zero` would never end, a pipe would wait for a writer);
 * - must have its real path (links followed) inside one of `roots`, when roots are given;
 * - must be at most `maxBytes` bytes, known from its size before reading; it is read through a
 *   file descriptor, at most `maxBytes + 1` bytes, in case it grew meanwhile.
 * Whatever happens, it answers at once, with the text or with why it was not read.
 */
export interface ReadOptions {
  /** Folders the file's real path must stay in; none: anywhere. */
  roots?: readonly string[];
  /** The most bytes read; a larger file is `too-large`. */
  maxBytes: number;
}

/** Where a file first is not UTF-8 (it is then read with U+FFFD in place of the bad bytes). */
export interface NotUtf8 {
  line: number;
  column: number;
  byte: number;
}

export type TextRead = { ok: true; text: string; notUtf8?: NotUtf8 } | ({ ok: false } & FileNotRead);

/** Opens a regular file without waiting: a file swapped for a pipe after the check must not block the open. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

export function readTextFile(filePath: string, options: ReadOptions): TextRead {
  const read = readFileBytes(filePath, options);
  return read.ok ? { ok: true, ...decodeUtf8(read.bytes) } : read;
}

/** The file's bytes, read as `readTextFile` reads them, not decoded. */
function readFileBytes(filePath: string, options: ReadOptions): { ok: true; bytes: Buffer } | ({ ok: false } & FileNotRead) {
  try {
    // `stat` follows links without opening anything: a link loop fails here with ELOOP.
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) return { ok: false, problem: 'not-a-file' };
    const real = fs.realpathSync(filePath);
    if (options.roots && !options.roots.some((root) => isInside(realRoot(root), real))) return { ok: false, problem: 'outside' };
    if (stat.size > options.maxBytes) return { ok: false, problem: 'too-large', size: stat.size };
    // The real path, not followed again (O_NOFOLLOW): what was checked is what is opened.
    const descriptor = fs.openSync(real, OPEN_FLAGS);
    try {
      const opened = fs.fstatSync(descriptor);
      if (!opened.isFile()) return { ok: false, problem: 'not-a-file' };
      if (opened.size > options.maxBytes) return { ok: false, problem: 'too-large', size: opened.size };
      const bytes = readAtMost(descriptor, options.maxBytes + 1, opened.size);
      if (bytes.length > options.maxBytes) return { ok: false, problem: 'too-large', size: Math.max(bytes.length, opened.size) };
      return { ok: true, bytes };
    } finally {
      fs.closeSync(descriptor);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'missing' };
    return { ok: false, problem: 'unreadable', detail: code ?? (error as Error).message };
  }
}

/** `PlanHost.readFile` over the disk: in `limits.root` if given, up to `limits.maxSize` bytes (by default `maxFileSize`'s default). */
export function readForCore(filePath: string, limits?: ReadLimits): string | FileNotRead {
  return asHostRead(readTextFile(filePath, coreReadOptions(limits)));
}

/** `readForCore`'s file as bytes (UTF-8, not decoded), for the workspace index. */
export function readBytesForCore(filePath: string, limits?: ReadLimits): Uint8Array | FileNotRead {
  const read = readFileBytes(filePath, coreReadOptions(limits));
  if (read.ok) return read.bytes;
  const { ok: _ok, ...notRead } = read;
  return notRead;
}

function coreReadOptions(limits: ReadLimits | undefined): ReadOptions {
  return { roots: limits?.root ? [limits.root] : undefined, maxBytes: limits?.maxSize ?? DEFAULT_MAX_FILE_SIZE };
}

/** The text, or why not, as the core's `PlanHost.readFile` answers. */
export function asHostRead(read: TextRead): string | FileNotRead {
  if (read.ok) return read.text;
  const { ok: _ok, ...notRead } = read;
  return notRead;
}

/** Whether `filePath` is `folder` or inside it. */
function isInside(folder: string, filePath: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** A root with its own links resolved (a workspace under a linked folder, `/tmp` on macOS). */
function realRoot(root: string): string {
  try {
    return fs.realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

/** At most `limit` bytes; `expected` (the size the file had) sizes the first read: a file that grew meanwhile is read on. */
function readAtMost(descriptor: number, limit: number, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, total === 0 ? expected + 1 : 1 << 20));
    const count = fs.readSync(descriptor, chunk, 0, chunk.length, null);
    if (count === 0) break;
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
    total += count;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** The bytes as UTF-8, and where they first are not UTF-8 (a Latin-1 or Windows-1252 file, say). */
function decodeUtf8(bytes: Buffer): { text: string; notUtf8?: NotUtf8 } {
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
