import type { Document, Node, YAMLError } from 'yaml';
import { parseFast } from './fast';
import { runToEnd, type Steps } from '../base/steps';
import { sharedEnds } from '../base/text';
import { pushTo } from '../base/lists';
import { collectComments, ExpansionLimit, inheritLineIndex, firstPerLine, LINKED, moveToOpeningQuotes, parseDocuments, parsePlan, toProblem, Walker, type ParsedPlan, type SourceNode, type SyntaxProblem } from './parse';

/**
 * Plans are parsed in pieces: each top-level entry, and each item of a top-level list,
 * is a YAML document of its own. A keystroke changes one piece; the others are reused from the
 * previous version (shifted when the edit moved them), so typing costs a small parse, not a
 * whole one.
 *
 * A piece that does not parse (the normal state in the middle of typing: an open quote, a
 * bracket not yet closed, a colon not yet followed by a value) is parsed by the library, whose
 * errors are what the user needs, in a region that starts at that piece and runs on until a
 * piece reads again exactly as it reads alone (`parseRegion`): from there on the pieces are in
 * step with a whole parse again. Where the pieces cannot add up to what a whole parse gives
 * (anchors and aliases, several documents, directives, tabs, a duplicate section), the caller
 * parses the whole text instead.
 */

/** Below this size (a few dozen lines) a whole parse by the library is fast enough. */
const INCREMENTAL_MIN_LENGTH = 2_000;

export interface Chunk {
  text: string;
  start: number;
  /** An entry `key: value` of the plan, or items of the top-level list `section`. */
  section?: string;
  value: unknown;
  source: SourceNode | undefined;
  /** The line after the piece when it was parsed (`firstLine`). */
  follow?: string;
  /** Cut from the parse of a region around a broken piece: what it holds depends on its neighbours, so it is never reused. */
  region?: true;
  /** The parse that last reused it (a chunk is reused once per parse). */
  takenBy?: object;
}

/** What the parse of a large plan keeps for the next version. */
export interface ChunkedParse extends ParsedPlan {
  chunks: Chunk[];
  /** How the text was cut (`split`): the next version cuts again only what its edit touched. */
  pieces?: readonly Piece[];
  /**
   * The chunks of clean pieces that a region took in (an open quote swallows the pieces after
   * it): once the mistake is fixed they read as before, and the next version reuses them.
   */
  spare?: Chunk[];
}

export interface Piece {
  start: number;
  end: number;
  /** Set for the items of a top-level list. */
  section?: string;
}

/**
 * The parse of a large plan, reusing the unchanged pieces of `previous`; undefined where a
 * whole parse is needed. Pieces in plain block YAML take the fast path (fast.ts); when
 * too many pieces need the library, one whole parse is faster than many small ones, and it is
 * cut into pieces afterwards (or, with a syntax error, kept whole).
 */
export function parseIncrementally(text: string, previous: ParsedPlan | undefined, minLength = INCREMENTAL_MIN_LENGTH): ParsedPlan | undefined {
  return runToEnd(parseIncrementallySteps(text, previous, minLength));
}

/** Pieces parsed between two steps. */
const PIECES_PER_STEP = 250;

/** `parseIncrementally` in steps of a few hundred pieces. */
export function* parseIncrementallySteps(text: string, previous: ParsedPlan | undefined, minLength = INCREMENTAL_MIN_LENGTH): Steps<ParsedPlan | undefined> {
  if (text.length < minLength) return undefined;
  const reusable = new Reusable(text, previous as ChunkedParse | undefined);
  const previousPieces = (previous as ChunkedParse | undefined)?.pieces;
  const pieces = previousPieces && previous ? splitAfterEdit(text, previous.text, previousPieces, reusable.prefix, reusable.suffix) : split(text);
  if (!pieces) return undefined;
  const previousChunks = (previous as ChunkedParse | undefined)?.chunks;
  // Regions may parse up to three times the text (an open quote near the top runs to the end, after a try or two): beyond, a whole parse is the cheaper way to the same result.
  const budget: Budget = { left: 3 * text.length };
  // Undefined where a piece is broken: `resolve` parses a region around it.
  const chunks: (Chunk | undefined)[] = [];
  let slow = 0;
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index];
    const follow = firstLine(text, pieces[index + 1]);
    const old = reusable.take(piece, follow);
    let chunk = old && moved(old, piece.start);
    if (!chunk) {
      chunk = fastChunk(text, pieces, index, follow);
      // With nothing to reuse, many pieces off the fast path cost more than one whole parse.
      if (!chunk && !previousChunks && ++slow > pieces.length / 8) return cutWhole(text, pieces);
      chunk ??= libraryChunk(text, pieces, index, follow, budget);
    }
    if (chunks.push(chunk) % PIECES_PER_STEP === 0) yield;
  }
  const parsed = yield* resolve(text, pieces, chunks, budget);
  if (parsed && previous?.text !== undefined) inheritLineIndex(parsed, previous, reusable.prefix, reusable.suffix);
  if (parsed && 'chunks' in parsed) (parsed as ChunkedParse).pieces = pieces;
  return parsed;
}

/**
 * The chunks of the previous version, found again for the pieces whose text (and following
 * line) did not change: first where the piece was (before the edit) or where the edit moved
 * it (after it); else among those of its length, wherever they were. Compared in place.
 */
class Reusable {
  /** The spare chunks by where they start (the previous version's own are found by a binary search: they are in order). */
  private readonly spareByStart = new Map<number, Chunk>();
  private byLength: Map<number, Chunk[]> | undefined;
  /** Marks the chunks this parse took (on the chunks themselves: no set of thousands per keystroke). */
  private readonly token = {};
  private readonly delta: number;
  /** What the edit left as it was: the text's first `prefix` and last `suffix` characters are the previous version's. */
  readonly prefix: number = 0;
  readonly suffix: number = 0;

  constructor(
    private readonly text: string,
    private readonly previous: ChunkedParse | undefined,
  ) {
    this.delta = previous?.text === undefined ? 0 : text.length - previous.text.length;
    if (previous?.text !== undefined) ({ prefix: this.prefix, suffix: this.suffix } = sharedEnds(previous.text, text));
    for (const chunk of previous?.spare ?? []) if (!chunk.region && !this.spareByStart.has(chunk.start)) this.spareByStart.set(chunk.start, chunk);
  }

  /** The previous version's chunks that can be reused: not cut from a region; those a region took in too. */
  private all(): Chunk[] {
    return [...(this.previous?.chunks ?? []), ...(this.previous?.spare ?? [])].filter((chunk) => !chunk.region);
  }

  /** The reusable chunk of the previous version that started at `start`. */
  private startingAt(start: number): Chunk | undefined {
    const chunks = this.previous?.chunks ?? [];
    let low = 0;
    let high = chunks.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = chunks[middle].start;
      if (at === start) {
        if (!chunks[middle].region) return chunks[middle];
        break;
      }
      if (at < start) low = middle + 1;
      else high = middle - 1;
    }
    return this.spareByStart.get(start);
  }

  /** Whether the piece is text the edit left alone, where a chunk of the previous version starting at `start` was cut from. */
  private untouched(piece: Piece, start: number): boolean {
    return (start === piece.start && piece.end <= this.prefix) || (start === piece.start - this.delta && piece.start >= this.text.length - this.suffix);
  }

  /** First where the piece was (before the edit), then where the edit moved it (after it), then among the chunks of its length. */
  take(piece: Piece, follow: string): Chunk | undefined {
    const length = piece.end - piece.start;
    const here = this.takeFrom(piece, piece.start, length, follow);
    if (here) return here;
    if (this.delta !== 0) {
      const before = this.takeFrom(piece, piece.start - this.delta, length, follow);
      if (before) return before;
    }
    if (!this.previous) return undefined;
    // By length first: no need to hash every piece's text for the one or two an edit changed.
    // Only the chunks the edit touched: the others are where the edit left them, found there by their own pieces.
    if (!this.byLength) {
      this.byLength = new Map();
      const changedEnd = (this.previous.text?.length ?? Infinity) - this.suffix;
      for (const chunk of this.all()) {
        if (chunk.start + chunk.text.length <= this.prefix || chunk.start >= changedEnd) continue;
        pushTo(this.byLength, chunk.text.length, chunk);
      }
    }
    const old = this.byLength.get(length)?.find((candidate) => candidate.follow === follow && candidate.takenBy !== this.token && this.text.startsWith(candidate.text, piece.start));
    return old && this.use(old);
  }

  /** The previous version's chunk that started at `start`, if it holds the piece's text. */
  private takeFrom(piece: Piece, start: number, length: number, follow: string): Chunk | undefined {
    const old = this.startingAt(start);
    if (old && old.text.length === length && old.follow === follow && old.takenBy !== this.token && (this.untouched(piece, start) || this.text.startsWith(old.text, piece.start))) return this.use(old);
    return undefined;
  }

  private use(chunk: Chunk): Chunk {
    chunk.takenBy = this.token;
    return chunk;
  }
}

/**
 * Cuts the text at top-level keys, and a top-level list at its items. Undefined when the text
 * does not start as a plain top-level mapping, or has what pieces cannot share (document
 * markers, directives, tabs in indentation). A later line that is not a plain key where one
 * could be (a mistake, mostly) stays in the piece before it.
 */
export function split(text: string): Piece[] | undefined {
  const cutter = new Cutter(text);
  for (let start = 0; start < text.length; ) {
    const next = cutter.line(start);
    if (next === undefined) return undefined;
    start = next;
  }
  return cutter.finish();
}

/**
 * Cuts a text into pieces a line at a time (`split`), from the first line or from a line where
 * a piece starts whose state is known (`splitAfterEdit`): the list whose items are pieces, and
 * the piece being read.
 */
class Cutter {
  list: { section: string; indent: number } | undefined;
  private current: Piece | undefined;

  /** `pieces`: those cut before the line it starts at. */
  constructor(
    private readonly text: string,
    readonly pieces: Piece[] = [],
  ) {}

  /** Ends the piece being read at `end`. */
  close(end: number): void {
    if (this.current) {
      this.current.end = end;
      this.pieces.push(this.current);
    }
    this.current = undefined;
  }

  /** Reads the line at `start`: where the next line starts, or undefined where only a whole parse will do. */
  line(start: number): number | undefined {
    const { text } = this;
    const length = text.length;
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd === -1) lineEnd = length;
    const next = lineEnd + 1;
    let at = start;
    while (text.charCodeAt(at) === 32) at++;
    const code = text.charCodeAt(at);
    // A carriage return alone breaks the line too: left to a whole parse.
    if (code === 13 && at + 1 < lineEnd) return undefined;
    // Blank lines and comments belong to the piece before them.
    if (at >= lineEnd || code === 13 || code === 35) return next;
    if (code === 9) return undefined;
    const indent = at - start;
    if (indent === 0 && code !== 45) {
      if (code === 37 || text.startsWith('...', start)) return undefined;
      const key = keyAt(text, start, lineEnd);
      if (key === undefined) return this.current ? next : undefined;
      this.close(start);
      this.current = { start, end: length };
      // A list whose items start on the next lines: `goals:` alone on its line.
      this.list = key.alone ? { section: key.name, indent: -1 } : undefined;
      return next;
    }
    if (indent === 0 && text.startsWith('---', start)) return undefined;
    const after = text.charCodeAt(at + 1);
    const dash = code === 45 && (after === 32 || after === 13 || after === 10 || at + 1 >= length);
    // The first line under `key:` tells whether its value is a list, and at which indentation.
    if (this.list?.indent === -1) this.list = dash ? { section: this.list.section, indent } : undefined;
    if (this.list && dash && indent === this.list.indent) {
      this.close(start);
      this.current = { start, end: length, section: this.list.section };
    } else if (!this.current) {
      return undefined;
    }
    return next;
  }

  finish(): Piece[] | undefined {
    this.close(this.text.length);
    return this.pieces.length > 0 ? this.pieces : undefined;
  }
}

/**
 * `split` of a text that an edit made of `before`, cut as `pieces`, leaving its first `prefix`
 * and last `suffix` characters as they were: the pieces before the edit are kept, the text is
 * cut again from the piece before the edit until a line after it starts a piece as it did
 * before, and the pieces after that are moved. What `split` gives, without reading every line.
 */
export function splitAfterEdit(text: string, before: string, pieces: readonly Piece[], prefix: number, suffix: number): Piece[] | undefined {
  const delta = text.length - before.length;
  // The piece that holds the first changed character; cutting starts at the one before it, whose end the edit may move.
  let touched = 0;
  while (touched + 1 < pieces.length && pieces[touched + 1].start <= prefix) touched++;
  const from = Math.max(0, touched - 1);
  // Nothing to keep: a piece at the very start has no state to resume from.
  if (from === 0) return split(text);
  const restart = pieces[from];
  const cutter = new Cutter(text, pieces.slice(0, from));
  if (restart.section !== undefined) cutter.list = { section: restart.section, indent: indentAt(text, restart.start) };
  const unchangedFrom = text.length - suffix;
  // The previous version's pieces after the edit, by where they start in this text.
  let next = touched + 1;
  for (let start = restart.start; start < text.length; ) {
    // A line of the unchanged end where a piece started before, reached in the state it was reached then: the rest is as it was.
    while (next < pieces.length && pieces[next].start + delta < start) next++;
    if (start >= unchangedFrom && next < pieces.length && pieces[next].start + delta === start && resumes(text, start, pieces[next], cutter.list)) {
      cutter.close(start);
      for (let index = next; index < pieces.length; index++) cutter.pieces.push(movedPiece(pieces[index], delta));
      return cutter.pieces;
    }
    const after = cutter.line(start);
    if (after === undefined) return undefined;
    start = after;
  }
  return cutter.finish();
}

/**
 * A piece of the previous version, `delta` characters later, written out rather than spread and
 * overwritten (`{ ...piece, start }`): writing `start` again into a copy tells V8 that `start`
 * changes after an object is made, for every object that begins with it (pieces, lines and the
 * source map's nodes), and the parser's optimised code was thrown away at the first keystroke
 * (measured: the first 20,000-line check after typing about 10 % slower).
 */
function movedPiece(piece: Piece, delta: number): Piece {
  const start = piece.start + delta;
  const end = piece.end + delta;
  return piece.section === undefined ? { start, end } : { start, end, section: piece.section };
}

/** The spaces at the start of the line at `start`. */
function indentAt(text: string, start: number): number {
  let at = start;
  while (text.charCodeAt(at) === 32) at++;
  return at - start;
}

/** Whether cutting reaches the start of `piece` (a line of the unchanged end) as it did before: a top-level key, or an item of the list it was an item of, at its indentation. */
function resumes(text: string, start: number, piece: Piece, list: { section: string; indent: number } | undefined): boolean {
  if (piece.section === undefined) return true;
  return list?.section === piece.section && (list.indent === -1 || list.indent === indentAt(text, start));
}

/** A plain key (`name:` then a space or the line's end) at `start`, and whether nothing but a comment follows it. */
function keyAt(text: string, start: number, lineEnd: number): { name: string; alone: boolean } | undefined {
  PLAIN_KEY.lastIndex = start;
  const match = PLAIN_KEY.exec(text);
  if (!match || start + match[0].length > lineEnd) return undefined;
  const colon = start + match[0].length;
  const after = text.charCodeAt(colon);
  if (!(after === 32 || after === 10 || after === 13 || colon >= text.length)) return undefined;
  let at = colon;
  while (text.charCodeAt(at) === 32) at++;
  const rest = text.charCodeAt(at);
  return { name: match[1], alone: at >= lineEnd || rest === 35 || (rest === 13 && at + 1 >= lineEnd) };
}

const PLAIN_KEY = /([A-Za-z_$][\w$-]*):/y;

/**
 * The first line of a piece: what follows the piece before it, and can change how that one
 * reads (the library ends a collection whose last value is empty at the next line's content,
 * say); '' at the end of the text. A chunk is reused only where the same line follows it.
 */
function firstLine(text: string, piece: Piece | undefined): string {
  if (!piece) return '';
  const end = text.indexOf('\n', piece.start);
  return text.slice(piece.start, end === -1 || end > piece.end ? piece.end : end + 1);
}

function fastChunk(text: string, pieces: Piece[], index: number, follow: string): Chunk | undefined {
  const piece = pieces[index];
  const pieceText = text.slice(piece.start, piece.end);
  let indent = 0;
  while (follow.charCodeAt(indent) === 32) indent++;
  const fast = parseFast(pieceText, piece.start, pieceText.length + indent);
  return fast && { text: pieceText, start: piece.start, section: piece.section, follow, ...fast };
}

/**
 * A piece off the fast path, parsed by the library as it stands in the plan: an item under
 * its section's key, with the line that follows it; undefined when that parse has an error, or
 * anything pieces cannot share.
 */
function libraryChunk(text: string, pieces: Piece[], index: number, follow: string, budget: Budget): Chunk | undefined {
  const piece = pieces[index];
  const parsed = parseRegionText(text, piece, (pieces[index + 1]?.start ?? text.length) + follow.length, budget);
  if (!parsed || parsed.errors.length > 0) return undefined;
  const cut = cutRegion(text, parsed, pieces, index, index + 1);
  if (cut?.length !== 1) return undefined;
  const [chunk] = cut;
  return { text: text.slice(piece.start, piece.end), start: chunk.start, section: chunk.section, follow, value: chunk.value, source: chunk.source };
}

/** How much more text the library may parse in pieces and regions before a whole parse is cheaper. */
interface Budget {
  left: number;
}

/** The library's parse of the text from `piece` to `end`, as it stands in the plan, offsets mapped. */
interface RegionParse {
  value: unknown;
  root: SourceNode | undefined;
  /** Problems as a whole parse words them, with where the library put each (`at`, before any adjustment). */
  errors: { at: number; problem: SyntaxProblem }[];
  /** The items of each list by where they start (`itemAt`). */
  itemStarts?: Map<SourceNode, Map<number, number>>;
}

/**
 * Parses `text` from `piece.start` to `end` with the library, in the state a whole parse is in
 * there: an item of a top-level list comes after its section's key (`goals:`), whose line is put
 * before it. Undefined for what pieces cannot share: several documents, anchors and aliases, a
 * tab used to indent (a whole parse re-indents those), too large an expansion.
 */
function parseRegionText(text: string, piece: Piece, end: number, budget: Budget): RegionParse | undefined {
  // Past the budget, a whole parse is cheaper than more regions.
  budget.left -= end - piece.start;
  if (budget.left < 0) return undefined;
  const prefix = piece.section === undefined ? '' : `${piece.section}:\n`;
  const shift = piece.start - prefix.length;
  const docs = parseDocuments(prefix + text.slice(piece.start, end));
  if (docs.length !== 1) return undefined;
  const [doc] = docs;
  if (doc.errors.some((error) => error.code === 'TAB_AS_INDENT')) return undefined;
  const toOriginal = (offset: number) => offset + shift;
  const errors = doc.errors.map((error) => ({ at: error.pos[0] + shift, problem: toProblem(error, text, toOriginal) }));
  if (!doc.contents) return { value: undefined, root: undefined, errors };
  const built = walk(doc, toOriginal);
  if (!built) return undefined;
  return { value: built.value, root: built.source, errors };
}

function walk(doc: Document.Parsed, toOriginal: (offset: number) => number): { value: unknown; source: SourceNode } | undefined {
  const walker = new Walker(doc, toOriginal, true);
  try {
    return walker.build(doc.contents as Node, undefined);
  } catch (error) {
    if (error === LINKED || error instanceof ExpansionLimit) return undefined;
    throw error;
  }
}

/** The chunks of every piece, with a region parsed around each broken one; assembled. */
function* resolve(text: string, pieces: Piece[], chunks: (Chunk | undefined)[], budget: Budget): Steps<ChunkedParse | undefined> {
  const resolved: Chunk[] = [];
  const syntax: SyntaxProblem[] = [];
  const spare: Chunk[] = [];
  for (let index = 0; index < pieces.length; ) {
    const chunk = chunks[index];
    if (chunk) {
      resolved.push(chunk);
      index++;
      continue;
    }
    const region = parseRegion(text, pieces, chunks, index, budget);
    if (!region) return undefined;
    resolved.push(...region.chunks);
    syntax.push(...region.syntax);
    for (let taken = index + 1; taken < region.next; taken++) if (chunks[taken]) spare.push(chunks[taken]!);
    index = region.next;
    yield;
  }
  const parsed = assemble(text, resolved, syntax);
  if (parsed && spare.length > 0) parsed.spare = spare;
  return parsed;
}

/**
 * The region around the broken piece at `first`, parsed by the library: from that piece up to
 * the first piece after it that is in step again (`inStep`), or to the end of the text. The
 * pieces before a broken one are unaffected by it (the parser reads forward, and a piece
 * boundary ends every block construct), and a broken piece starts in the state a whole parse is
 * in there; but a mistake can swallow the pieces after it (an unclosed flow collection mangles
 * the next item, an unclosed single quote runs to the end of the text). So the region is parsed
 * with the pieces after it, twice as many at each try, until one of them reads exactly as it
 * reads alone with no error in it: from there on the parse is in step again. Undefined where
 * the region cannot be expressed in pieces (its root is not a mapping, a section is not a list).
 */
function parseRegion(text: string, pieces: Piece[], chunks: (Chunk | undefined)[], first: number, budget: Budget): { chunks: Chunk[]; syntax: SyntaxProblem[]; next: number } | undefined {
  let last = first;
  while (last + 1 < pieces.length && !chunks[last + 1]) last++;
  if (last + 1 < pieces.length) last++;
  // The parse of the next region, when it is worked out without the library (an open quote run to the end).
  let known: RegionParse | undefined;
  for (;;) {
    // With the line after the region: it ends the region's last collection, as in the plan.
    const after = pieces[last + 1];
    const end = after ? after.start + firstLine(text, after).length : text.length;
    const parsed = known ?? parseRegionText(text, pieces[first], end, budget);
    known = undefined;
    if (!parsed) return undefined;
    // The first clean piece after the broken one that is in step: the region ends before it.
    let next = last + 1 === pieces.length ? pieces.length : -1;
    // Errors up to the next broken piece would be the region's: not in step yet (those in the line after the region are that piece's).
    let limit = after ? after.start : Infinity;
    const limits: number[] = [];
    for (let candidate = last; candidate > first; candidate--) {
      limits[candidate] = limit;
      if (!chunks[candidate]) limit = pieces[candidate].start;
    }
    for (let candidate = first + 1; candidate <= last; candidate++) {
      const chunk = chunks[candidate];
      if (!chunk) continue;
      const from = pieces[candidate].start;
      if (parsed.errors.some((error) => error.at >= from && error.at < limits[candidate])) continue;
      if (inStep(parsed, pieces[candidate], chunk)) {
        next = candidate;
        break;
      }
    }
    if (next !== -1) {
      const cut = next < pieces.length ? pieces[next].start : Infinity;
      const regionChunks = cutRegion(text, parsed, pieces, first, next);
      if (!regionChunks) return undefined;
      const inside = parsed.errors.filter((error) => error.at < cut).map((error) => error.problem);
      const syntax = firstPerLine(inside, text);
      moveToOpeningQuotes(syntax, parsed.root, text);
      return { chunks: regionChunks.map((chunk) => ({ ...chunk, region: true })), syntax, next };
    }
    // A mistake the parser could only report where the text ended (an open quote) runs to the end of the text.
    const open = parsed.errors.some((error) => error.at >= end - 1);
    if (open) known = quoteToEnd(text, parsed, end);
    last = open ? pieces.length - 1 : Math.min(pieces.length - 1, last + Math.max(1, last - first));
  }
}

/**
 * The region's parse run on to the end of the text, when what runs on is a double-quoted scalar
 * that nothing closes: the library's parse of the longer region is this one with that scalar's
 * text and range extended (the text before the quote reads the same, and the scalar takes in
 * everything after it). Worked out here because the library reads such a scalar a character at
 * a time, joining strings: for the rest of a 20,000-line plan, 20 ms and as much again in
 * garbage collection at every keystroke. Undefined (the library parses it) when the scalar has
 * an escape, a carriage return or a second quote, or the parse is not of that shape.
 */
function quoteToEnd(text: string, parsed: RegionParse, end: number): RegionParse | undefined {
  const atEnd = parsed.errors.filter((error) => error.at >= end - 1);
  if (atEnd.length !== 1 || atEnd[0].problem.code !== 'MISSING_CHAR' || !atEnd[0].problem.detail.includes('"')) return undefined;
  // The nodes that end where the region ends, down to the scalar.
  const path: { node: SourceNode; key?: string | number }[] = [];
  let node = parsed.root;
  let key: string | number | undefined;
  while (node && node.end === end) {
    path.push({ node, key });
    let lastChild: [string | number, SourceNode] | undefined;
    for (const entry of node.children ?? []) lastChild = entry;
    if (!lastChild) break;
    [key, node] = lastChild;
  }
  const scalar = path.at(-1)?.node;
  if (!scalar || scalar.children || scalar.alias || text[scalar.start] !== '"' || path.length < 2) return undefined;
  const source = text.slice(scalar.start);
  if (source.includes('\\') || source.includes('\r') || source.indexOf('"', 1) !== -1) return undefined;
  let container = parsed.value as Record<string | number, unknown>;
  for (const step of path.slice(1, -1)) container = container[step.key!] as Record<string | number, unknown>;
  container[path.at(-1)!.key!] = doubleQuotedText(source);
  for (const step of path) step.node.end = text.length;
  const problem = toProblem({ code: 'MISSING_CHAR', message: atEnd[0].problem.detail, pos: [text.length, text.length + 1] } as YAMLError, text, (offset) => offset);
  return { ...parsed, errors: [...parsed.errors.filter((error) => error !== atEnd[0]), { at: text.length, problem }] };
}

/**
 * A double-quoted scalar's value as the library reads it (`doubleQuotedValue` in yaml's
 * compose/resolve-flow-scalar.js), for a source with no escape and no carriage return: a line
 * break and the white space around it fold to a space (or to the line breaks, for blank lines),
 * white space before a line break is dropped, and the last character is left out (the closing
 * quote, which an open one does not have) unless white space runs on into it. Ordinary
 * characters are taken a run at a time.
 */
export function doubleQuotedText(source: string): string {
  const parts: string[] = [];
  const last = source.length - 1;
  let at = 1;
  while (at < last) {
    const char = source[at];
    if (char === '\n') {
      let fold = '';
      for (let next = source[at + 1]; next === ' ' || next === '\t' || next === '\n'; next = source[++at + 1]) if (next === '\n') fold += '\n';
      parts.push(fold || ' ');
    } else if (char === ' ' || char === '\t') {
      const start = at;
      let next = source[at + 1];
      while (next === ' ' || next === '\t') next = source[++at + 1];
      if (next !== '\n') parts.push(source.slice(start, at + 1));
    } else {
      const start = at;
      while (at + 1 < last && source[at + 1] !== '\n' && source[at + 1] !== ' ' && source[at + 1] !== '\t') at++;
      parts.push(source.slice(start, at + 1));
    }
    at++;
  }
  return parts.join('');
}

/** Whether a clean piece reads in the region's parse exactly as it reads alone: the same data and source map. */
function inStep(parsed: RegionParse, piece: Piece, chunk: Chunk): boolean {
  const root = parsed.root;
  const data = parsed.value as Record<string, unknown> | undefined;
  if (!root?.children || !root.keys || typeof data !== 'object' || data === null) return false;
  if (piece.section === undefined) {
    const entry = chunk.source?.keys;
    if (!entry || entry.length !== 1 || typeof chunk.value !== 'object' || chunk.value === null) return false;
    const [{ key, start, end }] = entry;
    const found = root.keys.filter((other) => other.key === key);
    if (found.length !== 1 || found[0].start !== start || found[0].end !== end) return false;
    return sameValue(data[key], (chunk.value as Record<string, unknown>)[key]) && sameSource(root.children.get(key), chunk.source!.children?.get(key));
  }
  const items = data[piece.section];
  const list = root.children.get(piece.section);
  const mine = chunk.source?.children?.get(0);
  if (!Array.isArray(items) || !list?.children || !mine || !Array.isArray(chunk.value) || chunk.value.length !== 1) return false;
  if (root.keys.filter((other) => other.key === piece.section).length !== 1) return false;
  const index = itemAt(parsed, list, mine.start);
  return index !== undefined && sameValue(items[index], chunk.value[0]) && sameSource(list.children.get(index), mine);
}

/** The index of the item of `list` that starts at `start` (items by start offset, worked out once per list). */
function itemAt(parsed: RegionParse, list: SourceNode, start: number): number | undefined {
  parsed.itemStarts ??= new Map();
  let starts = parsed.itemStarts.get(list);
  if (!starts) {
    starts = new Map();
    for (const [index, child] of list.children ?? []) starts.set(child.start, index as number);
    parsed.itemStarts.set(list, starts);
  }
  return starts.get(start);
}

/**
 * The region's parse as chunks up to the piece at `next` (where it is in step again): the items
 * of the section it starts in, then an entry per top-level key, each list that goes on past the
 * region as its key and its items, as the pieces would give them. Undefined when the parse does
 * not have that shape.
 */
function cutRegion(text: string, parsed: RegionParse, pieces: Piece[], first: number, next: number): Chunk[] | undefined {
  const start = pieces[first].start;
  // To the end of the text: every key counts, even one the library puts at the very end.
  const cut = next < pieces.length ? pieces[next].start : Infinity;
  const regionText = text.slice(start, next < pieces.length ? cut : text.length);
  const root = parsed.root;
  const data = parsed.value as Record<string, unknown> | undefined;
  if (!root?.children || !root.keys || typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const chunks: Chunk[] = [];
  const continuing = next < pieces.length ? pieces[next].section : undefined;
  // Items of a list, those that start before the cut.
  const items = (section: string, list: SourceNode, values: unknown[]) => {
    const kept: unknown[] = [];
    const children = new Map<string | number, SourceNode>();
    for (const [index, child] of list.children ?? []) {
      if (child.start >= cut) break;
      children.set(kept.length, child);
      kept.push(values[index as number]);
    }
    if (kept.length > 0) chunks.push({ text: regionText, start, section, value: kept, source: { start: list.start, end: list.end, children } });
  };
  const keys = root.keys.filter((entry) => entry.start < cut);
  if (new Set(keys.map((entry) => entry.key)).size !== keys.length) return undefined;
  for (const [index, entry] of keys.entries()) {
    const source = root.children.get(entry.key);
    const value = data[entry.key];
    if (!source) return undefined;
    const lastKey = index === keys.length - 1;
    if (index === 0 && pieces[first].section !== undefined) {
      // The section's key put before the region: only its items are the region's.
      if (entry.key !== pieces[first].section || entry.start >= start || !Array.isArray(value)) return undefined;
      if (lastKey && continuing !== undefined && continuing !== entry.key) return undefined;
      items(entry.key, source, value);
      continue;
    }
    if (entry.start < start) return undefined;
    if (lastKey && continuing !== undefined) {
      // A list that goes on past the region: its key, then its items so far.
      if (continuing !== entry.key || !Array.isArray(value)) return undefined;
      chunks.push({ text: regionText, start, value: { [entry.key]: null }, source: { start: entry.start, end: cut, keys: [entry], children: new Map([[entry.key, { start: source.start, end: source.end, keyStart: source.keyStart, keyEnd: source.keyEnd }]]) } });
      items(entry.key, source, value);
      continue;
    }
    chunks.push({ text: regionText, start, value: { [entry.key]: value }, source: { start: entry.start, end: cut, keys: [entry], children: new Map([[entry.key, source]]) } });
  }
  if (keys.length === 0 && continuing !== undefined) return undefined;
  return chunks;
}

/** Whether two plain values (what a parse gives) are the same, key order included. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameValue(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  for (let index = 0; index < aKeys.length; index++) {
    const key = aKeys[index];
    if (key !== bKeys[index] || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Whether two source maps are the same: every range, key and child. */
function sameSource(a: SourceNode | undefined, b: SourceNode | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.start !== b.start || a.end !== b.end || a.keyStart !== b.keyStart || a.keyEnd !== b.keyEnd || a.alias !== b.alias) return false;
  const aKeys = a.keys;
  const bKeys = b.keys;
  if (aKeys || bKeys) {
    if (!aKeys || !bKeys || aKeys.length !== bKeys.length) return false;
    for (let index = 0; index < aKeys.length; index++) {
      if (aKeys[index].key !== bKeys[index].key || aKeys[index].start !== bKeys[index].start || aKeys[index].end !== bKeys[index].end) return false;
    }
  }
  const aChildren = a.children;
  const bChildren = b.children;
  if (!aChildren || !bChildren) return aChildren === bChildren;
  if (aChildren.size !== bChildren.size) return false;
  const others = bChildren.entries();
  for (const [segment, child] of aChildren) {
    const other = others.next().value!;
    if (other[0] !== segment || !sameSource(child, other[1])) return false;
  }
  return true;
}

/**
 * A whole parse, cut into the pieces that the next version can reuse. With a syntax error or
 * what pieces cannot share, the whole parse as it is, which the next version parses in pieces
 * again.
 */
function cutWhole(text: string, pieces: Piece[]): ParsedPlan {
  const whole = parsePlan(text);
  const root = whole.root;
  if (whole.syntax.length > 0 || whole.linked || whole.extraDocuments.length > 0 || !root?.children || typeof whole.value !== 'object' || whole.value === null) return whole;
  const data = whole.value as Record<string, unknown>;
  const chunks: Chunk[] = [];
  const itemsTaken = new Map<string, number>();
  for (const [pieceIndex, piece] of pieces.entries()) {
    const pieceText = text.slice(piece.start, piece.end);
    const follow = firstLine(text, pieces[pieceIndex + 1]);
    if (piece.section !== undefined) {
      const index = itemsTaken.get(piece.section) ?? 0;
      itemsTaken.set(piece.section, index + 1);
      const items = data[piece.section];
      const source = root.children.get(piece.section)?.children?.get(index);
      if (!Array.isArray(items) || !source) return whole;
      // As a parse of the piece alone gives it: a one-item list that starts at the dash.
      const dash = piece.start + pieceText.indexOf('-');
      chunks.push({ text: pieceText, start: piece.start, section: piece.section, follow, value: [items[index]], source: { start: dash, end: source.end, children: new Map([[0, source]]) } });
      continue;
    }
    const keys = root.keys?.filter((entry) => entry.start >= piece.start && entry.start < piece.end) ?? [];
    // A piece that holds more than one key (a line that is not a plain key stays in the piece before it).
    if (keys.length !== 1) return whole;
    const [key] = keys;
    const source = root.children.get(key.key)!;
    // A list's own entry holds no items: they are pieces of their own.
    const listed = pieces.some((other) => other.section === key.key);
    const entrySource: SourceNode = listed ? { ...source, children: undefined, start: source.keyEnd ?? source.start, end: source.keyEnd ?? source.start } : source;
    chunks.push({ text: pieceText, start: piece.start, follow, value: { [key.key]: listed ? null : data[key.key] }, source: { start: key.start, end: piece.end, keys: [key], children: new Map([[key.key, entrySource]]) } });
  }
  const cut: ChunkedParse = { ...whole, chunks };
  return cut;
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

/** A node's child; of an earlier version's node, without shifting all its children. */
function childOf(node: SourceNode, segment: string | number): SourceNode | undefined {
  return node instanceof ShiftedNode ? node.child(segment) : node.children?.get(segment);
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
    if (!this.shiftedChildren) {
      this.shiftedChildren = new Map();
      for (const [segment, child] of children) this.shiftedChildren.set(segment, shift(child, this.delta));
    }
    return this.shiftedChildren;
  }

  /** One child, without the map of them all (a list item's piece holds one item). */
  child(segment: string | number): SourceNode | undefined {
    if (this.shiftedChildren) return this.shiftedChildren.get(segment);
    const child = this.original.children?.get(segment);
    return child && shift(child, this.delta);
  }
  get keys(): { key: string; start: number; end: number }[] | undefined {
    const keys = this.original.keys;
    if (!keys) return undefined;
    return (this.shiftedKeys ??= keys.map((key) => ({ key: key.key, start: key.start + this.delta, end: key.end + this.delta })));
  }
}

/** The plan's data and source map from its pieces, as a whole parse would give them. */
function assemble(text: string, chunks: Chunk[], syntax: SyntaxProblem[]): ChunkedParse | undefined {
  const value: Record<string, unknown> = {};
  const children = new Map<string | number, SourceNode>();
  const keys: { key: string; start: number; end: number }[] = [];
  let list: { section: string; items: unknown[]; source: SourceNode } | undefined;
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index];
    if (chunk.section !== undefined) {
      const itemsSource = chunk.source;
      if (list?.section !== chunk.section || !Array.isArray(chunk.value) || !itemsSource) return undefined;
      if (list.items.length === 0) list.source.start = itemsSource.start;
      for (let at = 0; at < chunk.value.length; at++) {
        const child = childOf(itemsSource, at);
        if (!child) return undefined;
        list.source.children!.set(list.items.length, child);
        list.items.push(chunk.value[at]);
      }
      list.source.end = itemsSource.end;
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
    if (item === null && chunks[index + 1]?.section === key) {
      const items: unknown[] = [];
      source = { start: source.start, end: source.end, keyStart: source.keyStart, keyEnd: source.keyEnd, children: new Map() };
      list = { section: key, items, source };
      item = items;
    }
    Object.defineProperty(value, key, { value: item, enumerable: true, writable: true, configurable: true });
    children.set(key, source);
    keys.push(entries[0]);
  }
  const root: SourceNode = { start: keys[0]?.start ?? 0, end: text.length, children, keys };
  return { text, value, root, syntax, extraDocuments: [], comments: collectComments(text), chunks };
}
