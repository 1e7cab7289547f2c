/**
 * Generators of hostile plans for the fuzz tests: plans built from the JSON Schemas in
 * `schemas/` and then mutated (keys dropped, types swapped, ids duplicated, references broken,
 * strings of any Unicode, the YAML truncated anywhere), YAML token soup, and random bytes.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import common from '../../schemas/common.schema.json';
import marketing from '../../schemas/marketing.schema.json';
import sales from '../../schemas/sales.schema.json';

/** How many cases a property runs: the budget given, or `FUZZ_RUNS` (the long run) times `share`. */
export function runs(budget: number, share = 1): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? Math.max(1, Math.round(fromEnv * share)) : budget;
}

/** The seed of every property: fixed in `npm test`, `FUZZ_SEED` to replay or explore. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20260107);

type Schema = Record<string, unknown>;
const DOCUMENTS: Record<string, Schema> = { 'common.schema.json': common as Schema, 'marketing.schema.json': marketing as Schema, 'sales.schema.json': sales as Schema };

function resolve(reference: string, base: string): { schema: Schema; base: string } {
  const [file, pointer] = reference.split('#');
  const document = file ? file : base;
  let node: unknown = DOCUMENTS[document];
  for (const part of (pointer ?? '').split('/').filter(Boolean)) node = (node as Schema)[part];
  return { schema: node as Schema, base: document };
}

/** Text anyone might paste: letters of many scripts, emoji, controls, bidi marks, lone surrogates, YAML and HTML specials. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('other.plan.yaml', '../other.plan.yaml', 'fuzz.plan.yaml') },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom('ăîșțâ ĂÎȘȚÂ', '👩‍💻🚀', '\u202Eevil\u202C', '\u2066x\u2069', '\uD800', '\uDC00x', '\u0000', '\r\n', '\t', '<script>alert(1)</script>', '&lt;b&gt;', 'javascript:alert(1)', '*alias', '&anchor x', '!!binary', '{{x}}', '${x}', '__proto__', 'constructor', 'NaN', '.inf', '0x1F', '~', 'null', 'yes', '2026-13-45', '9999-99-99', '1e400', '-0') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(':', '-', ' ', '#', '"', "'", '\n', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '?'), maxLength: 12 }) },
);

const ids = fc.constantFrom('leads', 'revenue', 'web', 'goal-1', 'persona', 'segment', 'team-lead', 'objective', 'strategy', 'x');
const dates = fc.constantFrom('2026-01-01', '2026-06-30', '2026-12-31', '2025-02-29', '2027-01-01', '1900-01-01');

/** A value of a schema, reasonably likely valid, depth-bounded. */
function fromSchema(schema: Schema, base: string, depth: number): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref, base);
    return fromSchema(target.schema, target.base, depth);
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[combinator])) return fc.oneof(...(schema[combinator] as Schema[]).map((option) => fromSchema(option, base, depth)));
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (depth <= 0 && (type === 'object' || type === 'array')) return type === 'array' ? fc.constant([]) : fc.constant({});
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const shape = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, fromSchema(property, base, depth - 1)]));
      return fc.record(shape, { requiredKeys: [] });
    }
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items as Schema, base, depth - 1) : anyText, { maxLength: 3 });
    case 'string':
      if (schema.format === 'date') return dates;
      if (schema.pattern === '^[a-z0-9]+(-[a-z0-9]+)*$') return ids;
      if (schema.format === 'iso4217') return fc.constantFrom('EUR', 'RON', 'USD', 'EURO', 'eur');
      return fc.oneof(anyText, ids);
    case 'integer':
      return fc.integer({ min: -5, max: 100000 });
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 100000 }), fc.double({ noNaN: false }));
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof(anyText, fc.integer(), fc.constant(null));
  }
}

/** A plan of either kind, from its schema (`kind` and `period` kept so that most rules run). */
export const schemaPlan: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom('marketing', 'sales').chain((kind) =>
  (fromSchema(kind === 'marketing' ? (marketing as Schema) : (sales as Schema), `${kind}.schema.json`, 4) as fc.Arbitrary<Record<string, unknown>>).map((plan) => ({
    ...plan,
    kind,
    period: plan.period ?? { start: '2026-01-01', end: '2026-12-31' },
  })),
);

/** Choices for the mutations, drawn by fast-check (so that failures shrink and replay). */
interface Picker {
  nextInt(min: number, max: number): number;
}

type Mutation = (value: unknown, random: Picker) => unknown;

/** Every container of a value (objects and arrays), the value itself first. */
function containers(value: unknown, found: (Record<string, unknown> | unknown[])[] = []): (Record<string, unknown> | unknown[])[] {
  if (value && typeof value === 'object') {
    found.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) containers(child, found);
  }
  return found;
}

const SWAPS: unknown[] = [null, 0, -1, 1e308, '', 'text', [], {}, ['a', 1], { a: { b: [] } }, true, '2026-02-30', '<b>x</b>'];

const MUTATIONS: Mutation[] = [
  // Drop a key or an item.
  (value, random) => {
    const pick = containers(value);
    const target = pick[random.nextInt(0, pick.length - 1)];
    if (Array.isArray(target)) target.splice(random.nextInt(0, Math.max(0, target.length - 1)), 1);
    else {
      const keys = Object.keys(target);
      if (keys.length) delete target[keys[random.nextInt(0, keys.length - 1)]];
    }
    return value;
  },
  // Swap the type of a value.
  (value, random) => {
    const pick = containers(value);
    const target = pick[random.nextInt(0, pick.length - 1)] as Record<string, unknown>;
    const keys = Object.keys(target);
    if (keys.length) target[keys[random.nextInt(0, keys.length - 1)]] = structuredClone(SWAPS[random.nextInt(0, SWAPS.length - 1)]);
    return value;
  },
  // Duplicate an item of a list (its id with it).
  (value, random) => {
    const lists = containers(value).filter((item): item is unknown[] => Array.isArray(item) && item.length > 0);
    if (lists.length) {
      const list = lists[random.nextInt(0, lists.length - 1)];
      list.push(structuredClone(list[random.nextInt(0, list.length - 1)]));
    }
    return value;
  },
  // Break a reference, or make one point at itself.
  (value, random) => {
    for (const target of containers(value)) {
      if (Array.isArray(target)) continue;
      for (const key of ['kpi', 'kpis', 'goals', 'channels', 'persona', 'supports', 'segments', 'reportsTo', 'owner', 'audience', 'channel']) {
        if (key in target && random.nextInt(0, 2) === 0) target[key] = random.nextInt(0, 1) ? 'no-such-id' : ['missing', ...(Array.isArray(target[key]) ? target[key] : [])];
      }
    }
    return value;
  },
  // An unknown key, a `__proto__` key, a merge key.
  (value, random) => {
    const objects = containers(value).filter((item) => !Array.isArray(item));
    const target = objects[random.nextInt(0, objects.length - 1)] as Record<string, unknown>;
    const key = ['__proto__', 'constructor', 'kpiss', 'x-extra', '<<', ''][random.nextInt(0, 5)];
    Object.defineProperty(target, key, { value: structuredClone(SWAPS[random.nextInt(0, SWAPS.length - 1)]), enumerable: true, configurable: true, writable: true });
    return value;
  },
];

/** A schema plan with 0 to 4 mutations, as YAML (block or flow style). */
export const mutatedPlanYaml: fc.Arbitrary<string> = fc
  .tuple(schemaPlan, fc.array(fc.nat(MUTATIONS.length - 1), { maxLength: 4 }), fc.boolean(), fc.array(fc.nat(), { minLength: 16, maxLength: 16 }))
  .map(([plan, mutations, flow, choices]) => {
    let value: unknown = structuredClone(plan);
    let next = 0;
    const random: Picker = { nextInt: (min, max) => min + (choices[next++ % choices.length] % (max - min + 1)) };
    for (const mutation of mutations) value = MUTATIONS[mutation](value, random);
    return stringify(value, { collectionStyle: flow ? 'flow' : 'block', lineWidth: 0 });
  });

/** Cuts a text at any UTF-8 byte (decoding what is left with replacement characters) or at any UTF-16 unit. */
export function truncated(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()).map(([source, fraction, byBytes]) => {
    if (!byBytes) return source.slice(0, Math.floor(source.length * fraction));
    const bytes = Buffer.from(source, 'utf8');
    return bytes.subarray(0, Math.floor(bytes.length * fraction)).toString('utf8');
  });
}

/** YAML's own punctuation, shuffled: what breaks parsers. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('kind: marketing\n', 'kind: sales\n', 'goals:\n', '  - id: g\n', '    statement: ', 'kpis: [', ']', '{', '}', ': ', '- ', '\n', '  ', '\t', '#', '# plan-disable-next-line\n', '---\n', '...\n', '&a ', '*a', '<<: ', '? ', '|\n', '>-\n', '"', "'", '!!str ', '!!binary ', '%YAML 1.2\n', '%TAG ! tag:x:\n', '\r\n', '\uFEFF', ',', 'period: {start: 2026-01-01, end: 2026-12-31}\n', 'alignsWith: [../../etc/passwd, other.plan.yaml]\n', 'alignsWith: [other.plan.yaml]\n', 'supports: [', 'kpi: leads\n', 'id: leads\n'),
      anyText,
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Random bytes, read as a file would be: UTF-8 with replacement characters, or Latin-1. */
export const randomBytesText: fc.Arbitrary<string> = fc.tuple(fc.uint8Array({ maxLength: 400 }), fc.boolean()).map(([bytes, latin1]) => Buffer.from(bytes).toString(latin1 ? 'latin1' : 'utf8'));

/** Every kind of hostile text, for properties that take any. */
export const hostileText: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: truncated(mutatedPlanYaml) }, { weight: 2, arbitrary: mutatedPlanYaml }, { weight: 3, arbitrary: tokenSoup }, { weight: 1, arbitrary: randomBytesText });
