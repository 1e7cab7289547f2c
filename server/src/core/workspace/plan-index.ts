import * as path from 'path';
import { parse } from 'yaml';
import { sameItems } from '../base/lists';

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
    const scan = scanOf(content);
    const links = linksIn(filePath, scan);
    if (!previous || !sameItems(previous.links, links)) this.generation++;
    if (!previous) this.sorted = undefined;
    // Bytes are outlined now, from the view made for the links; an editor's text when first asked, not at every keystroke.
    this.plans.set(filePath, { content, links, outline: typeof content === 'string' ? undefined : outlineIn(scan) });
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
      const outline = (plan.outline ??= outlineIn(scanOf(plan.content)));
      if (!outline.allLowerNames.includes(wanted)) continue;
      outline.placed ??= placed(outline.found, plan.content, filePath);
      for (const [index, symbol] of outline.placed.entries()) if (outline.lowerNames[index].includes(wanted)) found.push(symbol);
    }
    return found;
  }
}

interface IndexedPlan {
  content: string | Uint8Array;
  links: string[];
  outline?: Outline;
}

/** A plan's symbols, with their names in lower case, made once for every query. */
interface Outline {
  /** Each symbol with its start in the view it was found in (`scanOf`). */
  found: { name: string; kind: IndexedSymbol['kind']; container: 'goals' | 'kpis' | undefined; start: number }[];
  lowerNames: string[];
  /** The lower-case names, one a line: a plan where the query is in none of them is passed over at once. */
  allLowerNames: string;
  /** The symbols placed in the text, once a query finds one: most plans never need the pass over their bytes this takes. */
  placed?: IndexedSymbol[];
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
  /** The text between two offsets of the view, each at an ASCII character. */
  text(start: number, end: number): string;
}

/** The view of bytes is one character per byte; of a text, the text. */
function scanOf(content: string | Uint8Array): Scan {
  if (typeof content !== 'string' && !hasLineSeparator(content)) return { view: SINGLE_BYTE.decode(content), text: (start, end) => UTF8.decode(content.subarray(start, end)) };
  const text = typeof content === 'string' ? content : UTF8.decode(content);
  return { view: text, text: (start, end) => text.slice(start, end) };
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

/** Sections (top-level keys) and the ids of goals and KPIs, with their offsets in the view. */
function outlineIn(scan: Scan): Outline {
  const { view } = scan;
  const sections = [...view.matchAll(SECTION)];
  const found: Outline['found'] = [];
  sections.forEach((section, index) => {
    const container = section[1];
    found.push({ name: container, kind: 'section', container: undefined, start: section.index });
    if (container !== 'goals' && container !== 'kpis') return;
    const kind = container === 'goals' ? 'goal' : 'kpi';
    const end = sections[index + 1]?.index ?? view.length;
    for (const item of view.slice(section.index, end).matchAll(ITEM_ID)) found.push({ name: item[2], kind, container, start: section.index + item.index + item[0].indexOf(item[2], item[1].length) });
  });
  // Copies of the names (joined, then split): pieces of the view would keep all of it in memory.
  const names = found.map((symbol) => symbol.name).join('\n');
  const copies = names.split('\n');
  for (const [index, symbol] of found.entries()) symbol.name = copies[index];
  const allLowerNames = names.toLocaleLowerCase();
  return { found, lowerNames: allLowerNames.split('\n'), allLowerNames };
}

/** The symbols with their offsets in the text of the content they were found in. */
function placed(found: Outline['found'], content: string | Uint8Array, filePath: string): IndexedSymbol[] {
  const viewStarts = found.map((symbol) => symbol.start);
  const starts = typeof content === 'string' || hasLineSeparator(content) ? viewStarts : utf16Offsets(content, viewStarts);
  // Names are ASCII: each ends as many code units after its start in the text as in the view.
  return found.map(({ name, kind, container }, index) => ({ filePath, name, kind, container, start: starts[index], end: starts[index] + name.length }));
}

/**
 * Whether UTF-8 bytes hold U+2028 or U+2029 (E2 80 A8, E2 80 A9), which `^`, `$` and `.` see as
 * line ends in the text and not in a single-byte view: such bytes are scanned as their text.
 */
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

function isInside(folder: string, filePath: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
