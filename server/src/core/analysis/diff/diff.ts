/**
 * The semantic diff of two versions of a plan. It compares data, never text: white space,
 * comments, key order and the order of items do not matter; items are matched by their `id`
 * (or another key), renamed ids are recognised, numbers carry their change and dates their shift.
 *
 * Pure: plain data in, plain data out (see `types.ts`). `diffTexts` parses the texts itself, so
 * that a caller holding two texts (the editor and the text at some revision) needs nothing else.
 */
import { asArray, asNumber, asRecord, asString, ID_SECTIONS, isBlank, isRecord, parseDate, REFERENCE_FIELDS, type IdSection } from '../../model/model';
import { parsePlan, type ParsedPlan } from '../../parse/parse';
import { keyItems, matchLists, normalizeText, setOwn, signatureOf, type KeyedItem } from './match';
import type { BudgetChange, BudgetMove, DerivedFigures, DiffOptions, DiffReport, DiffValue, FieldChange, FigureChange, FigureName, ItemChange, NumberUnit, PlanDiff } from './types';

type Data = Record<string, unknown>;
type KeyOf = (item: unknown) => string | undefined;

/** Top-level keys shown together as the plan's header. */
const HEADER_KEYS = ['kind', 'version', 'title', 'owner', 'status', 'period', 'currency', 'language', 'alignsWith', 'actuals'] as const;

/** The order of sections in a diff: the header, then the templates' sections; other keys follow alphabetically. */
const SECTION_ORDER = [
  'header', 'summary', 'objectives', 'market', 'personas', 'goals', 'kpis', 'positioning', 'strategies', 'mix', 'budget',
  'calendar', 'channels', 'content', 'measurement', 'segments', 'offering', 'team', 'tactics', 'forecast', 'territories',
  'training', 'approvals',
] as const;

const field = (name: string): KeyOf => (item) => {
  const value = asRecord(item)?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};
const firstOf = (...keys: KeyOf[]): KeyOf => (item) => {
  for (const keyOf of keys) {
    const key = keyOf(item);
    if (key !== undefined && key.trim() !== '') return normalizeText(key);
  }
  return undefined;
};

/** Lists inside a section's mapping, and what their items are matched by. */
const NESTED_LISTS: Readonly<Record<string, Readonly<Record<string, KeyOf>>>> = {
  budget: { allocations: field('channel') },
  forecast: { history: field('period'), projections: field('period') },
  market: { competitors: firstOf(field('name')) },
  positioning: { messages: field('persona') },
  content: { items: firstOf(field('topic'), field('type')) },
};

/** Top-level lists whose items have no `id`, and what they are matched by. */
const KEYED_LISTS: Readonly<Record<string, KeyOf>> = {
  tactics: firstOf(field('name')),
  approvals: (item) => {
    const by = field('by')(item);
    const date = field('date')(item);
    return by === undefined && date === undefined ? undefined : [by, date].filter(Boolean).join(' ');
  },
};

/** A table's own entry (never one inherited from `Object.prototype`, such as `constructor`). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Sections with ids, in an order where most referenced sections come before the ones referring to them. */
const RENAME_ORDER: readonly IdSection[] = ['objectives', 'kpis', 'personas', 'segments', 'team', 'channels', 'goals', 'strategies', 'calendar', 'offering', 'territories', 'training'];

/** What people call an item: its statement, name, role or title. */
export function itemLabel(item: unknown): string | undefined {
  const record = asRecord(item);
  for (const key of ['statement', 'name', 'role', 'title']) {
    const value = asString(record?.[key]);
    if (value !== undefined && value.trim() !== '') return normalizeText(value);
  }
  return undefined;
}

type Renames = Map<IdSection, Map<string, string>>;

/**
 * Compares two versions of a plan, given as parsed data. `undefined` stands for a plan that
 * does not exist on that side (an added or a removed file).
 */
export function diffPlans(before: unknown, after: unknown, options: DiffOptions = {}): PlanDiff {
  const beforeData = before === undefined ? undefined : (asRecord(before) ?? {});
  const afterData = after === undefined ? undefined : (asRecord(after) ?? {});
  const newer = afterData ?? beforeData ?? {};
  const base: PlanDiff = {
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.previousFile !== undefined && options.previousFile !== options.file ? { previousFile: options.previousFile } : {}),
    status: 'unchanged',
    ...describe(newer),
    changes: [],
    figures: [],
  };
  if (!beforeData && !afterData) return base;
  if (!beforeData || !afterData) return { ...base, status: beforeData ? 'removed' : 'added' };

  // Renamed ids first, so that references to them in the older plan can be read with the new ids.
  const renames: Renames = new Map();
  const matches = new Map<IdSection, { before: KeyedItem[]; after: KeyedItem[]; match: ReturnType<typeof matchLists> }>();
  for (const section of RENAME_ORDER) {
    const beforeItems = keyItems(asArray(beforeData[section]), field('id'));
    const afterItems = keyItems(asArray(afterData[section]), field('id'));
    const match = matchLists(beforeItems, afterItems, {
      keyField: 'id',
      labelOf: itemLabel,
      translate: (item) => translateItem(section, item, renames),
    });
    matches.set(section, { before: beforeItems, after: afterItems, match });
    const renamed = new Map(match.pairs.filter((pair) => pair.previousKey !== undefined).map((pair) => [pair.previousKey!, pair.after.key]));
    if (renamed.size > 0) renames.set(section, renamed);
  }
  const older = renames.size > 0 ? (translateReferences(beforeData, renames) as Data) : beforeData;

  const context = new Context(older, afterData, options);
  const changes: ItemChange[] = [];

  const headerFields: FieldChange[] = [];
  for (const key of HEADER_KEYS) diffValue(older[key], afterData[key], [key], headerFields, context.unitAt([key]));
  if (headerFields.length > 0) changes.push({ section: 'header', kind: 'changed', path: [], fields: headerFields });

  for (const section of sectionKeys(older, afterData)) {
    const was = older[section];
    const now = afterData[section];
    if (isBlank(was) && isBlank(now)) continue;
    const ids = (ID_SECTIONS as readonly string[]).includes(section) ? matches.get(section as IdSection) : undefined;
    if (ids && (Array.isArray(was) || Array.isArray(now))) {
      // The matching was done on the older items as written; compare them with references renamed.
      const olderItems = asArray(was);
      const pairs = ids.match.pairs.map((pair) => ({ ...pair, before: { ...pair.before, item: olderItems[pair.before.index] } }));
      changes.push(...listChanges(section, undefined, { ...ids.match, pairs }, [section], context, 'id'));
      continue;
    }
    const keyOf = own(KEYED_LISTS, section);
    if (keyOf && (Array.isArray(was) || Array.isArray(now))) {
      const match = matchLists(keyItems(asArray(was), keyOf), keyItems(asArray(now), keyOf));
      changes.push(...listChanges(section, undefined, match, [section], context));
      continue;
    }
    if (isBlank(was) || isBlank(now)) {
      changes.push({ section, kind: isBlank(was) ? 'added' : 'removed', path: [section], fields: [] });
      continue;
    }
    const nested = own(NESTED_LISTS, section);
    const fields: FieldChange[] = [];
    const listed: ItemChange[] = [];
    if (nested && isRecord(was) && isRecord(now)) {
      for (const key of unionKeys(was, now)) {
        const listKey = own(nested, key);
        if (listKey && (Array.isArray(was[key]) || Array.isArray(now[key]))) {
          const match = matchLists(keyItems(asArray(was[key]), listKey), keyItems(asArray(now[key]), listKey));
          listed.push(...listChanges(section, key, match, [section, key], context));
        } else {
          diffValue(was[key], now[key], [key], fields, context.unitAt([section, key]));
        }
      }
    } else {
      diffValue(was, now, [], fields, context.unitAt([section]));
    }
    if (fields.length > 0) changes.push({ section, kind: 'changed', path: [section], fields });
    changes.push(...listed);
  }

  const budget = budgetChange(older, afterData, options.figures, context);
  const figures = figureChanges(options.figures?.before, options.figures?.after);
  const changed = changes.length > 0 || budget !== undefined || figures.length > 0;
  return { ...base, status: changed ? 'changed' : 'unchanged', changes, ...(budget ? { budget } : {}), figures };
}

/** Where a plan's text does not parse. */
export interface DiffParseError {
  side: 'before' | 'after';
  /** 1-based. */
  line: number;
  column: number;
  /** The YAML parser's code and message. */
  code: string;
  message: string;
}

export type DiffTextsResult = { ok: true; diff: PlanDiff } | { ok: false; error: DiffParseError };

/**
 * Compares two texts of a plan (`undefined`: the file does not exist on that side), e.g. the
 * editor's text against the text at a revision. A side whose YAML does not parse is an error:
 * diffing what the parser could recover would report changes that are only the syntax error.
 */
export function diffTexts(beforeText: string | undefined, afterText: string | undefined, options: DiffOptions = {}): DiffTextsResult {
  const sides = { before: beforeText, after: afterText };
  const values: { before?: unknown; after?: unknown } = {};
  for (const side of ['before', 'after'] as const) {
    const text = sides[side];
    if (text === undefined) continue;
    const parsed = parsePlan(text);
    const error = syntaxError(parsed, side);
    if (error) return { ok: false, error };
    values[side] = parsed.value ?? {};
  }
  return { ok: true, diff: diffPlans(values.before, values.after, options) };
}

/** The first syntax error of a parsed plan, located for a person, or undefined when it parses. */
export function syntaxError(parsed: Pick<ParsedPlan, 'text' | 'syntax'>, side: 'before' | 'after'): DiffParseError | undefined {
  const problem = parsed.syntax[0];
  if (!problem) return undefined;
  const { text } = parsed;
  const lineStart = text.lastIndexOf('\n', problem.start - 1) + 1;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < lineStart; index = text.indexOf('\n', index + 1)) line += 1;
  return { side, line, column: problem.start - lineStart + 1, code: problem.code, message: problem.detail };
}

/** One plan on each side, for `diffPlanSet`. */
export interface PlanPair {
  /** Parsed data; `undefined` when the plan does not exist on that side. */
  before?: unknown;
  after?: unknown;
  options?: DiffOptions;
}

/**
 * Several plans at once: an aligned marketing and sales pair, or every plan a change touches.
 * Each plan is diffed on its own; figures that span plans (the funnel) come in each plan's
 * `DerivedFigures`.
 */
export function diffPlanSet(pairs: readonly PlanPair[]): DiffReport {
  return { format: 'plan-as-code/diff', version: 1, plans: pairs.map((pair) => diffPlans(pair.before, pair.after, pair.options)) };
}

function describe(data: Data): Pick<PlanDiff, 'kind' | 'title' | 'currency' | 'language'> {
  const out: Pick<PlanDiff, 'kind' | 'title' | 'currency' | 'language'> = {};
  if (data.kind === 'marketing' || data.kind === 'sales') out.kind = data.kind;
  const title = asString(data.title);
  if (title !== undefined) out.title = title;
  const currency = asString(data.currency);
  if (currency !== undefined) out.currency = currency;
  if (data.language === 'en' || data.language === 'ro') out.language = data.language;
  return out;
}

function sectionKeys(before: Data, after: Data): string[] {
  const header = new Set<string>(HEADER_KEYS);
  const rank = new Map<string, number>(SECTION_ORDER.map((key, index) => [key, index]));
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => !header.has(key)));
  return [...keys].sort((a, b) => (rank.get(a) ?? SECTION_ORDER.length) - (rank.get(b) ?? SECTION_ORDER.length) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Keys of two mappings: the newer one's in its order, then the ones only the older has. */
function unionKeys(before: Data, after: Data): string[] {
  const keys = Object.keys(after);
  const seen = new Set(keys);
  for (const key of Object.keys(before)) if (!seen.has(key)) keys.push(key);
  return keys;
}

/** What the diff needs to know about the newer plan: KPI units, channel names. */
class Context {
  private readonly kpiUnits = new Map<string, NumberUnit | undefined>();
  readonly kpiNames = new Map<string, string>();
  readonly channelNames = new Map<string, string>();

  constructor(readonly before: Data, readonly after: Data, private readonly options: DiffOptions) {
    for (const data of [before, after]) {
      for (const kpi of asArray(data.kpis)) {
        const record = asRecord(kpi);
        const id = asString(record?.id);
        if (id === undefined) continue;
        this.kpiUnits.set(id, this.unitOfKpi(record));
        const name = itemLabel(record);
        if (name !== undefined) this.kpiNames.set(id, name);
      }
      for (const channel of asArray(data.channels)) {
        const id = asString(asRecord(channel)?.id);
        const name = itemLabel(channel);
        if (id !== undefined && name !== undefined) this.channelNames.set(id, name);
      }
    }
  }

  private unitOfKpi(kpi: Data | undefined): NumberUnit | undefined {
    const unit = asString(kpi?.unit) ?? (typeof kpi?.metric === 'string' ? this.options.metricUnit?.(kpi.metric) : undefined);
    return unit === 'currency' || unit === 'percent' ? unit : undefined;
  }

  /**
   * The unit of the numbers under a path (section, list, field...) for an item: money for
   * budgets, revenue and quotas; a KPI's unit for its and its goals' baseline and target.
   */
  unitAt(path: readonly string[], item?: unknown): (field: readonly string[]) => NumberUnit | undefined {
    const [section, list] = path;
    return (fieldPath) => {
      const name = fieldPath[fieldPath.length - 1];
      if (section === 'budget' && (list === 'allocations' ? name === 'amount' || name === 'expectedReturn' : fieldPath.length === 1 && name === 'total')) return 'currency';
      if (section === 'forecast' && (list === 'history' || list === 'projections') && name === 'revenue') return 'currency';
      if (section === 'team' && name === 'quota') return 'currency';
      if ((section === 'kpis' || section === 'goals') && fieldPath.length === 1 && (name === 'baseline' || name === 'target')) {
        const record = asRecord(item);
        if (section === 'kpis') return this.unitOfKpi(record);
        const kpi = Array.isArray(record?.kpi) ? record.kpi[0] : record?.kpi;
        return typeof kpi === 'string' ? this.kpiUnits.get(kpi) : undefined;
      }
      return undefined;
    };
  }
}

function listChanges(
  section: string,
  list: string | undefined,
  match: ReturnType<typeof matchLists>,
  prefix: (string | number)[],
  context: Context,
  keyField?: string,
): ItemChange[] {
  const changes: ItemChange[] = [];
  const unitPath = list === undefined ? [section] : [section, list];
  const kpiOf = (item: unknown): Pick<ItemChange, 'kpi'> => {
    if (section !== 'goals' || list !== undefined) return {};
    const kpi = asRecord(item)?.kpi;
    const id = Array.isArray(kpi) ? kpi[0] : kpi;
    if (typeof id !== 'string') return {};
    const name = context.kpiNames.get(id);
    return { kpi: { id, ...(name !== undefined ? { name } : {}) } };
  };
  const labelOf = (item: unknown, key: string) =>
    section === 'budget' && list === 'allocations' ? context.channelNames.get(key) : list === undefined ? itemLabel(item) : undefined;
  const where = list === undefined ? {} : { list };
  const added = new Set(match.added);
  // The newer list's order, with each item added or changed where it now stands.
  const newer = [...match.pairs.map((pair) => ({ pair, entry: pair.after })), ...match.added.map((entry) => ({ pair: undefined, entry }))]
    .sort((a, b) => a.entry.index - b.entry.index);
  for (const { pair, entry } of newer) {
    const label = labelOf(entry.item, entry.key);
    const base = { section, ...where, key: entry.key, ...(label !== undefined ? { label } : {}), ...kpiOf(entry.item), path: [...prefix, entry.index] };
    if (!pair || added.has(entry)) {
      changes.push({ ...base, kind: 'added', fields: [] });
      continue;
    }
    const fields: FieldChange[] = [];
    const before = asRecord(pair.before.item);
    const after = asRecord(pair.after.item);
    const unit = context.unitAt(unitPath, pair.after.item);
    if (before && after) {
      for (const key of unionKeys(before, after)) {
        if (key === keyField) continue;
        diffValue(before[key], after[key], [key], fields, unit);
      }
    } else {
      diffValue(pair.before.item, pair.after.item, [], fields, unit);
    }
    if (pair.previousKey !== undefined) changes.push({ ...base, kind: 'renamed', previousKey: pair.previousKey, fields });
    else if (fields.length > 0) changes.push({ ...base, kind: 'changed', fields });
  }
  for (const entry of match.removed) {
    const label = labelOf(entry.item, entry.key);
    changes.push({ section, ...where, kind: 'removed', key: entry.key, ...(label !== undefined ? { label } : {}), ...kpiOf(entry.item), path: [...prefix, entry.index], fields: [] });
  }
  return changes;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Plain data for the report: dates as `YYYY-MM-DD`, nothing that JSON cannot hold. */
function plain(value: unknown): DiffValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((item) => plain(item) ?? null);
  if (isRecord(value)) {
    const out: Record<string, DiffValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = plain(item);
      if (converted !== undefined) setOwn(out, key, converted);
    }
    return out;
  }
  return String(value);
}

/** Empty values (absent, `null`, blank text, empty list or mapping) are all "not there". */
function present(value: unknown): DiffValue | undefined {
  const converted = plain(value);
  if (isBlank(converted) || (isRecord(converted) && Object.keys(converted).length === 0)) return undefined;
  return converted;
}

function isScalar(value: unknown): boolean {
  return typeof value !== 'object' || value === null;
}

function typeOf(value: DiffValue): FieldChange['type'] {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return DATE.test(value) && parseDate(value) !== undefined ? 'date' : 'text';
  if (Array.isArray(value) && value.every(isScalar)) return 'list';
  return 'value';
}

/** Rounds away floating-point noise (0.1 + 0.2). */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** Compares two values at `path`, adding what changed to `out`. */
function diffValue(beforeValue: unknown, afterValue: unknown, path: string[], out: FieldChange[], unitOf: (field: readonly string[]) => NumberUnit | undefined): void {
  const before = present(beforeValue);
  const after = present(afterValue);
  if (before === undefined && after === undefined) return;
  const unit = (value: DiffValue | undefined) => {
    const found = typeof value === 'number' ? unitOf(path) : undefined;
    return found ? { unit: found } : {};
  };
  if (before === undefined) {
    out.push({ field: path, kind: 'added', type: typeOf(after!), after, ...unit(after) });
    return;
  }
  if (after === undefined) {
    out.push({ field: path, kind: 'removed', type: typeOf(before), before, ...unit(before) });
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of unionKeys(before, after)) diffValue(before[key], after[key], [...path, key], out, unitOf);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.every(isScalar) && after.every(isScalar)) {
      const { added, removed } = compareSets(before, after);
      if (added.length > 0 || removed.length > 0) out.push({ field: path, kind: 'changed', type: 'list', before, after, added, removed });
      return;
    }
    // A list of mappings the format does not key: by `id`, else `name`, else position.
    const keyOf = firstOf(field('id'), field('name'));
    const match = matchLists(keyItems(before, keyOf), keyItems(after, keyOf));
    for (const pair of match.pairs) diffValue(pair.before.item, pair.after.item, [...path, pair.after.key], out, unitOf);
    for (const entry of match.added) out.push({ field: [...path, entry.key], kind: 'added', type: typeOf(entry.item as DiffValue), after: entry.item as DiffValue });
    for (const entry of match.removed) out.push({ field: [...path, entry.key], kind: 'removed', type: typeOf(entry.item as DiffValue), before: entry.item as DiffValue });
    return;
  }
  if (typeof before === 'number' && typeof after === 'number') {
    if (before === after) return;
    const delta = tidy(after - before);
    out.push({ field: path, kind: 'changed', type: 'number', before, after, ...unit(after), delta, ...(before !== 0 ? { percent: tidy((delta / Math.abs(before)) * 100) } : {}) });
    return;
  }
  if (typeof before === 'string' && typeof after === 'string') {
    const [start, end] = [parseDate(before), parseDate(after)];
    if (start !== undefined && end !== undefined) {
      if (start !== end) out.push({ field: path, kind: 'changed', type: 'date', before, after, days: end - start });
      return;
    }
    if (normalizeText(before) !== normalizeText(after)) out.push({ field: path, kind: 'changed', type: 'text', before, after });
    return;
  }
  if (signatureOf(before) !== signatureOf(after)) out.push({ field: path, kind: 'changed', type: 'value', before, after });
}

/** Two lists of plain values compared as multisets: what appeared and what disappeared. */
function compareSets(before: DiffValue[], after: DiffValue[]): { added: DiffValue[]; removed: DiffValue[] } {
  const keyOf = (value: DiffValue) => (typeof value === 'string' ? `s${normalizeText(value)}` : JSON.stringify(value));
  const counts = new Map<string, number>();
  for (const value of before) counts.set(keyOf(value), (counts.get(keyOf(value)) ?? 0) + 1);
  const added: DiffValue[] = [];
  for (const value of after) {
    const key = keyOf(value);
    const count = counts.get(key) ?? 0;
    if (count > 0) counts.set(key, count - 1);
    else added.push(value);
  }
  const removed: DiffValue[] = [];
  for (const value of before) {
    const key = keyOf(value);
    const count = counts.get(key) ?? 0;
    if (count > 0) {
      counts.set(key, count - 1);
      removed.push(value);
    }
  }
  return { added, removed };
}

/** Reference fields of items of a section, relative to the item: `[["kpi"], targets]`... */
const ITEM_REFERENCES = new Map<string, { path: readonly string[]; targets: readonly IdSection[] }[]>();
for (const reference of REFERENCE_FIELDS) {
  if (reference.path[1] !== '*') continue;
  const section = reference.path[0];
  ITEM_REFERENCES.set(section, [...(ITEM_REFERENCES.get(section) ?? []), { path: reference.path.slice(2), targets: reference.targets }]);
}

function renamer(targets: readonly IdSection[], renames: Renames): (id: string) => string {
  return (id) => {
    for (const section of targets) {
      const renamed = renames.get(section)?.get(id);
      if (renamed !== undefined) return renamed;
    }
    return id;
  };
}

function translateItem(section: IdSection, item: unknown, renames: Renames): unknown {
  if (renames.size === 0) return item;
  let out = item;
  for (const reference of ITEM_REFERENCES.get(section) ?? []) out = rewriteAt(out, reference.path, renamer(reference.targets, renames));
  return out;
}

/** The plan with every reference to a renamed id rewritten to the new id (copying only what changes). */
function translateReferences(data: Data, renames: Renames): unknown {
  let out: unknown = data;
  for (const reference of REFERENCE_FIELDS) out = rewriteAt(out, reference.path, renamer(reference.targets, renames));
  return out;
}

function rewriteAt(value: unknown, pattern: readonly string[], rename: (id: string) => string): unknown {
  if (pattern.length === 0) {
    if (typeof value === 'string') return rename(value);
    return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? rename(item) : item)) : value;
  }
  const [head, ...rest] = pattern;
  if (head === '*') return Array.isArray(value) ? value.map((item) => rewriteAt(item, rest, rename)) : value;
  if (!isRecord(value) || !Object.prototype.hasOwnProperty.call(value, head)) return value;
  const copy = { ...value };
  setOwn(copy, head, rewriteAt(value[head], rest, rename));
  return copy;
}

/** Amount per channel: the caller's figures, else the plan's allocations (a channel named twice adds up). */
function allocations(data: Data, figures: DerivedFigures | undefined): Map<string, number> | undefined {
  if (figures?.budgetByChannel) return new Map(Object.entries(figures.budgetByChannel).filter(([, amount]) => Number.isFinite(amount)));
  const list = asArray(asRecord(data.budget)?.allocations);
  if (list.length === 0) return undefined;
  const out = new Map<string, number>();
  for (const allocation of list) {
    const record = asRecord(allocation);
    const channel = asString(record?.channel);
    const amount = asNumber(record?.amount);
    if (channel !== undefined && amount !== undefined) out.set(channel, tidy((out.get(channel) ?? 0) + amount));
  }
  return out;
}

function sum(amounts: Map<string, number> | undefined): number | undefined {
  if (!amounts) return undefined;
  let total = 0;
  for (const amount of amounts.values()) total += amount;
  return tidy(total);
}

function budgetChange(before: Data, after: Data, figures: DiffOptions['figures'], context: Context): BudgetChange | undefined {
  const byChannelBefore = allocations(before, figures?.before);
  const byChannelAfter = allocations(after, figures?.after);
  const allocatedBefore = sum(byChannelBefore);
  const allocatedAfter = sum(byChannelAfter);
  const totalBefore = figures?.before?.budgetTotal ?? asNumber(asRecord(before.budget)?.total) ?? allocatedBefore;
  const totalAfter = figures?.after?.budgetTotal ?? asNumber(asRecord(after.budget)?.total) ?? allocatedAfter;
  const channels = new Set([...(byChannelBefore?.keys() ?? []), ...(byChannelAfter?.keys() ?? [])]);
  const shifts: { channel: string; delta: number }[] = [];
  for (const channel of channels) {
    const delta = tidy((byChannelAfter?.get(channel) ?? 0) - (byChannelBefore?.get(channel) ?? 0));
    if (delta !== 0) shifts.push({ channel, delta });
  }
  if (totalBefore === totalAfter && shifts.length === 0) return undefined;

  const currency = asString(after.currency) ?? asString(before.currency);
  const out: BudgetChange = { ...(currency !== undefined ? { currency } : {}), moves: [] };
  if (totalBefore !== undefined) out.before = totalBefore;
  if (totalAfter !== undefined) out.after = totalAfter;
  if (totalBefore !== undefined && totalAfter !== undefined && totalBefore !== totalAfter) {
    out.delta = tidy(totalAfter - totalBefore);
    if (totalBefore !== 0) out.percent = tidy((out.delta / Math.abs(totalBefore)) * 100);
  }
  if (allocatedBefore !== undefined) out.allocatedBefore = allocatedBefore;
  if (allocatedAfter !== undefined) out.allocatedAfter = allocatedAfter;
  if (totalBefore === totalAfter && allocatedBefore === allocatedAfter && asString(before.currency) === asString(after.currency)) {
    out.moves = budgetMoves(shifts, context.channelNames);
  }
  return out;
}

/** Pairs the channels that lost money with the ones that gained it, largest first. */
function budgetMoves(shifts: { channel: string; delta: number }[], names: ReadonlyMap<string, string>): BudgetMove[] {
  const byAmount = (a: { channel: string; delta: number }, b: { channel: string; delta: number }) => Math.abs(b.delta) - Math.abs(a.delta) || (a.channel < b.channel ? -1 : 1);
  const losers = shifts.filter((shift) => shift.delta < 0).map((shift) => ({ ...shift })).sort(byAmount);
  const gainers = shifts.filter((shift) => shift.delta > 0).map((shift) => ({ ...shift })).sort(byAmount);
  const moves: BudgetMove[] = [];
  let i = 0;
  let j = 0;
  while (i < losers.length && j < gainers.length) {
    const amount = tidy(Math.min(-losers[i].delta, gainers[j].delta));
    const from = losers[i].channel;
    const to = gainers[j].channel;
    moves.push({ from, to, amount, ...(names.has(from) ? { fromName: names.get(from) } : {}), ...(names.has(to) ? { toName: names.get(to) } : {}) });
    losers[i].delta = tidy(losers[i].delta + amount);
    gainers[j].delta = tidy(gainers[j].delta - amount);
    if (losers[i].delta === 0) i += 1;
    if (gainers[j].delta === 0) j += 1;
  }
  return moves;
}

const FIGURES: readonly FigureName[] = ['smart', 'funnelGapPercent', 'forecastPosition', 'clvCac'];

function figureChanges(before: DerivedFigures | undefined, after: DerivedFigures | undefined): FigureChange[] {
  const out: FigureChange[] = [];
  for (const figure of FIGURES) {
    const was = before?.[figure];
    const now = after?.[figure];
    if (was === undefined && now === undefined) continue;
    const same = typeof was === 'number' && typeof now === 'number' ? tidy(was) === tidy(now) : JSON.stringify(was) === JSON.stringify(now);
    if (same) continue;
    out.push({ figure, ...(was !== undefined ? { before: was } : {}), ...(now !== undefined ? { after: now } : {}) });
  }
  return out;
}
