import * as path from 'path';
import { parse } from 'yaml';

/**
 * Every plan of the workspace, open or closed, by absolute path: what each links to by
 * `alignsWith`, so that back-links (plans that name a plan) are found without opening them, and
 * an outline for workspace symbols. Only a plan's text is kept, or the bytes of a plan read from
 * disk (decoded when asked: decoding a thousand plans would cost more than indexing them); both
 * are read with a line scan, not a parse, so that indexing a thousand plans takes a fraction of a
 * second.
 */
export class PlanIndex {
  private readonly plans = new Map<string, IndexedPlan>();
  /** The paths sorted, until a plan is added or removed. */
  private sorted: string[] | undefined;
  /** Bumped when a plan's links change (a plan added, removed, or its `alignsWith` edited). */
  generation = 0;

  /** Adds or updates a plan: its text (an editor's), or its bytes (UTF-8, as read from disk). */
  set(filePath: string, content: string | Uint8Array): void {
    const previous = this.plans.get(filePath);
    if (previous && sameContent(previous.content, content)) return;
    const links = linksIn(filePath, scanOf(content));
    if (!previous || !sameList(previous.links, links)) this.generation++;
    if (!previous) this.sorted = undefined;
    this.plans.set(filePath, { content, links });
  }

  /**
   * Adds a plan by its links alone, as another index found them (a thread of the CLI): its
   * back-links are known, its text is not (no outline).
   */
  setLinks(filePath: string, links: readonly string[]): void {
    if (!this.plans.has(filePath)) this.sorted = undefined;
    this.plans.set(filePath, { content: '', links: [...links] });
    this.generation++;
  }

  /** Every plan's links, to give another index (`setLinks`). */
  allLinks(): [filePath: string, links: string[]][] {
    return [...this.plans].map(([filePath, plan]) => [filePath, plan.links]);
  }

  delete(filePath: string): void {
    if (!this.plans.delete(filePath)) return;
    this.sorted = undefined;
    this.generation++;
  }

  /** Forgets every plan under a folder (a workspace folder closed). */
  deleteUnder(folder: string): void {
    for (const filePath of [...this.plans.keys()]) if (isInside(folder, filePath)) this.delete(filePath);
  }

  has(filePath: string): boolean {
    return this.plans.has(filePath);
  }

  textOf(filePath: string): string | undefined {
    const content = this.plans.get(filePath)?.content;
    return typeof content === 'string' ? content : content && UTF8.decode(content);
  }

  paths(): readonly string[] {
    return (this.sorted ??= [...this.plans.keys()].sort());
  }

  /** The plans whose `alignsWith` names this one. */
  linkingTo(filePath: string): string[] {
    const found: string[] = [];
    for (const [other, plan] of this.plans) if (other !== filePath && plan.links.includes(filePath)) found.push(other);
    return found.sort();
  }

  /** The plans this one names in `alignsWith`, resolved. */
  linksOf(filePath: string): readonly string[] {
    return this.plans.get(filePath)?.links ?? [];
  }

  /** Every plan's goals, KPIs and sections whose name contains the query (case-insensitive). */
  symbols(query: string): IndexedSymbol[] {
    const wanted = query.toLocaleLowerCase();
    const found: IndexedSymbol[] = [];
    for (const filePath of this.paths()) {
      const plan = this.plans.get(filePath)!;
      plan.outline ??= outlineIn(scanOf(plan.content)).map((symbol) => ({ symbol: { ...symbol, filePath }, lowerName: symbol.name.toLocaleLowerCase() }));
      for (const { symbol, lowerName } of plan.outline) if (lowerName.includes(wanted)) found.push(symbol);
    }
    return found;
  }
}

interface IndexedPlan {
  content: string | Uint8Array;
  links: string[];
  /** Each symbol with its name in lower case, made once for every query. */
  outline?: { symbol: IndexedSymbol; lowerName: string }[];
}

export interface IndexedSymbol {
  readonly filePath: string;
  readonly name: string;
  readonly kind: 'section' | 'goal' | 'kpi';
  /** The section a goal or KPI is in. */
  readonly container?: string;
  readonly start: number;
  readonly end: number;
}

/** UTF-8 as a file is read (`Buffer.toString`): a byte order mark is kept, bad bytes are U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** One character per byte (Latin-1, or Windows-1252 in browsers): ASCII stays itself, every other byte is a character of its own outside ASCII. */
const SINGLE_BYTE = new TextDecoder('latin1');

/**
 * What the line scans read: a view in which the patterns (all ASCII) match where they match in
 * the plan's text, what its offsets are in the text, and the text of a part of it.
 */
interface Scan {
  view: string;
  /** Offsets in the text of ascending offsets in the view, each at an ASCII character. */
  textOffsets(viewOffsets: readonly number[]): readonly number[];
  /** The text between two offsets of the view, each at an ASCII character. */
  text(start: number, end: number): string;
}

function scanOf(content: string | Uint8Array): Scan {
  // `^`, `$` and `.` see U+2028 and U+2029 as line ends in the text, not in the single-byte view.
  if (typeof content === 'string' || hasLineSeparator(content)) {
    const text = typeof content === 'string' ? content : UTF8.decode(content);
    return { view: text, textOffsets: (offsets) => offsets, text: (start, end) => text.slice(start, end) };
  }
  return { view: SINGLE_BYTE.decode(content), textOffsets: (offsets) => utf16Offsets(content, offsets), text: (start, end) => UTF8.decode(content.subarray(start, end)) };
}

/** The paths a plan's top-level `alignsWith` names, resolved against its folder. */
export function linksOf(filePath: string, text: string): string[] {
  return linksIn(filePath, scanOf(text));
}

function linksIn(filePath: string, scan: Scan): string[] {
  const entry = topLevelEntry(scan, 'alignsWith');
  if (entry === undefined) return [];
  let value: unknown;
  try {
    value = parse(entry, { maxAliasCount: 0 });
  } catch {
    return [];
  }
  const targets = (value as { alignsWith?: unknown } | null)?.alignsWith;
  const list = typeof targets === 'string' ? [targets] : Array.isArray(targets) ? targets : [];
  return list.filter((target): target is string => typeof target === 'string').map((target) => path.resolve(path.dirname(filePath), target)).filter((target) => target !== filePath);
}

/** A line that starts with an ASCII character other than a space, `#` or `-`: the entry before it has surely ended. */
const ENTRY_ENDS = /\r?\n(?=[^\s#\x2d\x80-\uffff])/g;

/** The text of a top-level key's entry: its line and the indented or blank lines after it. */
function topLevelEntry(scan: Scan, key: string): string | undefined {
  const match = new RegExp(`^${key}[ \\t]*:`, 'm').exec(scan.view);
  if (!match) return undefined;
  ENTRY_ENDS.lastIndex = match.index;
  // Up to there, the text decides: a line that starts with a character outside ASCII ends the entry unless it is a space (U+00A0, U+3000…).
  const rest = scan.text(match.index, ENTRY_ENDS.exec(scan.view)?.index ?? scan.view.length);
  // Not its line end: a `\r` left at its end would be part of the last value.
  const next = /\r?\n(?=[^\s#-])/.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

const SECTION = /^([A-Za-z][\w-]*)[ \t]*:/gm;
const ITEM_ID = /^([ \t]*)(?:-[ \t]+)?id[ \t]*:[ \t]*["']?([a-z0-9][a-z0-9-]*)["']?[ \t]*(?:#.*)?$/gm;

/** Sections (top-level keys) and the ids of goals and KPIs, with their offsets in the text. */
function outlineIn(scan: Scan): Omit<IndexedSymbol, 'filePath'>[] {
  const sections: { name: string; start: number }[] = [];
  for (const match of scan.view.matchAll(SECTION)) sections.push({ name: match[1], start: match.index });
  const outline: Omit<IndexedSymbol, 'filePath'>[] = sections.map((section) => ({ ...section, kind: 'section', end: section.start + section.name.length }));
  let sectionIndex = -1;
  for (const match of scan.view.matchAll(ITEM_ID)) {
    while (sectionIndex + 1 < sections.length && sections[sectionIndex + 1].start <= match.index) sectionIndex++;
    const container = sections[sectionIndex]?.name;
    if (container !== 'goals' && container !== 'kpis') continue;
    const start = match.index + match[0].indexOf(match[2], match[1].length);
    outline.push({ name: match[2], kind: container === 'goals' ? 'goal' : 'kpi', container, start, end: start + match[2].length });
  }
  outline.sort((a, b) => a.start - b.start);
  // Names are ASCII: each ends as many code units after its start in the text as in the view.
  const starts = scan.textOffsets(outline.map((symbol) => symbol.start));
  return outline.map((symbol, index) => ({ ...symbol, start: starts[index], end: starts[index] + symbol.name.length }));
}

/** Whether UTF-8 bytes hold U+2028 or U+2029 (E2 80 A8, E2 80 A9). */
function hasLineSeparator(bytes: Uint8Array): boolean {
  for (let at = bytes.indexOf(0xe2); at !== -1; at = bytes.indexOf(0xe2, at + 1)) if (bytes[at + 1] === 0x80 && (bytes[at + 2] === 0xa8 || bytes[at + 2] === 0xa9)) return true;
  return false;
}

/**
 * The UTF-16 offsets, in the text `UTF8` decodes from the bytes, of ascending byte offsets, each
 * at an ASCII byte. Counts code units as the Encoding Standard's UTF-8 decoder makes them: a
 * four-byte character is two, and each maximal bad sequence one U+FFFD.
 */
function utf16Offsets(bytes: Uint8Array, byteOffsets: readonly number[]): number[] {
  const offsets: number[] = [];
  let units = 0;
  /** Continuation bytes the character being read still needs, the range the next one must be in, and its length in UTF-16. */
  let needed = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let length = 1;
  let at = 0;
  for (const target of byteOffsets) {
    for (; at < target; at++) {
      const byte = bytes[at];
      if (needed > 0) {
        if (byte >= lower && byte <= upper) {
          lower = 0x80;
          upper = 0xbf;
          if (--needed === 0) units += length;
          continue;
        }
        // A sequence cut short is one U+FFFD, and the byte starts a character of its own.
        units++;
        needed = 0;
        lower = 0x80;
        upper = 0xbf;
      }
      if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        needed = 2;
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        needed = 3;
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
      } else units++;
      length = needed === 3 ? 2 : 1;
    }
    // The ASCII byte there ends a sequence cut short before it: one U+FFFD.
    offsets.push(units + (needed > 0 ? 1 : 0));
  }
  return offsets;
}

function sameContent(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function isInside(folder: string, filePath: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
