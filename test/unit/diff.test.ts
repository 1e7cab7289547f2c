import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import MarkdownIt from 'markdown-it';
import * as path from 'path';
import { generatePlan } from '../../bench/generate';
import {
  diffPlans,
  diffPlanSet,
  diffTables,
  diffTexts,
  escapeMarkdown,
  renderJson,
  renderMarkdown,
  renderText,
  summarize,
  summaryLine,
  type DiffOptions,
  type DiffReport,
  type ItemChange,
  type PlanDiff,
} from '../../server/src/core/features/diff';
import { parsePlan } from '../../server/src/core/parse/parse';
import { ROOT, yaml } from '../helpers';

const FIXTURES = path.join(ROOT, 'test/fixtures/diff');
const valueOf = (text: string) => parsePlan(text).value;
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** Diffs two YAML texts, failing the test when one does not parse. */
function diff(before: string | undefined, after: string | undefined, options?: DiffOptions): PlanDiff {
  const result = diffTexts(before, after, options);
  if (!result.ok) throw new Error(`${result.error.side} does not parse: ${result.error.message}`);
  return result.diff;
}

function report(...plans: PlanDiff[]): DiffReport {
  return { format: 'plan-as-code/diff', version: 1, plans };
}

/** The item changes of a section, as `kind key` lines. */
function kinds(result: PlanDiff, section: string): string[] {
  return result.changes.filter((change) => change.section === section).map((change) => `${change.kind} ${change.key ?? '(section)'}`);
}

function change(result: PlanDiff, section: string, key?: string): ItemChange {
  const found = result.changes.find((item) => item.section === section && item.key === key);
  assert.ok(found, `a change of ${section} ${key ?? ''}`);
  return found;
}

const BASE = yaml(
  'kind: sales',
  'title: Plan',
  'period: { start: 2026-01-01, end: 2026-12-31 }',
  'currency: EUR',
);

describe('semantic diff of plans', () => {
  describe('items matched by id', () => {
    const sections = ['objectives', 'kpis', 'goals', 'personas', 'strategies', 'channels', 'segments', 'offering', 'territories', 'training', 'calendar', 'team'];
    for (const section of sections) {
      it(`reports ${section} added, removed and changed`, () => {
        const label = section === 'goals' || section === 'objectives' ? 'statement' : section === 'team' ? 'role' : 'name';
        const before = BASE + yaml(`${section}:`, `  - id: kept`, `    ${label}: Kept item`, `    description: Old words`, `  - id: gone`, `    ${label}: Gone item`);
        const after = BASE + yaml(`${section}:`, `  - id: fresh`, `    ${label}: Fresh item`, `  - id: kept`, `    ${label}: Kept item`, `    description: New words`);
        const result = diff(before, after);
        assert.deepStrictEqual(kinds(result, section), ['added fresh', 'changed kept', 'removed gone']);
        const kept = change(result, section, 'kept');
        assert.strictEqual(kept.label, 'Kept item');
        assert.deepStrictEqual(kept.fields, [{ field: ['description'], kind: 'changed', type: 'text', before: 'Old words', after: 'New words' }]);
        assert.deepStrictEqual(change(result, section, 'fresh').path, [section, 0]);
        assert.deepStrictEqual(change(result, section, 'gone').path, [section, 1]);
      });
    }

    it('reports fields added and removed inside an item, and nested fields by their path', () => {
      const before = BASE + yaml('segments:', '  - id: tech', '    name: Tech', '    owner: Ana', '    idealCustomer: { industry: IT, size: 50-500 }');
      const after = BASE + yaml('segments:', '  - id: tech', '    name: Tech', '    idealCustomer: { industry: IT, size: 100-500, region: Cluj }', '    description: Offices');
      const fields = change(diff(before, after), 'segments', 'tech').fields;
      assert.deepStrictEqual(fields.map((field) => `${field.kind} ${field.field.join('.')}`), ['changed idealCustomer.size', 'added idealCustomer.region', 'added description', 'removed owner']);
    });

    it('gives a number its change and its change in percent, and money its unit', () => {
      const before = BASE + yaml('team:', '  - id: aes', '    role: Account executive', '    count: 4', '    quota: 500000');
      const after = BASE + yaml('team:', '  - id: aes', '    role: Account executive', '    count: 5', '    quota: 450000');
      const [count, quota] = change(diff(before, after), 'team', 'aes').fields;
      assert.deepStrictEqual(count, { field: ['count'], kind: 'changed', type: 'number', before: 4, after: 5, delta: 1, percent: 25 });
      assert.deepStrictEqual(quota, { field: ['quota'], kind: 'changed', type: 'number', before: 500000, after: 450000, unit: 'currency', delta: -50000, percent: -10 });
    });

    it('gives a date its shift in days', () => {
      const before = BASE + yaml('calendar:', '  - { id: fair, name: Fair, start: 2026-04-10, end: 2026-04-12 }');
      const after = BASE + yaml('calendar:', '  - { id: fair, name: Fair, start: 2026-03-31, end: 2026-05-12 }');
      const [start, end] = change(diff(before, after), 'calendar', 'fair').fields;
      assert.strictEqual(start.type, 'date');
      assert.strictEqual(start.days, -10);
      assert.strictEqual(end.days, 30);
    });

    it('compares lists of plain values as sets', () => {
      const before = BASE + yaml('territories:', '  - { id: west, name: West, regions: [Timiș, Arad, Bihor] }');
      const after = BASE + yaml('territories:', '  - { id: west, name: West, regions: [Bihor, Timiș, Hunedoara] }');
      const [regions] = change(diff(before, after), 'territories', 'west').fields;
      assert.deepStrictEqual([regions.type, regions.added, regions.removed], ['list', ['Hunedoara'], ['Arad']]);
      assert.strictEqual(diff(before, before.replace('[Timiș, Arad, Bihor]', '[Bihor, Arad, Timiș]')).status, 'unchanged');
    });

    it('keys items that repeat an id, and items without one, apart', () => {
      const before = BASE + yaml('goals:', '  - { id: twin, statement: First }', '  - { id: twin, statement: Second }', '  - { statement: No id }');
      const after = BASE + yaml('goals:', '  - { id: twin, statement: First }', '  - { id: twin, statement: Second, owner: Ana }', '  - { statement: No id at all }');
      assert.deepStrictEqual(kinds(diff(before, after), 'goals'), ['changed twin#2', 'changed #3']);
    });
  });

  describe('renamed ids', () => {
    const goal = (id: string, extra = '') => yaml(`  - id: ${id}`, '    statement: Win 40 new office accounts in Cluj by December', '    kpi: revenue', `    target: 100${extra}`);

    it('recognises an item whose id alone changed', () => {
      const result = diff(BASE + yaml('goals:') + goal('new-accounts'), BASE + yaml('goals:') + goal('office-accounts'));
      assert.deepStrictEqual(kinds(result, 'goals'), ['renamed office-accounts']);
      assert.strictEqual(change(result, 'goals', 'office-accounts').previousKey, 'new-accounts');
      assert.deepStrictEqual(change(result, 'goals', 'office-accounts').fields, []);
    });

    it('recognises an item with the same statement whose other fields changed too', () => {
      const result = diff(BASE + yaml('goals:') + goal('new-accounts'), BASE + yaml('goals:') + goal('office-accounts', '0'));
      const renamed = change(result, 'goals', 'office-accounts');
      assert.strictEqual(renamed.kind, 'renamed');
      assert.deepStrictEqual(renamed.fields.map((field) => [field.field[0], field.before, field.after]), [['target', 100, 1000]]);
    });

    it('does not guess between two candidates', () => {
      const before = BASE + yaml('goals:') + goal('a') + goal('b');
      const after = BASE + yaml('goals:') + goal('c') + goal('d');
      assert.deepStrictEqual(kinds(diff(before, after), 'goals'), ['added c', 'added d', 'removed a', 'removed b']);
    });

    it('reads references to a renamed id as the new id, so that only the rename is reported', () => {
      const before = BASE + yaml('kpis:', '  - { id: rev, name: Revenue, target: 10 }', 'goals:', '  - { id: g, statement: Grow revenue to ten, kpi: rev }', 'budget:', '  total: 10', '  allocations:', '    - { channel: web, amount: 10 }', 'channels:', '  - { id: web, name: Website, kpis: [rev] }');
      const after = before.replace(/\brev\b/g, 'revenue').replace(/\bweb\b/g, 'website');
      const result = diff(before, after);
      assert.deepStrictEqual(result.changes.map((item) => `${item.section} ${item.kind} ${item.previousKey}→${item.key}`), ['kpis renamed rev→revenue', 'channels renamed web→website']);
      assert.strictEqual(result.budget, undefined);
    });
  });

  describe('sections', () => {
    it('reports a section added or removed as a whole, and a changed one by its fields', () => {
      const before = BASE + yaml('mix:', '  product: Beans', '  price: 10 EUR', 'market:', '  analysis: Big');
      const after = BASE + yaml('mix:', '  product: Beans', '  price: 12 EUR', 'positioning:', '  statement: Local');
      const result = diff(before, after);
      assert.deepStrictEqual(result.changes.map((item) => `${item.section} ${item.kind}`), ['market removed', 'positioning added', 'mix changed']);
      assert.deepStrictEqual(change(result, 'mix').fields.map((field) => field.field), [['price']]);
    });

    it('reports the header: title, period, status', () => {
      const result = diff(BASE + 'status: draft\n', BASE.replace('title: Plan', 'title: Plan 2026').replace('end: 2026-12-31', 'end: 2027-03-31') + 'status: approved\n');
      const header = change(result, 'header');
      assert.deepStrictEqual(header.fields.map((field) => field.field.join('.')), ['title', 'status', 'period.end']);
      assert.strictEqual(header.fields[2].days, 90);
      assert.deepStrictEqual(summarize(result, 'en'), ['period end +90 days', 'status draft → approved', 'also changed: Plan details']);
    });

    it('matches forecast rows by period, allocations by channel, competitors and tactics by name', () => {
      const before = BASE + yaml(
        'forecast:', '  method: linear', '  history:', '    - { period: 2025-Q1, revenue: 100 }', '    - { period: 2025-Q2, revenue: 110 }', '  projections:', '    - { period: 2026-Q1, revenue: 120 }',
        'market:', '  competitors:', '    - { name: Acme, strengths: [Price] }',
        'tactics:', '  - { name: MEDDIC, description: Qualify every deal }',
      );
      const after = BASE + yaml(
        'forecast:', '  method: seasonal', '  history:', '    - { period: 2025-Q2, revenue: 110 }', '    - { period: 2025-Q1, revenue: 105 }', '  projections:', '    - { period: 2026-Q1, revenue: 120 }', '    - { period: 2026-Q2, revenue: 130 }',
        'market:', '  competitors:', '    - { name: Acme, strengths: [Price, Reach] }',
        'tactics:', '  - { name: MEDDIC, description: Qualify every deal with MEDDIC }',
      );
      const result = diff(before, after);
      assert.deepStrictEqual(result.changes.map((item) => `${item.section}${item.list ? `.${item.list}` : ''} ${item.kind} ${item.key ?? ''}`.trim()), [
        'market.competitors changed Acme',
        'tactics changed MEDDIC',
        'forecast changed',
        'forecast.history changed 2025-Q1',
        'forecast.projections added 2026-Q2',
      ]);
      const row = change(result, 'forecast', '2025-Q1').fields[0];
      assert.deepStrictEqual([row.unit, row.delta, row.percent], ['currency', 5, 5]);
    });
  });

  describe('what is not a change', () => {
    it('ignores white space, comments, key order, flow or block style and the order of items', () => {
      const before = read('before.plan.yaml');
      const reordered = yaml(
        '# A comment that was not there',
        'language: en',
        'currency: EUR',
        ...before.split('\n').filter((line) => !/^(language|currency):/.test(line)).map((line) => line.replace(/#.*$/, '').replace(/\s+$/, '')),
      ).replace(
        '  allocations:\n    - { channel: linkedin, amount: 60000, expectedReturn: 150000 }\n    - { channel: events, amount: 40000, expectedReturn: 80000 }',
        '  allocations:\n    - channel: events\n      expectedReturn: 80000\n      amount: 40000\n    - {channel: linkedin,    amount: 60000, expectedReturn: 150000}',
      ).replace('  We grow qualified leads through LinkedIn\n  campaigns and trade events.', '  We grow qualified leads   through\n  LinkedIn campaigns and trade events.');
      assert.notStrictEqual(reordered, before);
      const result = diff(before, reordered);
      assert.deepStrictEqual(result.changes, []);
      assert.strictEqual(result.status, 'unchanged');
      assert.deepStrictEqual(summarize(result, 'en'), ['No change in meaning (only formatting, comments or order)']);
    });

    it('treats an empty value like an absent one', () => {
      assert.strictEqual(diff(BASE + 'owner:\nalignsWith: []\n', BASE).status, 'unchanged');
    });
  });

  describe('budget', () => {
    const budget = (events: number, linkedin: number, total = 100000) =>
      BASE + yaml('channels:', '  - { id: events, name: events }', '  - { id: linkedin, name: LinkedIn }', 'budget:', `  total: ${total}`, '  allocations:', `    - { channel: events, amount: ${events} }`, `    - { channel: linkedin, amount: ${linkedin} }`);

    it('says when money moved between channels with the total unchanged', () => {
      const result = diff(budget(40000, 60000), budget(20000, 80000));
      assert.deepStrictEqual(result.budget, { currency: 'EUR', before: 100000, after: 100000, allocatedBefore: 100000, allocatedAfter: 100000, moves: [{ from: 'events', to: 'linkedin', amount: 20000, fromName: 'events', toName: 'LinkedIn' }] });
      assert.deepStrictEqual(summarize(result, 'en'), ['budget unchanged in total, 20,000 EUR moved from events to LinkedIn']);
    });

    it('pairs several moves, largest first, a channel added or dropped among them', () => {
      const before = BASE + yaml('budget:', '  total: 100', '  allocations:', '    - { channel: a, amount: 50 }', '    - { channel: b, amount: 30 }', '    - { channel: c, amount: 20 }');
      const after = BASE + yaml('budget:', '  total: 100', '  allocations:', '    - { channel: a, amount: 20 }', '    - { channel: b, amount: 40 }', '    - { channel: d, amount: 40 }');
      const result = diff(before, after);
      assert.deepStrictEqual(result.budget?.moves.map((move) => `${move.from}→${move.to} ${move.amount}`), ['a→d 30', 'c→d 10', 'c→b 10']);
      assert.deepStrictEqual(kinds(result, 'budget'), ['changed a', 'changed b', 'added d', 'removed c']);
      assert.strictEqual(summaryLine(result, 'en'), 'Budget unchanged in total, 30 EUR moved from a to d, 10 EUR from c to d, 10 EUR from c to b');
    });

    it('gives a changed total in percent', () => {
      const result = diff(budget(40000, 60000), budget(40000, 70000, 110000));
      assert.strictEqual(result.budget?.percent, 10);
      assert.deepStrictEqual(result.budget?.moves, []);
      assert.deepStrictEqual(summarize(result, 'en'), ['budget +10 % (100,000 EUR → 110,000 EUR)']);
    });

    it('takes the totals and amounts per channel from the caller when given', () => {
      const result = diffPlans({ kind: 'sales' }, { kind: 'sales' }, { figures: { before: { budgetTotal: 10, budgetByChannel: { x: 10 } }, after: { budgetTotal: 10, budgetByChannel: { y: 10 } } } });
      assert.deepStrictEqual(result.budget?.moves, [{ from: 'x', to: 'y', amount: 10 }]);
    });
  });

  describe('summary', () => {
    it('names target changes by their KPI, once, and counts what was added', () => {
      const before = BASE + yaml('kpis:', '  - { id: revenue, name: Revenue, unit: currency, target: 4100000 }', 'goals:', '  - { id: grow, statement: Grow revenue, kpi: revenue, target: 4100000 }');
      const after = BASE + yaml('kpis:', '  - { id: revenue, name: Revenue, unit: currency, target: 4500000 }', 'goals:', '  - { id: grow, statement: Grow revenue, kpi: revenue, target: 4500000 }', '  - { id: g2, statement: Two }', '  - { id: g3, statement: Three }');
      const result = diff(before, after, { figures: { before: { smart: { passing: 14, total: 15 }, funnelGapPercent: 12 }, after: { smart: { passing: 15, total: 15 }, funnelGapPercent: 3 } } });
      assert.strictEqual(summaryLine(result, 'en'), 'Revenue target +9.8 %; 2 goals added; SMART 14/15 → 15/15; funnel gap 12 % → 3 %');
    });

    it('says a plan was added or removed, or its file renamed', () => {
      assert.deepStrictEqual(summarize(diff(undefined, BASE), 'en'), ['New plan']);
      assert.deepStrictEqual(summarize(diff(BASE, undefined), 'en'), ['Plan removed']);
      assert.strictEqual(diff(undefined, BASE).status, 'added');
      assert.deepStrictEqual(summarize(diff(BASE, BASE, { file: 'b.plan.yaml', previousFile: 'a.plan.yaml' }), 'en'), ['file renamed from a.plan.yaml', 'No change in meaning (only formatting, comments or order)']);
    });

    it('speaks Romanian with its diacritics, plurals and number format', () => {
      const before = BASE + yaml('language: ro', 'kpis:', '  - { id: venit, name: Venituri, unit: currency, target: 1000 }', 'channels:', '  - { id: evenimente, name: evenimente }', '  - { id: linkedin, name: LinkedIn }',
        'budget:', '  total: 100000', '  allocations:', '    - { channel: evenimente, amount: 41234.5 }', '    - { channel: linkedin, amount: 58765.5 }',
        'calendar:', '  - { id: targ, name: Târg, start: 2026-04-10, end: 2026-04-12 }');
      const strategies = Array.from({ length: 20 }, (_, index) => `  - { id: s${index}, name: Strategia ${index} }`);
      const after = before.replace('target: 1000', 'target: 1234.5').replace('41234.5', '20000').replace('58765.5', '80000').replace('end: 2026-04-12', 'end: 2026-04-30') + yaml('strategies:', ...strategies, 'segments:', '  - { id: it, name: IT }');
      const result = diff(before, after);
      assert.strictEqual(result.language, 'ro');
      assert.strictEqual(summaryLine(result, 'ro'), 'Venituri: ținta +23,5 %; buget neschimbat în total, s-au mutat 21.234,5 EUR de la evenimente la LinkedIn; 20 de strategii adăugate; 1 activitate din calendar modificată; 1 segment adăugat');
      const markdown = renderMarkdown(report(result));
      assert.match(markdown, /^## Modificări ale planurilor$/m);
      assert.match(markdown, /^\| Ce \| Înainte \| După \| Modificare \|$/m);
      assert.match(markdown, /^\| `targ` · Sfârșit \| 2026-04-12 \| 2026-04-30 \| \+18 zile \|$/m);
      assert.match(markdown, /^\| `venit` · Țintă \| 1\.000 EUR \| 1\.234,5 EUR \| \+234,5 EUR \(\+23,5 %\) \|$/m);
      assert.doesNotMatch(markdown, /[şţŞŢ]/, 'comma-below ș and ț, never the cedilla forms');
    });
  });

  describe('Markdown', () => {
    it('renders the fixture pair exactly', () => {
      const result = diff(read('before.plan.yaml'), read('after.plan.yaml'), {
        file: 'plans/marketing.plan.yaml',
        figures: { before: { smart: { passing: 1, total: 2 }, funnelGapPercent: 12 }, after: { smart: { passing: 4, total: 4 }, funnelGapPercent: 3 } },
      });
      assert.strictEqual(renderMarkdown(report(result)), read('expected.md'));
    });

    it('keeps user text from breaking the table, injecting HTML, formatting or mentioning', () => {
      const hostile = 'Evil | <img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) `code` @team $x$ &amp;\n| new row |';
      const before = BASE + yaml('channels:', '  - { id: web, name: Web }', 'goals:', '  - id: "bad|id`<b>"', '    statement: Old');
      const after = (BASE + yaml('channels:', `  - { id: web, name: ${JSON.stringify(hostile)} }`, 'goals:', '  - id: "bad|id`<b>"', `    statement: ${JSON.stringify(hostile)}`, `title: ${JSON.stringify(hostile)}`)).replace('title: Plan\n', '');
      const markdown = renderMarkdown(report(diff(before, after, { file: 'x|y.plan.yaml' })));
      const html = new MarkdownIt({ html: true, linkify: false }).render(markdown);
      assert.doesNotMatch(html, /<img|<b>|<a |<code>code|<em>|<br/, html);
      assert.strictEqual(html.match(/<strong>/g)?.length, 1, 'only the summary label is bold');
      assert.ok(!markdown.includes('@team'), 'no mention');
      for (const line of markdown.split('\n').filter((row) => row.startsWith('| '))) {
        assert.strictEqual(line.replace(/\\\|/g, '').split('|').length - 2, 4, `four cells in ${line}`);
      }
      const rows = html.match(/<tr>/g)?.length ?? 0;
      assert.strictEqual(rows, 1 + 2 + 1 + 2, 'header and body rows of the two tables');
    });

    it('says when no plan changed', () => {
      assert.strictEqual(renderMarkdown(report()), '## Plan changes\n\nNo plan changed.\n');
      assert.strictEqual(escapeMarkdown('a_b*c'), 'a\\_b\\*c');
    });
  });

  describe('text and JSON', () => {
    it('writes plain lines for the terminal, without control characters', () => {
      const result = diff(BASE + yaml('channels:', '  - { id: web, name: Web }'), BASE + yaml('channels:', '  - { id: web, name: "Web\\u001b[31m red" }'), { file: 'm.plan.yaml' });
      const text = renderText(report(result));
      assert.strictEqual(text, ["Plan · m.plan.yaml", '  1 channel changed', '', '  Channels', "    'web' · Name: Web → Web[31m red (changed)", ''].join('\n'));
    });

    it('writes the documented JSON shape', () => {
      const result = diff(read('before.plan.yaml'), read('after.plan.yaml'), { file: 'plans/marketing.plan.yaml' });
      const json = JSON.parse(renderJson(report(result)));
      assert.deepStrictEqual(Object.keys(json), ['format', 'version', 'plans']);
      assert.strictEqual(json.format, 'plan-as-code/diff');
      assert.strictEqual(json.version, 1);
      const [plan] = json.plans;
      assert.deepStrictEqual(Object.keys(plan).slice(0, 5), ['file', 'status', 'locale', 'summary', 'kind']);
      assert.strictEqual(plan.summary[0], 'Qualified leads target +10 %');
      const renamed = plan.changes.find((item: ItemChange) => item.kind === 'renamed');
      assert.deepStrictEqual(renamed, { section: 'goals', key: 'lower-cpl', label: 'Cut the cost per lead from 120 EUR to 100 EUR by moving spend to LinkedIn lead forms', kpi: { id: 'cpl', name: 'Cost per lead' }, path: ['goals', 1], kind: 'renamed', previousKey: 'cheaper-leads', fields: [] });
      assert.deepStrictEqual(plan.budget.moves, [{ from: 'events', to: 'linkedin', amount: 20000, fromName: 'events', toName: 'LinkedIn' }]);
    });

    it('tables name every field and value', () => {
      const tables = diffTables(diff(read('before.plan.yaml'), read('after.plan.yaml')), 'en');
      assert.deepStrictEqual(tables.map((table) => table.title), ['SMART goals', 'Key performance indicators', 'Marketing mix (4P)', 'Budget', 'Calendar', 'Channels']);
    });
  });

  describe('several plans and parse errors', () => {
    it('diffs an aligned pair plan by plan', () => {
      const marketing = read('before.plan.yaml');
      const sales = BASE + yaml('kpis:', '  - { id: revenue, name: Revenue, target: 100 }');
      const set = diffPlanSet([
        { before: valueOf(marketing), after: valueOf(read('after.plan.yaml')), options: { file: 'marketing.plan.yaml' } },
        { before: valueOf(sales), after: valueOf(sales.replace('target: 100', 'target: 120')), options: { file: 'sales.plan.yaml', figures: { before: { funnelGapPercent: 0 }, after: { funnelGapPercent: 8.3 } } } },
      ]);
      assert.deepStrictEqual(set.plans.map((plan) => [plan.file, plan.status]), [['marketing.plan.yaml', 'changed'], ['sales.plan.yaml', 'changed']]);
      assert.deepStrictEqual(summarize(set.plans[1], 'en'), ['Revenue target +20 %', 'funnel gap 0 % → 8.3 %']);
    });

    it('says which side does not parse, and on which line', () => {
      const result = diffTexts(BASE, BASE + 'goals:\n  - id: a\n   statement: [unclosed\n');
      assert.strictEqual(result.ok, false);
      if (result.ok) return;
      assert.strictEqual(result.error.side, 'after');
      assert.strictEqual(result.error.line, 7);
    });

    it('never throws on odd data, finds nothing between a plan and itself, and keeps tables whole', function () {
      this.timeout(30000);
      const key = fc.constantFrom('id', 'name', 'statement', 'target', 'amount', 'channel', 'period', 'revenue', 'start', 'end', 'kpi', 'goals', 'total', 'x-note', '__proto__', 'constructor');
      const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('2026-01-01', '2026-02-30', 'a|b', '<b>x</b>'));
      const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }));
      const item = fc.dictionary(key, value, { maxKeys: 5 });
      const section = fc.constantFrom('goals', 'kpis', 'budget', 'forecast', 'calendar', 'channels', 'tactics', 'approvals', 'market', 'title', 'period', 'summary', 'currency', 'language', 'x-extra');
      const nested = fc.dictionary(fc.constantFrom('allocations', 'history', 'projections', 'competitors', 'total', 'start', 'end'), fc.oneof(leaf, fc.array(item, { maxLength: 3 })), { maxKeys: 3 });
      const plan = fc.dictionary(section, fc.oneof(leaf, fc.array(fc.oneof(item, leaf), { maxLength: 4 }), item, nested), { maxKeys: 6 });
      fc.assert(
        fc.property(plan, plan, (a, b) => {
          assert.strictEqual(diffPlans(a, structuredClone(a)).status, 'unchanged');
          const result = diffPlans(a, b, { file: 'p.plan.yaml' });
          const markdown = renderMarkdown(report(result));
          renderText(report(result), { locale: 'ro' });
          JSON.parse(renderJson(report(result)));
          for (const line of markdown.split('\n').filter((row) => row.startsWith('| '))) assert.strictEqual(line.replace(/\\\|/g, '').split('|').length - 2, 4, line);
        }),
        { numRuns: 500 },
      );
    });

    it('diffs two generated 20,000-line plans by id, without quadratic work', function () {
      this.timeout(60000);
      const before = generatePlan('marketing', 20000);
      const after = before.replace(/target: (\d+)/g, (whole, value: string, offset: number) => (offset % 7 === 0 ? `target: ${Number(value) + 1}` : whole));
      const started = performance.now();
      const result = diff(before, after);
      const elapsed = performance.now() - started;
      assert.ok(result.changes.length > 0);
      assert.ok(elapsed < 20000, `took ${Math.round(elapsed)} ms`);
    });
  });
});
