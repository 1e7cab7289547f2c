import type { GoalSmartResult } from '../check/engine';
import type { PlanFigures } from '../analysis/figures';
import type { AlignedPlan } from '../model/links';
import { locate } from '../parse/locate';
import { formatMessage, formatNumber, type MessageId } from '../base/messages';
import { asArray, asNumber, asRecord, asString, parseDate, type Data, type IdSection, type PlanModel } from '../model/model';
import { nodeAt, type ParsedPlan } from '../parse/parse';
import { LineIndex } from '../base/text';
import type { Finding, JsonPath, Locale, Severity } from '../base/types';
import { attributes, classes, inlineCode, text, type Attributes } from './html';
import { renderMarkdown } from './markdown';
import { CompareState, OLDER, type CompareInput } from './compare';
import type { DiffValue } from '../features/diff/types';

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
  /** Compare mode: the changes since an older version, marked in place, with their summary on top. */
  compare?: CompareInput;
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

interface Located {
  finding: Finding;
  path: JsonPath;
  line: number;
}

/** Whether `prefix` is the start of `path`. */
function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/**
 * The renderer's state for one plan: source lines for `data-line`, the findings not yet shown
 * in place, and the plan's language. Blocks are built children first, so the innermost block
 * whose path holds a finding's path shows it.
 */
export class RenderContext {
  readonly locale: Locale;
  readonly data: Data;
  readonly model: PlanModel;
  readonly smart: ReadonlyMap<number, GoalSmartResult>;
  readonly located: readonly Located[];
  readonly figures: PlanFigures;
  readonly aligned: readonly AlignedPlan[];
  readonly actualsNotRead: { file: string } | undefined;
  readonly today: string | undefined;
  /** In compare mode: the diff against the older version, looked up by path. */
  readonly compare: CompareState | undefined;
  private readonly lines: LineIndex;
  private readonly parsed: ParsedPlan;
  private readonly unclaimed: Set<Located>;

  constructor(input: RenderInput) {
    this.locale = input.locale;
    this.model = input.model;
    this.data = input.model.data;
    this.parsed = input.parsed;
    this.figures = input.figures ?? { currency: undefined };
    this.aligned = input.aligned ?? [];
    this.actualsNotRead = input.actualsNotRead;
    this.today = input.today;
    this.compare = input.compare ? new CompareState(input.compare) : undefined;
    this.lines = new LineIndex(input.parsed.text);
    this.smart = new Map(input.smart.map((goal) => [goal.index, goal]));
    this.located = input.findings.map((finding) => ({
      finding,
      path: finding.path ?? locate(input.parsed.root, finding.start).path,
      line: this.lines.lineOf(finding.start),
    }));
    this.unclaimed = new Set(this.located);
  }

  /** A message in the plan's language (plain text: escape it). */
  t(id: MessageId, params?: Record<string, string | number>): string {
    return formatMessage(this.locale, id, params);
  }

  /** The 0-based source line where the node at `path` starts (its key, for a map entry). */
  line(path: JsonPath): number | undefined {
    const node = nodeAt(this.parsed.root, path);
    if (!node) return undefined;
    return this.lines.lineOf(node.keyStart ?? node.start);
  }

  /**
   * A rendered block: `data-line` of its source, and the findings about it (or anything inside
   * it that no inner block has shown) marked with a class and listed with their messages.
   * Table rows get the list in a row of their own below.
   */
  block(tag: string, path: JsonPath, className: string, content: string, options: { claim?: (located: Located) => boolean; columns?: number; attributes?: Attributes } = {}): string {
    // An item of the older plan (compare mode) is about no line of this text and claims no finding.
    const older = path[0] === OLDER;
    const claimed = older ? [] : this.claim(options.claim ?? ((located) => startsWith(located.path, path)));
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
      const label = this.t('render.problem.goTo', { line: line + 1 });
      return `<li class="problem problem-${finding.severity}"><button type="button" class="problem-marker"${attributes({ 'data-reveal': line, title: label })}><span class="problem-icon" aria-hidden="true"></span><span class="sr-only">${text(this.t(`render.severity.${finding.severity}`))}: </span>${text(this.t('render.problem.line', { line: line + 1 }))}</button> <span class="problem-message">${inlineCode(finding.message)}</span> <span class="problem-rule">${text(finding.ruleId)}</span></li>`;
    });
    return `<ul class="problems">${items.join('')}</ul>`;
  }

  /** A markdown field at `path` rendered, with `data-line` on its blocks. */
  markdown(path: JsonPath): string {
    const source = asString(this.at(path));
    if (source === undefined || source.trim() === '') return '';
    const node = nodeAt(this.parsed.root, path);
    let baseLine: number | undefined;
    if (node) {
      const indicator = this.parsed.text[node.start];
      baseLine = this.lines.lineOf(node.start) + (indicator === '|' || indicator === '>' ? 1 : 0);
    }
    return `<div class="markdown">${renderMarkdown(source, baseLine)}</div>`;
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
    return value;
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
    const definition = this.model.ids.get(section)?.get(id);
    return definition ? asRecord(asArray(this.data[section])[definition.index]) : undefined;
  }

  /** How an id is shown: the item's name (or role, or statement), else the id itself; as text. */
  nameOf(section: IdSection, id: string): string {
    const item = this.item(section, id);
    return asString(item?.name) ?? asString(item?.role) ?? id;
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
