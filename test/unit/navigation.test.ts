import * as assert from 'assert';
import { foldingRanges } from '../../server/src/core/features/folding';
import { formatMessage } from '../../server/src/core/base/messages';
import { parsePlan } from '../../server/src/core/parse/parse';
import {
  createPlanWorkspace,
  documentHighlights,
  findDefinitions,
  findReferences,
  isRefusal,
  prepareRename,
  renameId,
  type FileEdits,
  type PlanFile,
  type PlanLocation,
  type Refusal,
} from '../../server/src/core/features/references';
import { documentSymbols, type PlanSymbol } from '../../server/src/core/features/symbols';
import { PlanIndex } from '../../server/src/core/workspace/plan-index';
import { cursorAt, memoryService, yaml } from '../helpers';

/** A small marketing plan: a KPI and a channel are both called `leads`; `supports` names an objective and a strategy. */
const PLAN = yaml(
  '# Brightloom 2026',
  '# the marketing plan',
  'kind: marketing',
  'title: Brightloom 2026 marketing plan',
  'period:',
  '  start: 2026-01-01',
  '  end: 2026-12-31',
  'currency: EUR',
  'objectives:',
  '  - id: clinic-demand',
  '    statement: Become the first choice of private clinics for patient education',
  'kpis:',
  '  - id: leads',
  '    name: Qualified leads',
  '    target: 520',
  '  - id: cpl',
  '    name: Cost per lead',
  'goals:',
  '  - id: pipeline',
  '    statement: Increase qualified leads 30 % through monthly clinic webinars in 2026',
  '    kpi: leads',
  '    supports: [clinic-demand, webinars-first]',
  'strategies:',
  '  - id: webinars-first',
  '    name: Webinars first',
  '    goals: [pipeline]',
  'market:',
  '  swot:',
  '    strengths: [Clinical experts]',
  '    weaknesses: [Small team]',
  '    opportunities: [New regulation]',
  '    threats: [Agencies]',
  'mix:',
  '  product: Patient education videos',
  '  price: Per clinic subscription',
  '  place: Online',
  '  promotion: Webinars',
  'budget:',
  '  total: 10000',
  '  allocations:',
  '    - { channel: leads, amount: 6000 }',
  'channels:',
  '  - id: leads',
  '    name: Lead magnets',
  '    kpis: [leads, cpl]',
  'calendar:',
  '  - id: spring-webinars',
  '    name: Spring webinars',
  '    channels: ["leads"]',
  '    goals: [pipeline]',
  'measurement:',
  '  kpis: [leads]',
);

/** Plans as files of an in-memory workspace, all of them indexed; the first of `open` is the one asked about. */
function plans(files: Record<string, string>, open = Object.keys(files)): { plans: PlanFile[]; workspace: ReturnType<typeof createPlanWorkspace> } {
  const index = new PlanIndex();
  for (const [filePath, text] of Object.entries(files)) index.set(filePath, text);
  const service = memoryService(files, index);
  const planAt = (filePath: string): PlanFile => ({ filePath, text: files[filePath], analysis: service.snapshot(files[filePath], filePath) });
  return {
    plans: open.map(planAt),
    workspace: createPlanWorkspace((plan) => service.linked(service.snapshot(plan.text, plan.filePath)), (plan) => index.linkingTo(plan.filePath).map(planAt)),
  };
}

/** One plan, with the cursor marked by `|`, at `/plans/p.plan.yaml`. */
function single(marked: string) {
  const { text, offset } = cursorAt(marked);
  const { plans: [plan], workspace } = plans({ '/plans/p.plan.yaml': text });
  return { text, offset, plan, workspace };
}

/** `PLAN` with the cursor put before the `occurrence`-th (1-based) match of `needle`, `shift` characters into it. */
function markPlan(needle: string, occurrence = 1, shift = 0): string {
  let at = -1;
  for (let n = 0; n < occurrence; n++) at = PLAN.indexOf(needle, at + 1);
  assert.ok(at !== -1, `${needle} #${occurrence} is in the plan`);
  return `${PLAN.slice(0, at + shift)}|${PLAN.slice(at + shift)}`;
}

/** Where places are, as `file:line:text` (one-based lines), in order. */
function places(found: readonly PlanLocation[]): string[] {
  return found.map((place) => {
    const line = place.plan.text.slice(0, place.start).split('\n').length;
    return `${place.plan.filePath.split('/').pop()}:${line}:${place.plan.text.slice(place.start, place.end)}`;
  });
}

function outline(symbols: PlanSymbol[]): string[] {
  return symbols.map((symbol) => `${symbol.name} (${symbol.kind}${symbol.detail === undefined ? '' : `, ${symbol.detail}`})`);
}

function byName(symbols: PlanSymbol[], name: string): PlanSymbol {
  const found = symbols.find((symbol) => symbol.name === name);
  assert.ok(found, `symbol ${name}`);
  return found;
}

function applyEdits(text: string, file: FileEdits): string {
  return [...file.edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

describe('navigation', () => {
  describe('cursor fixtures', () => {
    it('strips the one marker and gives the offset and position', () => {
      assert.deepStrictEqual(cursorAt('a: 1\nb: x|y\n'), { text: 'a: 1\nb: xy\n', offset: 9, position: { line: 1, character: 4 } });
      assert.throws(() => cursorAt('a: b'), /exactly one/);
      assert.throws(() => cursorAt('a: |b|'), /exactly one/);
    });
  });

  describe('document symbols', () => {
    const symbols = documentSymbols(parsePlan(PLAN), 'en');

    it('lists the header and the sections in source order, with a short detail', () => {
      assert.deepStrictEqual(outline(symbols), [
        'kind (property, marketing)',
        'title (property, Brightloom 2026 marketing plan)',
        'period (namespace, 2026-01-01 – 2026-12-31)',
        'currency (property, EUR)',
        'objectives (module, 1 item)',
        'kpis (module, 2 items)',
        'goals (module, 1 item)',
        'strategies (module, 1 item)',
        'market (module)',
        'mix (module)',
        'budget (module)',
        'channels (module, 1 item)',
        'calendar (module, 1 item)',
        'measurement (module)',
      ]);
    });

    it('names items by name, else statement (shortened), else id, with the id as detail', () => {
      assert.deepStrictEqual(outline(byName(symbols, 'kpis').children), ['Qualified leads (number, leads)', 'Cost per lead (number, cpl)']);
      assert.deepStrictEqual(outline(byName(symbols, 'goals').children), ['Increase qualified leads 30 % through monthly clinic… (object, pipeline)']);
      assert.deepStrictEqual(outline(byName(symbols, 'calendar').children), ['Spring webinars (event, spring-webinars)']);
      const [, team] = documentSymbols(parsePlan(yaml('kind: sales', 'team:', '  - id: sdrs', '    count: 3')), 'en');
      assert.deepStrictEqual(outline(team.children), ['sdrs (object)']);
    });

    it('opens mappings: SWOT quadrants, the four Ps, allocations named by channel', () => {
      const market = byName(symbols, 'market');
      assert.deepStrictEqual(outline(market.children), ['swot (object)']);
      assert.deepStrictEqual(outline(market.children[0].children), ['strengths (array, 1 item)', 'weaknesses (array, 1 item)', 'opportunities (array, 1 item)', 'threats (array, 1 item)']);
      assert.deepStrictEqual(outline(byName(symbols, 'mix').children), [
        'product (property, Patient education videos)',
        'price (property, Per clinic subscription)',
        'place (property, Online)',
        'promotion (property, Webinars)',
      ]);
      const budget = byName(symbols, 'budget');
      assert.deepStrictEqual(outline(budget.children), ['total (property, 10,000)', 'allocations (array, 1 item)']);
      assert.deepStrictEqual(outline(budget.children[1].children), ['leads (struct, 6,000)']);
    });

    it('spans the whole entry and selects the key or the id value', () => {
      const kpis = byName(symbols, 'kpis');
      assert.strictEqual(kpis.start, PLAN.indexOf('kpis:'));
      assert.strictEqual(PLAN.slice(kpis.start, kpis.end), PLAN.slice(PLAN.indexOf('kpis:'), PLAN.indexOf('name: Cost per lead') + 'name: Cost per lead'.length));
      assert.strictEqual(PLAN.slice(kpis.selectionStart, kpis.selectionEnd), 'kpis');
      const [leads] = kpis.children;
      assert.strictEqual(PLAN.slice(leads.start, leads.end), 'id: leads\n    name: Qualified leads\n    target: 520');
      assert.deepStrictEqual([leads.selectionStart, leads.selectionEnd], [PLAN.indexOf('id: leads') + 4, PLAN.indexOf('id: leads') + 9]);
      const allocation = byName(symbols, 'budget').children[1].children[0];
      assert.strictEqual(PLAN.slice(allocation.start, allocation.end), '{ channel: leads, amount: 6000 }');
      assert.strictEqual(PLAN.slice(allocation.selectionStart, allocation.selectionEnd), 'leads');
    });

    it('counts in Romanian', () => {
      const text = yaml('kind: marketing', 'kpis:', ...Array.from({ length: 20 }, (_, i) => `  - id: k${i}`), 'goals:', '  - id: g1', '  - id: g2');
      assert.deepStrictEqual(
        documentSymbols(parsePlan(text), 'ro').map((symbol) => symbol.detail),
        ['marketing', '20 de elemente', '2 elemente'],
      );
      assert.strictEqual(documentSymbols(parsePlan(yaml('goals:', '  - id: g1')), 'ro')[0].detail, '1 element');
    });

    it('gives a partial outline of broken YAML', () => {
      const broken = yaml('kind: marketing', 'kpis:', '  - id: leads', '    name: [unclosed', 'goals:', '  - id: pipeline');
      const partial = documentSymbols(parsePlan(broken), 'en');
      assert.deepStrictEqual(partial.slice(0, 2).map((symbol) => symbol.name), ['kind', 'kpis']);
      assert.deepStrictEqual(documentSymbols(parsePlan('kind: [\n'), 'en').map((symbol) => symbol.name), ['kind']);
      assert.deepStrictEqual(documentSymbols(parsePlan('- just\n- a list\n'), 'en'), []);
      assert.deepStrictEqual(documentSymbols(parsePlan(''), 'en'), []);
    });

    it('keeps every selection inside its range, aliases and merges included', () => {
      const text = yaml('x-base: &base', '  name: Shared', 'channels:', '  - id: a', '    <<: *base', '  - *base', 'x-copy: *base');
      const check = (list: PlanSymbol[]) => {
        for (const symbol of list) {
          assert.ok(symbol.start <= symbol.selectionStart && symbol.selectionEnd <= symbol.end, `${symbol.name} selection inside range`);
          assert.ok(symbol.name.length > 0);
          check(symbol.children);
        }
      };
      const result = documentSymbols(parsePlan(text), 'en');
      check(result);
      assert.deepStrictEqual(outline(byName(result, 'channels').children), ['Shared (object, a)', 'Shared (object)']);
    });
  });

  describe('folding ranges', () => {
    const text = yaml(
      '# A plan', // 0
      '# with a header', // 1
      'kind: marketing', // 2
      'period:', // 3
      '  start: 2026-01-01', // 4
      '  end: 2026-12-31', // 5
      'summary: |', // 6
      '  # Not a comment', // 7
      '  # but markdown', // 8
      '', // 9
      'kpis:', // 10
      '  - id: leads', // 11
      '    name: Leads', // 12
      '  - { id: cpl, name: Cost per lead }', // 13
      '  # one comment', // 14
      'mix: { product: Videos }', // 15
      'goals: # trailing', // 16
      '  # two', // 17
      '  # comments', // 18
      '  - id: g', // 19
    );
    const expected = [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 3, endLine: 5 },
      { startLine: 6, endLine: 8 },
      { startLine: 10, endLine: 13 },
      { startLine: 11, endLine: 12 },
      { startLine: 16, endLine: 19 },
      { startLine: 17, endLine: 18, kind: 'comment' },
    ];

    it('folds mappings, lists, items and block scalars below their key line, and runs of comments', () => {
      assert.deepStrictEqual(foldingRanges(parsePlan(text)), expected);
    });

    it('folds CRLF text on the same lines', () => {
      assert.deepStrictEqual(foldingRanges(parsePlan(text.replace(/\n/g, '\r\n'))), expected);
    });

    it('folds what parsed of broken YAML', () => {
      const broken = yaml('period:', '  start: 2026-01-01', '  end: 2026-12-31', 'kpis: [unclosed');
      assert.deepStrictEqual(foldingRanges(parsePlan(broken))[0], { startLine: 0, endLine: 2 });
    });
  });

  describe('go to definition', () => {
    it('jumps from a reference to the id of its definition, typed by section', () => {
      const { plan, offset, workspace } = single(markPlan('kpi: leads', 1, 7));
      assert.deepStrictEqual(places(findDefinitions(plan, offset, workspace)), ['p.plan.yaml:13:leads']);
      const channel = single(markPlan('channels: ["leads"]', 1, 13));
      assert.deepStrictEqual(places(findDefinitions(channel.plan, channel.offset, channel.workspace)), ['p.plan.yaml:43:leads']);
    });

    it('jumps from `supports` to an objective or a strategy', () => {
      const objective = single(markPlan('clinic-demand,', 1));
      assert.deepStrictEqual(places(findDefinitions(objective.plan, objective.offset, objective.workspace)), ['p.plan.yaml:10:clinic-demand']);
      const strategy = single(markPlan('webinars-first]', 1, 'webinars-first'.length));
      assert.deepStrictEqual(places(findDefinitions(strategy.plan, strategy.offset, strategy.workspace)), ['p.plan.yaml:24:webinars-first']);
    });

    it("returns a definition's own id", () => {
      const { plan, offset, workspace } = single(markPlan('id: cpl', 1, 5));
      assert.deepStrictEqual(places(findDefinitions(plan, offset, workspace)), ['p.plan.yaml:16:cpl']);
    });

    it('finds nothing off an id, and nothing for an undefined id', () => {
      const off = single(markPlan('name: Qualified', 1, 8));
      assert.deepStrictEqual(findDefinitions(off.plan, off.offset, off.workspace), []);
      const undefinedId = single(PLAN.replace('kpi: leads', 'kpi: lea|dz'));
      assert.deepStrictEqual(findDefinitions(undefinedId.plan, undefinedId.offset, undefinedId.workspace), []);
    });

    it('jumps into a plan named by alignsWith, with offsets in that plan', () => {
      const sales = yaml('kind: sales', 'objectives:', '  - id: win-clinics', '    statement: Win clinics');
      const { text, offset } = cursorAt(yaml('kind: marketing', 'alignsWith: [sales.plan.yaml]', 'goals:', '  - id: g', '    supports: [win-cl|inics]'));
      const { plans: [plan], workspace } = plans({ '/plans/m.plan.yaml': text, '/plans/sales.plan.yaml': sales }, ['/plans/m.plan.yaml']);
      const [definition] = findDefinitions(plan, offset, workspace);
      assert.strictEqual(definition.plan.filePath, '/plans/sales.plan.yaml');
      assert.deepStrictEqual([definition.start, definition.end], [sales.indexOf('win-clinics'), sales.indexOf('win-clinics') + 11]);
    });

    it('prefers a definition in the plan itself over one in a linked plan', () => {
      const other = yaml('kind: sales', 'kpis:', '  - id: leads');
      const { text, offset } = cursorAt(yaml('kind: marketing', 'alignsWith: [s.plan.yaml]', 'kpis:', '  - id: leads', 'goals:', '  - id: g', '    kpi: l|eads'));
      const { plans: [plan], workspace } = plans({ '/plans/m.plan.yaml': text, '/plans/s.plan.yaml': other });
      assert.deepStrictEqual(places(findDefinitions(plan, offset, workspace)), ['m.plan.yaml:4:leads']);
    });
  });

  describe('find all references', () => {
    it('finds every reference to a KPI, not to the channel of the same id', () => {
      const { plan, offset, workspace } = single(markPlan('id: leads', 1, 4));
      assert.deepStrictEqual(places(findReferences(plan, offset, workspace, true)), [
        'p.plan.yaml:13:leads',
        'p.plan.yaml:21:leads',
        'p.plan.yaml:45:leads',
        'p.plan.yaml:52:leads',
      ]);
      assert.deepStrictEqual(places(findReferences(plan, offset, workspace, false)), ['p.plan.yaml:21:leads', 'p.plan.yaml:45:leads', 'p.plan.yaml:52:leads']);
    });

    it('finds the same from a reference, and the channel from a channel reference', () => {
      const kpi = single(markPlan('kpis: [leads, cpl]', 1, 9));
      assert.deepStrictEqual(places(findReferences(kpi.plan, kpi.offset, kpi.workspace, false)), ['p.plan.yaml:21:leads', 'p.plan.yaml:45:leads', 'p.plan.yaml:52:leads']);
      const channel = single(markPlan('channel: leads', 1, 9));
      assert.deepStrictEqual(places(findReferences(channel.plan, channel.offset, channel.workspace, true)), ['p.plan.yaml:41:leads', 'p.plan.yaml:43:leads', 'p.plan.yaml:49:leads']);
    });

    it('finds references in linked plans and in open plans that link back', () => {
      const marketing = yaml('kind: marketing', 'alignsWith: [sales.plan.yaml]', 'objectives:', '  - id: win', 'goals:', '  - id: g', '    supports: [win]');
      const sales = yaml('kind: sales', 'alignsWith: [marketing.plan.yaml]', 'goals:', '  - id: h', '    supports: [win]');
      const other = yaml('kind: sales', 'alignsWith: [marketing.plan.yaml]', 'goals:', '  - id: o', '    supports: [win]');
      const unrelated = yaml('kind: sales', 'objectives:', '  - id: win', 'goals:', '  - id: u', '    supports: [win]');
      const files = { '/p/marketing.plan.yaml': marketing, '/p/sales.plan.yaml': sales, '/p/other.plan.yaml': other, '/p/unrelated.plan.yaml': unrelated };
      const { plans: [plan], workspace } = plans(files);
      const offset = marketing.indexOf('id: win') + 4;
      assert.deepStrictEqual(places(findReferences(plan, offset, workspace, false)), ['marketing.plan.yaml:7:win', 'sales.plan.yaml:5:win', 'other.plan.yaml:5:win']);
      // From the sales plan, the definition is in the marketing plan: the plans around it count too.
      const fromSales = plans(files, ['/p/sales.plan.yaml', '/p/marketing.plan.yaml', '/p/other.plan.yaml']);
      const salesOffset = sales.indexOf('[win]') + 1;
      assert.deepStrictEqual(places(findReferences(fromSales.plans[0], salesOffset, fromSales.workspace, true)), [
        'sales.plan.yaml:5:win',
        'marketing.plan.yaml:4:win',
        'marketing.plan.yaml:7:win',
        'other.plan.yaml:5:win',
      ]);
    });

    it('finds plans that link back from the workspace index, open or not', () => {
      const marketing = yaml('kind: marketing', 'objectives:', '  - id: win');
      const sales = yaml('kind: sales', 'alignsWith: [marketing.plan.yaml]', 'goals:', '  - id: h', '    supports: [win]');
      const { plans: [plan], workspace } = plans({ '/p/marketing.plan.yaml': marketing, '/p/sales.plan.yaml': sales }, ['/p/marketing.plan.yaml']);
      const found = findReferences(plan, marketing.indexOf('win'), workspace, false);
      assert.deepStrictEqual(found.map((place) => [place.plan.filePath, sales.slice(place.start, place.end)]), [['/p/sales.plan.yaml', 'win']]);
    });

    it("does not count a linked plan's references to its own id of the same name", () => {
      const marketing = yaml('kind: marketing', 'alignsWith: [sales.plan.yaml]', 'kpis:', '  - id: leads', 'goals:', '  - id: g', '    kpi: leads');
      const sales = yaml('kind: sales', 'alignsWith: [marketing.plan.yaml]', 'kpis:', '  - id: leads', 'goals:', '  - id: h', '    kpi: leads');
      const { plans: [plan], workspace } = plans({ '/p/marketing.plan.yaml': marketing, '/p/sales.plan.yaml': sales });
      assert.deepStrictEqual(places(findReferences(plan, marketing.indexOf('id: leads') + 4, workspace, true)), ['marketing.plan.yaml:4:leads', 'marketing.plan.yaml:7:leads']);
    });

    it('groups the references to an undefined id', () => {
      const { plan, offset, workspace } = single(yaml('kind: marketing', 'goals:', '  - id: a', '    kpi: mis|sing', '  - id: b', '    kpi: missing', 'channels:', '  - id: c', '    kpis: [missing]'));
      assert.deepStrictEqual(places(findReferences(plan, offset, workspace, true)), ['p.plan.yaml:4:missing', 'p.plan.yaml:6:missing', 'p.plan.yaml:9:missing']);
    });
  });

  describe('document highlights', () => {
    it('marks the definition as written and the references as read, in this plan', () => {
      const { text, plan, offset, workspace } = single(markPlan('goals: [pipeline]', 1, 10));
      const highlights = documentHighlights(plan, offset, workspace);
      assert.deepStrictEqual(
        highlights.map((place) => [text.slice(0, place.start).split('\n').length, place.role, text.slice(place.start, place.end)]),
        [
          [19, 'definition', 'pipeline'],
          [26, 'reference', 'pipeline'],
          [50, 'reference', 'pipeline'],
        ],
      );
    });

    it('highlights nothing off an id', () => {
      const { plan, offset, workspace } = single(markPlan('title:', 1, 2));
      assert.deepStrictEqual(documentHighlights(plan, offset, workspace), []);
    });
  });

  describe('rename', () => {
    it("prepares on an id or a reference, with the id's range", () => {
      const { text, plan, offset } = single(markPlan('channels: ["leads"]', 1, 14));
      const prepared = prepareRename(plan, offset);
      assert.ok(!isRefusal(prepared));
      assert.strictEqual(text.slice(prepared.start, prepared.end), 'leads');
      assert.strictEqual(prepared.placeholder, 'leads');
      assert.strictEqual(text[prepared.start - 1], '"', 'inside the quotes');
    });

    it('refuses off an id, with a message in both languages', () => {
      const { plan, offset } = single(markPlan('Qualified leads', 1, 3));
      const refusal = prepareRename(plan, offset) as Refusal;
      assert.strictEqual(refusal.messageId, 'rename.notAnId');
      assert.match(formatMessage('en', refusal.messageId, refusal.params), /Only an id can be renamed/);
      assert.match(formatMessage('ro', refusal.messageId, refusal.params), /Se poate redenumi doar un id/);
    });

    it('renames the definition and every reference, and nothing of the same name in another section', () => {
      const { text, plan, offset, workspace } = single(markPlan('kpis: [leads, cpl]', 1, 7));
      const result = renameId(plan, offset, 'qualified-leads', workspace);
      assert.ok(!isRefusal(result));
      assert.strictEqual(result.length, 1);
      const renamed = applyEdits(text, result[0]);
      assert.strictEqual(
        renamed,
        text
          .replace('  - id: leads\n    name: Qualified', '  - id: qualified-leads\n    name: Qualified')
          .replace('kpi: leads', 'kpi: qualified-leads')
          .replace('kpis: [leads, cpl]', 'kpis: [qualified-leads, cpl]')
          .replace('  kpis: [leads]', '  kpis: [qualified-leads]'),
      );
    });

    it('renames across linked plans and plans that link back, and touches no other plan', () => {
      const marketing = yaml('kind: marketing', 'alignsWith: [sales.plan.yaml]', 'objectives:', '  - id: win', 'goals:', '  - id: g', '    supports: [win]');
      const sales = yaml('kind: sales', 'alignsWith: [marketing.plan.yaml]', 'goals:', '  - id: h', '    supports: ["win"]');
      const unrelated = yaml('kind: sales', 'objectives:', '  - id: win', 'goals:', '  - id: u', '    supports: [win]');
      const { plans: [plan], workspace } = plans({ '/p/marketing.plan.yaml': marketing, '/p/sales.plan.yaml': sales, '/p/unrelated.plan.yaml': unrelated });
      const result = renameId(plan, marketing.indexOf('[win]') + 2, 'win-clinics', workspace);
      assert.ok(!isRefusal(result));
      assert.deepStrictEqual(result.map((file) => file.plan.filePath), ['/p/marketing.plan.yaml', '/p/sales.plan.yaml']);
      assert.strictEqual(applyEdits(marketing, result[0]), marketing.replace(/\bwin\b/g, 'win-clinics'));
      assert.strictEqual(applyEdits(sales, result[1]), sales.replace('"win"', '"win-clinics"'));
    });

    it('refuses a name that is not kebab-case, suggesting one', () => {
      const { plan, offset, workspace } = single(markPlan('id: cpl', 1, 4));
      assert.deepStrictEqual(renameId(plan, offset, 'Cost Per Lead', workspace), { messageId: 'rename.invalid', params: { name: 'Cost Per Lead', suggestion: 'cost-per-lead' } });
      assert.deepStrictEqual(renameId(plan, offset, '--', workspace), { messageId: 'rename.invalidNoSuggestion', params: { name: '--' } });
      assert.strictEqual(
        formatMessage('ro', 'rename.invalid', { name: 'Cost Per Lead', suggestion: 'cost-per-lead' }),
        '`Cost Per Lead` nu este un id valid: id-urile se scriu cu litere mici, cifre și cratime, de exemplu `cost-per-lead`.',
      );
    });

    it('refuses a name that the section already has, in this plan or a plan it would edit', () => {
      const { plan, offset, workspace } = single(markPlan('id: cpl', 1, 4));
      const refusal = renameId(plan, offset, 'leads', workspace) as Refusal;
      assert.deepStrictEqual(refusal, { messageId: 'rename.exists', params: { name: 'leads', section: 'kpis', file: 'p.plan.yaml' } });
      assert.strictEqual(formatMessage('en', refusal.messageId, refusal.params), 'An item of `kpis` in p.plan.yaml is already called `leads`: ids must be unique within a section. Choose another name.');
      // A goal may be called like a KPI: another section.
      assert.ok(!isRefusal(renameId(plan, offset, 'pipeline', workspace)));

      const marketing = yaml('kind: marketing', 'objectives:', '  - id: win');
      const sales = yaml('kind: sales', 'alignsWith: [marketing.plan.yaml]', 'objectives:', '  - id: keep', 'goals:', '  - id: h', '    supports: [win]');
      const linked = plans({ '/p/marketing.plan.yaml': marketing, '/p/sales.plan.yaml': sales });
      assert.deepStrictEqual(renameId(linked.plans[0], marketing.indexOf('win'), 'keep', linked.workspace), {
        messageId: 'rename.exists',
        params: { name: 'keep', section: 'objectives', file: 'sales.plan.yaml' },
      });
    });

    it('renames to the same name as nothing to do', () => {
      const { plan, offset, workspace } = single(markPlan('id: cpl', 1, 4));
      assert.deepStrictEqual(renameId(plan, offset, 'cpl', workspace), []);
    });
  });
});
