import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { complete, type Completion } from '../../server/src/core/features/complete';
import { hover } from '../../server/src/core/features/hover';
import { formatMessage } from '../../server/src/core/base/messages';
import { memoryService, ROOT } from '../helpers';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');
const t = (id: Parameters<typeof formatMessage>[1], params?: Record<string, string | number>) => formatMessage('en', id, params);

/** A text with the cursor marked by `‸`. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  assert.ok(offset !== -1 && marked.indexOf('‸', offset + 1) === -1, 'one cursor marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** The clean plan with one unique piece replaced by text holding the cursor. */
function inClean(from: string, to: string): { text: string; offset: number } {
  assert.strictEqual(CLEAN.split(from).length, 2, `"${from}" occurs once`);
  return cursor(CLEAN.replace(from, to));
}

function completions(marked: { text: string; offset: number }, files: Record<string, string> = {}): Completion[] {
  const service = memoryService(files);
  const analysis = service.snapshot(marked.text, '/plans/p.plan.yaml');
  const linked = service.linked(analysis).map((plan) => plan.analysis.model);
  return complete({ text: marked.text, offset: marked.offset, analysis, linked, t });
}

function labels(items: Completion[]): string[] {
  return items.map((item) => item.label);
}

describe('completion', () => {
  it('offers the keys a goal may still have, required first', () => {
    const items = completions(inClean('    owner: Radu Marin\n', '    ‸\n'));
    const names = labels(items);
    assert.ok(names.includes('owner'));
    assert.ok(!names.includes('kpi') && !names.includes('statement'), 'keys already present are left out');
    const goalKeys = completions(cursor('kind: marketing\ngoals:\n  - id: g\n    ‸\n'));
    assert.deepStrictEqual(labels(goalKeys).slice(0, 1), ['statement'], 'required keys come first');
  });

  it('offers top-level sections that are missing, with their shape', () => {
    const items = completions(cursor('kind: marketing\ntitle: T\n‸\n'));
    const names = labels(items);
    assert.ok(names.includes('period') && names.includes('market') && names.includes('budget'));
    assert.ok(!names.includes('kind') && !names.includes('title'));
    assert.strictEqual(items.find((item) => item.label === 'period')!.insertText, 'period:\n  $0');
    assert.strictEqual(items.find((item) => item.label === 'goals' && item.kind === 'property')!.insertText, 'goals:\n  - $0');
    const skeleton = items.find((item) => item.label === 'goals' && item.kind === 'snippet')!;
    assert.match(skeleton.insertText, /^goals:\n {2}- id: goal-1\n {4}statement: \$\{1:TODO\}/, 'and the whole section, as the quick fix writes it');
    assert.strictEqual(items.find((item) => item.label === 'language')!.insertText, 'language: ${1|en,ro|}');
    assert.ok(items.find((item) => item.label === 'market')!.documentation!.length > 20, 'documented from the schema');
  });

  it('replaces the word under the cursor, and only the key when a colon follows', () => {
    const marked = cursor('kind: marketing\nsumm‸\n');
    const [summary] = completions(marked).filter((item) => item.label === 'summary');
    assert.deepStrictEqual([summary.start, summary.end], [16, 20]);
    const keyOnly = cursor('kind: marketing\nsumm‸ary: x\n');
    assert.strictEqual(completions(keyOnly).find((item) => item.label === 'summary')!.insertText, 'summary');
  });

  it('offers exactly the KPI ids of the plan for `kpi`', () => {
    const items = completions(inClean('    kpi: cpl\n', '    kpi: ‸\n'));
    assert.deepStrictEqual(labels(items), ['qualified-leads', 'cpl']);
    assert.match(items[0].detail!, /Marketing-qualified leads/);
    assert.match(items[0].documentation!, /400 → 520/);
  });

  it('completes a reference mid-word', () => {
    const marked = inClean('    kpi: cpl\n', '    kpi: qual‸\n');
    const [first] = completions(marked);
    assert.strictEqual(first.label, 'qualified-leads');
    assert.strictEqual(marked.text.slice(first.start, first.end), 'qual');
  });

  it('completes inside flow sequences, leaving out ids already listed', () => {
    const items = completions(inClean('    goals: [pipeline, cheaper-leads]', '    goals: [pipeline, ‸]'));
    assert.deepStrictEqual(labels(items), ['cheaper-leads']);
    const supports = completions(inClean('    supports: [clinic-demand]\nmarket', '    supports: [‸]\nmarket'));
    assert.deepStrictEqual(labels(supports), ['clinic-demand', 'webinar-engine'], 'objectives and strategies');
  });

  it('completes block sequence items of a reference list', () => {
    const items = completions(inClean('  kpis: [qualified-leads, cpl]\n  tools', '  kpis:\n    - cpl\n    - ‸\n  tools'));
    assert.deepStrictEqual(labels(items), ['qualified-leads']);
  });

  it('offers the KPI catalog for `metric`, essential metrics first', () => {
    const items = completions(inClean('    metric: leads\n', '    metric: ‸\n'));
    // The 26 metrics of the guide's list, and revenue-per-account and gross-margin.
    assert.strictEqual(items.length, 28);
    const leads = items.find((item) => item.label === 'leads')!;
    assert.strictEqual(leads.detail, 'Leads generated · count · higher is better');
    assert.match(leads.documentation!, /Essential for a marketing plan/);
    assert.ok(leads.sortText < items.find((item) => item.label === 'website-traffic')!.sortText);
  });

  it('offers enum values with their descriptions', () => {
    assert.deepStrictEqual(labels(completions(inClean('    frequency: monthly\n    source: HubSpot', '    frequency: ‸\n    source: HubSpot'))), ['daily', 'weekly', 'monthly', 'quarterly', 'yearly']);
    assert.deepStrictEqual(labels(completions(cursor('kind: ‸\n'))), ['marketing', 'sales']);
  });

  it('offers dates inside the period for date fields', () => {
    const items = completions(inClean('    deadline: 2026-09-30', '    deadline: ‸'));
    assert.deepStrictEqual(labels(items), ['2026-01-01', '2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    assert.strictEqual(items[1].detail, 'end of Q1 2026');
  });

  it('offers a whole SMART goal with every field as a tab stop', () => {
    const items = completions(inClean('goals:\n', 'goals:\n  - ‸\n'));
    const goal = items.find((item) => item.kind === 'snippet')!;
    assert.strictEqual(goal.label, 'New SMART goal');
    assert.strictEqual(
      goal.insertText,
      'id: ${1:new-goal}\n  statement: ${2:Increase qualified leads 30 % through monthly webinars}\n  kpi: ${3|qualified-leads,cpl|}\n  baseline: ${4:0}\n  target: ${5:0}\n  deadline: ${6:2026-12-31}\n  owner: ${7:Name}\n  supports: [${8|clinic-demand,webinar-engine|}]',
    );
    const atDashLevel = completions(inClean('goals:\n', 'goals:\n  ‸\n'));
    assert.ok(atDashLevel[0].insertText.startsWith('- id: ${1:new-goal}'));
  });

  it('offers team ids for reportsTo in a sales plan', () => {
    const plan = cursor('kind: sales\nteam:\n  - id: head-of-sales\n    role: Head of sales\n  - id: rep\n    role: Rep\n    reportsTo: ‸\n');
    assert.deepStrictEqual(labels(completions(plan)), ['head-of-sales', 'rep']);
  });

  it('offers ids defined in plans named by alignsWith', () => {
    const sales = 'kind: sales\ntitle: S\nperiod: {start: 2026-01-01, end: 2026-12-31}\nobjectives:\n  - id: win-clinics\n    statement: Win clinics\n';
    const marked = inClean('    supports: [clinic-demand]\nmarket', '    supports: [‸]\nmarket');
    const text = marked.text.replace('language: en\n', 'language: en\nalignsWith: [sales.plan.yaml]\n');
    const items = completions({ text, offset: marked.offset + 'alignsWith: [sales.plan.yaml]\n'.length }, { '/plans/sales.plan.yaml': sales });
    assert.deepStrictEqual(labels(items), ['clinic-demand', 'webinar-engine', 'win-clinics']);
    assert.match(items[2].detail!, /aligned plan/);
  });

  it('works in a file that does not parse yet', () => {
    const broken = cursor('kind: marketing\nkpis:\n  - id: leads\n    name: Leads\n    unit: count\ngoals:\n  - id: g\n    kpi: ‸\n    statement: "unclosed\n');
    assert.deepStrictEqual(labels(completions(broken)), ['leads']);
    const tabbed = cursor('kind: marketing\nperiod:\n\tstart: 2026-01-01\ngoals:\n  - id: g\n    ‸\n');
    assert.ok(labels(completions(tabbed)).includes('deadline'));
  });

  it('offers nothing inside comments and block scalars', () => {
    assert.deepStrictEqual(completions(cursor('kind: marketing # ‸\n')), []);
    assert.deepStrictEqual(completions(cursor('kind: marketing\nsummary: |\n  Some ‸\n')), []);
  });
});

describe('hover', () => {
  function hoverAt(marked: { text: string; offset: number }) {
    const service = memoryService();
    const analysis = service.snapshot(marked.text, '/plans/p.plan.yaml');
    return hover({ analysis, offset: marked.offset, linked: [], t, smart: () => service.check(marked.text, '/plans/p.plan.yaml').smart });
  }

  it('explains a key from the schema', () => {
    const result = hoverAt(inClean('  swot:\n', '  sw‸ot:\n'))!;
    assert.match(result.contents, /SWOT/);
  });

  it('shows the referenced KPI with its target and formula', () => {
    const marked = inClean('    kpi: cpl\n', '    kpi: c‸pl\n');
    const result = hoverAt(marked)!;
    assert.strictEqual(marked.text.slice(result.start, result.end), 'cpl');
    assert.strictEqual(result.contents, '**Cost per lead** `cpl`\n\n60 → 50 currency\n\nFormula: spend / leads\n\nMeasured monthly from Ads spend over HubSpot leads');
  });

  it("shows a referenced goal's statement and SMART status", () => {
    const result = hoverAt(inClean('goals: [pipeline, cheaper-leads]', 'goals: [pipeline, chea‸per-leads]'))!;
    assert.match(result.contents, /Lower the cost per lead/);
    assert.match(result.contents, /SMART 5\/5: ✅ S · ✅ M · ✅ A · ✅ R · ✅ T/);
  });

  it('explains a catalog metric', () => {
    const result = hoverAt(inClean('    metric: cost-per-lead', '    metric: cost-per‸-lead'))!;
    assert.match(result.contents, /Formula: spend \/ leads/);
    assert.match(result.contents, /lower is better/);
  });

  it('summarises a definition and counts its references', () => {
    const result = hoverAt(inClean('  - id: webinars\n', '  - id: web‸inars\n'))!;
    assert.match(result.contents, /Monthly webinars/);
    assert.match(result.contents, /Referenced 3 times in this plan\./);
  });

  it('answers in Romanian for a Romanian plan', () => {
    const marked = inClean('    kpi: cpl\n', '    kpi: c‸pl\n');
    const service = memoryService();
    const analysis = service.snapshot(marked.text, '/plans/p.plan.yaml');
    const result = hover({ analysis, offset: marked.offset, linked: [], t: (id, params) => formatMessage('ro', id, params), smart: () => [] })!;
    assert.match(result.contents, /Formulă: spend \/ leads/);
  });
});
