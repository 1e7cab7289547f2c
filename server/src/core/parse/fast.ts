import type { SourceNode } from './parse';

/**
 * A fast path for the plain block YAML that plans are written in: mappings with simple keys,
 * lists, one-line scalars (plain, or quoted without escapes), literal and folded block scalars
 * (clipped or stripped), and one-line flow lists and mappings of scalars, with comments. It
 * gives exactly what the `yaml` library and `Walker` give for such text (the same data and the
 * same ranges; property tests hold it to that), several times faster. Anything else
 * (multi-line plain or quoted scalars, anchors, tags, escapes, tabs, odd indentation,
 * duplicate keys) makes it return undefined, and the caller parses with the library, which
 * also reports every mistake.
 *
 * Why not only the library: `yaml` takes 350-400 ms to parse a 20,000-line plan, most of the
 * time budget for showing diagnostics when such a plan is opened; pieces on this path take
 * about 50 ms.
 */

export interface FastParse {
  value: unknown;
  source: SourceNode | undefined;
}

/** A parsed node and where its last line ends (what a collection holding it as its last item ends with). */
interface Parsed {
  value: unknown;
  source: SourceNode;
  /** For a value on its own line, past that line's break; for an empty value, where it would be. */
  after: number;
}

/** One line that holds more than white space and a comment. */
interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Column of the first character that is not a space. */
  indent: number;
  /** Offset where the line's content ends (before `\r\n` or `\n`). */
  end: number;
  /** Offset of the next line. */
  next: number;
}

/** Thrown (one shared instance: no stack to capture) when the text leaves the subset. */
const UNSUPPORTED = new Error('not in the fast subset');

function unsupported(): never {
  throw UNSUPPORTED;
}

/** Keys as plans write them (matched where `lastIndex` points); keys the core schema would read as null or a boolean are left to the library. */
const KEY = /[A-Za-z_][\w.-]*:(?=[ \r\n]|$)/y;
const NOT_PLAIN_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

/**
 * Parses `text` whose offset 0 lies at `base` in the whole plan; undefined if it is not in the
 * subset. `following`: where the next content after `text` starts, relative to it (a piece of
 * a plan is followed by the next piece's first line; the end of the text by default).
 */
export function parseFast(text: string, base = 0, following = text.length): FastParse | undefined {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  const lines = contentLines(text);
  if (!lines?.length) return undefined;
  try {
    const parser = new FastParser(text, lines, base, following);
    const first = lines[0];
    const { value, source } = parser.node(0, first.start + first.indent);
    if (parser.line < lines.length) unsupported();
    return { value, source };
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

/**
 * The lines with content: not blank, not only a comment. Undefined when a comment line is
 * indented deeper than the content after it (the text's first content when none follows):
 * the library gives such comments to the end of the collection before them, by rules not
 * worth copying.
 */
function contentLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let deepestComment = -1;
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    let end = newline === -1 ? text.length : newline;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    let column = start;
    while (column < end && text.charCodeAt(column) === 32) column++;
    if (column < end) {
      if (text[column] === '#') {
        deepestComment = Math.max(deepestComment, column - start);
      } else {
        if (deepestComment > column - start) return undefined;
        deepestComment = -1;
        lines.push({ start, indent: column - start, end, next });
      }
    }
    start = next;
  }
  return deepestComment > (lines[0]?.indent ?? 0) ? undefined : lines;
}

class FastParser {
  /** The index of the next line to read. */
  line = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
    private readonly base: number,
    private readonly following: number,
  ) {}

  /** A block node (mapping or list) that starts at `offset`, on line `index`. */
  node(index: number, offset: number): Parsed {
    return this.isDash(offset, this.lines[index].end) ? this.sequence(index, offset) : this.mapping(index, offset);
  }

  private isDash(offset: number, end: number): boolean {
    return this.text[offset] === '-' && (offset + 1 === end || this.text[offset + 1] === ' ');
  }

  private column(index: number, offset: number): number {
    return offset - this.lines[index].start;
  }

  private mapping(index: number, offset: number): Parsed {
    const column = this.column(index, offset);
    const value: Record<string, unknown> = {};
    const children = new Map<string | number, SourceNode>();
    const keys: { key: string; start: number; end: number }[] = [];
    let at = offset;
    let current = index;
    let end = offset;
    for (;;) {
      const name = this.keyAt(at);
      if (name === undefined || NOT_PLAIN_KEY.test(name) || Object.prototype.hasOwnProperty.call(value, name)) unsupported();
      const keyRange = { start: this.base + at, end: this.base + at + name.length };
      const child = this.entryValue(current, at + name.length + 1, column, keyRange);
      Object.defineProperty(value, name, { value: child.value, enumerable: true, writable: true, configurable: true });
      children.set(name, child.source);
      keys.push({ key: name, ...keyRange });
      end = child.after;
      if (this.line >= this.lines.length) break;
      const following = this.lines[this.line];
      if (following.indent < column) break;
      if (following.indent > column || this.isDash(following.start + following.indent, following.end)) unsupported();
      current = this.line;
      at = following.start + following.indent;
    }
    return { value, source: { start: this.base + offset, end: this.base + end, children, keys }, after: end };
  }

  /** The key that starts at `offset`, if a simple key and its colon start there. */
  private keyAt(offset: number): string | undefined {
    KEY.lastIndex = offset;
    const match = KEY.exec(this.text);
    return match ? match[0].slice(0, -1) : undefined;
  }

  /** The value after `key:` (its colon ends at `after`); consumes its lines. */
  private entryValue(index: number, after: number, column: number, key: { start: number; end: number }): Parsed {
    const line = this.lines[index];
    const valueStart = skipSpaces(this.text, after, line.end);
    if (this.text[valueStart] === '|' || this.text[valueStart] === '>') {
      const block = this.blockScalar(index, valueStart, column);
      withKey(block.source, key);
      return block;
    }
    if (valueStart < line.end && this.text[valueStart] !== '#') {
      const scalar = this.inline(valueStart, line.end);
      this.line = index + 1;
      this.noDeeperLine(column);
      return { value: scalar.value, source: withKey(scalar.source, key), after: line.next };
    }
    const next = this.lines[index + 1];
    // A nested block: deeper, or a list at the key's own column.
    if (next && (next.indent > column || (next.indent === column && this.isDash(next.start + next.indent, next.end)))) {
      this.line = index + 1;
      const nested = this.node(index + 1, next.start + next.indent);
      return { value: nested.value, source: withKey(nested.source, key), after: nested.after };
    }
    this.line = index + 1;
    return { value: null, source: { start: this.base + valueStart, end: this.base + valueStart, keyStart: key.start, keyEnd: key.end }, after: this.emptyAfter(valueStart) };
  }

  private sequence(index: number, offset: number): Parsed {
    const column = this.column(index, offset);
    const value: unknown[] = [];
    const children = new Map<string | number, SourceNode>();
    let current = index;
    let at = offset;
    let end = offset;
    for (;;) {
      const line = this.lines[current];
      const itemStart = skipSpaces(this.text, at + 1, line.end);
      let item: Parsed;
      if (itemStart === line.end || this.text[itemStart] === '#') {
        const next = this.lines[current + 1];
        this.line = current + 1;
        if (next && next.indent > column) item = this.node(current + 1, next.start + next.indent);
        else item = { value: null, source: { start: this.base + itemStart, end: this.base + itemStart }, after: this.emptyAfter(itemStart) };
      } else if (this.isDash(itemStart, line.end)) {
        unsupported();
      } else if (this.text[itemStart] === '|' || this.text[itemStart] === '>') {
        item = this.blockScalar(current, itemStart, column);
      } else if (this.keyAt(itemStart) !== undefined) {
        item = this.mapping(current, itemStart);
      } else {
        const scalar = this.inline(itemStart, line.end);
        this.line = current + 1;
        this.noDeeperLine(column);
        item = { ...scalar, after: line.next };
      }
      value.push(item.value);
      children.set(value.length - 1, item.source);
      end = item.after;
      if (this.line >= this.lines.length) break;
      const following = this.lines[this.line];
      if (following.indent < column) break;
      if (following.indent > column || !this.isDash(following.start + following.indent, following.end)) {
        // A key at the list's column ends a list that is the value of that mapping's previous key.
        if (following.indent === column && this.keyAt(following.start + following.indent) !== undefined) break;
        unsupported();
      }
      current = this.line;
      at = following.start + following.indent;
    }
    return { value, source: { start: this.base + offset, end: this.base + end, children }, after: end };
  }

  /**
   * A literal (`|`) or folded (`>`) scalar whose indicator is at `start`, clipped or stripped
   * (`-`); its lines must be indented deeper than `column`. Consumes its lines.
   */
  private blockScalar(index: number, start: number, column: number): Parsed {
    const text = this.text;
    const line = this.lines[index];
    const folded = text[start] === '>';
    let headerEnd = start + 1;
    const strip = text[headerEnd] === '-';
    if (strip) headerEnd++;
    const rest = skipSpaces(text, headerEnd, line.end);
    if (rest < line.end && (text[rest] !== '#' || rest === headerEnd)) unsupported();
    const content: string[] = [];
    let contentIndent = -1;
    let end = line.next;
    let at = line.next;
    while (at < text.length) {
      const newline = text.indexOf('\n', at);
      const next = newline === -1 ? text.length : newline + 1;
      const lineEnd = newline === -1 ? text.length : text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      const indent = skipSpaces(text, at, lineEnd) - at;
      if (indent === lineEnd - at) {
        // White space only: an empty line of the scalar, unless it holds spaces beyond the indentation.
        if (indent > (contentIndent === -1 ? 0 : contentIndent)) unsupported();
        content.push('');
      } else {
        if (contentIndent === -1) {
          if (indent <= column) break;
          contentIndent = indent;
        } else if (indent < contentIndent) {
          break;
        }
        const lineText = text.slice(at + contentIndent, lineEnd);
        if (folded && lineText.startsWith(' ')) unsupported();
        content.push(lineText);
        end = next;
      }
      at = next;
    }
    if (contentIndent === -1) unsupported();
    while (content.at(-1) === '') content.pop();
    const value = (folded ? fold(content) : content.join('\n')) + (strip ? '' : '\n');
    this.line = index + 1;
    while (this.line < this.lines.length && this.lines[this.line].start < end) this.line++;
    this.noDeeperLine(column);
    return { value, source: { start: this.base + start, end: this.base + end }, after: end };
  }

  /**
   * Where an empty value at `position` ends for the collection holding it: the library gives it
   * the comments that follow it, up to the next line with content; without comments, nothing.
   */
  private emptyAfter(position: number): number {
    const following = this.lines[this.line];
    const next = following ? following.start + following.indent : this.following;
    const comment = this.text.indexOf('#', position);
    return comment !== -1 && comment < next ? next : position;
  }

  /** After a one-line value, a deeper line would continue it: left to the library. */
  private noDeeperLine(column: number): void {
    const next = this.lines[this.line];
    if (next && next.indent > column) unsupported();
  }

  /** A scalar or flow list that fills the rest of the line (a comment may follow). */
  private inline(start: number, lineEnd: number): { value: unknown; source: SourceNode } {
    const text = this.text;
    const first = text[start];
    let end: number;
    let parsed: { value: unknown; source: SourceNode };
    if (first === '"' || first === "'") {
      const quoted = this.quoted(start, lineEnd);
      end = quoted.end;
      parsed = { value: quoted.value, source: { start: this.base + start, end: this.base + end } };
    } else if (first === '[') {
      const flow = this.flowList(start, lineEnd);
      end = flow.end;
      parsed = flow.parse;
    } else if (first === '{') {
      const flow = this.flowMapping(start, lineEnd);
      end = flow.end;
      parsed = flow.parse;
    } else {
      end = plainEnd(text, start, lineEnd);
      const raw = text.slice(start, end);
      if (!isPlain(raw, false)) unsupported();
      parsed = { value: resolvePlain(raw), source: { start: this.base + start, end: this.base + end } };
    }
    const rest = skipSpaces(text, end, lineEnd);
    if (rest < lineEnd && (text[rest] !== '#' || rest === end)) unsupported();
    return parsed;
  }

  private quoted(start: number, lineEnd: number): { value: string; end: number } {
    const text = this.text;
    const quote = text[start];
    let value = '';
    let at = start + 1;
    for (;;) {
      const close = text.indexOf(quote, at);
      if (close === -1 || close >= lineEnd) unsupported();
      value += text.slice(at, close);
      if (quote === "'" && text[close + 1] === "'") {
        value += "'";
        at = close + 2;
        continue;
      }
      if (quote === '"' && value.includes('\\')) unsupported();
      return { value, end: close + 1 };
    }
  }

  /** `{ key: value, ... }` on one line, with scalars and flow lists for values. */
  private flowMapping(start: number, lineEnd: number): { parse: { value: unknown; source: SourceNode }; end: number } {
    const text = this.text;
    const value: Record<string, unknown> = {};
    const children = new Map<string | number, SourceNode>();
    const keys: { key: string; start: number; end: number }[] = [];
    let at = skipSpaces(text, start + 1, lineEnd);
    while (text[at] !== '}') {
      const name = this.keyAt(at);
      if (name === undefined || NOT_PLAIN_KEY.test(name) || Object.prototype.hasOwnProperty.call(value, name)) unsupported();
      const key = { start: this.base + at, end: this.base + at + name.length };
      const valueStart = skipSpaces(text, at + name.length + 1, lineEnd);
      let item: { value: unknown; source: SourceNode };
      let itemEnd: number;
      if (text[valueStart] === '[') {
        const flow = this.flowList(valueStart, lineEnd);
        item = flow.parse;
        itemEnd = flow.end;
      } else if (text[valueStart] === '"' || text[valueStart] === "'") {
        const quoted = this.quoted(valueStart, lineEnd);
        itemEnd = quoted.end;
        item = { value: quoted.value, source: { start: this.base + valueStart, end: this.base + itemEnd } };
      } else {
        itemEnd = valueStart;
        while (itemEnd < lineEnd && text[itemEnd] !== ',' && text[itemEnd] !== '}') itemEnd++;
        while (itemEnd > valueStart && text[itemEnd - 1] === ' ') itemEnd--;
        const raw = text.slice(valueStart, itemEnd);
        if (!isPlain(raw, true)) unsupported();
        item = { value: resolvePlain(raw), source: { start: this.base + valueStart, end: this.base + itemEnd } };
      }
      Object.defineProperty(value, name, { value: item.value, enumerable: true, writable: true, configurable: true });
      children.set(name, withKey(item.source, key));
      keys.push({ key: name, ...key });
      at = skipSpaces(text, itemEnd, lineEnd);
      if (text[at] === ',') {
        at = skipSpaces(text, at + 1, lineEnd);
        // `{ a: 1, }`: left to the library.
        if (text[at] === '}') unsupported();
      } else if (text[at] !== '}') {
        unsupported();
      }
    }
    return { parse: { value, source: { start: this.base + start, end: this.base + at + 1, children, keys } }, end: at + 1 };
  }

  private flowList(start: number, lineEnd: number): { parse: { value: unknown; source: SourceNode }; end: number } {
    const text = this.text;
    const close = text.indexOf(']', start);
    if (close === -1 || close >= lineEnd) unsupported();
    const value: unknown[] = [];
    const children = new Map<string | number, SourceNode>();
    let at = skipSpaces(text, start + 1, close);
    while (at < close) {
      let itemEnd: number;
      let item: unknown;
      if (text[at] === '"' || text[at] === "'") {
        const quoted = this.quoted(at, close);
        item = quoted.value;
        itemEnd = quoted.end;
      } else {
        let comma = text.indexOf(',', at);
        if (comma === -1 || comma > close) comma = close;
        itemEnd = comma;
        while (itemEnd > at && text[itemEnd - 1] === ' ') itemEnd--;
        const raw = text.slice(at, itemEnd);
        if (!isPlain(raw, true)) unsupported();
        item = resolvePlain(raw);
      }
      value.push(item);
      children.set(value.length - 1, { start: this.base + at, end: this.base + itemEnd });
      at = skipSpaces(text, itemEnd, close);
      if (at === close) break;
      if (text[at] !== ',') unsupported();
      at = skipSpaces(text, at + 1, close);
      // `[a, ]`: the library reads no item there; left to it.
      if (at === close) unsupported();
    }
    return { parse: { value, source: { start: this.base + start, end: this.base + close + 1, children } }, end: close + 1 };
  }
}

/** Folded lines (none more indented): a line break becomes a space, and each empty line a line break. */
function fold(lines: string[]): string {
  let folded = '';
  let emptyLines = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      emptyLines++;
      continue;
    }
    folded += started ? (emptyLines > 0 ? '\n'.repeat(emptyLines) : ' ') : '\n'.repeat(emptyLines);
    folded += line;
    emptyLines = 0;
    started = true;
  }
  return folded;
}

function withKey(source: SourceNode, key: { start: number; end: number }): SourceNode {
  source.keyStart = key.start;
  source.keyEnd = key.end;
  return source;
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === 32) at++;
  return at;
}

/** Where a plain scalar starting at `start` ends: before ` #` or the line's end, trailing spaces trimmed. */
function plainEnd(text: string, start: number, lineEnd: number): number {
  let end = lineEnd;
  for (let at = start + 1; at < lineEnd; at++) {
    if (text.charCodeAt(at) === 35 && text.charCodeAt(at - 1) === 32) {
      end = at - 1;
      break;
    }
  }
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return end;
}

/** Whether `raw` is read as a plain scalar the same simple way everywhere (in a flow list with `inFlow`). */
function isPlain(raw: string, inFlow: boolean): boolean {
  if (raw === '') return false;
  const first = raw[0];
  if ('[]{}#&*!|>\'"%@`,'.includes(first)) return false;
  if ((first === '-' || first === '?' || first === ':') && (raw.length === 1 || raw[1] === ' ')) return false;
  if (raw.includes(': ') || raw.endsWith(':') || raw.includes(' #')) return false;
  if (inFlow && /[[\]{}#]/.test(raw)) return false;
  return true;
}

/** The YAML 1.2 core schema's reading of a plain scalar, as the `yaml` library resolves it. */
function resolvePlain(raw: string): unknown {
  const first = raw.charCodeAt(0);
  // Most scalars are words: only these first characters can start a null, a boolean or a number.
  if (!(first === 126 || first === 110 || first === 78 || first === 116 || first === 84 || first === 102 || first === 70 || first === 43 || first === 45 || first === 46 || (first >= 48 && first <= 57))) return raw;
  if (/^(?:~|[Nn]ull|NULL)$/.test(raw)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(raw)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(raw)) return false;
  if (/^0o[0-7]+$/.test(raw)) return parseInt(raw.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(raw)) return parseInt(raw, 10);
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(raw)) return raw[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^\.(?:nan|NaN|NAN)$/.test(raw)) return Number.NaN;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(raw)) return parseFloat(raw);
  return raw;
}
