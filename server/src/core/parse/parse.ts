import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, parseAllDocuments, YAMLError } from 'yaml';
import type { JsonPath } from '../base/types';
import { LineIndex } from '../base/text';

/** Where one value of the plan sits in the text. */
export interface SourceNode {
  /** Range of the value (for a map entry, the value after the colon). */
  start: number;
  end: number;
  /** Range of the key, when the value is a map entry. */
  keyStart?: number;
  keyEnd?: number;
  children?: Map<string | number, SourceNode>;
  /** For a mapping: its keys in source order, each with its range. */
  keys?: { key: string; start: number; end: number }[];
  /** Set on an alias (`*name`): its range is the alias, its children lie where the anchored node is. */
  alias?: true;
}

export interface SyntaxProblem {
  code: string;
  detail: string;
  start: number;
  end: number;
}

export interface ParsedPlan {
  text: string;
  /** The plan as plain data (what survived parsing, even with syntax errors). */
  value: unknown;
  /** The root of the source map, mirroring `value`. */
  root: SourceNode | undefined;
  syntax: SyntaxProblem[];
  /** Start offsets of the second and later YAML documents. */
  extraDocuments: { start: number; end: number }[];
  /** Comments, for disable directives. */
  comments: { start: number; text: string }[];
  /** Whether anchors or aliases tie parts of the text together. */
  linked?: boolean;
}

/** Expanding aliases can blow a small file up to gigabytes; past this many nodes we stop. */
const MAX_EXPANDED_NODES = 500_000;

export class ExpansionLimit extends Error {}

/** What a `Walker` that stops at links throws at the first anchor or alias (one shared instance: no stack to capture). */
export const LINKED = new Error('anchors or aliases');

const MERGE_KEY = '<<';

/**
 * A mapping key as text. Keys are scalars in plans; a collection used as a key (`? [a, b]`)
 * is named by its YAML form, and one that cannot be written out (a merge inside it) by a mark.
 */
function keyName(keyNode: Node | null): string {
  if (keyNode === null) return '';
  // With `merge` on, the parser gives the `<<` key a symbol for a value.
  if (isScalar(keyNode)) return typeof keyNode.value === 'symbol' ? MERGE_KEY : String(keyNode.value);
  try {
    return String(keyNode);
  } catch {
    return '[?]';
  }
}

const LINE_INDEXES = new WeakMap<ParsedPlan, LineIndex>();

/** The line index of a parse's text, made once per version and shared by whatever needs lines (suppressions, fixes, the preview). */
export function lineIndexOf(parsed: ParsedPlan): LineIndex {
  let lines = LINE_INDEXES.get(parsed);
  if (!lines) LINE_INDEXES.set(parsed, (lines = new LineIndex(parsed.text)));
  return lines;
}

/** Gives a parse of an edited text the line index of the parse before the edit, edited (when it had one): no search of the whole text for lines. */
export function inheritLineIndex(parsed: ParsedPlan, previous: ParsedPlan, prefix: number, suffix: number): void {
  const before = LINE_INDEXES.get(previous);
  if (before && !LINE_INDEXES.has(parsed)) LINE_INDEXES.set(parsed, before.edited(parsed.text, prefix, suffix));
}

/** Sets a key even when it is `__proto__`: plans are data, never prototypes. */
function setOwn(target: Record<string, unknown>, name: string, item: unknown): void {
  Object.defineProperty(target, name, { value: item, enumerable: true, writable: true, configurable: true });
}

export function parsePlan(text: string): ParsedPlan {
  let list = parseDocuments(text);
  const syntax: SyntaxProblem[] = [];
  let toOriginal = (offset: number) => offset;
  if (list[0]?.errors.some((error) => error.code === 'TAB_AS_INDENT')) {
    // One tab wrecks the structure of everything after it. Each tab-indented line is re-indented
    // with spaces where it most likely belongs, and parsed again, so that the rest of the plan
    // is still checked; the tabs themselves are reported, and offsets mapped back.
    const untabbed = reindentTabs(text);
    list = parseDocuments(untabbed.text);
    syntax.push(...untabbed.tabs);
    toOriginal = untabbed.toOriginal;
  }
  const extraDocuments: { start: number; end: number }[] = [];
  const first = list[0];
  for (const [index, doc] of list.entries()) {
    if (index === 0) {
      syntax.push(...firstPerLine(doc.errors.map((error) => toProblem(error, text, toOriginal)), text));
    } else {
      const start = doc.range[0];
      extraDocuments.push({ start, end: Math.min(text.length, Math.max(start + 3, lineEnd(text, start))) });
    }
  }
  let value: unknown;
  let root: SourceNode | undefined;
  let linked = false;
  if (first?.contents) {
    const walker = new Walker(first, toOriginal);
    try {
      const built = walker.build(first.contents as Node, undefined);
      value = built.value;
      root = built.source;
      linked = walker.linked;
    } catch (error) {
      if (!(error instanceof ExpansionLimit)) throw error;
      syntax.push({ code: 'RESOURCE_EXHAUSTION', detail: 'aliases', start: walker.lastAlias[0], end: walker.lastAlias[1] });
      value = undefined;
      root = undefined;
    }
  }
  moveToOpeningQuotes(syntax, root, text);
  return { text, value, root, syntax, extraDocuments, comments: collectComments(text), linked };
}

/** The parser often reports one mistake several times over; the first problem on each line says it. */
export function firstPerLine(problems: readonly SyntaxProblem[], text: string): SyntaxProblem[] {
  const lines = new Set<number>();
  return problems.filter((problem) => {
    const line = text.lastIndexOf('\n', problem.start - 1);
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
}

/** Each unclosed quote reported where the quote opens (see `moveToOpeningQuote`). */
export function moveToOpeningQuotes(problems: readonly SyntaxProblem[], root: SourceNode | undefined, text: string): void {
  for (const problem of problems) {
    if (problem.code === 'MISSING_CHAR' && /quote/i.test(problem.detail)) moveToOpeningQuote(problem, root, text);
  }
}

/**
 * The parser notices an unclosed quote where the text ends; the mistake is where the quote
 * opens: the quoted value that runs up to the error.
 */
function moveToOpeningQuote(problem: SyntaxProblem, root: SourceNode | undefined, text: string): void {
  let found: SourceNode | undefined;
  const visit = (node: SourceNode) => {
    if (node.start < problem.start && node.end >= problem.start - 1 && (text[node.start] === '"' || text[node.start] === "'")) found = node;
    node.children?.forEach(visit);
  };
  if (root) visit(root);
  if (!found) return;
  problem.start = found.start;
  problem.end = Math.max(found.start + 1, lineEnd(text, found.start));
}

export function parseDocuments(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, merge: true });
  return Array.isArray(docs) ? docs : [];
}

interface Reindented {
  text: string;
  tabs: SyntaxProblem[];
  toOriginal(offset: number): number;
}

/**
 * Replaces the indentation of each line indented with a tab by spaces: as deep as the
 * previous line's content when that line is a sibling, deeper when it opens a mapping.
 */
function reindentTabs(original: string): Reindented {
  const lines = original.split('\n');
  const tabs: SyntaxProblem[] = [];
  const out: string[] = [];
  /** Per line of the result: where it starts there and in the original, and how its indentation changed. */
  const starts: { at: number; from: number; oldIndent: number; newIndent: number }[] = [];
  let at = 0;
  let from = 0;
  let previous: string | undefined;
  lines.forEach((line, index) => {
    const indent = /^[ \t]*/.exec(line)![0];
    let result = line;
    let newIndent = indent.length;
    if (indent.includes('\t') && line.length > indent.length) {
      tabs.push({ code: 'TAB_AS_INDENT', detail: 'tab', start: from + indent.indexOf('\t'), end: from + indent.indexOf('\t') + 1 });
      newIndent = likelyIndent(previous, lines.slice(index + 1));
      result = ' '.repeat(newIndent) + line.slice(indent.length);
    }
    starts.push({ at, from, oldIndent: indent.length, newIndent });
    out.push(result);
    if (result.trim() !== '' && !result.trim().startsWith('#')) previous = result;
    at += result.length + 1;
    from += line.length + 1;
  });
  return {
    text: out.join('\n'),
    tabs,
    toOriginal(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle].at <= offset) low = middle;
        else high = middle - 1;
      }
      const line = starts[low];
      const column = offset - line.at;
      const shift = line.newIndent - line.oldIndent;
      return line.from + (column >= line.newIndent ? column - shift : Math.min(column, line.oldIndent));
    },
  };
}

function likelyIndent(previous: string | undefined, following: string[]): number {
  if (previous === undefined) return 0;
  const content = /^[ ]*(?:-[ ]+)*/.exec(previous)![0].length;
  const opensMapping = /:[ ]*(?:#.*)?$/.test(previous);
  if (!opensMapping) return content;
  const next = following.find((line) => line.trim() !== '' && !/^[ ]*#/.test(line) && !/^[ ]*\t/.test(line));
  const nextIndent = next === undefined ? 0 : /^[ ]*/.exec(next)![0].length;
  return nextIndent > /^[ ]*/.exec(previous)![0].length ? nextIndent : content + 2;
}

export function toProblem(error: YAMLError, text: string, toOriginal: (offset: number) => number): SyntaxProblem {
  let [start, end] = error.pos.map(toOriginal);
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  if (end === start) {
    // Point errors (at end of file, say) still need one visible character.
    if (start > 0 && (start === text.length || text[start] === '\n')) start -= 1;
    end = Math.min(text.length, start + 1);
  }
  const detail = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (error.code === 'DUPLICATE_KEY') {
    // The parser marks the key's first character; the whole key is the finding, and names it.
    const colon = text.slice(start, lineEnd(text, start)).search(/:(\s|$)/);
    if (colon > 0) end = start + colon;
    return { code: error.code, detail: text.slice(start, end), start, end };
  }
  return { code: error.code, detail, start, end };
}

export class Walker {
  private expanded = 0;
  lastAlias: [number, number] = [0, 0];
  /** Whether an anchor or an alias was met: they tie distant parts of the text together. */
  linked = false;
  private readonly aliasTargets = new Map<Node, Node | null>();
  constructor(
    private readonly doc: Document.Parsed,
    private readonly toOriginal: (offset: number) => number,
    /** Stop (throw `LINKED`) at the first anchor or alias: a caller that declines linked text need not expand it. */
    private readonly stopAtLinks = false,
  ) {}

  build(node: Node | null, key: { start: number; end: number } | undefined): { value: unknown; source: SourceNode } {
    if (++this.expanded > MAX_EXPANDED_NODES) throw new ExpansionLimit();
    const [start, valueEnd] = node?.range ? [this.toOriginal(node.range[0]), this.toOriginal(node.range[1])] : [key?.end ?? 0, key?.end ?? 0];
    const source: SourceNode = { start, end: valueEnd };
    if (key) {
      source.keyStart = key.start;
      source.keyEnd = key.end;
    }
    if (node === null) return { value: null, source };
    if ((node as { anchor?: string }).anchor) this.linked = true;
    if (isAlias(node)) this.linked = true;
    if (this.linked && this.stopAtLinks) throw LINKED;
    if (isAlias(node)) {
      this.lastAlias = [start, valueEnd];
      // The same alias is met again and again in an expansion: resolving it walks the document.
      let target = this.aliasTargets.get(node);
      if (target === undefined) {
        target = (node.resolve(this.doc) as Node | undefined) ?? null;
        this.aliasTargets.set(node, target);
      }
      if (!target) return { value: null, source };
      const inner = this.build(target as Node, undefined);
      // Ranges of the alias itself; children point into the anchored node.
      return { value: inner.value, source: { ...inner.source, start, end: valueEnd, keyStart: key?.start, keyEnd: key?.end, alias: true } };
    }
    if (isScalar(node)) return { value: node.value, source };
    if (isMap(node)) {
      const value: Record<string, unknown> = {};
      const merges: { value: unknown; source: SourceNode }[] = [];
      const children = new Map<string | number, SourceNode>();
      const keys: { key: string; start: number; end: number }[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const name = keyName(keyNode);
        const keyRange = keyNode?.range ? { start: this.toOriginal(keyNode.range[0]), end: this.toOriginal(keyNode.range[1]) } : { start, end: start };
        const child = this.build(pair.value as Node | null, keyRange);
        if (name === MERGE_KEY) {
          merges.push(child);
          continue;
        }
        keys.push({ key: name, ...keyRange });
        if (Object.prototype.hasOwnProperty.call(value, name)) continue;
        setOwn(value, name, child.value);
        children.set(name, child.source);
      }
      // `<<: *defaults` (or a list of them) fills in the keys the mapping does not set itself.
      for (const merge of merges) {
        const sources = Array.isArray(merge.value) ? merge.value.map((item, index) => ({ value: item, source: merge.source.children?.get(index) })) : [merge];
        for (const { value: merged, source: mergedSource } of sources) {
          if (typeof merged !== 'object' || merged === null || Array.isArray(merged)) continue;
          for (const [name, item] of Object.entries(merged)) {
            if (Object.prototype.hasOwnProperty.call(value, name)) continue;
            setOwn(value, name, item);
            const itemSource = mergedSource?.children?.get(name);
            if (itemSource) children.set(name, itemSource);
          }
        }
      }
      source.children = children;
      source.keys = keys;
      return { value, source };
    }
    if (isSeq(node)) {
      const value: unknown[] = [];
      const children = new Map<string | number, SourceNode>();
      node.items.forEach((item, index) => {
        const child = this.build(item as Node | null, undefined);
        value.push(child.value);
        children.set(index, child.source);
      });
      source.children = children;
      return { value, source };
    }
    return { value: null, source };
  }
}

/** The source node at a JSON path, or the deepest existing ancestor's when `closest` is set. */
export function nodeAt(root: SourceNode | undefined, path: JsonPath, closest = false): SourceNode | undefined {
  let node = root;
  for (const segment of path) {
    const next = node?.children?.get(segment);
    if (!next) return closest ? node : undefined;
    node = next;
  }
  return node;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/**
 * Comments found by a light scan of the text: a `#` that starts a line or follows
 * white space, outside quotes. Block scalars may contain `#` lines; a directive there
 * is harmless because it only silences findings.
 */
export function collectComments(text: string): { start: number; text: string }[] {
  const comments: { start: number; text: string }[] = [];
  let index = text.indexOf('#');
  while (index !== -1) {
    const lineStart = text.lastIndexOf('\n', index - 1) + 1;
    const end = lineEnd(text, index);
    const before = text.slice(lineStart, index);
    if ((index === lineStart || /\s$/.test(before)) && !insideQuotes(before)) {
      comments.push({ start: index, text: text.slice(index + 1, end).trim() });
      index = text.indexOf('#', end);
    } else {
      index = text.indexOf('#', index + 1);
    }
  }
  return comments;
}

/** Whether a `#` after this line prefix sits inside a quoted scalar that the prefix opened. */
function insideQuotes(linePrefix: string): boolean {
  const scalar = /^\s*(?:-\s+)*(?:[^\s'"#][^:]*:\s+)?(['"])(.*)$/.exec(linePrefix);
  if (!scalar) return false;
  const [, quote, rest] = scalar;
  if (quote === "'") return !/^(?:[^']|'')*'/.test(rest);
  return !/^(?:[^"\\]|\\.)*"/.test(rest);
}
