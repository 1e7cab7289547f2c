import { catalogKpi, type Direction } from './catalog';
import type { JsonPath, PlanKind } from '../base/types';
import { daysFromCivil, daysInMonth, digits } from '../base/days';

/** Loose accessors: rules run on plans the schema may have rejected, so nothing is trusted. */
export type Data = Record<string, unknown>;

export function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function asRecord(value: unknown): Data | undefined {
  return isRecord(value) ? value : undefined;
}
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * A calendar date from `YYYY-MM-DD` (year 0100 or later), as days since the epoch (UTC), or
 * undefined. Read digit by digit, without a regular expression or a `Date`: a large plan's
 * check reads thousands of dates.
 */
export function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year === undefined || month === undefined || day === undefined || year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** Sections whose items carry an `id` that other items refer to. */
export const ID_SECTIONS = [
  'objectives', 'kpis', 'goals', 'personas', 'strategies', 'channels', 'calendar',
  'segments', 'offering', 'team', 'territories', 'training',
] as const;
export type IdSection = (typeof ID_SECTIONS)[number];

/** Every field that names ids, with the sections its ids live in. `*` stands for any list index. */
export const REFERENCE_FIELDS: readonly { path: readonly (string | '*')[]; targets: readonly IdSection[] }[] = [
  { path: ['goals', '*', 'kpi'], targets: ['kpis'] },
  { path: ['goals', '*', 'supports'], targets: ['objectives', 'strategies'] },
  { path: ['strategies', '*', 'goals'], targets: ['goals'] },
  { path: ['strategies', '*', 'segments'], targets: ['segments'] },
  { path: ['positioning', 'messages', '*', 'persona'], targets: ['personas'] },
  { path: ['budget', 'allocations', '*', 'channel'], targets: ['channels'] },
  { path: ['calendar', '*', 'channels'], targets: ['channels'] },
  { path: ['calendar', '*', 'goals'], targets: ['goals'] },
  { path: ['channels', '*', 'kpis'], targets: ['kpis'] },
  { path: ['content', 'items', '*', 'channels'], targets: ['channels'] },
  { path: ['content', 'items', '*', 'persona'], targets: ['personas'] },
  { path: ['measurement', 'kpis'], targets: ['kpis'] },
  { path: ['team', '*', 'reportsTo'], targets: ['team'] },
  { path: ['territories', '*', 'owner'], targets: ['team'] },
  { path: ['training', '*', 'audience'], targets: ['team'] },
];

export interface Definition {
  section: IdSection;
  id: string;
  index: number;
  /** Path of the `id` value. */
  path: JsonPath;
}

export interface Reference {
  id: string;
  targets: readonly IdSection[];
  /** Path of the referencing value (a string, or one string of a list). */
  path: JsonPath;
  /** The field name, e.g. `kpi` or `channels`. */
  field: string;
}

/** What the rules read: the plan's data plus indexes built once per version. */
export interface PlanModel {
  data: Data;
  kind: PlanKind | undefined;
  /** Period in days since the epoch, when both ends are valid dates and it ends after it starts. */
  period: { start: number; end: number } | undefined;
  /** First definition of each id, per section. */
  ids: Map<IdSection, Map<string, Definition>>;
  /** Every definition, duplicates included. */
  definitions: Definition[];
  references: Reference[];
  /** Ids of goals that some strategy lists. */
  goalsListedByStrategies: ReadonlySet<string>;
}

export function buildModel(value: unknown): PlanModel {
  const data = asRecord(value) ?? {};
  const kind = data.kind === 'marketing' || data.kind === 'sales' ? data.kind : undefined;
  const periodData = asRecord(data.period);
  const start = parseDate(periodData?.start);
  const end = parseDate(periodData?.end);
  // A reversed period is `plan/period`'s finding; measuring dates against it would only add noise.
  const period = start !== undefined && end !== undefined && end > start ? { start, end } : undefined;

  const ids = new Map<IdSection, Map<string, Definition>>();
  const definitions: Definition[] = [];
  for (const section of ID_SECTIONS) {
    const byId = new Map<string, Definition>();
    asArray(data[section]).forEach((item, index) => {
      const record = asRecord(item);
      const id = asString(record?.id);
      if (id === undefined) return;
      let definition = definitionOf.get(record!);
      if (definition?.section !== section || definition.index !== index) {
        definition = { section, id, index, path: [section, index, 'id'] };
        definitionOf.set(record!, definition);
      }
      definitions.push(definition);
      if (!byId.has(id)) byId.set(id, definition);
    });
    ids.set(section, byId);
  }

  const references: Reference[] = [];
  for (const field of REFERENCE_FIELDS) {
    collectReferences(data, field.path, [], field.targets, references, referencesOf.get(field.path));
  }
  const goalsListedByStrategies = new Set(asArray(data.strategies).flatMap((strategy) => idList(asRecord(strategy)?.goals)));
  return { data, kind, period, ids, definitions, references, goalsListedByStrategies };
}

/**
 * What the model made of a list item, kept while the item (the same object: the parser keeps the
 * items an edit did not touch) is at the same place: a keystroke in a plan of thousands of
 * items makes the definitions and references of the one it changed. The model's data is never
 * changed once parsed.
 */
const definitionOf = new WeakMap<Data, Definition>();
const referencesOf = new Map(REFERENCE_FIELDS.map((field) => [field.path, new WeakMap<object, { index: number; references: Reference[] }>()]));

/**
 * The references a field pattern matches; `path` is where the walk is (extended and restored as
 * it goes: only a reference keeps a copy). The items of the pattern's first list are looked up
 * in `byItem` first.
 */
function collectReferences(
  value: unknown,
  pattern: readonly string[],
  path: (string | number)[],
  targets: readonly IdSection[],
  out: Reference[],
  byItem?: WeakMap<object, { index: number; references: Reference[] }>,
): void {
  const depth = path.length;
  if (depth === pattern.length) {
    const field = String(path[depth - 1]);
    if (typeof value === 'string') out.push({ id: value, targets, path: path.slice(), field });
    else asArray(value).forEach((item, index) => {
      if (typeof item === 'string') out.push({ id: item, targets, path: [...path, index], field });
    });
    return;
  }
  const head = pattern[depth];
  if (head === '*') {
    const items = asArray(value);
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const keyed = byItem && typeof item === 'object' && item !== null ? item : undefined;
      const known = keyed && byItem!.get(keyed);
      if (known?.index === index) {
        for (const reference of known.references) out.push(reference);
        continue;
      }
      const first = out.length;
      path.push(index);
      collectReferences(item, pattern, path, targets, out);
      path.pop();
      if (keyed) byItem!.set(keyed, { index, references: out.slice(first) });
    }
  } else {
    const record = asRecord(value);
    if (record && head in record) {
      path.push(head);
      collectReferences(record[head], pattern, path, targets, out, byItem);
      path.pop();
    }
  }
}

/** Whether a reference names an id defined in one of these plans, in one of its target sections. */
export function resolves(reference: Reference, plans: readonly PlanModel[]): boolean {
  return reference.targets.some((section) => plans.some((plan) => plan.ids.get(section)?.has(reference.id)));
}

/** Ids named by a reference field that holds one id or a list of them. */
export function idList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return asArray(value).filter((item): item is string => typeof item === 'string');
}

export function findKpi(model: PlanModel, id: string): Data | undefined {
  const definition = model.ids.get('kpis')?.get(id);
  return definition ? asRecord(asArray(model.data.kpis)[definition.index]) : undefined;
}

/** Which way is better for a KPI: its own `direction`, else its catalog metric's, else up. */
export function kpiDirection(kpi: Data | undefined): Direction {
  if (kpi?.direction === 'increase' || kpi?.direction === 'decrease') return kpi.direction;
  return catalogKpi(kpi?.metric)?.direction ?? 'increase';
}
