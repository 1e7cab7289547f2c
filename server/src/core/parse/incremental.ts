import type { Node } from 'yaml';
import { parseFast } from './fast';
import { runToEnd, type Steps } from '../base/steps';
import { collectComments, parseDocuments, parsePlan, Walker, type ParsedPlan, type SourceNode } from './parse';

/**
 * Plans are parsed in pieces: each top-level entry, and each item of a top-level list,
 * is a YAML document of its own. A keystroke changes one piece; the others are reused from the
 * previous version (shifted when the edit moved them), so typing costs a small parse, not a
 * whole one. Where the pieces might not add up to what a whole parse gives (anchors and
 * aliases, several documents, directives, tabs, a syntax error, a duplicate section), the
 * caller parses the whole text instead.
 */

/** Below this size (a few dozen lines) a whole parse by the library is fast enough. */
const INCREMENTAL_MIN_LENGTH = 2_000;

export interface Chunk {
  text: string;
  start: number;
  /** An entry `key: value` of the plan, or one item of the top-level list `section`. */
  section?: string;
  value: unknown;
  source: SourceNode | undefined;
}

/** What the parse of a large plan keeps for the next version. */
export interface ChunkedParse extends ParsedPlan {
  chunks: Chunk[];
}

interface Piece {
  start: number;
  end: number;
  /** Set for the items of a top-level list. */
  section?: string;
}

/**
 * The parse of a large plan, reusing the unchanged pieces of `previous`; undefined where a
 * whole parse is needed. Pieces in plain block YAML take the fast path (parse-fast.ts); when
 * too many pieces need the library, one whole parse is faster than many small ones, and it is
 * cut into pieces afterwards.
 */
export function parseIncrementally(text: string, previous: ParsedPlan | undefined, minLength = INCREMENTAL_MIN_LENGTH): ChunkedParse | undefined {
  return runToEnd(parseIncrementallySteps(text, previous, minLength));
}

/** Pieces parsed between two steps. */
const PIECES_PER_STEP = 250;

/** `parseIncrementally` in steps of a few hundred pieces. */
export function* parseIncrementallySteps(text: string, previous: ParsedPlan | undefined, minLength = INCREMENTAL_MIN_LENGTH): Steps<ChunkedParse | undefined> {
  if (text.length < minLength) return undefined;
  const pieces = split(text);
  if (!pieces) return undefined;
  const previousChunks = (previous as ChunkedParse | undefined)?.chunks;
  if (!previousChunks) {
    const parsed = yield* parsePieces(text, pieces);
    return parsed === MOSTLY_SLOW ? cutWhole(text, pieces) : parsed;
  }
  const reusable = new Map<string, Chunk[]>();
  for (const chunk of previousChunks) {
    const list = reusable.get(chunk.text);
    if (list) list.push(chunk);
    else reusable.set(chunk.text, [chunk]);
  }
  const chunks: Chunk[] = [];
  for (const piece of pieces) {
    const pieceText = text.slice(piece.start, piece.end);
    const old = reusable.get(pieceText)?.shift();
    const chunk = old ? moved(old, piece.start) : parseChunk(pieceText, piece);
    if (!chunk) return undefined;
    if (chunks.push(chunk) % PIECES_PER_STEP === 0) yield;
  }
  return assemble(text, chunks);
}

/**
 * Cuts the text at top-level keys, and a top-level list at its items. Undefined when the text
 * is not a plain top-level mapping, or has what pieces cannot share (document markers,
 * directives, tabs in indentation).
 */
export function split(text: string): Piece[] | undefined {
  const pieces: Piece[] = [];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let list: { section: string; indent: number } | undefined;
  let current: Piece | undefined;
  const close = (end: number) => {
    if (current) {
      current.end = end;
      pieces.push(current);
    }
  };
  for (const start of lineStarts) {
    const first = text[start];
    if (start >= text.length || first === '\n' || first === '\r' || first === '#') continue;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    const rest = text[start + indent];
    if (rest === '\n' || rest === '\r' || rest === '#' || rest === undefined) continue;
    if (rest === '\t' || (indent === 0 && (text.startsWith('---', start) || text.startsWith('...', start) || first === '%'))) return undefined;
    if (indent === 0 && first !== '-') {
      if (!/^[A-Za-z_$][\w$-]*:(?:[ ]|\r?$|\n)/.test(text.slice(start, start + 200))) return undefined;
      close(start);
      current = { start, end: text.length };
      // A list whose items start on the next lines: `goals:` alone on its line.
      list = /^[A-Za-z_$][\w$-]*:[ ]*(?:#.*)?\r?$/.test(text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start)))
        ? { section: text.slice(start, text.indexOf(':', start)), indent: -1 }
        : undefined;
      continue;
    }
    const dash = rest === '-' && /[ \r\n]/.test(text[start + indent + 1] ?? '\n');
    // The first line under `key:` tells whether its value is a list, and at which indentation.
    if (list?.indent === -1) list = dash ? { section: list.section, indent } : undefined;
    if (list && dash && indent === list.indent) {
      close(start);
      current = { start, end: text.length, section: list.section };
      continue;
    }
    if (!current) return undefined;
  }
  close(text.length);
  return pieces.length > 0 ? pieces : undefined;
}

/** What `parsePieces` says when so many pieces need the library that one whole parse is faster. */
const MOSTLY_SLOW = 'mostly slow';

/** Every piece on its own; undefined when one of them cannot be (a whole parse reports why). */
function* parsePieces(text: string, pieces: Piece[]): Steps<ChunkedParse | typeof MOSTLY_SLOW | undefined> {
  const chunks: Chunk[] = [];
  let slow = 0;
  for (const piece of pieces) {
    const pieceText = text.slice(piece.start, piece.end);
    let chunk = fastChunk(pieceText, piece);
    if (!chunk) {
      if (++slow > pieces.length / 8) return MOSTLY_SLOW;
      chunk = libraryChunk(pieceText, piece);
    }
    if (!chunk) return undefined;
    if (chunks.push(chunk) % PIECES_PER_STEP === 0) yield;
  }
  return assemble(text, chunks);
}

function parseChunk(text: string, piece: Piece): Chunk | undefined {
  return fastChunk(text, piece) ?? libraryChunk(text, piece);
}

function fastChunk(text: string, piece: Piece): Chunk | undefined {
  const fast = parseFast(text, piece.start);
  return fast && { text, start: piece.start, section: piece.section, ...fast };
}

function libraryChunk(text: string, piece: Piece): Chunk | undefined {
  const [doc, ...others] = parseDocuments(text);
  if (!doc || others.length > 0 || doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  if (!doc.contents) return { text, start: piece.start, section: piece.section, value: undefined, source: undefined };
  const walker = new Walker(doc, (offset) => offset + piece.start);
  const built = walker.build(doc.contents as Node, undefined);
  if (walker.linked) return undefined;
  return { text, start: piece.start, section: piece.section, value: built.value, source: built.source };
}

/** A whole parse, cut into the pieces that the next version can reuse. */
function cutWhole(text: string, pieces: Piece[]): ChunkedParse | undefined {
  const whole = parsePlan(text);
  const root = whole.root;
  if (whole.syntax.length > 0 || whole.linked || whole.extraDocuments.length > 0 || !root?.children || typeof whole.value !== 'object' || whole.value === null) return undefined;
  const data = whole.value as Record<string, unknown>;
  const chunks: Chunk[] = [];
  const itemsTaken = new Map<string, number>();
  for (const piece of pieces) {
    const pieceText = text.slice(piece.start, piece.end);
    if (piece.section !== undefined) {
      const index = itemsTaken.get(piece.section) ?? 0;
      itemsTaken.set(piece.section, index + 1);
      const items = data[piece.section];
      const source = root.children.get(piece.section)?.children?.get(index);
      if (!Array.isArray(items) || !source) return undefined;
      // As a parse of the piece alone gives it: a one-item list that starts at the dash.
      const dash = piece.start + pieceText.indexOf('-');
      chunks.push({ text: pieceText, start: piece.start, section: piece.section, value: [items[index]], source: { start: dash, end: source.end, children: new Map([[0, source]]) } });
      continue;
    }
    const key = root.keys?.find((entry) => entry.start >= piece.start && entry.start < piece.end);
    if (!key) return undefined;
    const source = root.children.get(key.key)!;
    // A list's own entry holds no items: they are pieces of their own.
    const listed = pieces.some((other) => other.section === key.key);
    const entrySource: SourceNode = listed ? { ...source, children: undefined, start: source.keyEnd ?? source.start, end: source.keyEnd ?? source.start } : source;
    chunks.push({ text: pieceText, start: piece.start, value: { [key.key]: listed ? null : data[key.key] }, source: { start: key.start, end: piece.end, keys: [key], children: new Map([[key.key, entrySource]]) } });
  }
  return { ...whole, chunks };
}

/** A chunk of the previous version, where it now starts. */
function moved(chunk: Chunk, start: number): Chunk {
  const delta = start - chunk.start;
  if (delta === 0) return chunk;
  return { ...chunk, start, source: chunk.source && shift(chunk.source, delta) };
}

function shift(node: SourceNode, delta: number): SourceNode {
  return node instanceof ShiftedNode ? new ShiftedNode(node.original, node.delta + delta) : new ShiftedNode(node, delta);
}

/**
 * A node of an earlier version, `delta` characters later. Its ranges are worked out when read,
 * and its children when first asked for: a keystroke moves every piece after it, and copying
 * all their nodes would cost more than the parse of the piece that changed.
 */
class ShiftedNode implements SourceNode {
  private shiftedChildren?: Map<string | number, SourceNode>;
  private shiftedKeys?: { key: string; start: number; end: number }[];

  constructor(
    readonly original: SourceNode,
    readonly delta: number,
  ) {}

  get start(): number {
    return this.original.start + this.delta;
  }
  get end(): number {
    return this.original.end + this.delta;
  }
  get keyStart(): number | undefined {
    return this.original.keyStart === undefined ? undefined : this.original.keyStart + this.delta;
  }
  get keyEnd(): number | undefined {
    return this.original.keyEnd === undefined ? undefined : this.original.keyEnd + this.delta;
  }
  get alias(): true | undefined {
    return this.original.alias;
  }
  get children(): Map<string | number, SourceNode> | undefined {
    const children = this.original.children;
    if (!children) return undefined;
    return (this.shiftedChildren ??= new Map([...children].map(([segment, child]) => [segment, shift(child, this.delta)])));
  }
  get keys(): { key: string; start: number; end: number }[] | undefined {
    const keys = this.original.keys;
    if (!keys) return undefined;
    return (this.shiftedKeys ??= keys.map((key) => ({ key: key.key, start: key.start + this.delta, end: key.end + this.delta })));
  }
}

/** The plan's data and source map from its pieces, as a whole parse would give them. */
function assemble(text: string, chunks: Chunk[]): ChunkedParse | undefined {
  const value: Record<string, unknown> = {};
  const children = new Map<string | number, SourceNode>();
  const keys: { key: string; start: number; end: number }[] = [];
  let list: { items: unknown[]; source: SourceNode } | undefined;
  for (const chunk of chunks) {
    if (chunk.section !== undefined) {
      if (!list || !Array.isArray(chunk.value) || !chunk.source?.children) return undefined;
      if (list.items.length === 0) list.source.start = chunk.source.start;
      for (const [index, item] of chunk.value.entries()) {
        list.source.children!.set(list.items.length, chunk.source.children.get(index)!);
        list.items.push(item);
      }
      list.source.end = chunk.source.end;
      continue;
    }
    list = undefined;
    const entries = chunk.source?.keys;
    if (!entries || entries.length !== 1 || typeof chunk.value !== 'object' || chunk.value === null) return undefined;
    const [{ key }] = entries;
    // A duplicate section is a syntax error that a whole parse reports.
    if (Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    let source = chunk.source!.children!.get(key)!;
    let item = (chunk.value as Record<string, unknown>)[key];
    if (item === null && chunks[chunks.indexOf(chunk) + 1]?.section === key) {
      const items: unknown[] = [];
      source = { start: source.start, end: source.end, keyStart: source.keyStart, keyEnd: source.keyEnd, children: new Map() };
      list = { items, source };
      item = items;
    }
    Object.defineProperty(value, key, { value: item, enumerable: true, writable: true, configurable: true });
    children.set(key, source);
    keys.push(entries[0]);
  }
  const root: SourceNode = { start: keys[0]?.start ?? 0, end: text.length, children, keys };
  return { text, value, root, syntax: [], extraDocuments: [], comments: collectComments(text), chunks };
}
