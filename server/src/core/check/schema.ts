import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import common from '../../../../schemas/common.schema.json';
import marketing from '../../../../schemas/marketing.schema.json';
import sales from '../../../../schemas/sales.schema.json';
import plan from '../../../../schemas/plan.schema.json';
import { asRecord, isRecord } from '../model/model';
import { resolved, types, type SchemaNode } from '../model/schema';
import { closest } from '../base/text';
import type { MessageId } from '../base/messages';
import type { RuleId } from '../base/rule-ids';
import type { Anchor, Fix, JsonPath, PlanKind } from '../base/types';
import { numberIn } from '../base/numbers';
import { inlineYaml } from '../rules/fixes';

/** One schema problem, before it is placed in the text and worded in a language. */
export interface SchemaProblem {
  ruleId: RuleId;
  path: JsonPath;
  anchor: Anchor;
  messageId: MessageId;
  params: Record<string, string | number>;
  /** Parameters that are message ids themselves, worded by the caller. */
  textParams?: Record<string, { id: MessageId; params?: Record<string, string | number>; midSentence?: boolean }>;
  /** Parameter values to show as data (quoted text, numbers, empty). */
  actual?: unknown;
  replacement?: string;
  /** Whether the replacement only repairs the value as written (the default), or is a guess that "fix all" leaves alone. */
  replacementSafe?: boolean;
  /** Fixes beyond the replacement (edits made with the text at hand). */
  fixes?: Fix[];
  /** For type errors: the JSON types the schema accepts there. */
  expectedTypes?: string[];
  /** Parameters that are lists, joined in the plan's language ("`id` and `role`"). */
  lists?: Record<string, string[]>;
  /** A problem worded inside this one's message, as its `{detail}` (the first of several alike). */
  detail?: SchemaProblem;
}

/** Ids are lowercase kebab-case (the schemas' pattern). */
export const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

let ajv: Ajv | undefined;
const validators: Partial<Record<PlanKind | 'any', ValidateFunction>> = {};

/**
 * The validator of a plan kind, compiled on first use: a plan opened first compiles only its own
 * kind's schema (the first diagnostics after the editor starts wait for it). The schemas are
 * checked against JSON Schema's meta-schema by the tests (test/unit/schemas.test.ts), not at
 * each start.
 */
function validatorOf(kind: PlanKind | 'any'): ValidateFunction {
  const known = validators[kind];
  if (known) return known;
  if (!ajv) {
    // Without Ajv's pass that simplifies the code it generates, a schema compiles in about 60 % of
    // the time (the first diagnostics after the editor starts wait for it), and validates as fast.
    ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateSchema: false, code: { optimize: false } });
    addFormats(ajv);
    ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions', 'defaultSnippets']);
    ajv.addFormat('iso4217', { type: 'string', validate: (code: string) => CURRENCIES.has(code) });
    ajv.addSchema(common, 'common.schema.json');
    ajv.addSchema(marketing, 'marketing.schema.json');
    ajv.addSchema(sales, 'sales.schema.json');
  }
  const compiled = kind === 'any' ? ajv.compile({ ...plan, $id: 'plan.schema.json' }) : ajv.getSchema(`${kind}.schema.json`)!;
  validators[kind] = compiled;
  return compiled;
}

/** Top-level lists longer than this are validated a slice at a time (see `validateSchema`). */
const SLICE = 500;

/**
 * The validator appends the errors of each referenced item (a KPI, a goal) by copying its whole
 * error list: a list of 100,000 faulty items costs 100,000² copies. Long top-level lists are
 * validated a slice at a time, their problems' indexes shifted back; the rest once.
 */
export function validateSchema(value: unknown, kind: PlanKind | undefined): SchemaProblem[] {
  const data = value === null || value === undefined ? {} : value;
  const long = isRecord(data) ? Object.keys(data).filter((key) => Array.isArray(data[key]) && (data[key] as unknown[]).length > SLICE) : [];
  if (long.length === 0) return validateWhole(data, kind);
  const record = data as Record<string, unknown>;
  const emptied = Object.fromEntries(long.map((key) => [key, []]));
  const problems = validateWhole({ ...record, ...emptied }, kind).filter((problem) => !long.includes(String(problem.path[0])) || problem.path.length === 1);
  for (const key of long) {
    const list = record[key] as unknown[];
    for (let from = 0; from < list.length; from += SLICE) {
      const items = list.slice(from, from + SLICE);
      problems.push(...sliceProblems(items, () => {
        const sliced = validateWhole({ ...record, ...emptied, [key]: items }, kind);
        return sliced.flatMap((problem) => (problem.path[0] === key && typeof problem.path[1] === 'number' ? [{ ...problem, path: [key, problem.path[1] + from, ...problem.path.slice(2)] }] : []));
      }, { kind, key, from }));
    }
  }
  return problems;
}

interface ValidatedSlice {
  kind: PlanKind | undefined;
  key: string;
  from: number;
  items: unknown[];
  problems: SchemaProblem[];
}

/**
 * The problems of each slice of a long list, by its first item. An item's problems are its own,
 * and the parser keeps the items an edit did not touch (the same objects): a keystroke in a plan
 * of thousands of goals validates again only the slice it is in.
 */
const validatedSlices = new WeakMap<object, ValidatedSlice>();

function sliceProblems(items: unknown[], validate: () => SchemaProblem[], where: Pick<ValidatedSlice, 'kind' | 'key' | 'from'>): SchemaProblem[] {
  const first = items[0];
  if (typeof first !== 'object' || first === null) return validate();
  const known = validatedSlices.get(first);
  if (known && known.kind === where.kind && known.key === where.key && known.from === where.from && known.items.length === items.length && known.items.every((item, index) => item === items[index])) return known.problems;
  const problems = validate();
  validatedSlices.set(first, { ...where, items, problems });
  return problems;
}

function validateWhole(data: unknown, kind: PlanKind | undefined): SchemaProblem[] {
  const validate = validatorOf(kind ?? 'any');
  if (validate(data)) return [];
  const problems: SchemaProblem[] = [];
  for (const error of validate.errors ?? []) {
    const problem = toProblem(error, data);
    if (problem) problems.push(problem);
  }
  return problems;
}

function toProblem(error: ErrorObject, root: unknown): SchemaProblem | undefined {
  const path = toPath(error.instancePath, root);
  const key = keyLabel(path);
  switch (error.keyword) {
    case 'if':
      // The `then` branch's own error says what is missing.
      return undefined;
    case 'required': {
      const missing = String(error.params.missingProperty);
      return {
        ruleId: 'schema/required',
        path,
        anchor: path.length === 0 ? 'key' : typeof path[path.length - 1] === 'number' ? 'item' : 'key',
        messageId: 'schema.required',
        params: { key: missing },
        textParams: {
          container: containerText(path, root),
          hint: { id: path.length === 0 && missing === 'kind' ? 'schema.required.kind' : 'schema.required.hint' },
        },
      };
    }
    case 'dependencies':
      return {
        ruleId: 'schema/required',
        path: [...path, String(error.params.property)],
        anchor: 'key',
        messageId: 'schema.dependency',
        params: { key: String(error.params.missingProperty), because: String(error.params.property) },
      };
    case 'type':
      return typeProblem(error, path, key);
    case 'enum':
    case 'const': {
      const allowed: unknown[] = error.keyword === 'enum' ? (error.params.allowedValues as unknown[]) : [error.params.allowedValue];
      const suggestion = typeof error.data === 'string' ? closest(error.data, allowed.map(String)) : undefined;
      return {
        ruleId: 'schema/enum',
        path,
        anchor: 'value',
        messageId: suggestion ? 'schema.enum.suggest' : 'schema.enum',
        params: { key, allowed: allowed.map((value) => `\`${String(value)}\``).join(', '), suggestion: suggestion ?? '' },
        actual: error.data,
        replacement: suggestion,
      };
    }
    case 'format': {
      const format = String(error.params.format);
      const date = format === 'date' && typeof error.data === 'string' ? guessDate(error.data, String(path[path.length - 1])) : undefined;
      if (date) {
        return { ruleId: 'schema/format', path, anchor: 'value', messageId: 'schema.format.dateSuggest', params: { key, suggestion: date }, actual: error.data, replacement: date, replacementSafe: false };
      }
      return {
        ruleId: 'schema/format',
        path,
        anchor: 'value',
        messageId: format === 'date' ? 'schema.format.date' : format === 'iso4217' ? 'schema.format.currency' : 'schema.format.other',
        params: { key, format },
        actual: error.data,
        replacement: format === 'iso4217' && typeof error.data === 'string' && CURRENCIES.has(error.data.toUpperCase()) ? error.data.toUpperCase() : undefined,
      };
    }
    case 'pattern': {
      const pattern = String(error.params.pattern);
      const isId = pattern === ID_PATTERN;
      const suggestion = isId ? kebabCase(String(error.data)) : '';
      return {
        ruleId: 'schema/pattern',
        path,
        anchor: 'value',
        messageId: isId ? 'schema.pattern.id' : pattern.startsWith('^\\d{4}') ? 'schema.pattern.period' : 'schema.pattern.other',
        params: { key, pattern, suggestion },
        actual: error.data,
        replacement: isId && suggestion ? suggestion : undefined,
      };
    }
    case 'additionalProperties': {
      const unknownKey = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const suggestion = closest(unknownKey, known);
      return {
        ruleId: 'schema/unknown-key',
        path: [...path, unknownKey],
        anchor: 'key',
        messageId: suggestion ? 'schema.unknownKey' : 'schema.unknownKey.noSuggestion',
        params: { key: unknownKey, suggestion: suggestion ?? '', known: known.map((name) => `\`${name}\``).join(', ') },
        textParams: { container: { ...containerText(path, root), midSentence: true } },
        replacement: suggestion,
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        ruleId: 'schema/range',
        path,
        anchor: 'value',
        messageId: error.keyword.toLowerCase().includes('min') ? 'schema.minimum' : 'schema.maximum',
        params: { key, limit: Number(error.params.limit) },
        actual: error.data,
      };
    default:
      return { ruleId: 'schema/other', path, anchor: 'value', messageId: 'schema.other', params: { key, detail: error.message ?? error.keyword } };
  }
}

/** `/goals/0/kpi` → ['goals', 0, 'kpi'], with indexes as numbers where the data is a list. */
function toPath(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = isRecord(current) ? current[segment] : undefined;
    }
  }
  return path;
}

function keyLabel(path: JsonPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'plan';
  if (typeof last === 'number') return `${String(path[path.length - 2] ?? '')} #${last + 1}`;
  return last;
}

function containerText(path: JsonPath, root: unknown): { id: MessageId; params?: Record<string, string | number> } {
  const last = path[path.length - 1];
  if (last === undefined) return { id: 'schema.container.root' };
  if (typeof last === 'string') return { id: 'schema.container.key', params: { key: last } };
  let item: unknown = root;
  for (const segment of path) item = Array.isArray(item) ? item[segment as number] : asRecord(item)?.[segment as string];
  const id = asRecord(item)?.id;
  const section = String(path[path.length - 2] ?? '');
  return typeof id === 'string'
    ? { id: 'schema.container.item', params: { id, section: `\`${section}\`` } }
    : { id: 'schema.container.itemNumber', params: { number: last + 1, section } };
}

/** The kebab-case form of a text, as a suggested id (may be empty). */
export function kebabCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A value of the wrong type, with what to write instead: the number inside a text ("2.5 %" →
 * 2.5), the fields a group expects (and a value moved into the one it fits), a list around a
 * single item.
 */
function typeProblem(error: ErrorObject, path: JsonPath, key: string): SchemaProblem {
  const expectedTypes = String(error.params.type).split(',');
  const base: SchemaProblem = { ruleId: 'schema/type', path, anchor: 'value', messageId: 'schema.type', params: { key }, actual: error.data, expectedTypes };
  const data: unknown = error.data;
  const wantsNumber = expectedTypes.includes('number') || expectedTypes.includes('integer');
  if (wantsNumber && typeof data === 'string') {
    const number = numberIn(data);
    if (number !== undefined && (expectedTypes.includes('number') || Number.isInteger(number))) {
      return { ...base, messageId: 'schema.type.numberInText', params: { key, suggestion: String(number) }, replacement: String(number) };
    }
  }
  const schema = error.parentSchema as { properties?: Record<string, { type?: string | string[]; $ref?: string }>; required?: string[] } | undefined;
  if (expectedTypes.length === 1 && expectedTypes[0] === 'object' && schema?.properties) {
    const fields = [...(schema.required ?? []), ...Object.keys(schema.properties).filter((name) => !schema.required?.includes(name))].slice(0, 4);
    const scalar = typeof data === 'number' || typeof data === 'string';
    // A lone number goes into the group's first number field: `budget: 25000` → `budget: { total: 25000 }`.
    const numberField = typeof data === 'number' ? Object.entries(schema.properties).find(([, property]) => types(resolved(property as SchemaNode)).some((type) => type === 'number' || type === 'integer'))?.[0] : undefined;
    if (numberField) {
      const suggestion = inlineYaml({ [numberField]: data as number });
      return { ...base, messageId: 'schema.type.objectSuggest', params: { key, suggestion }, lists: { fields: fields.map((name) => `\`${name}\``) }, replacement: suggestion, replacementSafe: false };
    }
    const field = schema.required?.[0];
    return { ...base, messageId: scalar || data === null ? 'schema.type.object' : 'schema.type.objectNotList', params: field ? { key, field } : { key }, lists: { fields: fields.map((name) => `\`${name}\``) } };
  }
  if (expectedTypes.length === 1 && expectedTypes[0] === 'array' && (typeof data === 'string' || typeof data === 'number')) {
    const suggestion = inlineYaml([data]);
    return { ...base, messageId: 'schema.type.list', params: { key, suggestion }, replacement: suggestion };
  }
  return base;
}

const MONTH_NAMES: readonly RegExp[] = [
  /^(?:jan|ian)/, /^feb/, /^mar/, /^apr/, /^(?:may|mai)/, /^(?:jun|iun)/, /^(?:jul|iul)/, /^aug/, /^sep/, /^(?:oct)/, /^(?:nov|noi)/, /^dec/,
];

/**
 * The ISO date a text most likely means ("March 2026", "31 March 2026", "31.03.2026",
 * "2026/03/31"). A month alone means its last day for a deadline or an end, its first for a start.
 */
function guessDate(text: string, key: string): string | undefined {
  const lower = text.trim().toLowerCase();
  const monthOf = (word: string) => {
    const index = MONTH_NAMES.findIndex((pattern) => pattern.test(word));
    return index === -1 ? undefined : index + 1;
  };
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(lower))) [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/.exec(lower)) || (match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(lower))) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+(\d{4})$/u.exec(lower))) [day, month, year] = [Number(match[1]), monthOf(match[2]), Number(match[3])];
  else if ((match = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(lower))) [month, day, year] = [monthOf(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\p{L}+)\.?,?\s+(\d{4})$/u.exec(lower))) [month, year] = [monthOf(match[1]), Number(match[2])];
  else if ((match = /^(\d{4})-(\d{1,2})$/.exec(lower))) [year, month] = [Number(match[1]), Number(match[2])];
  if (year === undefined || month === undefined || month < 1 || month > 12 || year < 1900 || year > 2200) return undefined;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  day ??= /start|begin/i.test(key) ? 1 : lastDay;
  if (day < 1 || day > lastDay) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
