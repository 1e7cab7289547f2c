/**
 * The JSON Schemas in `schemas/`: their shape, their documentation, their agreement with
 * `plan-format.md` (the expected key lists below are copied from its tables), and how ajv
 * reports valid and invalid plans with the validator's exact setup.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { RULES } from '../../server/src/core/rules';
import { localizedManifest } from '../helpers';

/** The manifest as VS Code shows it in English (its texts come from package.nls.json). */
const PACKAGE = localizedManifest() as { contributes: { configuration: { properties: Record<string, unknown> } } };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schemas');
const FILES = ['common', 'marketing', 'sales', 'plan', 'planrc'] as const;
type FileName = (typeof FILES)[number];

const text = (name: FileName): string => readFileSync(path.join(SCHEMA_DIR, `${name}.schema.json`), 'utf8');
const schemas = Object.fromEntries(FILES.map((name) => [name, JSON.parse(text(name)) as JsonObject])) as Record<FileName, JsonObject>;
const { common, marketing, sales, plan, planrc } = schemas;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The validator's setup, verbatim. */
function makeAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions', 'defaultSnippets']);
  ajv.addFormat('iso4217', { type: 'string', validate: (s: string) => Intl.supportedValuesOf('currency').includes(s) });
  return ajv;
}

// ---------------------------------------------------------------------------------------------
// Walking and resolving schemas

interface Visit {
  file: FileName;
  /** JSON pointer of the node inside its file. */
  pointer: string;
  node: JsonObject;
  /** Inside the condition (`if`) of an if/then/else: a test, not a declaration. */
  inCondition: boolean;
  /** Keys declared by the object schema this conditional subschema belongs to. */
  declared: ReadonlySet<string>;
}

const esc = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const unesc = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** Every subschema of a file, with where it sits. */
function walk(file: FileName, visit: (v: Visit) => void): void {
  const go = (node: Json, pointer: string, inCondition: boolean, declared: ReadonlySet<string>): void => {
    if (!isObject(node)) return;
    visit({ file, pointer, node, inCondition, declared });
    const own = isObject(node.properties) ? new Set(Object.keys(node.properties)) : declared;
    for (const key of ['properties', 'patternProperties', 'definitions', 'dependencies']) {
      const map = node[key];
      if (isObject(map)) for (const [name, sub] of Object.entries(map)) go(sub, `${pointer}/${key}/${esc(name)}`, inCondition, new Set());
    }
    if (Array.isArray(node.items)) node.items.forEach((sub, i) => go(sub, `${pointer}/items/${i}`, inCondition, new Set()));
    else go(node.items ?? null, `${pointer}/items`, inCondition, new Set());
    for (const key of ['additionalItems', 'additionalProperties', 'contains', 'propertyNames']) go(node[key] ?? null, `${pointer}/${key}`, inCondition, new Set());
    go(node.if ?? null, `${pointer}/if`, true, own);
    for (const key of ['then', 'else', 'not']) go(node[key] ?? null, `${pointer}/${key}`, inCondition, own);
  };
  go(schemas[file], '', false, new Set());
}

function atPointer(root: Json, pointer: string): Json | undefined {
  let node: Json | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = unesc(decodeURIComponent(raw));
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Follows `$ref`s (relative file refs and local ones) until a node without `$ref`. */
function deref(file: FileName, node: JsonObject): { file: FileName; node: JsonObject } {
  let current = { file, node };
  for (let hops = 0; typeof current.node.$ref === 'string'; hops++) {
    assert.ok(hops < 10, `$ref loop at ${current.node.$ref}`);
    current = refTarget(current.file, current.node.$ref);
  }
  return current;
}

/** A documentation keyword of a property: its own, or its $ref target's. */
function doc(file: FileName, node: JsonObject, keyword: string): Json | undefined {
  if (node[keyword] !== undefined || typeof node.$ref !== 'string') return node[keyword];
  const next = refTarget(file, node.$ref);
  return doc(next.file, next.node, keyword);
}

/** The node a `$ref` names, and its file. */
function refTarget(file: FileName, ref: string): { file: FileName; node: JsonObject } {
  const [target, pointer = ''] = ref.split('#');
  const targetFile = target ? (target.replace(/\.schema\.json$/, '') as FileName) : file;
  assert.ok(FILES.includes(targetFile), `$ref ${ref} names an unknown file`);
  const next = atPointer(schemas[targetFile], pointer);
  assert.ok(isObject(next), `$ref ${ref} does not resolve`);
  return { file: targetFile, node: next };
}

/** The object schema at a path of property names, `[]` stepping into list items. */
function objectAt(file: FileName, steps: string[]): { file: FileName; node: JsonObject } {
  let current = deref(file, schemas[file]);
  for (const step of steps) {
    const next = step === '[]' ? current.node.items : isObject(current.node.properties) ? current.node.properties[step] : undefined;
    assert.ok(isObject(next), `${file}: no ${step} under ${steps.join('.')}`);
    current = deref(current.file, next);
  }
  return current;
}

const yamlFences = (markdown: string): string[] => [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

// ---------------------------------------------------------------------------------------------
// What plan-format.md and domain.md name

const HEADER = ['kind', 'version', 'title', 'owner', 'period', 'currency', 'language', 'status', 'alignsWith', 'actuals', 'approvals', 'summary', 'objectives', 'kpis', 'goals'];
const KPI = ['id', 'name', 'metric', 'unit', 'direction', 'baseline', 'target', 'frequency', 'source', 'owner', 'formula'];
const GOAL = ['id', 'statement', 'kpi', 'baseline', 'target', 'deadline', 'owner', 'supports'];
const MARKETING_SECTIONS = ['summary', 'market', 'personas', 'goals', 'kpis', 'positioning', 'strategies', 'mix', 'budget', 'calendar', 'channels', 'content', 'measurement'];
const SALES_SECTIONS = ['summary', 'goals', 'kpis', 'segments', 'offering', 'strategies', 'team', 'tactics', 'forecast', 'territories', 'training'];

/** [file, path, keys, schema-required keys]: every object shape named by the spec. */
const SHAPES: [FileName, string, string[], string[]][] = [];
for (const file of ['marketing', 'sales'] as const) {
  SHAPES.push(
    [file, 'period', ['start', 'end'], ['start', 'end']],
    [file, 'objectives[]', ['id', 'statement'], ['id', 'statement']],
    [file, 'kpis[]', KPI, ['id', 'name']],
    [file, 'goals[]', GOAL, ['id', 'statement']],
    [file, 'approvals[]', ['by', 'role', 'date', 'revision'], ['by', 'date']],
  );
}
SHAPES.push(
  ['marketing', '', [...new Set([...HEADER, ...MARKETING_SECTIONS])], ['kind', 'title', 'period']],
  ['marketing', 'market', ['analysis', 'trends', 'opportunities', 'competitors', 'swot'], []],
  ['marketing', 'market.competitors[]', ['name', 'strengths', 'weaknesses'], ['name']],
  ['marketing', 'market.swot', ['strengths', 'weaknesses', 'opportunities', 'threats'], []],
  ['marketing', 'personas[]', ['id', 'name', 'role', 'description', 'demographics', 'needs', 'pains', 'preferences', 'behaviors'], ['id', 'name']],
  ['marketing', 'positioning', ['statement', 'advantages', 'messages'], []],
  ['marketing', 'positioning.messages[]', ['persona', 'message'], ['persona', 'message']],
  ['marketing', 'strategies[]', ['id', 'name', 'description', 'goals', 'differentiation'], ['id', 'name']],
  ['marketing', 'mix', ['product', 'price', 'place', 'promotion'], []],
  ['marketing', 'budget', ['total', 'allocations'], []],
  ['marketing', 'budget.allocations[]', ['channel', 'amount', 'expectedReturn'], ['channel', 'amount']],
  ['marketing', 'calendar[]', ['id', 'name', 'start', 'end', 'channels', 'goals', 'notes'], ['id', 'name']],
  ['marketing', 'channels[]', ['id', 'name', 'type', 'description', 'kpis'], ['id', 'name']],
  ['marketing', 'content', ['items', 'distribution', 'audit'], []],
  ['marketing', 'content.items[]', ['type', 'topic', 'frequency', 'channels', 'persona'], ['type']],
  ['marketing', 'content.audit', ['frequency'], []],
  ['marketing', 'measurement', ['kpis', 'tools', 'cadence', 'reviews'], []],
  ['sales', '', [...new Set([...HEADER, ...SALES_SECTIONS])], ['kind', 'title', 'period']],
  ['sales', 'segments[]', ['id', 'name', 'description', 'idealCustomer'], ['id', 'name']],
  ['sales', 'segments[].idealCustomer', ['industry', 'size', 'region', 'traits'], []],
  ['sales', 'offering[]', ['id', 'name', 'description', 'valueProposition', 'differentiators'], ['id', 'name']],
  ['sales', 'strategies[]', ['id', 'name', 'type', 'description', 'goals', 'segments'], ['id', 'name']],
  ['sales', 'team[]', ['id', 'role', 'count', 'quota', 'responsibilities', 'reportsTo'], ['id', 'role']],
  ['sales', 'tactics[]', ['name', 'methodology', 'description'], ['name']],
  ['sales', 'forecast', ['method', 'history', 'projections', 'assumptions'], []],
  ['sales', 'forecast.history[]', ['period', 'revenue'], ['period', 'revenue']],
  ['sales', 'forecast.projections[]', ['period', 'revenue'], ['period', 'revenue']],
  ['sales', 'territories[]', ['id', 'name', 'regions', 'channels', 'owner'], ['id', 'name']],
  ['sales', 'training[]', ['id', 'name', 'audience', 'cadence', 'topics'], ['id', 'name']],
);

const METRICS = [
  'revenue', 'sales-growth-rate', 'conversion-rate', 'average-deal-size', 'customer-acquisition-cost', 'sales-cycle-length',
  'customer-lifetime-value', 'win-rate', 'churn-rate', 'revenue-per-account', 'gross-margin', 'upsell-rate', 'leads', 'website-traffic', 'marketing-conversion-rate',
  'click-through-rate', 'cost-per-lead', 'social-engagement', 'email-open-rate', 'email-click-rate', 'content-engagement',
  'brand-awareness', 'marketing-roi', 'csat', 'nps', 'market-share', 'brand-equity', 'retention-rate',
];

const RULE_IDS = [
  'yaml/syntax', 'plan/multiple-documents', 'plan/period', 'schema/*', 'schema/required', 'schema/type', 'schema/enum', 'schema/format',
  'schema/unknown-key', 'ref/undefined', 'ref/duplicate-id', 'section/missing', 'smart/specific', 'smart/measurable', 'smart/achievable',
  'smart/relevant', 'smart/time-bound', 'kpi/missing', 'kpi/incomplete', 'kpi/unused', 'kpi/recommended', 'budget/sum', 'calendar/range',
  'align/funnel', 'align/currency', 'align/period', 'economics/clv-cac', 'economics/payback', 'economics/roi', 'sales/capacity',
  'forecast/history', 'forecast/periods', 'forecast/projections', 'kpi/off-track', 'actuals/csv',
  'kpi/range', 'goal/kpi-target', 'goal/duplicate', 'plan/stale',
];

const COMMON_DEFINITIONS = [
  'id', 'date', 'markdown', 'kpiRef', 'goalRef', 'channelRef', 'personaRef', 'segmentRef', 'teamRef', 'objectiveOrStrategyRef',
  'period', 'kpi', 'goal', 'objective', 'kind', 'version', 'title', 'owner', 'currency', 'language', 'status', 'alignsWith', 'actuals', 'summary',
  'objectives', 'kpis', 'goals', 'frequency', 'metric',
];

// ---------------------------------------------------------------------------------------------
// Sample plans

const VALID_MARKETING = {
  kind: 'marketing',
  version: 1,
  title: 'Acme marketing plan 2025',
  owner: 'Ana Pop',
  period: { start: '2025-01-01', end: '2025-12-31' },
  currency: 'EUR',
  language: 'en',
  alignsWith: ['sales.plan.yaml'],
  summary: 'Double inbound leads with webinars.',
  objectives: [{ id: 'grow-pipeline', statement: 'Build a pipeline for 20 % yearly growth' }],
  market: {
    analysis: 'Mid-sized logistics firms.',
    trends: ['Electrification'],
    opportunities: ['EU grants'],
    competitors: [{ name: 'Globex', strengths: ['Brand'], weaknesses: ['Onboarding'] }],
    swot: { strengths: ['Speed'], weaknesses: ['Team size'], opportunities: ['Rules'], threats: ['Prices'] },
  },
  personas: [{ id: 'ops-manager', name: 'Operations Olga', role: 'Ops manager', description: 'Runs dispatch.', demographics: '35-50, Romania', needs: ['Reports'], pains: ['Tools'], preferences: ['Email'], behaviors: ['Reads blogs'] }],
  kpis: [
    { id: 'leads', name: 'Leads', metric: 'leads', baseline: 400, target: 600, frequency: 'monthly', source: 'CRM', owner: 'Ana', formula: 'new leads' },
    { id: 'nps-score', name: 'NPS', unit: 'score', direction: 'increase', target: 40 },
  ],
  goals: [
    { id: 'more-leads', statement: 'Raise leads from 400 to 600 a month through webinars', kpi: 'leads', baseline: 400, target: 600, deadline: '2025-12-31', owner: 'Ana Pop', supports: ['grow-pipeline'] },
    { id: 'loyal', statement: 'Raise NPS to 40 with a customer programme', kpi: ['nps-score', 'leads'] },
  ],
  positioning: { statement: 'The planner for Romanian roads.', advantages: ['Local support'], messages: [{ persona: 'ops-manager', message: 'One report' }] },
  strategies: [{ id: 'webinars', name: 'Webinars', description: 'Monthly webinars.', goals: ['more-leads'], differentiation: 'Practitioners' }],
  mix: { product: 'SaaS', price: '49 EUR', place: 'Online', promotion: 'Webinars' },
  budget: { total: 100000, allocations: [{ channel: 'webinar-channel', amount: 60000, expectedReturn: 180000 }, { channel: 'fairs', amount: 40000 }] },
  calendar: [{ id: 'spring', name: 'Spring series', start: '2025-03-01', end: '2025-04-30', channels: ['webinar-channel'], goals: ['more-leads'], notes: 'Before the fair' }],
  channels: [
    { id: 'webinar-channel', name: 'Webinars', type: 'online', description: 'Monthly', kpis: ['leads'] },
    { id: 'fairs', name: 'Trade fairs', type: 'offline' },
  ],
  content: { items: [{ type: 'case study', topic: 'Trans-Cargo', frequency: 'monthly', channels: ['webinar-channel'], persona: 'ops-manager' }], distribution: 'Newsletter', audit: { frequency: 'quarterly' } },
  measurement: { kpis: ['leads'], tools: ['HubSpot'], cadence: 'monthly', reviews: 'Monthly with sales' },
  'x-notes': 'extensions are allowed',
};

const VALID_SALES = {
  kind: 'sales',
  title: 'Acme sales plan 2025',
  period: { start: '2025-01-01', end: '2025-12-31' },
  currency: 'RON',
  language: 'ro',
  summary: 'Grow revenue 15 %.',
  kpis: [{ id: 'revenue', name: 'Revenue', metric: 'revenue', target: 1100000, frequency: 'monthly', source: 'ERP' }],
  goals: [{ id: 'revenue-2025', statement: 'Grow revenue 15 % through guided selling', kpi: 'revenue', baseline: 950000, target: 1100000, deadline: '2025-12-31', owner: 'Mihai', supports: ['guided-selling'] }],
  segments: [{ id: 'mid-market', name: 'Mid-market', description: 'Fleets', idealCustomer: { industry: 'Freight', size: '50-500', region: 'RO', traits: ['Own fleet'] } }],
  offering: [{ id: 'planner-pro', name: 'Planner Pro', description: 'SaaS', valueProposition: 'Fewer empty km', differentiators: ['Local data'] }],
  strategies: [{ id: 'guided-selling', name: 'Guided selling', type: 'conversion', description: 'Demos', goals: ['revenue-2025'], segments: ['mid-market'] }],
  team: [
    { id: 'sales-manager', role: 'Sales manager', count: 1 },
    { id: 'account-executive', role: 'Account executive', count: 4, responsibilities: ['Demos'], reportsTo: 'sales-manager', 'x-hiring': true },
  ],
  tactics: [{ name: 'Discovery calls', methodology: 'SPIN', description: 'Before demos' }],
  forecast: {
    method: 'linear',
    history: [{ period: 2023, revenue: 800000 }, { period: '2024', revenue: 950000 }, { period: '2024-Q4', revenue: 260000 }, { period: '2024-12', revenue: 90000 }],
    projections: [{ period: 2025, revenue: 1100000 }],
    assumptions: 'Market grows 8 %.',
  },
  territories: [{ id: 'north-east', name: 'North-East', regions: ['Iași'], channels: ['Direct'], owner: 'account-executive' }],
  training: [{ id: 'onboarding', name: 'Onboarding', audience: 'account-executive', cadence: 'quarterly', topics: ['Features'] }],
};

const VALID_PLANRC = {
  rules: {
    'smart/achievable': ['warning', { maxAnnualGrowth: 50 }],
    'kpi/unused': 'off',
    'section/missing': { severity: 'information' },
    'budget/sum': ['error', {}],
    'smart/*': 'hint',
    'custom/house-rule': 'warning',
    'x-team': 'anything',
  },
  language: 'ro',
  maxFileSize: 1048576,
  'x-owner': 'ops',
};

type Mutation = (plan: Record<string, any>) => void;
interface Case {
  name: string;
  mutate: Mutation;
  keyword: string;
  instancePath: string;
  params?: Record<string, unknown>;
}

/** The errors a diagnostic is made of: `if` errors only restate their `then`/`else` error. */
const meaningful = (errors: ErrorObject[] | null | undefined): ErrorObject[] => (errors ?? []).filter((e) => e.keyword !== 'if');
const brief = (errors: ErrorObject[]): string => JSON.stringify(errors.map((e) => [e.keyword, e.instancePath, e.params]));

// ---------------------------------------------------------------------------------------------

describe('JSON Schemas', () => {
  describe('files and shape', () => {
    for (const name of FILES) {
      it(`${name}.schema.json is 2-space formatted draft-07 JSON with no $id`, () => {
        assert.equal(JSON.stringify(schemas[name], null, 2) + '\n', text(name));
        assert.equal(schemas[name].$schema, 'http://json-schema.org/draft-07/schema#');
        assert.ok(!text(name).includes('"$id"'), 'no $id anywhere');
      });

      it(`${name}.schema.json uses no anyOf/oneOf/allOf, and not only inside an if`, () => {
        walk(name, ({ pointer, node, inCondition }) => {
          for (const keyword of ['anyOf', 'oneOf', 'allOf']) assert.equal(node[keyword], undefined, `${name}#${pointer} uses ${keyword}`);
          if (node.not !== undefined) assert.ok(inCondition, `${name}#${pointer} uses not outside an if`);
        });
      });

      it(`${name}.schema.json: every object is closed, allows x- keys and lists its keys`, () => {
        walk(name, ({ pointer, node, inCondition }) => {
          if (node.type !== 'object' || inCondition) return;
          if (name === 'plan' && pointer === '') return; // the dispatcher delegates the keys to the plan schemas
          assert.equal(node.additionalProperties, false, `${name}#${pointer} additionalProperties`);
          assert.ok(isObject(node.patternProperties) && isObject(node.patternProperties['^x-']), `${name}#${pointer} allows x- keys`);
          assert.deepEqual(node.patternProperties['^x-'], {}, `${name}#${pointer} x- keys are unconstrained`);
          assert.ok(isObject(node.properties), `${name}#${pointer} lists its keys`);
        });
      });

      it(`${name}.schema.json: every $ref resolves, and refs to other files use the relative form`, () => {
        walk(name, ({ pointer, node }) => {
          if (typeof node.$ref !== 'string') return;
          const [target] = node.$ref.split('#');
          if (target) {
            assert.match(node.$ref, /^(common\.schema\.json#\/definitions\/[A-Za-z]+|(marketing|sales)\.schema\.json)$/, `${name}#${pointer}`);
          }
          deref(name, node);
        });
      });
    }

    it('common.schema.json defines the shared parts', () => {
      const definitions = common.definitions;
      assert.ok(isObject(definitions));
      for (const name of COMMON_DEFINITIONS) assert.ok(isObject(definitions[name]), `definitions/${name}`);
      for (const ref of ['kpiRef', 'goalRef', 'channelRef', 'personaRef', 'segmentRef', 'teamRef', 'objectiveOrStrategyRef', 'id']) {
        const def = definitions[ref] as JsonObject;
        assert.equal(def.type, 'string');
        assert.equal(def.pattern, '^[a-z0-9]+(-[a-z0-9]+)*$');
      }
      assert.deepEqual((definitions.frequency as JsonObject).enum, ['daily', 'weekly', 'monthly', 'quarterly', 'yearly']);
      assert.deepEqual(((definitions.metric as JsonObject).enum as string[]).slice().sort(), METRICS.slice().sort());
      assert.deepEqual((definitions.currency as JsonObject).format, 'iso4217');
      assert.deepEqual((definitions.date as JsonObject).format, 'date');
    });

    it('the plan schemas have a title and pin their kind', () => {
      assert.equal(marketing.title, 'Marketing plan');
      assert.equal(sales.title, 'Sales plan');
      assert.equal(((marketing.properties as JsonObject).kind as JsonObject).const, 'marketing');
      assert.equal(((sales.properties as JsonObject).kind as JsonObject).const, 'sales');
      assert.deepEqual(marketing.dependencies, { budget: ['currency'] });
    });
  });

  describe('documentation', () => {
    const SENTENCE = /^[A-Z0-9][^\n`*]*[^.]\.$/;
    for (const name of FILES) {
      it(`${name}.schema.json: every property has a description and a markdownDescription`, () => {
        let count = 0;
        walk(name, ({ file, pointer, node, inCondition, declared }) => {
          if (inCondition) return;
          for (const key of ['properties', 'patternProperties']) {
            const map = node[key];
            if (!isObject(map)) continue;
            for (const [prop, sub] of Object.entries(map)) {
              const where = `${file}#${pointer}/${key}/${esc(prop)}`;
              if (key === 'patternProperties' && prop === '^x-') continue;
              if (sub === true && declared.has(prop)) continue; // restated for ajv's strictRequired inside then
              assert.ok(isObject(sub), `${where} is a schema object`);
              // Either both texts are the property's own, or both come from its $ref target.
              assert.equal(sub.description === undefined, sub.markdownDescription === undefined, `${where} has both texts or neither`);
              for (const keyword of ['description', 'markdownDescription']) {
                const value = doc(file, sub, keyword);
                assert.equal(typeof value, 'string', `${where} has ${keyword}`);
                assert.ok(String(value).trim().length > 10, `${where} ${keyword} is not empty`);
              }
              count++;
            }
          }
        });
        assert.ok(count > 0 || name === 'common');
      });

      it(`${name}.schema.json: descriptions are one plain sentence, enums describe their values`, () => {
        walk(name, ({ pointer, node, inCondition }) => {
          if (inCondition) return;
          if (typeof node.description === 'string') assert.match(node.description, SENTENCE, `${name}#${pointer}/description`);
          if (typeof node.description === 'string') assert.ok(!/\.\s+[A-Z]/.test(node.description), `${name}#${pointer}/description is one sentence`);
          if (node.markdownDescription !== undefined) assert.equal(typeof node.description, 'string', `${name}#${pointer} has a plain description too`);
          if (Array.isArray(node.enum)) {
            assert.ok(Array.isArray(node.markdownEnumDescriptions), `${name}#${pointer} markdownEnumDescriptions`);
            assert.equal(node.markdownEnumDescriptions.length, node.enum.length, `${name}#${pointer} one markdownEnumDescription per value`);
            if (node.enumDescriptions !== undefined) assert.equal((node.enumDescriptions as Json[]).length, node.enum.length);
          }
        });
      });
    }

    it('every top-level section of the plans documents itself with a YAML example', () => {
      for (const file of ['marketing', 'sales'] as const) {
        for (const [key, sub] of Object.entries(schemas[file].properties as JsonObject)) {
          const target = deref(file, sub as JsonObject).node;
          if (target.type !== 'object' && target.type !== 'array') continue;
          const md = String(doc(file, sub as JsonObject, 'markdownDescription'));
          assert.equal(yamlFences(md).length, 1, `${file}: ${key} has a yaml example`);
        }
      }
    });

    it('every YAML example in a markdownDescription parses and is valid where it stands', () => {
      const ajv = makeAjv();
      for (const name of FILES) ajv.addSchema(schemas[name], `${name}.schema.json`);
      let checked = 0;
      for (const name of FILES) {
        walk(name, ({ pointer, node, inCondition }) => {
          if (inCondition || typeof node.markdownDescription !== 'string') return;
          for (const fence of yamlFences(node.markdownDescription)) {
            const where = `${name}#${pointer}`;
            const value = parseYaml(fence) as unknown;
            const segments = pointer.split('/');
            const last = unesc(segments[segments.length - 1] ?? '');
            const inItems = last === 'items' || ['kpi', 'goal', 'objective', 'approval'].includes(last);
            let target = `${name}.schema.json#${pointer}`;
            let data: unknown = value;
            if (pointer === '') {
              // the whole file
            } else if (isObject(value) && Object.keys(value).length === 1 && Object.keys(value)[0] === last) {
              data = value[last];
            } else if (Array.isArray(value) && inItems) {
              data = undefined;
              for (const item of value) {
                const validate = ajv.getSchema(target);
                assert.ok(validate, `${where} compiles`);
                assert.ok(validate(item), `${where} example item: ${brief(meaningful(validate.errors))}`);
              }
            } else {
              assert.notEqual(name, 'common', `${where}: example must be the property or a list item`);
              target = `${name}.schema.json`;
            }
            if (data !== undefined) {
              const validate = ajv.getSchema(target);
              assert.ok(validate, `${where} compiles`);
              assert.ok(validate(data), `${where} example: ${brief(meaningful(validate.errors))}`);
            }
            checked++;
          }
        });
      }
      assert.ok(checked > 60, `checked ${checked} examples`);
    });
  });

  describe('agreement with plan-format.md', () => {
    for (const [file, where, keys, required] of SHAPES) {
      it(`${file}: ${where || '(root)'} has exactly the spec's keys and required keys`, () => {
        const steps = where ? where.replace(/\[\]/g, '.[]').split('.').filter(Boolean) : [];
        const { node } = objectAt(file, steps);
        assert.equal(node.type, 'object');
        assert.deepEqual(Object.keys(node.properties as JsonObject).sort(), keys.slice().sort());
        assert.deepEqual(((node.required as string[] | undefined) ?? []).slice().sort(), required.slice().sort());
      });
    }

    it('the dispatcher requires kind and routes marketing and sales', () => {
      assert.deepEqual(plan.required, ['kind']);
      assert.deepEqual(deref('plan', (plan.properties as JsonObject).kind as JsonObject).node.enum, ['marketing', 'sales']);
      assert.deepEqual(plan.then, { $ref: 'marketing.schema.json' });
      assert.deepEqual((plan.else as JsonObject).then, { $ref: 'sales.schema.json' });
    });

    it('.planrc.yaml lists every rule of the table, and plan/period', () => {
      const rules = (planrc.properties as JsonObject).rules as JsonObject;
      assert.deepEqual(Object.keys(rules.properties as JsonObject).sort(), RULE_IDS.slice().sort());
      assert.deepEqual(Object.keys(planrc.properties as JsonObject).sort(), ['language', 'maxFileSize', 'rules']);
      const growth = atPointer(planrc, '/definitions/achievableSetting/then/properties/maxAnnualGrowth') as JsonObject;
      assert.equal(growth.type, 'number');
      assert.equal(growth.default, 100);
    });

    it('.planrc.yaml and the planAsCode.rules setting agree with the rule registry: the same rules, defaults and options', () => {
      const rcRules = (planrc.properties as JsonObject).rules as JsonObject;
      const setting = (PACKAGE.contributes.configuration.properties['planAsCode.rules'] as { properties: Record<string, { default: string; markdownDescription: string }> }).properties;
      assert.deepEqual(Object.keys(setting), Object.keys(rcRules.properties as JsonObject), 'the same rules, in the same order');
      // The catch-all pattern leaves out exactly the rules listed by name.
      const pattern = Object.keys(rcRules.patternProperties as JsonObject).find((key) => key.startsWith('^(?!'))!;
      for (const id of Object.keys(setting)) assert.ok(!new RegExp(pattern).test(id), `${id} is left to its own entry`);
      for (const [id, entry] of Object.entries(setting)) {
        const rule = RULES.find((candidate) => candidate.id === id || (id.endsWith('/*') && candidate.id.startsWith(id.slice(0, -1))));
        assert.ok(rule, `${id} is a rule or a family of rules`);
        assert.equal(entry.default, rule.defaultSeverity, `${id}'s default in package.json`);
        assert.match(entry.markdownDescription, new RegExp(`Default: \`${rule.defaultSeverity}\`\.$`), `${id}'s description in package.json`);
        const rc = (rcRules.properties as JsonObject)[id] as JsonObject;
        assert.match(String(rc.markdownDescription), new RegExp(`Default: \`${rule.defaultSeverity}\`\.$`), `${id}'s description in planrc.schema.json`);
        if (id.endsWith('/*')) continue;
        // Every option of the rule, with its default, in both forms of the setting (and nothing else).
        const definition = deref('planrc', rc).node;
        const mapping = (definition.then as JsonObject | undefined)?.properties as JsonObject | undefined;
        const list = ((((definition.else as JsonObject | undefined)?.then as JsonObject | undefined)?.items as JsonObject[] | undefined)?.[1]?.properties) as JsonObject | undefined;
        const options = Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, option]) => [name, option.default]));
        const documented = (properties: JsonObject | undefined) => Object.fromEntries(Object.entries(properties ?? {}).filter(([name]) => name !== 'severity').map(([name, node]) => [name, (node as JsonObject).default]));
        assert.deepEqual(documented(mapping), options, `${id}'s options as a mapping`);
        assert.deepEqual(documented(list), options, `${id}'s options in the list form`);
      }
    });
  });

  describe('validation with ajv', () => {
    function compile(name: 'marketing' | 'sales') {
      const ajv = makeAjv();
      ajv.addSchema(common, 'common.schema.json');
      return ajv.compile({ ...schemas[name], $id: `${name}.schema.json` });
    }
    let validateMarketing: ValidateFunction;
    let validateSales: ValidateFunction;

    it('the plan schemas compile in strict mode with the validator\'s setup', () => {
      validateMarketing = compile('marketing');
      validateSales = compile('sales');
    });

    it('a valid marketing plan passes', () => {
      assert.ok(validateMarketing(VALID_MARKETING), brief(validateMarketing.errors ?? []));
    });

    it('a valid sales plan passes', () => {
      assert.ok(validateSales(VALID_SALES), brief(validateSales.errors ?? []));
    });

    it('a minimal plan of each kind passes (only kind, title and period are required)', () => {
      const period = { start: '2025-01-01', end: '2025-06-30' };
      assert.ok(validateMarketing({ kind: 'marketing', title: 'M', period }), brief(validateMarketing.errors ?? []));
      assert.ok(validateSales({ kind: 'sales', title: 'S', period }), brief(validateSales.errors ?? []));
    });

    it('a KPI with a metric needs no unit', () => {
      const plan = clone(VALID_MARKETING) as Record<string, any>;
      plan.kpis = [{ id: 'leads', name: 'Leads', metric: 'leads' }];
      assert.ok(validateMarketing(plan), brief(validateMarketing.errors ?? []));
    });

    const marketingCases: Case[] = [
      { name: 'missing title', mutate: (p) => delete p.title, keyword: 'required', instancePath: '', params: { missingProperty: 'title' } },
      { name: 'missing period.end', mutate: (p) => delete p.period.end, keyword: 'required', instancePath: '/period', params: { missingProperty: 'end' } },
      { name: 'goal without statement', mutate: (p) => delete p.goals[0].statement, keyword: 'required', instancePath: '/goals/0', params: { missingProperty: 'statement' } },
      { name: 'KPI with neither metric nor unit', mutate: (p) => delete p.kpis[1].unit, keyword: 'required', instancePath: '/kpis/1', params: { missingProperty: 'unit' } },
      { name: 'allocation without amount', mutate: (p) => delete p.budget.allocations[1].amount, keyword: 'required', instancePath: '/budget/allocations/1', params: { missingProperty: 'amount' } },
      { name: 'content item without type', mutate: (p) => delete p.content.items[0].type, keyword: 'required', instancePath: '/content/items/0', params: { missingProperty: 'type' } },
      { name: 'budget without currency', mutate: (p) => delete p.currency, keyword: 'dependencies', instancePath: '', params: { missingProperty: 'currency' } },
      { name: 'title is a number', mutate: (p) => (p.title = 2025), keyword: 'type', instancePath: '/title' },
      { name: 'target is text', mutate: (p) => (p.goals[0].target = '600'), keyword: 'type', instancePath: '/goals/0/target' },
      { name: 'goal kpi is a number', mutate: (p) => (p.goals[0].kpi = 5), keyword: 'type', instancePath: '/goals/0/kpi' },
      { name: 'personas is a mapping', mutate: (p) => (p.personas = { id: 'x' }), keyword: 'type', instancePath: '/personas' },
      { name: 'channel type tv', mutate: (p) => (p.channels[0].type = 'tv'), keyword: 'enum', instancePath: '/channels/0/type' },
      { name: 'KPI frequency biweekly', mutate: (p) => (p.kpis[0].frequency = 'biweekly'), keyword: 'enum', instancePath: '/kpis/0/frequency' },
      { name: 'unknown metric', mutate: (p) => (p.kpis[0].metric = 'mql'), keyword: 'enum', instancePath: '/kpis/0/metric' },
      { name: 'direction up', mutate: (p) => (p.kpis[1].direction = 'up'), keyword: 'enum', instancePath: '/kpis/1/direction' },
      { name: 'language de', mutate: (p) => (p.language = 'de'), keyword: 'enum', instancePath: '/language' },
      { name: 'kind sales in a marketing plan', mutate: (p) => (p.kind = 'sales'), keyword: 'const', instancePath: '/kind' },
      { name: 'version 2', mutate: (p) => (p.version = 2), keyword: 'const', instancePath: '/version' },
      { name: 'misspelt section', mutate: (p) => (p.calender = []), keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'calender' } },
      { name: 'unknown key in a goal', mutate: (p) => (p.goals[0].due = '2025-12-31'), keyword: 'additionalProperties', instancePath: '/goals/0', params: { additionalProperty: 'due' } },
      { name: 'sales section in a marketing plan', mutate: (p) => (p.forecast = {}), keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'forecast' } },
      { name: 'impossible deadline', mutate: (p) => (p.goals[0].deadline = '2025-02-30'), keyword: 'format', instancePath: '/goals/0/deadline' },
      { name: 'period start not ISO', mutate: (p) => (p.period.start = '01.01.2025'), keyword: 'format', instancePath: '/period/start' },
      { name: 'currency EURO', mutate: (p) => (p.currency = 'EURO'), keyword: 'format', instancePath: '/currency' },
      { name: 'goal id with spaces', mutate: (p) => (p.goals[0].id = 'More Leads'), keyword: 'pattern', instancePath: '/goals/0/id' },
      { name: 'bad KPI id in a list', mutate: (p) => (p.goals[1].kpi = ['leads', 'NPS_score']), keyword: 'pattern', instancePath: '/goals/1/kpi/1' },
      { name: 'bad single KPI id', mutate: (p) => (p.goals[0].kpi = 'Leads'), keyword: 'pattern', instancePath: '/goals/0/kpi' },
      { name: 'bad channel reference', mutate: (p) => (p.budget.allocations[0].channel = 'web-'), keyword: 'pattern', instancePath: '/budget/allocations/0/channel' },
      { name: 'negative amount', mutate: (p) => (p.budget.total = -1), keyword: 'minimum', instancePath: '/budget/total' },
    ];

    const salesCases: Case[] = [
      { name: 'missing kind', mutate: (p) => delete p.kind, keyword: 'required', instancePath: '', params: { missingProperty: 'kind' } },
      { name: 'team role without role', mutate: (p) => delete p.team[0].role, keyword: 'required', instancePath: '/team/0', params: { missingProperty: 'role' } },
      { name: 'tactic without name', mutate: (p) => delete p.tactics[0].name, keyword: 'required', instancePath: '/tactics/0', params: { missingProperty: 'name' } },
      { name: 'forecast row without revenue', mutate: (p) => delete p.forecast.history[0].revenue, keyword: 'required', instancePath: '/forecast/history/0', params: { missingProperty: 'revenue' } },
      { name: 'fractional headcount', mutate: (p) => (p.team[1].count = 2.5), keyword: 'type', instancePath: '/team/1/count' },
      { name: 'fractional year', mutate: (p) => (p.forecast.history[0].period = 2024.5), keyword: 'type', instancePath: '/forecast/history/0/period' },
      { name: 'strategy type cold-calling', mutate: (p) => (p.strategies[0].type = 'cold-calling'), keyword: 'enum', instancePath: '/strategies/0/type' },
      { name: 'forecast method arima', mutate: (p) => (p.forecast.method = 'arima'), keyword: 'enum', instancePath: '/forecast/method' },
      { name: 'marketing section in a sales plan', mutate: (p) => (p.budget = { total: 1 }), keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'budget' } },
      { name: 'unknown key in an ideal customer', mutate: (p) => (p.segments[0].idealCustomer.country = 'RO'), keyword: 'additionalProperties', instancePath: '/segments/0/idealCustomer', params: { additionalProperty: 'country' } },
      { name: 'quarter 5', mutate: (p) => (p.forecast.history[2].period = '2024-Q5'), keyword: 'pattern', instancePath: '/forecast/history/2/period' },
      { name: 'month 13', mutate: (p) => (p.forecast.projections[0].period = '2025-13'), keyword: 'pattern', instancePath: '/forecast/projections/0/period' },
      { name: 'year 1800', mutate: (p) => (p.forecast.history[0].period = 1800), keyword: 'minimum', instancePath: '/forecast/history/0/period' },
      { name: 'bad segment reference', mutate: (p) => (p.strategies[0].segments = ['Mid Market']), keyword: 'pattern', instancePath: '/strategies/0/segments/0' },
      { name: 'bad deadline format', mutate: (p) => (p.goals[0].deadline = '2025-12'), keyword: 'format', instancePath: '/goals/0/deadline' },
      { name: 'negative revenue', mutate: (p) => (p.forecast.projections[0].revenue = -5), keyword: 'minimum', instancePath: '/forecast/projections/0/revenue' },
    ];

    const runCases = (label: string, base: object, getValidate: () => ValidateFunction, cases: Case[]) => {
      for (const c of cases) {
        it(`${label}: ${c.name} fails with exactly one ${c.keyword} error at "${c.instancePath}"`, () => {
          const validate = getValidate();
          const data = clone(base) as Record<string, any>;
          c.mutate(data);
          assert.equal(validate(data), false, 'the plan is rejected');
          const errors = meaningful(validate.errors);
          assert.equal(errors.length, 1, `one error, got ${brief(errors)}`);
          assert.equal(errors[0].keyword, c.keyword, brief(errors));
          assert.equal(errors[0].instancePath, c.instancePath, brief(errors));
          if (c.params) for (const [k, v] of Object.entries(c.params)) assert.deepEqual((errors[0].params as Record<string, unknown>)[k], v);
        });
      }
    };
    runCases('marketing', VALID_MARKETING, () => validateMarketing, marketingCases);
    runCases('sales', VALID_SALES, () => validateSales, salesCases);

    it('keys starting with x- are accepted at every level', () => {
      const plan = clone(VALID_MARKETING) as Record<string, any>;
      plan.period['x-fiscal'] = true;
      plan.goals[0]['x-jira'] = 'MKT-12';
      plan.market.swot['x-source'] = { any: ['thing'] };
      plan.budget.allocations[0]['x-po'] = 42;
      assert.ok(validateMarketing(plan), brief(validateMarketing.errors ?? []));
    });

    describe('the dispatcher (plan.schema.json)', () => {
      let validatePlan: ValidateFunction;

      it('compiles in strict mode with the validator\'s setup', () => {
        const ajv = makeAjv();
        ajv.addSchema(common, 'common.schema.json');
        ajv.addSchema(marketing, 'marketing.schema.json');
        ajv.addSchema(sales, 'sales.schema.json');
        validatePlan = ajv.compile({ ...plan, $id: 'plan.schema.json' });
      });

      it('accepts both kinds of valid plan', () => {
        assert.ok(validatePlan(VALID_MARKETING), brief(validatePlan.errors ?? []));
        assert.ok(validatePlan(VALID_SALES), brief(validatePlan.errors ?? []));
      });

      it('checks each kind against its own schema', () => {
        const wrong = { ...clone(VALID_SALES), kind: 'marketing' };
        assert.equal(validatePlan(wrong), false);
        assert.ok(meaningful(validatePlan.errors).every((e) => e.keyword === 'additionalProperties'), brief(meaningful(validatePlan.errors)));
      });

      it('reports a missing kind once, and nothing else', () => {
        const { kind: _kind, ...rest } = VALID_MARKETING;
        assert.equal(validatePlan(rest), false);
        const errors = meaningful(validatePlan.errors);
        assert.equal(errors.length, 1, brief(errors));
        assert.equal(errors[0].keyword, 'required');
      });

      it('reports an unknown kind once, as an enum error', () => {
        assert.equal(validatePlan({ ...VALID_MARKETING, kind: 'finance' }), false);
        const errors = meaningful(validatePlan.errors);
        assert.equal(errors.length, 1, brief(errors));
        assert.equal(errors[0].keyword, 'enum');
        assert.equal(errors[0].instancePath, '/kind');
      });
    });

    describe('.planrc.yaml (planrc.schema.json)', () => {
      let validateRc: ValidateFunction;

      it('compiles in strict mode with the validator\'s setup', () => {
        validateRc = makeAjv().compile(planrc);
      });

      it('accepts every form of rule setting', () => {
        assert.ok(validateRc(VALID_PLANRC), brief(validateRc.errors ?? []));
        assert.ok(validateRc({ rules: { 'smart/achievable': { severity: 'error', maxAnnualGrowth: 30 } } }), brief(validateRc.errors ?? []));
        assert.ok(validateRc({}), brief(validateRc.errors ?? []));
      });

      const rcCases: Case[] = [
        { name: 'severity warn', mutate: (c) => (c.rules['kpi/unused'] = 'warn'), keyword: 'enum', instancePath: '/rules/kpi~1unused' },
        { name: 'severity as a number', mutate: (c) => (c.rules['smart/*'] = 2), keyword: 'enum', instancePath: '/rules/smart~1*' },
        { name: 'rule id with capitals', mutate: (c) => (c.rules['Smart/Specific'] = 'off'), keyword: 'additionalProperties', instancePath: '/rules', params: { additionalProperty: 'Smart/Specific' } },
        { name: 'option of another rule', mutate: (c) => (c.rules['kpi/unused'] = { severity: 'hint', maxAnnualGrowth: 5 }), keyword: 'additionalProperties', instancePath: '/rules/kpi~1unused', params: { additionalProperty: 'maxAnnualGrowth' } },
        { name: 'growth as text', mutate: (c) => (c.rules['smart/achievable'] = ['warning', { maxAnnualGrowth: '50%' }]), keyword: 'type', instancePath: '/rules/smart~1achievable/1/maxAnnualGrowth' },
        { name: 'list without options', mutate: (c) => (c.rules['budget/sum'] = ['error']), keyword: 'minItems', instancePath: '/rules/budget~1sum' },
        { name: 'fractional file size', mutate: (c) => (c.maxFileSize = 1.5), keyword: 'type', instancePath: '/maxFileSize' },
        { name: 'language fr', mutate: (c) => (c.language = 'fr'), keyword: 'enum', instancePath: '/language' },
        { name: 'unknown top-level key', mutate: (c) => (c.rule = {}), keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'rule' } },
      ];
      runCases('planrc', VALID_PLANRC, () => validateRc, rcCases);
    });
  });
});
