import type { GoalSmartResult } from '../check/engine';
import type { PlanFigures } from '../analysis/figures';
import type { ApprovalStatus } from '../analysis/approvals';
import type { AlignedPlan } from '../model/links';
import { locate } from '../parse/locate';
import { formatNumber, translator, type Translate } from '../base/messages';
import { asArray, asNumber, asRecord, asString, parseDate, type Data, type IdSection, type PlanModel } from '../model/model';
import { lineIndexOf, nodeAt, type ParsedPlan } from '../parse/parse';
import type { LineIndex } from '../base/text';
import type { Finding, JsonPath, Locale, Severity } from '../base/types';
import { attributes, classes, inlineCode, text, type Attributes } from './html';
import { renderMarkdown } from './markdown';
import { CompareState, OLDER, type CompareInput } from './compare';
import type { DiffValue } from '../analysis/diff/types';
import { partOf, SLOT, type RenderedPart } from './splice';
import { beginsWith, pushTo, sameItems } from '../base/lists';

/** What the renderer reads: the analysed plan, its findings and SMART verdicts, and the language. */
export interface RenderInput {
  parsed: ParsedPlan;
  model: PlanModel;
  findings: readonly Finding[];
  smart: readonly GoalSmartResult[];
  locale: Locale;
  /** The plan's figures (`snapshot.figures`); without them, the sections made from figures are left out. */
  figures?: PlanFigures;
  /** The plans aligned with this one, which `figures` points into by index. */
  aligned?: readonly AlignedPlan[];
  /** The actuals file the plan names, when it could not be read. */
  actualsNotRead?: { file: string };
  /** Today, as the figures judged progress by. */
  today?: string;
  /** The last approval and whether it still holds. */
  approval?: ApprovalStatus;
  /** The previous rendering's memoised parts, reused where nothing they read has changed (updated when the rendering completes). */
  memo?: RenderMemo;
  /** Compare mode: the changes since an older version, marked in place, with their summary on top (never memoised). */
  compare?: CompareInput;
}

/**
 * A read that a memoised part of a rendering made, with what it gave: the part is reused only
 * if every one of its reads gives the same again (the same object: a parse reuses the data of
 * the pieces an edit did not touch; the same line; the same verdict).
 */
type Read =
  | [op: 'at', path: JsonPath, value: unknown]
  | [op: 'item', section: IdSection, id: string, value: unknown]
  | [op: 'name', section: IdSection, id: string, value: string]
  | [op: 'line', path: JsonPath, value: number | undefined]
  | [op: 'markdown', path: JsonPath, value: number | undefined]
  | [op: 'verdict', index: number, value: string | undefined]
  | [op: 'figures', value: string]
  | [op: 'approval', value: string];

interface MemoEntry {
  /** Its HTML, with slots for the lists it showed (a section's cards) when it is a part's top. */
  html: string;
  /** The lists its slots stand for, numbered from 0. */
  lists?: readonly (readonly string[])[];
  reads: Read[];
  /** The findings it shows (all of those under its path). */
  findings: readonly Located[];
}

/**
 * The memoised parts of a plan's last rendering (sections, list items), kept by the caller from
 * one rendering of a plan to the next: after a keystroke only the parts whose data, lines,
 * findings or verdicts changed are rendered again.
 */
export class RenderMemo {
  /** Language, template, currency and period of the rendering the entries come from: any change drops them all. */
  globals = '';
  entries = new Map<string, MemoEntry>();
  /** Parts reused by the last rendering, and parts rendered (for tests and measurements). */
  reused = 0;
  rendered = 0;
}

/** Building a date format costs far more than using one: one per language, kept. */
const DATE_FORMATS = new Map<Locale, Intl.DateTimeFormat>();

function dateFormat(locale: Locale): Intl.DateTimeFormat {
  let format = DATE_FORMATS.get(locale);
  if (!format) {
    // English dates day first (31 Dec 2026), as in the plans' own region.
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    DATE_FORMATS.set(locale, format);
  }
  return format;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * A listed problem's HTML by its language, severity, line, rule and message: the status lists
 * every finding of the plan, and after a keystroke nearly all of them are as they were.
 */
const PROBLEM_ITEMS = new Map<string, string>();
const PROBLEM_ITEMS_KEPT = 10_000;

interface Located {
  finding: Finding;
  path: JsonPath;
  line: number;
}

/**
 * Whether a read gives the same again: the same value, or a list of the same values (each
 * parse makes a section's list anew, with the items of the pieces it reused).
 */
function sameRead(now: unknown, then: unknown): boolean {
  return Object.is(now, then) || (Array.isArray(now) && Array.isArray(then) && sameItems(now, then));
}

/** Rendered HTML with every `data-line` moved by `shift` lines (plan text cannot hold `data-line="`: its quotes are escaped). */
export function shiftLines(html: string, shift: number): string {
  return html.replace(/ data-line="(\d+)"/g, (_, line: string) => ` data-line="${Number(line) + shift}"`);
}

function shiftRead(read: Read, shift: number): Read {
  if ((read[0] === 'line' || read[0] === 'markdown') && read[2] !== undefined) return [read[0], read[1], read[2] + shift];
  return read;
}

const NO_FINDINGS: readonly Located[] = [];

/** Whether two lists of findings read the same: rule, severity, line, path and message. */
function sameFindings(was: readonly Located[], now: readonly Located[]): boolean {
  if (was === now) return true;
  if (was.length !== now.length) return false;
  for (let index = 0; index < was.length; index++) {
    const [a, b] = [was[index], now[index]];
    if (a.line !== b.line || a.finding.ruleId !== b.finding.ruleId || a.finding.severity !== b.finding.severity || a.finding.message !== b.finding.message || !sameItems(a.path, b.path)) return false;
  }
  return true;
}

/** HTML whose list slots are numbered `by` more. */
function renumber(html: string, by: number): string {
  return html.replace(SLOTS, (_, index: string) => `${SLOT}${Number(index) + by}${SLOT}`);
}

const SLOTS = new RegExp(`${SLOT}(\\d+)${SLOT}`, 'g');

/** A path as one string, to key maps by. */
function pathKey(path: JsonPath): string {
  return path.join('\u0000');
}

/**
 * The renderer's state for one plan: source lines for `data-line`, the findings not yet shown
 * in place, and the plan's language. Blocks are built children first, so the innermost block
 * whose path holds a finding's path shows it.
 */
export class RenderContext {
  readonly locale: Locale;
  /** A message in the plan's language (plain text: escape it). */
  readonly t: Translate;
  readonly data: Data;
  readonly model: PlanModel;
  readonly smart: ReadonlyMap<number, GoalSmartResult>;
  readonly located: readonly Located[];
  private readonly figuresValue: PlanFigures;
  private readonly alignedValue: readonly AlignedPlan[];
  /** The figures and aligned plans as one string, made when a memoised part first reads them. */
  private figuresText: string | undefined;
  readonly actualsNotRead: { file: string } | undefined;
  readonly today: string | undefined;
  private readonly approvalValue: ApprovalStatus | undefined;
  /** In compare mode: the diff against the older version, looked up by path. */
  readonly compare: CompareState | undefined;
  private readonly lines: LineIndex;
  private readonly parsed: ParsedPlan;
  private readonly unclaimed: Set<Located>;
  /** Located findings by every prefix of their path (`pathKey`). */
  private readonly under = new Map<string, Located[]>();
  private readonly memo: RenderMemo | undefined;
  private readonly globals: string;
  private readonly previous: Map<string, MemoEntry> | undefined;
  private readonly next = new Map<string, MemoEntry>();
  /** The memoised parts being rendered, innermost last: each records what it reads. */
  private readonly scopes: Read[][] = [];
  /** How many memoised parts are being rendered (in compare mode too, where they record nothing). */
  private depth = 0;
  /** The long lists of the part being rendered (`beginPart`), kept as pieces; numbered as their slots. */
  private lists: (readonly string[])[] | undefined;
  private reused = 0;
  private rendered = 0;

  constructor(input: RenderInput) {
    this.locale = input.locale;
    this.t = translator(input.locale);
    this.model = input.model;
    this.data = input.model.data;
    this.parsed = input.parsed;
    this.figuresValue = input.figures ?? { currency: undefined };
    this.alignedValue = input.aligned ?? [];
    this.actualsNotRead = input.actualsNotRead;
    this.today = input.today;
    this.approvalValue = input.approval;
    this.compare = input.compare ? new CompareState(input.compare) : undefined;
    this.lines = lineIndexOf(input.parsed);
    this.smart = new Map(input.smart.map((goal) => [goal.index, goal]));
    this.located = input.findings.map((finding) => ({
      finding,
      path: finding.path ?? locate(input.parsed.root, finding.start).path,
      line: this.lines.lineOf(finding.start),
    }));
    this.unclaimed = new Set(this.located);
    for (const located of this.located) {
      for (let length = 0; length <= located.path.length; length++) {
        const key = pathKey(located.path.slice(0, length));
        pushTo(this.under, key, located);
      }
    }
    // The marks of compare mode depend on the diff, which no memoised part records: it renders everything, and leaves the memo as it was.
    this.memo = input.compare ? undefined : input.memo;
    const period = this.model.period;
    this.globals = JSON.stringify([this.locale, this.model.kind ?? null, asString(this.data.currency) ?? null, period ? [period.start, period.end] : null, this.today ?? null, this.actualsNotRead?.file ?? null]);
    this.previous = this.memo?.globals === this.globals ? this.memo.entries : undefined;
  }

  /**
   * A part of the rendering (a section, a list item) that the next rendering of the plan may
   * reuse: its HTML is kept with what it read and the findings it shows, and reused while they
   * are all the same. Its findings are claimed either way. `path` is where its data and
   * findings are; `key` names it among the parts (its path, by default).
   */
  memoised(path: JsonPath, render: () => string, key = pathKey(path)): string {
    if (!this.memo) return this.rendering(render);
    const findings = this.under.get(pathKey(path)) ?? NO_FINDINGS;
    const old = this.previous?.get(key);
    const shift = old && sameFindings(old.findings, findings) ? this.lineShift(old.reads) : undefined;
    // Moved by lines added or taken out above it, it is the same but for its source lines (with findings, it is rendered again: they show their lines).
    if (old && shift !== undefined && (shift === 0 || findings.length === 0)) {
      const entry = shift === 0 ? old : { html: shiftLines(old.html, shift), lists: old.lists?.map((list) => list.map((piece) => shiftLines(piece, shift))), reads: old.reads.map((read) => shiftRead(read, shift)), findings };
      for (const located of this.under.get(pathKey(path)) ?? []) this.unclaimed.delete(located);
      for (const scope of this.scopes) scope.push(...entry.reads);
      this.next.set(key, entry);
      this.reused++;
      return this.withLists(entry);
    }
    const reads: Read[] = [];
    const before = this.unclaimedUnder(path);
    const listsBefore = this.lists?.length ?? 0;
    this.scopes.push(reads);
    let html: string;
    try {
      html = this.rendering(render);
    } finally {
      this.scopes.pop();
    }
    for (const scope of this.scopes) scope.push(...reads);
    this.rendered++;
    // Made one flat string now (a search does it), not each time a section joins its kept items.
    html.indexOf('\u0000');
    // Kept only if it showed every finding under its path: reused, it claims them all.
    if (before === (this.under.get(pathKey(path))?.length ?? 0) && this.unclaimedUnder(path) === 0) {
      // Its slots numbered from 0, as its lists are kept.
      const lists = this.lists?.slice(listsBefore) ?? [];
      this.next.set(key, { html: listsBefore === 0 ? html : renumber(html, -listsBefore), ...(lists.length > 0 ? { lists } : {}), reads, findings });
    }
    return html;
  }

  /** `render()` counted as a memoised part being rendered: lists inside it are joined, not slotted. */
  private rendering(render: () => string): string {
    this.depth++;
    try {
      return render();
    } finally {
      this.depth--;
    }
  }

  /** A kept entry's HTML, its lists added to those of the part being rendered. */
  private withLists(entry: MemoEntry): string {
    if (!entry.lists) return entry.html;
    const lists = this.lists ?? [];
    const html = lists.length === 0 ? entry.html : renumber(entry.html, lists.length);
    lists.push(...entry.lists);
    return html;
  }

  /** Starts rendering a part of the body: its long lists are kept as pieces (`endPart`). */
  beginPart(): void {
    this.lists = [];
  }

  /** The part rendered since `beginPart`, in pieces when it shows a long list. */
  endPart(key: string, html: string): RenderedPart {
    const lists = this.lists ?? [];
    this.lists = undefined;
    return partOf(key, html, lists);
  }

  /**
   * Items' HTML one after the other. At the top of a part (a section's cards, the status's
   * problems) they are kept as pieces, not joined: a slot stands for them until the part is
   * made (`endPart`). Inside a memoised item they are joined.
   */
  list(items: readonly string[]): string {
    if (!this.lists || this.depth > 1) return items.join('');
    const lists = this.lists;
    // An item made at the top of the part may hold a slot of its own (a table row's problems): a part reads only its own slots, so it is joined in. Without a list made before, there is no slot to look for in megabytes of cards.
    lists.push(lists.length === 0 ? items : items.map((item) => (item.includes(SLOT) ? item.replace(SLOTS, (_, index: string) => lists[Number(index)].join('')) : item)));
    return `${SLOT}${lists.length - 1}${SLOT}`;
  }

  /** Hands the memoised parts of this rendering to the next one (once the rendering is complete). */
  commitMemo(): void {
    if (!this.memo) return;
    this.memo.globals = this.globals;
    this.memo.entries = this.next;
    this.memo.reused = this.reused;
    this.memo.rendered = this.rendered;
  }

  private record(read: Read): void {
    for (const scope of this.scopes) scope.push(read);
  }

  /**
   * By how many lines the source of a memoised part moved, if every read gives the same again
   * but for its lines, all moved alike; undefined if anything else changed.
   */
  private lineShift(reads: readonly Read[]): number | undefined {
    const scopes = this.scopes.splice(0);
    let shift: number | undefined;
    const moved = (was: number | undefined, now: number | undefined) => {
      if (was === undefined || now === undefined) return was === now;
      shift ??= now - was;
      return now - was === shift;
    };
    // A mapping read the same (the same object: the parse kept its piece, so the same text) gives
    // the same values under it, and its lines all moved by as many as the first of them.
    let kept: JsonPath | undefined;
    let keptLine = false;
    try {
      for (const read of reads) {
        switch (read[0]) {
          case 'at':
            if (kept && beginsWith(read[1], kept)) break;
            if (!sameRead(this.at(read[1]), read[2])) return undefined;
            if (typeof read[2] === 'object' && read[2] !== null && !Array.isArray(read[2])) [kept, keptLine] = [read[1], false];
            break;
          case 'item':
            if (!Object.is(this.item(read[1], read[2]), read[3])) return undefined;
            break;
          case 'name':
            if (this.nameOf(read[1], read[2]) !== read[3]) return undefined;
            break;
          case 'line':
          case 'markdown': {
            const under = kept !== undefined && beginsWith(read[1], kept);
            if (under && keptLine) break;
            if (!moved(read[2], read[0] === 'line' ? this.line(read[1]) : this.markdownLine(read[1]))) return undefined;
            if (under) keptLine = read[2] !== undefined;
            break;
          }
          case 'verdict':
            if (this.verdictText(read[1]) !== read[2]) return undefined;
            break;
          case 'figures':
            if (this.figuresKey() !== read[1]) return undefined;
            break;
          case 'approval':
            if (this.approvalKey() !== read[1]) return undefined;
            break;
        }
      }
    } finally {
      this.scopes.push(...scopes);
    }
    return shift ?? 0;
  }


  private unclaimedUnder(path: JsonPath): number {
    let count = 0;
    for (const located of this.under.get(pathKey(path)) ?? []) if (this.unclaimed.has(located)) count++;
    return count;
  }


  /** The 0-based source line where the node at `path` starts (its key, for a map entry). */
  line(path: JsonPath): number | undefined {
    const node = nodeAt(this.parsed.root, path);
    const line = node && this.lines.lineOf(node.keyStart ?? node.start);
    if (this.scopes.length > 0) this.record(['line', path, line]);
    return line;
  }

  /**
   * A rendered block: `data-line` of its source, and the findings about it (or anything inside
   * it that no inner block has shown) marked with a class and listed with their messages.
   * Table rows get the list in a row of their own below.
   */
  block(tag: string, path: JsonPath, className: string, content: string, options: { claim?: (located: Located) => boolean; columns?: number; attributes?: Attributes } = {}): string {
    // An item of the older plan (compare mode) is about no line of this text and claims no finding.
    const older = path[0] === OLDER;
    const claimed = older ? [] : options.claim ? this.claim(options.claim) : this.claimUnder(path);
    const worst = SEVERITY_ORDER.find((severity) => claimed.some((located) => located.finding.severity === severity));
    const mark = this.compare?.blockAt(path);
    const values: Attributes = {
      class: classes(className, worst && 'has-problems', worst && `has-${worst}`, mark && `diff-${mark}`) || undefined,
      'data-line': older ? undefined : this.line(path),
      ...(mark ? { 'data-diff': mark, 'data-diff-label': this.t(`render.compare.mark.${mark}`), title: this.t(`render.compare.${mark}`, { base: this.compare!.base }) } : {}),
      ...options.attributes,
    };
    const open = `<${tag}${attributes(values)}>`;
    if (claimed.length === 0) return `${open}${content}</${tag}>`;
    const list = this.problemList(claimed.map((located) => located.finding));
    if (tag === 'tr') return `${open}${content}</tr><tr class="problems-row"><td colspan="${options.columns ?? 1}">${list}</td></tr>`;
    return `${open}${content}${list}</${tag}>`;
  }

  /**
   * HTML of a value shown for the plan path `path` (`now`), with its change in compare mode: the
   * old value struck through before the new one, or the value marked as added. `show` words an
   * old value as text, the way the new one is worded.
   */
  mark(path: JsonPath, now: string, show: (value: DiffValue) => string = (value) => this.plainValue(value)): string {
    const change = this.compare?.fieldAt(path);
    if (!change) return now;
    return this.changed(change.kind === 'added' || change.before === undefined ? '' : show(change.before), now);
  }

  /** In compare mode: an old value (text) struck through before the new one (HTML); either may be ''. */
  private changed(old: string, now: string): string {
    const base = this.compare!.base;
    if (old === '') return now === '' ? now : `<ins${attributes({ class: 'diff-new', title: this.t('render.compare.added', { base }) })}>${now}</ins>`;
    const was = `<del${attributes({ class: 'diff-old', title: this.t('render.compare.was', { base, value: old }) })}>${text(old)}</del>`;
    return now === '' ? was : `<span class="diff-change">${was} <ins class="diff-new">${now}</ins></span>`;
  }

  /**
   * The dates at `[...path, start]` and `[...path, end]` as a range (`1 Jan 2026 – 31 Mar 2026`,
   * or the one given), as HTML; in compare mode, when either changed, the old range struck
   * through before the new one.
   */
  dateRange(path: JsonPath, start = 'start', end = 'end'): string {
    const range = (from: string, to: string) => (from && to ? `${from} – ${to}` : from || to);
    const [startPath, endPath] = [[...path, start], [...path, end]];
    const now = [this.date(this.at(startPath)), this.date(this.at(endPath))] as const;
    const [startChange, endChange] = [this.compare?.fieldAt(startPath), this.compare?.fieldAt(endPath)];
    if (!startChange && !endChange) return text(range(...now));
    const before = (change: typeof startChange, current: string) => (change ? (change.before === undefined ? '' : this.date(change.before)) : current);
    return this.changed(range(before(startChange, now[0]), before(endChange, now[1])), text(range(...now)));
  }

  /**
   * The value at `path` as HTML, marked with its change in compare mode: as `value()` shows it,
   * or as `show` words it (text).
   */
  field(path: JsonPath, show?: (value: DiffValue) => string): string {
    const value = this.at(path);
    const now = show === undefined ? this.value(value) : value === undefined || value === null || value === '' ? '' : text(show(value as DiffValue));
    return this.mark(path, now, show);
  }

  /** A value of the plan as text: numbers in the plan's language, lists joined. */
  plainValue(value: unknown): string {
    if (typeof value === 'number') return Number.isFinite(value) ? this.number(value) : String(value);
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map((item) => this.plainValue(item)).join(', ');
    if (value && typeof value === 'object') return Object.entries(value).map(([key, item]) => `${key}: ${this.plainValue(item)}`).join('; ');
    return value === undefined || value === null ? '' : String(value);
  }

  /** The unclaimed findings whose path is `path` or under it, claimed (in the order of the findings). */
  private claimUnder(path: JsonPath): Located[] {
    const claimed: Located[] = [];
    for (const located of this.under.get(pathKey(path)) ?? []) {
      if (!this.unclaimed.delete(located)) continue;
      claimed.push(located);
    }
    return claimed;
  }

  private claim(predicate: (located: Located) => boolean): Located[] {
    const claimed: Located[] = [];
    for (const located of this.unclaimed) {
      if (!predicate(located)) continue;
      claimed.push(located);
      this.unclaimed.delete(located);
    }
    return claimed;
  }

  /** Findings as a list of messages, each with a marker that reveals its line in the editor. */
  problemList(findings: readonly Finding[]): string {
    const items = findings.map((finding) => {
      const line = this.lines.lineOf(finding.start);
      const key = `${this.locale}\u0001${finding.severity}\u0001${line}\u0001${finding.ruleId}\u0001${finding.message}`;
      let item = PROBLEM_ITEMS.get(key);
      if (item === undefined) {
        const label = this.t('render.problem.goTo', { line: line + 1 });
        item = `<li class="problem problem-${finding.severity}"><button type="button" class="problem-marker"${attributes({ 'data-reveal': line, title: label })}><span class="problem-icon" aria-hidden="true"></span><span class="sr-only">${text(this.t(`render.severity.${finding.severity}`))}: </span>${text(this.t('render.problem.line', { line: line + 1 }))}</button> <span class="problem-message">${inlineCode(finding.message)}</span> <span class="problem-rule">${text(finding.ruleId)}</span></li>`;
        if (PROBLEM_ITEMS.size >= PROBLEM_ITEMS_KEPT) PROBLEM_ITEMS.clear();
        PROBLEM_ITEMS.set(key, item);
      }
      return item;
    });
    return `<ul class="problems">${this.list(items)}</ul>`;
  }

  /** A markdown field at `path` rendered, with `data-line` on its blocks. */
  markdown(path: JsonPath): string {
    const source = asString(this.at(path));
    if (source === undefined || source.trim() === '') return '';
    const baseLine = this.markdownLine(path);
    if (this.scopes.length > 0) this.record(['markdown', path, baseLine]);
    return `<div class="markdown">${renderMarkdown(source, baseLine)}</div>`;
  }

  /** The source line where the text of a markdown field starts (after a block scalar's indicator). */
  private markdownLine(path: JsonPath): number | undefined {
    const node = nodeAt(this.parsed.root, path);
    if (!node) return undefined;
    const indicator = this.parsed.text[node.start];
    return this.lines.lineOf(node.start) + (indicator === '|' || indicator === '>' ? 1 : 0);
  }

  /** The plan value at a path. */
  at(path: JsonPath): unknown {
    // Compare mode: a removed item is read from the older plan.
    const older = path[0] === OLDER;
    let value: unknown = older ? this.compare?.before : this.data;
    for (const segment of older ? path.slice(1) : path) {
      if (typeof segment === 'number') value = asArray(value)[segment];
      else value = asRecord(value)?.[segment];
    }
    if (this.scopes.length > 0) this.record(['at', path, value]);
    return value;
  }

  /** The plan's figures (a memoised part that reads them is reused only while they read the same). */
  get figures(): PlanFigures {
    if (this.scopes.length > 0) this.record(['figures', this.figuresKey()]);
    return this.figuresValue;
  }

  /** The plans aligned with this one (read as the figures are). */
  get aligned(): readonly AlignedPlan[] {
    if (this.scopes.length > 0) this.record(['figures', this.figuresKey()]);
    return this.alignedValue;
  }

  /** The last approval and whether it holds (read as the figures are). */
  get approval(): ApprovalStatus | undefined {
    if (this.scopes.length > 0) this.record(['approval', this.approvalKey()]);
    return this.approvalValue;
  }

  private approvalKey(): string {
    const status = this.approvalValue;
    return status ? `${status.approval.index}\u0001${status.state}` : '';
  }

  /** The figures (each version computes them anew) and the aligned plans' names, as one string to compare. */
  private figuresKey(): string {
    this.figuresText ??= JSON.stringify(
      [this.figuresValue, this.alignedValue.map((plan) => [plan.filePath, asString(plan.model.data.title) ?? null])],
      (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value] : value),
    );
    return this.figuresText;
  }

  /** The SMART verdict of the goal at `index`. */
  verdict(index: number): GoalSmartResult | undefined {
    if (this.scopes.length > 0) this.record(['verdict', index, this.verdictText(index)]);
    return this.smart.get(index);
  }

  /** What a goal's card shows of its verdict (not where its findings are: an edit above moves them). */
  private verdictText(index: number): string | undefined {
    const verdict = this.smart.get(index);
    return verdict && JSON.stringify([verdict.score, verdict.letters.map((letter) => [letter.letter, letter.pass, letter.off, letter.message ?? null])]);
  }

  /** A scalar as escaped text; lists, mappings and absent values give ''. */
  value(value: unknown): string {
    if (typeof value === 'string') return text(value);
    if (typeof value === 'number' && Number.isFinite(value)) return text(this.number(value));
    if (typeof value === 'boolean') return text(String(value));
    return '';
  }

  number(value: number): string {
    return formatNumber(this.locale, value);
  }

  /** An amount in the plan's currency, as text (escape it). */
  money(value: number): string {
    const currency = asString(this.data.currency);
    return currency ? `${this.number(value)} ${currency}` : this.number(value);
  }

  /** A value in a KPI unit, as text (escape it). */
  measure(value: number, unit: string | undefined): string {
    if (unit === 'percent') return `${this.number(value)} %`;
    if (unit === 'currency') return this.money(value);
    if (unit === 'ratio') return `${this.number(value)}×`;
    return this.number(value);
  }

  /** A `YYYY-MM-DD` date in the plan's language (e.g. 31 Dec 2026), else the value as written; as text. */
  date(value: unknown): string {
    const days = parseDate(value);
    if (days === undefined) return typeof value === 'string' ? value : '';
    return this.day(days);
  }

  /** A day (days since the epoch) in the plan's language, as text. */
  day(days: number): string {
    return dateFormat(this.locale).format(new Date(days * 86_400_000));
  }

  /** A percentage (50 for 50 %), to `digits` decimals at most, as text. */
  percent(value: number, digits = 0): string {
    const factor = 10 ** digits;
    return `${this.number(Math.round(value * factor) / factor)} %`;
  }

  /** The record of an item defined under `section` with this id. */
  item(section: IdSection, id: string): Data | undefined {
    const item = this.definedItem(section, id);
    if (this.scopes.length > 0) this.record(['item', section, id, item]);
    return item;
  }

  /** The item an id names in a section, unrecorded: `item` records it whole, `nameOf` only its name. */
  private definedItem(section: IdSection, id: string): Data | undefined {
    const definition = this.model.ids.get(section)?.get(id);
    return definition ? asRecord(asArray(this.data[section])[definition.index]) : undefined;
  }

  /** How an id is shown: the item's name (or role, or statement), else the id itself; as text. */
  nameOf(section: IdSection, id: string): string {
    const item = this.definedItem(section, id);
    const name = asString(item?.name) ?? asString(item?.role) ?? id;
    // What a part shows of the item is its name: a part naming a goal is not rendered again when the goal's statement changes.
    if (this.scopes.length > 0) this.record(['name', section, id, name]);
    return name;
  }

  /** Ids shown as chips, each with the name it refers to. */
  chips(section: IdSection, value: unknown): string {
    const ids = typeof value === 'string' ? [value] : asArray(value).filter((id): id is string => typeof id === 'string');
    if (ids.length === 0) return '';
    return `<ul class="chips">${ids.map((id) => `<li class="chip">${text(this.nameOf(section, id))}</li>`).join('')}</ul>`;
  }

  /** A number from the plan, or undefined. */
  numberAt(path: JsonPath): number | undefined {
    return asNumber(this.at(path));
  }
}
