/**
 * Fixes as data: the skeletons of the templates' sections, and the text edits that insert
 * them or add missing keys in the plan's own style (indentation, block or flow collections,
 * line endings, blank lines between sections). Pure, and in offsets like the rest of the core.
 *
 * This is the one place that knows what a section looks like when it is first written: the
 * section fixes, "Create KPI" and (later) snippets and completion all read `SECTION_SKELETONS`.
 */
import { catalogKpi } from '../model/catalog';
import { metricText } from '../model/catalog-text';
import type { MessageId } from '../base/messages';
import { asArray, asNumber, asRecord, findKpi, idList, type PlanModel } from '../model/model';
import { lineIndexOf, nodeAt, type ParsedPlan, type SourceNode } from '../parse/parse';
import type { LineIndex } from '../base/text';
import type { Finding, Fix, JsonPath, Locale, PlanKind, TextEdit } from '../base/types';

/** Text the author is expected to replace. Not blank, so that the finding a fix answers goes away. */
export const PLACEHOLDER = 'TODO';

/**
 * The words skeletons write into a plan, in the plan's language: the placeholder, the first
 * item's id of each list, and the free-text frequencies. YAML keys and the values the schema
 * fixes (`monthly` as a KPI's `frequency`, `online`, `prospecting`) are the same in every language.
 */
const WORDS: Record<Locale, { placeholder: string; currency: string; monthly: string; quarterly: string; ids: Record<'goal' | 'objective' | 'kpi' | 'persona' | 'strategy' | 'activity' | 'channel' | 'segment' | 'offering' | 'role' | 'territory' | 'training', string> }> = {
  en: {
    placeholder: PLACEHOLDER,
    currency: 'EUR',
    monthly: 'monthly',
    quarterly: 'quarterly',
    ids: { goal: 'goal-1', objective: 'objective-1', kpi: 'kpi-1', persona: 'persona-1', strategy: 'strategy-1', activity: 'activity-1', channel: 'channel-1', segment: 'segment-1', offering: 'offering-1', role: 'role-1', territory: 'territory-1', training: 'training-1' },
  },
  ro: {
    placeholder: 'de completat',
    currency: 'RON',
    monthly: 'lunar',
    quarterly: 'trimestrial',
    ids: { goal: 'obiectiv-1', objective: 'scop-1', kpi: 'kpi-1', persona: 'persona-1', strategy: 'strategie-1', activity: 'activitate-1', channel: 'canal-1', segment: 'segment-1', offering: 'oferta-1', role: 'rol-1', territory: 'teritoriu-1', training: 'instruire-1' },
  },
};

/** The placeholder in a language: `TODO`, `de completat`. */
export function placeholder(locale: Locale = 'en'): string {
  return WORDS[locale].placeholder;
}

/** A value a fix writes: YAML scalars, lists and mappings (keys in the order they are written). */
export type YamlValue = string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** What skeletons fill in from the plan they go into, so that they reference what exists. */
export interface SkeletonFacts {
  kpiIds: readonly string[];
  /** The first KPI's baseline and target, which a new goal on it starts from (so that the two agree). */
  firstKpi?: { baseline?: number; target?: number };
  goalIds: readonly string[];
  /** The plan's period as written (`YYYY-MM-DD`), when it is a valid one. */
  period?: { start: string; end: string };
  /** The plan's language: placeholders, ids and names are written in it (English by default). */
  locale?: Locale;
}

export function skeletonFacts(plan: PlanModel, locale: Locale = 'en'): SkeletonFacts {
  const period = asRecord(plan.data.period);
  const kpiIds = [...(plan.ids.get('kpis')?.keys() ?? [])];
  const first = kpiIds[0] === undefined ? undefined : findKpi(plan, kpiIds[0]);
  return {
    kpiIds,
    firstKpi: first && { baseline: asNumber(first.baseline), target: asNumber(first.target) },
    goalIds: [...(plan.ids.get('goals')?.keys() ?? [])],
    period: plan.period ? { start: String(period?.start), end: String(period?.end) } : undefined,
    locale,
  };
}

export const SWOT_SKELETON: YamlValue = { strengths: [], weaknesses: [], opportunities: [], threats: [] };

/** A KPI with a baseline and every field `kpi/incomplete` asks for; a catalog id gives its metric and its name in the plan's language; `numbers` start it from what the plan already says (a goal's). */
export function kpiSkeleton(id: string, locale: Locale = 'en', numbers: { baseline?: number; target?: number } = {}): { [key: string]: YamlValue } {
  const metric = catalogKpi(id);
  const todo = WORDS[locale].placeholder;
  return {
    id,
    name: metric ? metricText(metric, locale).name : todo,
    ...(metric ? { metric: metric.id } : { unit: 'count' }),
    baseline: numbers.baseline ?? 0,
    target: numbers.target ?? 0,
    frequency: 'monthly',
    source: todo,
  };
}

function goalSkeleton(facts: SkeletonFacts): YamlValue {
  const { placeholder: todo, ids } = WORDS[facts.locale ?? 'en'];
  return {
    id: ids.goal,
    statement: todo,
    ...(facts.kpiIds[0] ? { kpi: facts.kpiIds[0] } : {}),
    baseline: facts.firstKpi?.baseline ?? 0,
    target: facts.firstKpi?.target ?? 0,
    ...(facts.period ? { deadline: facts.period.end } : {}),
    owner: todo,
    supports: [],
  };
}

type Skeleton = (facts: SkeletonFacts) => YamlValue;

/** The words of the facts' language. */
const words = (facts: SkeletonFacts) => WORDS[facts.locale ?? 'en'];

const summary: Skeleton = (facts) => words(facts).placeholder;
const objectives: Skeleton = (facts) => [{ id: words(facts).ids.objective, statement: words(facts).placeholder }];
const kpis: Skeleton = (facts) => [kpiSkeleton(words(facts).ids.kpi, facts.locale)];
const goals: Skeleton = (facts) => [goalSkeleton(facts)];

/**
 * Each template's sections in the template's order (with `objectives` and `kpis` where plans
 * usually keep them), each as a function of the plan it goes into. Lists get one item to fill in.
 */
export const SECTION_SKELETONS: Record<PlanKind, Readonly<Record<string, Skeleton>>> = {
  marketing: {
    summary,
    market: (facts) => ({ analysis: words(facts).placeholder, trends: [], opportunities: [], competitors: [], swot: SWOT_SKELETON }),
    personas: (facts) => [{ id: words(facts).ids.persona, name: words(facts).placeholder, role: words(facts).placeholder, needs: [], pains: [], preferences: [], behaviors: [] }],
    objectives,
    kpis,
    goals,
    positioning: (facts) => ({ statement: words(facts).placeholder, advantages: [], messages: [] }),
    strategies: (facts) => [{ id: words(facts).ids.strategy, name: words(facts).placeholder, description: words(facts).placeholder, goals: facts.goalIds.slice(0, 1) }],
    mix: (facts) => ({ product: words(facts).placeholder, price: words(facts).placeholder, place: words(facts).placeholder, promotion: words(facts).placeholder }),
    budget: () => ({ total: 0, allocations: [] }),
    calendar: (facts) => [{ id: words(facts).ids.activity, name: words(facts).placeholder, ...(facts.period ?? {}), channels: [], goals: facts.goalIds.slice(0, 1) }],
    channels: (facts) => [{ id: words(facts).ids.channel, name: words(facts).placeholder, type: 'online', kpis: facts.kpiIds.slice(0, 1) }],
    content: (facts) => ({ items: [{ type: words(facts).placeholder, topic: words(facts).placeholder, frequency: words(facts).monthly, channels: [] }], distribution: words(facts).placeholder, audit: { frequency: words(facts).quarterly } }),
    measurement: (facts) => ({ kpis: [...facts.kpiIds], tools: [], cadence: words(facts).monthly, reviews: words(facts).placeholder }),
  },
  sales: {
    summary,
    objectives,
    kpis,
    goals,
    segments: (facts) => [{ id: words(facts).ids.segment, name: words(facts).placeholder, description: words(facts).placeholder, idealCustomer: { industry: words(facts).placeholder, size: words(facts).placeholder, region: words(facts).placeholder, traits: [] } }],
    offering: (facts) => [{ id: words(facts).ids.offering, name: words(facts).placeholder, description: words(facts).placeholder, valueProposition: words(facts).placeholder, differentiators: [] }],
    strategies: (facts) => [{ id: words(facts).ids.strategy, name: words(facts).placeholder, type: 'prospecting', description: words(facts).placeholder, goals: facts.goalIds.slice(0, 1), segments: [] }],
    team: (facts) => [{ id: words(facts).ids.role, role: words(facts).placeholder, count: 1, responsibilities: [] }],
    tactics: (facts) => [{ name: words(facts).placeholder, methodology: words(facts).placeholder, description: words(facts).placeholder }],
    forecast: (facts) => ({ method: 'manual', history: [], projections: [], assumptions: words(facts).placeholder }),
    territories: (facts) => [{ id: words(facts).ids.territory, name: words(facts).placeholder, regions: [], channels: [] }],
    training: (facts) => [{ id: words(facts).ids.training, name: words(facts).placeholder, cadence: words(facts).quarterly, topics: [] }],
  },
};

/** Header keys, in the order plans write them: a section goes after them. */
const HEADER_KEYS = ['kind', 'version', 'title', 'owner', 'period', 'currency', 'language', 'status', 'alignsWith'];

// ---------------------------------------------------------------------------------------------
// Writing YAML in the plan's style

interface Style {
  /** Spaces a nested mapping's keys sit right of their parent key. */
  indent: number;
  /** Spaces a block sequence's dashes sit right of their key (0 for `key:\n- item`). */
  sequenceIndent: number;
  eol: string;
  /** Whether top-level sections are separated by blank lines. */
  blankLines: boolean;
}

function isFlow(text: string, node: SourceNode, open: '{' | '['): boolean {
  return text[node.start] === open;
}

function detectStyle(parsed: ParsedPlan, lines: LineIndex): Style {
  const { text, root } = parsed;
  const column = (offset: number) => lines.position(offset).character;
  let indent: number | undefined;
  let sequenceIndent: number | undefined;
  let blankLines = false;
  for (const [index, key] of (root?.keys ?? []).entries()) {
    const line = lines.lineOf(key.start);
    if (index > 0 && line > 0 && text.slice(lines.lineStart(line - 1), lines.lineStart(line)).trim() === '') blankLines = true;
    const node = root?.children?.get(key.key);
    if (!node?.children || node.keyStart !== key.start) continue;
    const nested = node.keys?.[0];
    if (nested && indent === undefined && !isFlow(text, node, '{') && column(nested.start) > column(key.start)) indent = column(nested.start) - column(key.start);
    if (!node.keys && sequenceIndent === undefined && text[node.start] === '-') sequenceIndent = Math.max(0, column(node.start) - column(key.start));
  }
  return { indent: indent ?? 2, sequenceIndent: sequenceIndent ?? indent ?? 2, eol: text.includes('\r\n') ? '\r\n' : '\n', blankLines };
}

const RESERVED = /^(?:true|false|yes|no|on|off|null|y|n)$/i;

/** A scalar as YAML: plain when it reads back as the same string, else single-quoted. */
function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} _./()-]*$/u.test(value) && !/\s$/.test(value) && !RESERVED.test(value) && Number.isNaN(Number(value));
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}

function isCollection(value: YamlValue): value is readonly YamlValue[] | { readonly [key: string]: YamlValue } {
  return typeof value === 'object';
}

/** A value on one line: scalars, `[a, b]` and `{ a: 1 }`. */
export function inlineYaml(value: YamlValue): string {
  if (!isCollection(value)) return scalar(value);
  if (Array.isArray(value)) return `[${value.map(inlineYaml).join(', ')}]`;
  const entries = Object.entries(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${key}: ${inlineYaml(item)}`).join(', ')} }`;
}

/** Whether a value is written on its key's line: scalars, empty collections and lists of scalars. */
function fitsOnOneLine(value: YamlValue): boolean {
  if (!isCollection(value)) return true;
  const items: readonly YamlValue[] = Array.isArray(value) ? value : Object.values(value);
  return items.length === 0 || (Array.isArray(value) && items.every((item) => !isCollection(item)));
}

const pad = (column: number) => ' '.repeat(column);

/** `key: value` in block style at a column, as lines without line ends. */
function blockEntry(key: string, value: YamlValue, column: number, style: Style): string[] {
  if (fitsOnOneLine(value)) return [`${pad(column)}${key}: ${inlineYaml(value)}`];
  if (Array.isArray(value)) return [`${pad(column)}${key}:`, ...value.flatMap((item: YamlValue) => blockItem(item, column + style.sequenceIndent, style))];
  return [`${pad(column)}${key}:`, ...Object.entries(value).flatMap(([name, item]) => blockEntry(name, item, column + style.indent, style))];
}

/** A section as block YAML in the default style (2 spaces), for the section completions. */
export function sectionYaml(kind: PlanKind, section: string, facts: SkeletonFacts): string | undefined {
  const skeleton = SECTION_SKELETONS[kind][section];
  return skeleton && blockEntry(section, skeleton(facts), 0, { indent: 2, sequenceIndent: 2, eol: '\n', blankLines: false }).join('\n');
}

/** `- item` in block style, a mapping's first key on the dash's line. */
function blockItem(item: YamlValue, column: number, style: Style): string[] {
  if (!isCollection(item) || Array.isArray(item) || Object.keys(item).length === 0) return [`${pad(column)}- ${inlineYaml(item)}`];
  const lines = Object.entries(item).flatMap(([name, value]) => blockEntry(name, value, column + 2, style));
  lines[0] = `${pad(column)}- ${lines[0].slice(column + 2)}`;
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Edits

/** Edits a plan: knows its text, its source map and its style. */
export class PlanEditor {
  readonly text: string;
  readonly lines: LineIndex;
  readonly style: Style;
  constructor(readonly parsed: ParsedPlan) {
    this.text = parsed.text;
    this.lines = lineIndexOf(parsed);
    this.style = detectStyle(parsed, this.lines);
  }

  column(offset: number): number {
    return this.lines.position(offset).character;
  }

  /** Inserts whole lines after the line on which a node ends. */
  linesAfter(end: number, lines: string[], blankLine = false): TextEdit {
    const { eol } = this.style;
    const last = this.lines.lineOf(Math.max(0, end - 1));
    const at = last + 1 < this.lines.lineCount ? this.lines.lineStart(last + 1) : this.text.length;
    const prefix = at === this.text.length && !this.text.endsWith('\n') ? eol : '';
    return { start: at, end: at, newText: `${prefix}${blankLine ? eol : ''}${lines.join(eol)}${eol}` };
  }

  /** Sets keys of the mapping at `path`: adds the absent ones, fills the blank ones in place. */
  setKeys(path: JsonPath, entries: readonly (readonly [string, YamlValue])[]): TextEdit[] | undefined {
    const node = nodeAt(this.parsed.root, path);
    // Without own `keys` it is not a mapping; an alias's keys live at its anchor.
    if (!node?.keys || this.text[node.start] === '*') return undefined;
    const edits: TextEdit[] = [];
    const added: (readonly [string, YamlValue])[] = [];
    for (const entry of entries) {
      const own = node.keys.find((key) => key.key === entry[0]);
      const child = node.children?.get(entry[0]);
      if (!own || !child) {
        added.push(entry);
        continue;
      }
      if (!fitsOnOneLine(entry[1]) || child.children) return undefined;
      edits.push({ start: own.start, end: Math.max(child.end, own.end + 1), newText: `${entry[0]}: ${inlineYaml(entry[1])}` });
    }
    if (added.length === 0) return edits;
    if (isFlow(this.text, node, '{')) {
      const inner = added.map(([key, value]) => `${key}: ${inlineYaml(value)}`).join(', ');
      const last = Math.max(...node.keys.map((key) => Math.max(key.end, node.children?.get(key.key)?.end ?? key.end)));
      edits.push(node.keys.length > 0 ? { start: last, end: last, newText: `, ${inner}` } : { start: node.end - 1, end: node.end - 1, newText: inner });
    } else {
      // A mapping with no key of its own (only a merge key) gives no column to write at.
      const first = node.keys[0];
      if (!first) return undefined;
      const column = this.column(first.start);
      edits.push(this.linesAfter(node.end, added.flatMap(([key, value]) => blockEntry(key, value, column, this.style))));
    }
    return edits;
  }

  /** Appends an item to the list at `path` (written like the items already there); undefined when it is not a list. */
  appendItem(path: JsonPath, item: YamlValue): TextEdit[] | undefined {
    const node = nodeAt(this.parsed.root, path);
    if (!node || node.keys || this.text[node.start] === '*') return undefined;
    if (isFlow(this.text, node, '[')) {
      const last = node.children?.get((node.children?.size ?? 0) - 1);
      return [last ? { start: last.end, end: last.end, newText: `, ${inlineYaml(item)}` } : { start: node.end - 1, end: node.end - 1, newText: inlineYaml(item) }];
    }
    if (this.text[node.start] === '-') {
      const column = this.column(node.start);
      const first = node.children?.get(0);
      const lines = first && isFlow(this.text, first, '{') ? [`${pad(column)}- ${inlineYaml(item)}`] : blockItem(item, column, this.style);
      return [this.linesAfter(node.end, lines)];
    }
    // `key:` with nothing after it: the list starts here.
    if (node.children || node.end > node.start || node.keyStart === undefined || path.length === 0) return undefined;
    const column = this.column(node.keyStart);
    const lines = blockItem(item, column + this.style.sequenceIndent, this.style);
    return [{ start: node.end, end: node.end, newText: `${this.style.eol}${lines.join(this.style.eol)}` }];
  }

  /** Adds a top-level key after the previous one present in the template's order, else at the end. */
  addTopLevel(kind: PlanKind | undefined, key: string, value: YamlValue): TextEdit[] | undefined {
    const root = this.parsed.root;
    if (!root?.keys?.length || isFlow(this.text, root, '{') || root.children?.has(key)) return undefined;
    const order = [...HEADER_KEYS, ...Object.keys(SECTION_SKELETONS[kind ?? 'marketing'])];
    const previous = order.slice(0, Math.max(0, order.indexOf(key))).reverse().find((name) => root.keys!.some((own) => own.key === name));
    const node = previous === undefined ? undefined : root.children?.get(previous);
    const end = node ? Math.max(node.end, node.keyEnd ?? node.end) : root.end;
    const lines = blockEntry(key, value, this.column(root.keys[0].start), this.style);
    return [this.linesAfter(end, lines, this.style.blankLines)];
  }

  /** Swaps the texts of two scalar values. */
  swap(a: JsonPath, b: JsonPath): TextEdit[] | undefined {
    const first = nodeAt(this.parsed.root, a);
    const second = nodeAt(this.parsed.root, b);
    if (!first || !second || first.children || second.children || first.end <= first.start || second.end <= second.start) return undefined;
    if (first.start < second.end && second.start < first.end) return undefined;
    const textOf = (node: SourceNode) => this.text.slice(node.start, node.end);
    return [
      { start: first.start, end: first.end, newText: textOf(second) },
      { start: second.start, end: second.end, newText: textOf(first) },
    ];
  }
}


function fix(messageId: MessageId, params: Record<string, string | number>, edits: TextEdit[] | undefined, flags: Pick<Fix, 'safe' | 'preferred'> = {}): Fix | undefined {
  return edits && edits.length > 0 ? { messageId, params, edits, ...flags } : undefined;
}

/** The fixes that could be built, or undefined when none could. */
export function fixList(...fixes: (Fix | undefined)[]): Fix[] | undefined {
  const built = fixes.filter((item): item is Fix => item !== undefined);
  return built.length > 0 ? built : undefined;
}

// ---------------------------------------------------------------------------------------------
// The fixes the rules offer

/**
 * A `budget` needs a `currency` (`schema/required`): a section fix that adds a budget to a plan
 * without one adds the language's usual currency too (EUR, RON), named in the fix's title.
 */
function currencyToAdd(editor: PlanEditor, sections: readonly string[], locale: Locale): string | undefined {
  return sections.includes('budget') && !editor.parsed.root?.children?.has('currency') ? WORDS[locale].currency : undefined;
}

/** The edits that insert top-level keys, each where the template puts it; keys that go to the same place are one insertion, in the order given. */
function topLevelEdits(editor: PlanEditor, kind: PlanKind, entries: readonly [string, YamlValue][]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const [key, value] of entries) {
    const added = editor.addTopLevel(kind, key, value);
    if (!added) return undefined;
    for (const edit of added) {
      const at = edits.find((other) => other.start === edit.start && other.end === edit.end);
      if (at) at.newText += edit.newText;
      else edits.push({ ...edit });
    }
  }
  return edits;
}

/** Inserts a missing top-level section's skeleton where the template puts it. */
export function addSectionFix(editor: PlanEditor, plan: PlanModel, section: string, locale: Locale = 'en'): Fix | undefined {
  const skeleton = plan.kind ? SECTION_SKELETONS[plan.kind][section] : undefined;
  if (!plan.kind || !skeleton) return undefined;
  const currency = currencyToAdd(editor, [section], locale);
  const entries: [string, YamlValue][] = [...(currency ? [['currency', currency] as [string, YamlValue]] : []), [section, skeleton(skeletonFacts(plan, locale))]];
  return fix(currency ? 'fix.addSectionAndCurrency' : 'fix.addSection', currency ? { section, currency } : { section }, topLevelEdits(editor, plan.kind, entries));
}

/**
 * Inserts several missing sections at once, each where the template puts it (sections that go
 * to the same place are written in the template's order, as one insertion).
 */
export function addSectionsFix(editor: PlanEditor, plan: PlanModel, sections: readonly string[], list: (parts: string[]) => string, locale: Locale = 'en'): Fix | undefined {
  const kind = plan.kind;
  if (!kind) return undefined;
  const facts = skeletonFacts(plan, locale);
  const entries: [string, YamlValue][] = [];
  const currency = currencyToAdd(editor, sections, locale);
  if (currency) entries.push(['currency', currency]);
  for (const section of sections) {
    const skeleton = SECTION_SKELETONS[kind][section];
    if (!skeleton) return undefined;
    entries.push([section, skeleton(facts)]);
  }
  const named = [...(currency ? [`currency: ${currency}`] : []), ...sections];
  return fix('fix.addSections', { count: sections.length, sections: list(named.map((name) => `\`${name}\``)) }, topLevelEdits(editor, kind, entries));
}

/**
 * Adds keys to the mapping at `path` (or fills them in when they are there but blank); the title
 * names them, with their values when those fit on a line (`list` joins them in the plan's language).
 */
export function addKeysFix(editor: PlanEditor, path: JsonPath, entries: readonly (readonly [string, YamlValue])[], list: (parts: string[]) => string): Fix | undefined {
  if (entries.length === 0) return undefined;
  const keys = list(entries.map(([key, value]) => (fitsOnOneLine(value) ? `\`${key}: ${inlineYaml(value)}\`` : `\`${key}\``)));
  return fix('fix.addKeys', { keys }, editor.setKeys(path, entries));
}

/** Appends a KPI with this id to `kpis`, creating the section when there is none. */
export function createKpiFix(editor: PlanEditor, plan: PlanModel, id: string, locale: Locale = 'en', numbers: { baseline?: number; target?: number } = {}): Fix | undefined {
  if (id.trim() === '') return undefined;
  const item = kpiSkeleton(id, locale, numbers);
  const edits = editor.parsed.root?.children?.has('kpis') ? editor.appendItem(['kpis'], item) : editor.addTopLevel(plan.kind, 'kpis', [item]);
  return fix('fix.createKpi', { id }, edits);
}

/** Swaps two dates (a calendar activity that ends before it starts). */
export function swapDatesFix(editor: PlanEditor, start: JsonPath, end: JsonPath): Fix | undefined {
  return fix('fix.swapDates', {}, editor.swap(start, end), { safe: true, preferred: true });
}

/**
 * `# plan-disable-next-line RULE` above the line of `offset`, indented like it; a directive
 * already there gets the rule added to its list. Undefined inside a block scalar, where a
 * comment would become text.
 */
export function disableLineEdit(parsed: ParsedPlan, offset: number, ruleId: string): TextEdit | undefined {
  const editor = new PlanEditor(parsed);
  const { text, lines } = editor;
  const line = lines.lineOf(offset);
  const start = lines.lineStart(line);
  if (insideBlockScalar(parsed.root, text, start)) return undefined;
  if (line > 0) {
    const previousStart = lines.lineStart(line - 1);
    const previous = text.slice(previousStart, start).replace(/\r?\n$/, '');
    // A directive with rule ids (one without any silences every rule already).
    if (/^\s*#\s*plan-disable-next-line\s+(?!--)\S/.test(previous)) {
      const reason = previous.indexOf(' -- ');
      const listEnd = previousStart + (reason === -1 ? previous.trimEnd().length : previous.slice(0, reason).trimEnd().length);
      return { start: listEnd, end: listEnd, newText: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  return { start, end: start, newText: `${indent}# plan-disable-next-line ${ruleId}${editor.style.eol}` };
}

function insideBlockScalar(root: SourceNode | undefined, text: string, offset: number): boolean {
  if (!root) return false;
  if (!root.children) return (text[root.start] === '|' || text[root.start] === '>') && offset > root.start && offset < root.end;
  for (const child of root.children.values()) {
    if (offset > child.start && offset < child.end && insideBlockScalar(child, text, offset)) return true;
  }
  return false;
}

/**
 * The SMART fields a goal lacks, with placeholders: the plan's first KPI, a baseline of 0 (unless
 * that KPI has a baseline) and the KPI's target (else 0), so that goal and KPI agree.
 */
export function measurableFix(
  editor: PlanEditor,
  plan: PlanModel,
  goalIndex: number,
  lacks: { kpi: boolean; baseline: boolean; target: boolean },
  list: (parts: string[]) => string,
  /** The goal's baseline as it stands (its own, or its KPI's). */
  baseline?: number,
): Fix | undefined {
  // The plan's first KPI, without listing them all for every goal.
  const kpi = lacks.kpi ? plan.ids.get('kpis')?.keys().next().value : undefined;
  const kpiBaseline = asNumber(kpi === undefined ? undefined : findKpi(plan, kpi)?.baseline);
  const entries: [string, YamlValue][] = [];
  if (kpi) entries.push(['kpi', kpi]);
  const kpiData = findKpi(plan, kpi ?? idList(asRecord(asArray(plan.data.goals)[goalIndex])?.kpi)[0] ?? '');
  if (lacks.baseline && kpiBaseline === undefined) entries.push(['baseline', 0]);
  // The target starts at the KPI's target, else at the baseline: a placeholder that moves the KPI
  // neither way, so that smart/achievable has nothing to say about it (a target of 0 under a
  // baseline of 300 did).
  if (lacks.target) entries.push(['target', asNumber(kpiData?.target) ?? baseline ?? kpiBaseline ?? 0]);
  return addKeysFix(editor, ['goals', goalIndex], entries, list);
}

/** Replaces the scalar value at `path` (a goal's target, a KPI's baseline); the title shows the new value unless another is given. */
export function replaceValueFix(editor: PlanEditor, path: JsonPath, value: YamlValue, messageId: MessageId = 'fix.replace', params: Record<string, string | number> = {}): Fix | undefined {
  const node = nodeAt(editor.parsed.root, path);
  if (!node || node.children || node.alias || node.end <= node.start) return undefined;
  const newText = inlineYaml(value);
  return fix(messageId, { text: newText, ...params }, [{ start: node.start, end: node.end, newText }]);
}

/** Sets the plan's `status` (adding the key after the header keys when it is absent). */
export function setStatusFix(editor: PlanEditor, plan: PlanModel, status: string): Fix | undefined {
  if (editor.parsed.root?.children?.has('status')) return replaceValueFix(editor, ['status'], status, 'fix.setStatus', { status });
  return fix('fix.setStatus', { status }, editor.addTopLevel(plan.kind, 'status', status));
}

/**
 * "Fix all": every finding's first safe fix, as one list of edits in text order. A fix that
 * overlaps one taken already waits for the next run.
 */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const safe = findings.map((finding) => finding.fixes?.find((item) => item.safe)).filter((item): item is Fix => item !== undefined);
  const taken: TextEdit[] = [];
  for (const item of safe.sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)))) {
    if (item.edits.some((edit) => taken.some((other) => edit.start < other.end && other.start < edit.end))) continue;
    taken.push(...item.edits);
  }
  return taken.sort((a, b) => a.start - b.start);
}
