import { catalogKpi, KPI_CATALOG, type CatalogKpi } from '../model/catalog';
import { metricText } from '../model/catalog-text';
import { asArray, asRecord, asString, parseDate, REFERENCE_FIELDS, type IdSection, type PlanModel } from '../model/model';
import { propertiesOf, resolved, schemaAt, types, type SchemaNode } from '../model/schema';
import type { Analysis } from '../model/links';
import { cursorContext, siblingKeys } from '../parse/cursor-context';
import type { MessageId, Translate } from '../base/messages';
import type { Locale, PlanKind } from '../base/types';
import { sectionYaml, skeletonFacts, placeholder } from '../rules/fixes';
import { EXPECTED_SECTIONS } from '../model/templates';
import { PLAN_TEMPLATES } from './templates';

export type CompletionKind = 'property' | 'enum' | 'reference' | 'metric' | 'date' | 'value' | 'snippet';

export interface Completion {
  label: string;
  kind: CompletionKind;
  /** Text to insert; snippet syntax (`$1`, `${1:x}`) when `snippet` is set. */
  insertText: string;
  snippet: boolean;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText: string;
  /** What typing is matched against, when not the label (a whole plan: `marketing-plan`). */
  filterText?: string;
  /** The range the completion replaces (the word at the cursor). */
  start: number;
  end: number;
}

/** Words of the editor features in the plan's language. */

export interface CompletionInput {
  text: string;
  offset: number;
  analysis: Analysis;
  t: Translate;
  /** Models of the plans named by `alignsWith`, whose ids references may also name. */
  linked: readonly PlanModel[];
  /** The plan's language: schema texts, catalog names and inserted placeholders are in it (English by default). */
  locale?: Locale;
}

/** The index standing for a list item being written, not yet in the data. */
const NEW_ITEM = -1;

const COMMON_CURRENCIES = ['EUR', 'RON', 'USD', 'GBP', 'CHF', 'PLN', 'HUF', 'BGN', 'CZK', 'SEK'];

/** Completions at an offset: keys, values, references, catalog metrics, dates and item skeletons. */
export function complete(input: CompletionInput): Completion[] {
  const { text, offset, analysis } = input;
  const context = cursorContext(text, offset);
  if (context.kind === 'none') return [];
  const kind = analysis.model.kind ?? kindFromText(text);
  const range = { start: context.start, end: context.end };
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const lineNumber = text.slice(0, offset).split('\n').length - 1;

  const locale = input.locale ?? 'en';
  if (context.kind === 'value') {
    return valueCompletions(input, kind, context.path, context.key, range, context.needsSpace ? ' ' : '');
  }

  const container = schemaAt(kind, context.path, locale);
  if (!container) return [];
  if (context.dash) {
    // A new list item: its keys (with a whole-item skeleton), or a value for a list of scalars.
    const item = container.items && schemaAt(kind, [...context.path, NEW_ITEM], locale);
    if (!item) return [];
    if (!types(item).includes('object')) return valueCompletions(input, kind, [...context.path, NEW_ITEM], String(context.path.at(-1)), range, '');
    const keys = keyCompletions(item, new Set(), range, context.keyOnly, '', locale);
    return [...itemSkeletons(input, kind, context.path, range, ''), ...keys];
  }
  if (types(container).includes('array') && !types(container).includes('object')) {
    // An empty line at the level of a list's dashes: a new item, dash included.
    const item = schemaAt(kind, [...context.path, '*'], locale);
    if (!item || !types(item).includes('object')) return [];
    return itemSkeletons(input, kind, context.path, range, '- ');
  }
  const present = siblingKeys(lines, lineNumber, context.column, false);
  const keys = keyCompletions(container, present, range, context.keyOnly, '', locale);
  if (context.path.length > 0 || context.keyOnly) return keys;
  // At the top level: whole plans to start from (while the plan has no kind), and whole sections of its template.
  return [...(kind ? [] : planTemplates(input.t, locale, range)), ...(kind ? sectionSkeletons(input, kind, present, range) : []), ...keys];
}

/** Whole plans of each template in the plan's language, for an empty or new plan. */
function planTemplates(t: Translate, locale: Locale, range: { start: number; end: number }): Completion[] {
  return (['marketing', 'sales'] as const).map((kind, index) => ({
    label: t(`editor.planTemplate.${kind}`),
    // The label's words joined by hyphens, without and with diacritics, and the English name.
    filterText: [...new Set([kebab(t(`editor.planTemplate.${kind}`)), kebab(t(`editor.planTemplate.${kind}`)).normalize('NFD').replace(/\p{M}/gu, ''), `${kind}-plan`])].join(' '),
    kind: 'snippet' as const,
    insertText: PLAN_TEMPLATES[locale][kind],
    snippet: true,
    detail: t('editor.planTemplate.detail'),
    documentation: t(`editor.kind.${kind}`),
    sortText: `0${index}`,
    ...range,
  }));
}

function kebab(words: string): string {
  return words.toLowerCase().split(/\s+/).join('-');
}

/** Each section of the template that the plan lacks, whole, with a tab stop on every placeholder. */
function sectionSkeletons(input: CompletionInput, kind: PlanKind, present: Set<string>, range: { start: number; end: number }): Completion[] {
  const locale = input.locale ?? 'en';
  const facts = skeletonFacts(input.analysis.model, locale);
  const todo = placeholder(locale);
  return EXPECTED_SECTIONS[kind]
    .filter((section) => !present.has(section) && !(section in input.analysis.model.data))
    .flatMap((section, index) => {
      const yaml = sectionYaml(kind, section, facts);
      if (!yaml) return [];
      let stop = 0;
      const body = yaml.replace(/\$/g, '\\$').split(todo).reduce((text, part) => `${text}\${${++stop}:${todo}}${part}`);
      return [{
        label: section,
        kind: 'snippet' as const,
        insertText: `${body}$0`,
        snippet: true,
        detail: input.t('editor.sectionSkeleton', { section }),
        documentation: '```yaml\n' + yaml + '\n```',
        sortText: `1${String(index).padStart(3, '0')}`,
        ...range,
      }];
    });
}

function kindFromText(text: string): PlanKind | undefined {
  const match = /^kind:\s*(marketing|sales)\b/m.exec(text);
  return match ? (match[1] as PlanKind) : undefined;
}

function keyCompletions(schema: SchemaNode, present: Set<string>, range: { start: number; end: number }, keyOnly: boolean, prefix: string, locale: Locale): Completion[] {
  return propertiesOf(schema, locale)
    .filter((property) => !present.has(property.name))
    .map((property, index) => ({
      label: property.name,
      kind: 'property' as const,
      insertText: prefix + (keyOnly ? property.name : keyInsertText(property.name, property.schema)),
      snippet: !keyOnly,
      detail: property.schema.description,
      documentation: property.schema.markdownDescription,
      // Required keys first, then the template's order.
      sortText: `${property.required ? 0 : 1}${String(index).padStart(3, '0')}`,
      ...range,
    }));
}

/** What typing a key inserts: the colon and the start of its value, shaped by the value's type. */
function keyInsertText(name: string, schema: SchemaNode): string {
  const valueTypes = types(schema);
  const values = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (values) return `${name}: \${1|${values.map((value) => escapeChoice(String(value))).join(',')}|}`;
  if (valueTypes.includes('object')) return `${name}:\n  $0`;
  if (valueTypes.includes('array')) {
    const item = schema.items && resolved(schema.items);
    return item && types(item).includes('object') ? `${name}:\n  - $0` : `${name}: [$0]`;
  }
  return `${name}: $0`;
}

function escapeChoice(value: string): string {
  return value.replace(/[,|\\$}]/g, (character) => `\\${character}`);
}

function valueCompletions(
  input: CompletionInput,
  kind: PlanKind | undefined,
  path: (string | number)[],
  key: string,
  range: { start: number; end: number },
  prefix: string,
): Completion[] {
  const reference = referenceTargets(path);
  if (reference) return referenceCompletions(input, reference, path, range, prefix);
  if (key === 'metric') return metricCompletions(input.t, range, prefix, input.locale ?? 'en');
  if (path.length === 1 && key === 'kind') {
    return (['marketing', 'sales'] as const).map((value, index) => plain(value, 'enum', range, prefix, index, input.t(`editor.kind.${value}`)));
  }
  const schema = schemaAt(kind, path, input.locale);
  if (!schema) return [];
  const values = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (values) {
    return values.map((value, index) => ({ ...plain(String(value), 'enum', range, prefix, index), documentation: schema.markdownEnumDescriptions?.[index] }));
  }
  if (schema.format === 'date') return dateCompletions(input.t, input.analysis.model, range, prefix);
  if (schema.format === 'iso4217') return COMMON_CURRENCIES.map((code, index) => plain(code, 'value', range, prefix, index));
  return (schema.examples ?? []).map((example, index) => plain(String(example), 'value', range, prefix, index));
}

function plain(value: string, kind: CompletionKind, range: { start: number; end: number }, prefix: string, index: number, detail?: string): Completion {
  return { label: value, kind, insertText: prefix + value, snippet: false, detail, sortText: String(index).padStart(4, '0'), ...range };
}

/** The sections a reference field's ids live in, when the path is a reference field. */
function referenceTargets(path: (string | number)[]): readonly IdSection[] | undefined {
  const matches = (pattern: readonly string[], candidate: (string | number)[]) =>
    pattern.length === candidate.length && pattern.every((segment, index) => segment === '*' ? typeof candidate[index] === 'number' : segment === candidate[index]);
  for (const field of REFERENCE_FIELDS) {
    if (matches(field.path, path) || (typeof path.at(-1) === 'number' && matches(field.path, path.slice(0, -1)))) return field.targets;
  }
  return undefined;
}

function referenceCompletions(
  input: CompletionInput,
  targets: readonly IdSection[],
  path: (string | number)[],
  range: { start: number; end: number },
  prefix: string,
): Completion[] {
  const listPath = typeof path.at(-1) === 'number' ? path.slice(0, -1) : path;
  let current: unknown = input.analysis.model.data;
  for (const segment of listPath) current = Array.isArray(current) ? current[segment as number] : asRecord(current)?.[segment as string];
  const already = new Set(asArray(current).filter((item): item is string => typeof item === 'string'));
  const completions: Completion[] = [];
  const seen = new Set<string>();
  for (const [planIndex, plan] of [input.analysis.model, ...input.linked].entries()) {
    for (const section of targets) {
      const items = asArray(plan.data[section]);
      for (const definition of plan.ids.get(section)?.values() ?? []) {
        // Ids already in the list are left out (there is nothing to leave out for a single id).
        if (seen.has(definition.id) || already.has(definition.id)) continue;
        seen.add(definition.id);
        const item = asRecord(items[definition.index]) ?? {};
        completions.push({
          label: definition.id,
          kind: 'reference',
          insertText: prefix + definition.id,
          snippet: false,
          detail: input.t(planIndex > 0 ? 'editor.alignedPlan' : 'editor.inSection', { label: itemLabel(item) ?? definition.id, section }),
          documentation: describeItem(input.t, section, item, input.locale),
          sortText: `${planIndex}${String(definition.index).padStart(4, '0')}`,
          ...range,
        });
      }
    }
  }
  return completions;
}

function itemLabel(item: Record<string, unknown>): string | undefined {
  return asString(item.name) ?? asString(item.statement) ?? asString(item.role);
}

/** A short markdown card for an item, as shown beside a reference, in the plan's language. */
export function describeItem(t: Translate, section: IdSection | string, item: Record<string, unknown>, locale: Locale = 'en'): string {
  const lines = [`**${itemLabel(item) ?? String(item.id ?? '')}** \`${String(item.id ?? '')}\``];
  if (section === 'kpis') {
    const metric = catalogKpi(item.metric);
    const unit = asString(item.unit) ?? metric?.unit;
    if (item.baseline !== undefined || item.target !== undefined) lines.push(`${String(item.baseline ?? '?')} → ${String(item.target ?? '?')}${unit ? ` ${unitName(t, unit)}` : ''}`);
    const formula = asString(item.formula) ?? (metric && metricText(metric, locale).formula);
    if (formula) lines.push(t('editor.formula', { formula }));
    if (item.frequency) lines.push(t(item.source ? 'editor.measuredFrom' : 'editor.measured', { frequency: frequencyName(t, item.frequency), source: String(item.source ?? '') }));
  } else {
    for (const key of ['statement', 'description', 'type', 'deadline', 'owner']) {
      if (typeof item[key] === 'string' && item[key] !== itemLabel(item)) lines.push(`\`${key}\`: ${key === 'type' ? typeName(t, item[key] as string) : (item[key] as string)}`);
    }
  }
  return lines.join('\n\n');
}

const UNITS = ['count', 'percent', 'currency', 'days', 'ratio', 'score'];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'];
const STRATEGY_TYPES = ['prospecting', 'lead-generation', 'conversion', 'acquisition', 'upsell', 'cross-sell', 'retention'];
const CHANNEL_TYPES = ['online', 'offline'];

/** A KPI unit in the plan's language (`percent` → procent); another word as written. */
function unitName(t: Translate, unit: string): string {
  return UNITS.includes(unit) ? t(`render.unit.${unit}` as MessageId) : unit;
}

/** A measuring frequency in the plan's language (`monthly` → lunar); another value as written. */
function frequencyName(t: Translate, frequency: unknown): string {
  return typeof frequency === 'string' && FREQUENCIES.includes(frequency) ? t(`render.frequency.${frequency}` as MessageId) : String(frequency);
}

/** A strategy's or channel's `type` in the plan's language. */
function typeName(t: Translate, type: string): string {
  if (STRATEGY_TYPES.includes(type)) return t(`render.strategyType.${type}` as MessageId);
  if (CHANNEL_TYPES.includes(type)) return t(`render.channelType.${type}` as MessageId);
  return type;
}

function metricCompletions(t: Translate, range: { start: number; end: number }, prefix: string, locale: Locale): Completion[] {
  return KPI_CATALOG.map((metric, index) => ({
    label: metric.id,
    kind: 'metric' as const,
    insertText: prefix + metric.id,
    snippet: false,
    detail: t(`editor.metricDetail.${metric.direction}`, { name: metricText(metric, locale).name, unit: unitName(t, metric.unit) }),
    documentation: describeMetric(t, metric, locale),
    sortText: `${metric.essential ? 0 : 1}${String(index).padStart(3, '0')}`,
    ...range,
  }));
}

/** A catalog metric: name, formula, meaning, unit and which way is better, in the plan's language. */
export function describeMetric(t: Translate, metric: CatalogKpi, locale: Locale = 'en'): string {
  const text = metricText(metric, locale);
  const parts = [
    `**${text.name}** (\`${metric.id}\`)`,
    text.description,
    t('editor.formula', { formula: text.formula }),
    t(metric.direction === 'increase' ? 'editor.higherBetter' : 'editor.lowerBetter', { unit: unitName(t, metric.unit) }),
  ].filter(Boolean);
  if (metric.essential && metric.template !== 'general') parts.push(t('editor.essential', { kind: t(`kind.${metric.template}`) }));
  return parts.join('\n\n');
}

/** Dates inside the plan period: its start, the end of each quarter, its end. */
function dateCompletions(t: Translate, model: PlanModel, range: { start: number; end: number }, prefix: string): Completion[] {
  const period = model.period;
  if (!period) return [];
  const dates = new Map<string, string>();
  const iso = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);
  dates.set(iso(period.start), t('editor.periodStart'));
  const start = new Date(period.start * 86_400_000);
  for (let year = start.getUTCFullYear(), quarter = Math.floor(start.getUTCMonth() / 3); ; quarter++) {
    const end = Date.UTC(year + Math.floor((quarter + 1) / 4), ((quarter + 1) % 4) * 3, 0) / 86_400_000;
    if (end > period.end) break;
    if (end >= period.start) dates.set(iso(end), t('editor.quarterEnd', { quarter: (quarter % 4) + 1, year: String(year + Math.floor(quarter / 4)) }));
  }
  dates.set(iso(period.end), t('editor.periodEnd'));
  return [...dates].sort(([a], [b]) => (parseDate(a) ?? 0) - (parseDate(b) ?? 0)).map(([date, detail], index) => plain(date, 'date', range, prefix, index, detail));
}

/** Whole new items for a list section, with every field as a tab stop (a SMART goal, a KPI, ...). */
function itemSkeletons(input: CompletionInput, kind: PlanKind | undefined, listPath: (string | number)[], range: { start: number; end: number }, dash: string): Completion[] {
  const section = listPath.length === 1 ? String(listPath[0]) : undefined;
  const model = input.analysis.model;
  const choice = (ids: string[], stop: number, fallback: string) => (ids.length ? `\${${stop}|${ids.map(escapeChoice).join(',')}|}` : `\${${stop}:${fallback}}`);
  const ids = (target: IdSection) => [...(model.ids.get(target)?.keys() ?? [])];
  const periodEnd = asString(asRecord(model.data.period)?.end) ?? '2026-12-31';
  // Later lines sit under the first key, past the item's `- `.
  const lines = (...entries: string[]) => dash + entries.join('\n  ');
  let body: string | undefined;
  let label: string | undefined;
  const t = input.t;
  if (section === 'goals') {
    label = t('editor.newGoal');
    body = lines(
      `id: \${1:${t('editor.placeholder.goalId')}}`,
      `statement: \${2:${t(kind === 'sales' ? 'smart/specific.example.sales' : 'smart/specific.example.marketing')}}`,
      `kpi: ${choice(ids('kpis'), 3, t('editor.placeholder.kpiRef'))}`,
      'baseline: ${4:0}',
      'target: ${5:0}',
      `deadline: \${6:${periodEnd}}`,
      `owner: \${7:${t('editor.placeholder.owner')}}`,
      `supports: [${choice([...ids('objectives'), ...ids('strategies')], 8, t('editor.placeholder.objectiveRef'))}]`,
    );
  } else if (section === 'kpis') {
    label = t('editor.newKpi');
    body = lines(
      `id: \${1:${t('editor.placeholder.kpiId')}}`,
      `name: \${2:${t('editor.placeholder.kpiName')}}`,
      `metric: \${3|${KPI_CATALOG.map((metric) => metric.id).join(',')}|}`,
      'baseline: ${4:0}',
      'target: ${5:0}',
      'frequency: ${6|monthly,weekly,quarterly,yearly,daily|}',
      `source: \${7:${t('editor.placeholder.source')}}`,
    );
  } else {
    const item = schemaAt(kind, [...listPath, '*']);
    const required = item ? propertiesOf(item).filter((property) => property.required) : [];
    if (required.length === 0) return [];
    label = t('editor.newItem', { section: section ?? String(listPath.at(-1)) });
    body = lines(...required.map((property, index) => `${property.name}: \${${index + 1}:${property.name === 'id' ? t('editor.placeholder.id') : ''}}`));
  }
  return [{ label, kind: 'snippet', insertText: body, snippet: true, detail: input.t('editor.wholeItem'), documentation: '```yaml\n' + body.replace(/\$\{\d+[:|]([^}|]*)[^}]*\}/g, '$1') + '\n```', sortText: '0', ...range }];
}
