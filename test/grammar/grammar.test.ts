// The plan-yaml TextMate grammar, tokenized as VS Code does (see ./tokenize.ts): the marks it adds on
// top of VS Code's YAML grammar, the YAML tokenization it must leave alone, and a check that every
// pattern of the grammar is needed by some test (breaking any one of them fails a test).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createTokenizer, PLAN_GRAMMAR_FILE, type Token, type Tokenize } from './tokenize';

const ROOT = path.resolve(__dirname, '..', '..');

const SECTION = 'keyword.other.section.plan-yaml';
const ID = 'entity.name.type.id.plan-yaml';
const REFERENCE = 'variable.other.reference.plan-yaml';
const DATE = 'constant.numeric.date.plan-yaml';
const MONEY = 'constant.numeric.money.plan-yaml';
const PERCENTAGE = 'constant.numeric.percentage.plan-yaml';
const DIRECTIVE = 'keyword.control.directive.plan-yaml';
const RULE_ID = 'constant.other.rule-id.plan-yaml';
const COMMA = 'punctuation.separator.comma.plan-yaml';

/** What the examples do not show: quoted and nested forms, floats, a directive, near misses. */
const FIXTURE = `# plan-disable-file budget/sum
# plan-disable-next-line smart/specific, kpi/*
# not a directive: plan-disable-next-line x/y
kind: sales
period: { start: 2026-01-01, end: "2026-12-31" }
summary: |
  Churn fell 9 % in the year to 2025-03-01.
goals:
  - id: "quoted-goal"
    statement: Grow revenue 12.5% by 2026-06-30, keep churn under 1,8 % and win 25\u00a0% more; v1.5% is a version
    note: "Quoted 40% text"
    other: 'Single 7 %'
    shares: [30 %, 5%]
    supports:
      - obj-a
      - 'obj-b'
    kpi: [kpi-a, "kpi-b"]
    target: 35
    x: { id: fid, kpi: "fk", supports: [s1, 's2'] }
    y: { id: 'qid', channel: web }
    "30 % key": plain
    bad-date: 2026-13-01
budget:
  total:
    420000
  allocations:
    - channel: web
      amount: &a 45000 # note
      expectedReturn: "1200"
    - { channel: events, amount: 12.5, expectedReturn: 40_000 }
  amount:
    - 5
forecast:
  history:
    - period: 2025-Q1
      revenue: 900000.5
  projections: [{ period: 2026-Q1, revenue: 971000 }, { period: 2026-Q2, revenue: 1.5e6 }]
`;

/** YAML that the money and reference wrappers must leave as source.yaml tokenizes it. */
const EDGES = `budget:
  total: |
    420000 text 30 %
  amount:
    sub: 1
  amount: # comment
    5
  amount: [1, 2]
  expectedReturn: {a: 1, amount: 3}
  revenue: !!float 5
  total: 5
    6
  amount: "5
    6"
  - id: x
    amount: 7
  amount: >-
    7
  ? amount
  : 8
  amount:
  total: -5.
  total: 0x1F
  total: .inf
goals:
- id: a
  supports:
  - b
  kpi: &k x
  other: *k
`;

const DOCUMENTS = {
  marketing: fs.readFileSync(path.join(ROOT, 'examples', 'marketing.plan.yaml'), 'utf8'),
  sales: fs.readFileSync(path.join(ROOT, 'examples', 'sales.plan.yaml'), 'utf8'),
  fixture: FIXTURE,
};
type DocumentName = keyof typeof DOCUMENTS;
type Tokenized = Record<DocumentName, Token[]>;

interface Mark {
  document: DocumentName;
  /** Text that exactly one line of the document contains. */
  line: string;
  /** The token's text on that line; `nth` picks among several occurrences (0, the first, by default). */
  token: string;
  nth?: number;
  /** The token's innermost scope; null: the text gets no Plan as Code scope (but meta.* wrappers). */
  scope: string | null;
}

const MARKS: Mark[] = [
  // Section keys.
  { document: 'marketing', line: 'summary: |', token: 'summary', scope: SECTION },
  { document: 'marketing', line: 'budget:', token: 'budget', scope: SECTION },
  { document: 'fixture', line: 'forecast:', token: 'forecast', scope: SECTION },
  { document: 'marketing', line: 'goals: [qualified-leads, cheaper-leads, marketing-return]', token: 'goals', scope: null },
  // Ids.
  { document: 'marketing', line: '- id: grow-office-subscriptions', token: 'grow-office-subscriptions', scope: ID },
  { document: 'fixture', line: 'id: "quoted-goal"', token: 'quoted-goal', scope: ID },
  { document: 'fixture', line: 'x: { id: fid', token: 'fid', scope: ID },
  { document: 'fixture', line: "y: { id: 'qid'", token: 'qid', scope: ID },
  // References: in a block value, a flow list, a block list, a flow mapping.
  { document: 'marketing', line: '    kpi: leads', token: 'leads', scope: REFERENCE },
  { document: 'marketing', line: '- persona: office-manager', token: 'office-manager', scope: REFERENCE },
  { document: 'marketing', line: 'supports: [grow-office-subscriptions, efficient-demand]', token: 'grow-office-subscriptions', scope: REFERENCE },
  { document: 'marketing', line: 'supports: [grow-office-subscriptions, efficient-demand]', token: 'efficient-demand', scope: REFERENCE },
  { document: 'fixture', line: '- obj-a', token: 'obj-a', scope: REFERENCE },
  { document: 'fixture', line: "- 'obj-b'", token: 'obj-b', scope: REFERENCE },
  { document: 'fixture', line: 'kpi: [kpi-a, "kpi-b"]', token: 'kpi-b', scope: REFERENCE },
  { document: 'marketing', line: '{ channel: linkedin-ads,', token: 'linkedin-ads', scope: REFERENCE },
  { document: 'fixture', line: 'x: { id: fid', token: 'fk', scope: REFERENCE },
  { document: 'fixture', line: 'x: { id: fid', token: 's1', scope: REFERENCE },
  { document: 'fixture', line: 'x: { id: fid', token: 's2', scope: REFERENCE },
  { document: 'fixture', line: "y: { id: 'qid'", token: 'web', scope: REFERENCE },
  { document: 'marketing', line: 'name: Sales-qualified leads', token: 'Sales-qualified leads', scope: null },
  // Dates.
  { document: 'marketing', line: '  start: 2026-01-01', token: '2026-01-01', scope: DATE },
  { document: 'marketing', line: 'start: 2026-01-12', token: '2026-01-12', scope: DATE },
  { document: 'fixture', line: 'period: { start:', token: '2026-01-01', scope: DATE },
  { document: 'fixture', line: 'period: { start:', token: '2026-12-31', scope: DATE },
  { document: 'fixture', line: 'Grow revenue 12.5%', token: '2026-06-30', scope: DATE },
  { document: 'fixture', line: 'bad-date:', token: '2026-13-01', scope: null },
  { document: 'fixture', line: 'Churn fell', token: '2025-03-01', scope: null },
  // Money: only the numbers of amount, total, expectedReturn and revenue.
  { document: 'marketing', line: '  total: 420000', token: '420000', scope: MONEY },
  { document: 'marketing', line: '{ channel: linkedin-ads,', token: '140000', scope: MONEY },
  { document: 'marketing', line: '{ channel: linkedin-ads,', token: '420000', scope: MONEY },
  { document: 'sales', line: '{ period: 2022-Q1, revenue: 450000 }', token: '450000', scope: MONEY },
  { document: 'fixture', line: '    420000', token: '420000', scope: MONEY },
  { document: 'fixture', line: 'amount: &a 45000', token: '45000', scope: MONEY },
  { document: 'fixture', line: '{ channel: events,', token: '12.5', scope: MONEY },
  { document: 'fixture', line: 'revenue: 900000.5', token: '900000.5', scope: MONEY },
  { document: 'fixture', line: 'projections:', token: '971000', scope: MONEY },
  { document: 'fixture', line: 'projections:', token: '1.5e6', scope: MONEY },
  { document: 'marketing', line: '    target: 14000', token: '14000', scope: null },
  { document: 'marketing', line: '    baseline: 1150', token: '1150', scope: null },
  { document: 'fixture', line: 'expectedReturn: "1200"', token: '1200', scope: null },
  { document: 'fixture', line: '{ channel: events,', token: '40_000', scope: null },
  { document: 'fixture', line: '    - 5', token: '5', scope: null },
  { document: 'fixture', line: 'amount: &a 45000', token: 'note', scope: null },
  // Percentages in plain and quoted text.
  { document: 'marketing', line: 'by moving 30 % of paid spend', token: '30 %', scope: PERCENTAGE },
  { document: 'marketing', line: 'conversion from 1.8 % to 2.6 %', token: '1.8 %', scope: PERCENTAGE },
  { document: 'marketing', line: 'conversion from 1.8 % to 2.6 %', token: '2.6 %', scope: PERCENTAGE },
  { document: 'marketing', line: 'Green coffee prices up 30 % since 2024', token: '30 %', scope: PERCENTAGE },
  { document: 'fixture', line: 'Grow revenue 12.5%', token: '12.5%', scope: PERCENTAGE },
  { document: 'fixture', line: 'Grow revenue 12.5%', token: '1,8 %', scope: PERCENTAGE },
  { document: 'fixture', line: 'Grow revenue 12.5%', token: '25\u00a0%', scope: PERCENTAGE },
  { document: 'fixture', line: 'Grow revenue 12.5%', token: '1.5%', scope: null },
  { document: 'fixture', line: '"Quoted 40% text"', token: '40%', scope: PERCENTAGE },
  { document: 'fixture', line: "'Single 7 %'", token: '7 %', scope: PERCENTAGE },
  { document: 'fixture', line: 'shares: [30 %, 5%]', token: '30 %', scope: PERCENTAGE },
  { document: 'fixture', line: 'shares: [30 %, 5%]', token: '5%', scope: PERCENTAGE },
  { document: 'marketing', line: '1,600 leads × 18 % conversion', token: '18 %', scope: null },
  { document: 'fixture', line: '"30 % key": plain', token: '30 %', scope: null },
  { document: 'fixture', line: 'Churn fell', token: '9 %', scope: null },
  // Directive comments.
  { document: 'fixture', line: '# plan-disable-next-line smart/specific, kpi/*', token: 'plan-disable-next-line', scope: DIRECTIVE },
  { document: 'fixture', line: '# plan-disable-next-line smart/specific, kpi/*', token: 'smart/specific', scope: RULE_ID },
  { document: 'fixture', line: '# plan-disable-next-line smart/specific, kpi/*', token: ',', scope: COMMA },
  { document: 'fixture', line: '# plan-disable-next-line smart/specific, kpi/*', token: 'kpi/*', scope: RULE_ID },
  { document: 'fixture', line: '# plan-disable-file budget/sum', token: 'plan-disable-file', scope: DIRECTIVE },
  { document: 'fixture', line: '# not a directive', token: 'plan-disable-next-line', scope: null },
];

/** Lines of source.yaml that the plan grammar must tokenize exactly as source.yaml does. */
const PLAIN_LINES: Array<{ document: DocumentName; line: string }> = [
  { document: 'marketing', line: 'currency: RON' },
  { document: 'marketing', line: 'name: Sales-qualified leads' },
  { document: 'marketing', line: '    target: 14000' },
  { document: 'marketing', line: 'strengths: [Strong brand, Machines on free loan, Nationwide delivery]' },
  { document: 'marketing', line: '1,600 leads × 18 % conversion' },
];

async function tokenizeAll(tokenize: Tokenize, scopeName: 'source.plan-yaml' | 'source.yaml' = 'source.plan-yaml'): Promise<Tokenized> {
  const entries = await Promise.all(
    (Object.keys(DOCUMENTS) as DocumentName[]).map(async (name) => [name, await tokenize(DOCUMENTS[name], scopeName)] as const),
  );
  return Object.fromEntries(entries) as Tokenized;
}

/** The index of the one line of `text` that contains `part`. */
function lineOf(text: string, part: string): number {
  const found = text.split(/\r?\n/).flatMap((line, index) => (line.includes(part) ? [index] : []));
  assert.strictEqual(found.length, 1, `${found.length} lines contain ${JSON.stringify(part)}`);
  return found[0];
}

/** A line's tokens, each with its start column. */
function lineTokens(tokens: Token[], line: number): Array<Token & { start: number }> {
  let start = 0;
  return tokens
    .filter((token) => token.line === line)
    .map((token) => {
      const located = { ...token, start };
      start += token.text.length;
      return located;
    });
}

/** Why `mark` does not hold, or undefined when it does. */
function markError(tokenized: Tokenized, mark: Mark): string | undefined {
  const text = DOCUMENTS[mark.document];
  const line = lineOf(text, mark.line);
  const lineText = text.split(/\r?\n/)[line];
  let start = -1;
  for (let occurrence = 0; occurrence <= (mark.nth ?? 0); occurrence++) {
    start = lineText.indexOf(mark.token, start + 1);
    assert.ok(start >= 0, `${JSON.stringify(mark.token)} is not on the line ${JSON.stringify(lineText)}`);
  }
  const end = start + mark.token.length;
  const covering = lineTokens(tokenized[mark.document], line).filter((token) => token.start < end && token.start + token.text.length > start);
  if (mark.scope === null) {
    const added = covering.flatMap((token) => token.scopes.slice(1)).filter((scope) => scope.endsWith('.plan-yaml') && !scope.startsWith('meta.'));
    return added.length ? `${JSON.stringify(mark.token)} has ${[...new Set(added)].join(', ')}` : undefined;
  }
  const [token] = covering;
  if (covering.length !== 1 || token.start !== start || token.text !== mark.token) {
    return `${JSON.stringify(mark.token)} is tokenized as ${covering.map((each) => JSON.stringify(each.text)).join(' + ')}`;
  }
  return token.scopes.at(-1) === mark.scope ? undefined : `${JSON.stringify(mark.token)} has the scopes ${token.scopes.slice(1).join(' ')}`;
}

/** For each line, for each character: its scopes, without the root scope and without the Plan as Code ones. */
function yamlScopesByCharacter(tokens: Token[]): string[][] {
  const lines: string[][] = [];
  for (const token of tokens) {
    const scopes = token.scopes.slice(1).filter((scope) => !scope.endsWith('.plan-yaml')).join(' ');
    (lines[token.line] ??= []).push(...Array.from({ length: token.text.length }, () => scopes));
  }
  return lines;
}

/** Where the plan grammar's tokenization, less its own scopes, first differs from source.yaml's; undefined if nowhere. */
function yamlDifference(plan: Token[], yaml: Token[]): string | undefined {
  const ours = yamlScopesByCharacter(plan);
  const theirs = yamlScopesByCharacter(yaml);
  for (let line = 0; line < Math.max(ours.length, theirs.length); line++) {
    const [mine, base] = [ours[line] ?? [], theirs[line] ?? []];
    for (let column = 0; column < Math.max(mine.length, base.length); column++) {
      if (mine[column] !== base[column]) return `line ${line + 1}, column ${column + 1}: ${mine[column]} instead of ${base[column]}`;
    }
  }
  return undefined;
}

describe('plan-yaml grammar', () => {
  const tokenize = createTokenizer();
  let plan: Tokenized;
  let yaml: Tokenized;

  before(async function () {
    this.timeout(60_000);
    plan = await tokenizeAll(tokenize);
    yaml = await tokenizeAll(tokenize, 'source.yaml');
  });

  for (const mark of MARKS) {
    const title = `${mark.document}: ${JSON.stringify(mark.token)} in ${JSON.stringify(mark.line)} ${mark.scope ? `is ${mark.scope}` : 'is not marked'}`;
    it(title, () => {
      const error = markError(plan, mark);
      if (error) assert.fail(error);
    });
  }

  for (const { document, line } of PLAIN_LINES) {
    it(`${document}: ${JSON.stringify(line)} has exactly the tokens and scopes of source.yaml`, () => {
      const index = lineOf(DOCUMENTS[document], line);
      const strip = (tokens: Token[]) => lineTokens(tokens, index).map((token) => ({ text: token.text, scopes: token.scopes.slice(1) }));
      assert.deepStrictEqual(strip(plan[document]), strip(yaml[document]));
    });
  }

  const yamlSources: Array<[string, string]> = [
    ...Object.entries(DOCUMENTS),
    ['edges', EDGES],
    ...['examples/flawed', 'test/fixtures'].flatMap((folder) =>
      fs
        .readdirSync(path.join(ROOT, folder))
        .filter((file) => file.endsWith('.plan.yaml'))
        .map((file): [string, string] => [`${folder}/${file}`, fs.readFileSync(path.join(ROOT, folder, file), 'utf8')]),
    ),
  ];
  for (const [name, text] of yamlSources) {
    it(`${name}: only adds *.plan-yaml scopes to source.yaml's, character by character`, async () => {
      const ours = await tokenize(text);
      const difference = yamlDifference(ours, await tokenize(text, 'source.yaml'));
      if (difference) assert.fail(difference);
      assert.ok(ours.some((token) => token.scopes.some((scope) => scope.endsWith('.plan-yaml'))), 'no Plan as Code scope at all');
    });
  }

  it('needs every pattern and injection: breaking any one of them fails a test above', async function () {
    this.timeout(120_000);
    const grammar = JSON.parse(fs.readFileSync(PLAN_GRAMMAR_FILE, 'utf8')) as GrammarNode;
    const survivors: string[] = [];
    for (const [name, broken] of brokenGrammars(grammar)) {
      const tokenized = await tokenizeAll(createTokenizer(broken));
      const marksHold = MARKS.every((mark) => mark.scope === null || markError(tokenized, mark) === undefined);
      const yamlKept = (Object.keys(DOCUMENTS) as DocumentName[]).every((document) => !yamlDifference(tokenized[document], yaml[document]));
      if (marksHold && yamlKept) survivors.push(name);
    }
    assert.deepStrictEqual(survivors, [], 'no test fails when these are broken');
  });
});

type GrammarNode = { [key: string]: unknown };

/** Copies of the grammar with one part broken: an injection that applies nowhere, or a regex that never matches. */
function* brokenGrammars(grammar: GrammarNode): Generator<[string, GrammarNode]> {
  const copy = () => JSON.parse(JSON.stringify(grammar)) as GrammarNode;
  for (const selector of Object.keys(grammar.injections as GrammarNode)) {
    const broken = copy();
    const injections = broken.injections as GrammarNode;
    injections['L:nowhere.plan-yaml'] = injections[selector];
    delete injections[selector];
    yield [`injection ${selector}`, broken];
  }
  for (const where of regexPaths(grammar.repository, ['repository'])) {
    const broken = copy();
    const parent = where.slice(0, -1).reduce<GrammarNode>((node, key) => node[key] as GrammarNode, broken);
    parent[where[where.length - 1]] = '(?!)';
    yield [where.join('.'), broken];
  }
}

/** The paths of every `match` and `begin` regex under `node`. */
function regexPaths(node: unknown, at: string[]): string[][] {
  if (!node || typeof node !== 'object') return [];
  const object = node as GrammarNode;
  const own = ['match', 'begin'].filter((key) => typeof object[key] === 'string').map((key) => [...at, key]);
  return own.concat(Object.entries(object).flatMap(([key, value]) => regexPaths(value, [...at, key])));
}
