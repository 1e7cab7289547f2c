import * as assert from 'assert';
import { memoryService, yaml } from '../../helpers';

const plan = (kpis: string[], extra = '') =>
  yaml(
    'kind: sales',
    'title: Cache',
    'period: { start: 2026-01-01, end: 2026-12-31 }',
    'actuals: actuals.csv',
    'kpis:',
    ...kpis.map((id) => `  - { id: ${id}, name: ${id}, unit: count, baseline: 0, target: 120, frequency: monthly, source: CRM }`),
    extra,
  );

describe('analysis: the actuals of a plan version', () => {
  it('reads the CSV again only when the file or the plan\'s KPI ids change, not on every keystroke', () => {
    const files: Record<string, string> = { '/plans/actuals.csv': 'kpi,period,value\nretreats,2026-06,40\nleads,2026-06,70\n' };
    const service = memoryService(files);
    const first = service.check(plan(['retreats']), '/plans/p.plan.yaml', { today: '2026-07-15' }).figures.actuals!;
    assert.deepStrictEqual(first.csv.problems.map((problem) => problem.kind), ['unknown-kpi']);
    // An edit elsewhere in the plan: the same CSV, read once.
    const edited = service.check(plan(['retreats'], 'summary: Edited.'), '/plans/p.plan.yaml', { today: '2026-07-15' }).figures.actuals!;
    assert.strictEqual(edited.csv, first.csv);
    assert.notStrictEqual(edited.progress, first.progress);
    // A new KPI id: `leads` is now known, so the CSV is read again.
    const withLeads = service.check(plan(['retreats', 'leads'], 'summary: Edited.'), '/plans/p.plan.yaml', { today: '2026-07-15' }).figures.actuals!;
    assert.notStrictEqual(withLeads.csv, first.csv);
    assert.deepStrictEqual(withLeads.csv.problems, []);
    assert.deepStrictEqual([...withLeads.progress.keys()], ['retreats', 'leads']);
    // The file changed on disk: read again.
    files['/plans/actuals.csv'] = 'kpi,period,value\nretreats,2026-06,90\n';
    service.invalidateFile('/plans/actuals.csv');
    const changed = service.check(plan(['retreats', 'leads']), '/plans/p.plan.yaml', { today: '2026-07-15' }).figures.actuals!;
    assert.deepStrictEqual(changed.csv.rows.map((row) => row.value), [90]);
  });
});
