import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createPlanService } from '../../server/src/core/workspace/service';
import { check, covered, ROOT, ruleIds, yaml, replaceOnce } from '../helpers';
import type { Finding } from '../../server/src/core/base/types';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

/** The clean plan with one unique piece of text replaced. */
const edit = (from: string, to: string, text = CLEAN): string => replaceOnce(text, from, to);

function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId);
}

function single(text: string, ruleId: string): Finding {
  const findings = check(text);
  const matching = only(findings, ruleId);
  assert.strictEqual(matching.length, 1, `expected one ${ruleId}, got: ${findings.map((f) => `${f.ruleId} ${f.message}`).join(' | ')}`);
  return matching[0];
}

describe('rules', () => {
  it('the clean plan has no findings', () => {
    assert.deepStrictEqual(check(CLEAN).map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  describe('yaml/syntax', () => {
    it('reports a bad indentation where it is, and keeps checking the rest', () => {
      const text = edit('    kpi: cpl\n', '    kpi: cpl\n   oops: [\n');
      const findings = check(text);
      const syntax = only(findings, 'yaml/syntax');
      assert.ok(syntax.length >= 1);
      assert.ok(syntax[0].start >= text.indexOf('oops') - 3, 'the error is at the broken line');
      const broken = edit('    deadline: 2026-09-30\n', '');
      assert.ok(ruleIds(check(broken + 'x: [\n')).includes('smart/time-bound'), 'rules still run on what parsed');
    });

    it('explains tabs, and still checks the rest of the plan', () => {
      const findings = check(edit('    target: 50\n    deadline', '\ttarget: 50\n    deadline'));
      assert.match(only(findings, 'yaml/syntax')[0].message, /tab/i);
      assert.deepStrictEqual(only(findings, 'section/missing'), []);
    });

    it('refuses an alias bomb without hanging', () => {
      const bomb = yaml(
        'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
        'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
        'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      );
      const finding = single(bomb, 'yaml/syntax');
      assert.match(finding.message, /alias/i);
    });
  });

  describe('plan/multiple-documents', () => {
    it('reports the second document', () => {
      const text = `${CLEAN}---\nkind: sales\n`;
      const finding = single(text, 'plan/multiple-documents');
      assert.strictEqual(text.slice(finding.start, finding.start + 3), '---');
    });
    it('accepts a leading document marker', () => {
      assert.deepStrictEqual(ruleIds(check(`---\n${CLEAN}`)), []);
    });
  });

  describe('schema', () => {
    it('names a missing required key on its container', () => {
      const finding = single(edit('    name: Monthly webinars\n', ''), 'schema/required');
      assert.match(finding.message, /`name`/);
      assert.strictEqual(covered(edit('    name: Monthly webinars\n', ''), finding), 'webinars');
    });
    it('reports a missing title on the plan', () => {
      const text = edit('title: Brightloom 2026 marketing plan\n', '');
      const finding = single(text, 'schema/required');
      assert.match(finding.message, /The plan needs `title`/);
      assert.strictEqual(covered(text, finding), 'kind: marketing');
    });
    it('words type errors for people', () => {
      const text = edit('    baseline: 400\n    target: 520\n    deadline', '    baseline: 400\n    target: three\n    deadline');
      const finding = single(text, 'schema/type');
      assert.strictEqual(finding.message, '`target` must be a number, not `three`.');
      assert.strictEqual(covered(text, finding), 'three');
    });
    it('names both accepted types where a value may be one id or a list', () => {
      const text = edit('    kpi: qualified-leads\n', '    kpi: 5\n');
      assert.strictEqual(single(text, 'schema/type').message, '`kpi` must be text or a list, not 5.');
    });
    it('suggests the nearest known key', () => {
      const text = edit('  cadence: monthly', '  cadense: monthly');
      const finding = single(text, 'schema/unknown-key');
      assert.match(finding.message, /did you mean `cadence`\?/);
      assert.strictEqual(covered(text, finding), 'cadense');
      assert.deepStrictEqual(finding.fixes?.[0].edits, [{ start: finding.start, end: finding.end, newText: 'cadence' }]);
    });
    it('never reports x- keys', () => {
      assert.deepStrictEqual(ruleIds(check(edit('  cadence: monthly', '  cadence: monthly\n  x-jira: MKT-1'))), []);
    });
    it('reports bad enums with a suggestion', () => {
      const finding = single(edit('    frequency: monthly\n    source: HubSpot', '    frequency: montly\n    source: HubSpot'), 'schema/enum');
      assert.match(finding.message, /did you mean `monthly`\?/);
    });
    it('reports impossible dates and bad currencies', () => {
      assert.strictEqual(single(edit('    deadline: 2026-09-30', '    deadline: 2026-02-30'), 'schema/format').message,
        '`deadline` must be a date written YYYY-MM-DD (e.g. 2026-03-31), not `2026-02-30`.');
      assert.match(single(edit('currency: EUR', 'currency: euro'), 'schema/format').message, /ISO 4217/);
    });
    it('quotes a value with backticks in it as one code span', () => {
      assert.match(single(edit('    deadline: 2026-09-30', '    deadline: "`2026`-09-30"'), 'schema/format').message, /, not `` `2026`-09-30 ``\.$/);
      assert.match(single(edit('    deadline: 2026-09-30', '    deadline: "20``26-09-30"'), 'schema/format').message, /, not `{3}20``26-09-30`{3}\.$/);
    });
    it('suggests a kebab-case id', () => {
      const finding = single(edit('  - id: spring-series', '  - id: Spring Series'), 'schema/pattern');
      assert.match(finding.message, /`spring-series`/);
    });
    it('requires currency with a budget', () => {
      const text = edit('currency: EUR\n', '');
      const finding = single(text, 'schema/required');
      assert.strictEqual(covered(text, finding), 'budget');
    });
    it('requires a unit unless the metric gives one', () => {
      const text = edit('    metric: cost-per-lead\n', '');
      const finding = single(text, 'schema/required');
      assert.match(finding.message, /`unit`/);
      assert.strictEqual(covered(text, finding), 'cpl');
    });
  });

  describe('ref/undefined', () => {
    it('reports an unknown KPI and suggests the nearest id', () => {
      const text = edit('    kpi: qualified-leads\n', '    kpi: qualifed-leads\n');
      const finding = single(text, 'ref/undefined');
      assert.strictEqual(covered(text, finding), 'qualifed-leads');
      assert.match(finding.message, /Did you mean `qualified-leads`\?/);
    });
    it('sets off an id that holds a backtick as one code span', () => {
      const text = edit('    kpi: qualified-leads\n', '    kpi: "qualified`leads"\n');
      const finding = single(text, 'ref/undefined');
      assert.match(finding.message, /^``qualified`leads`` is not defined/);
      assert.match(finding.message, /Did you mean `qualified-leads`\?/);
    });
    it('checks ids in lists and is typed by field', () => {
      // `pipeline` is a goal, not a channel.
      const text = edit('    channels: [webinars]\n    goals: [pipeline]', '    channels: [webinars, pipeline]\n    goals: [pipeline]');
      const finding = single(text, 'ref/undefined');
      assert.strictEqual(covered(text, finding), 'pipeline');
      assert.match(finding.message, /no channel has this id/);
    });
    it('resolves ids in plans named by alignsWith', () => {
      const text = edit('language: en\n', 'language: en\nalignsWith: [sales.plan.yaml]\n').replace('supports: [clinic-demand]\n  - id: cheaper', 'supports: [sales-objective]\n  - id: cheaper');
      const sales = yaml('kind: sales', 'title: Sales', 'period: {start: 2026-01-01, end: 2026-12-31}', 'objectives:', '  - id: sales-objective', '    statement: Sell more');
      assert.deepStrictEqual(ruleIds(check(text, { files: { '/plans/sales.plan.yaml': sales } })), []);
      assert.deepStrictEqual(ruleIds(check(text)), ['align/period', 'ref/undefined']);
    });
  });

  describe('align/period', () => {
    const sales = (period: string) => yaml('kind: sales', 'title: Sales', `period: ${period}`, 'objectives:', '  - id: win', '    statement: Win clinics');
    const linked = (target: string) => edit('language: en\n', `language: en\nalignsWith: [${target}]\n`);

    it('is quiet when the linked plan covers the same time', () => {
      assert.deepStrictEqual(ruleIds(check(linked('sales.plan.yaml'), { files: { '/plans/sales.plan.yaml': sales('{start: 2026-06-01, end: 2027-05-31}') } })), []);
    });
    it('reports periods that do not overlap, on this plan\'s period', () => {
      const text = linked('sales.plan.yaml');
      const finding = single(text, 'align/period');
      assert.strictEqual(finding.message, '`sales.plan.yaml` cannot be read: check the path in `alignsWith` (relative to this plan\'s folder).');
      assert.strictEqual(covered(text, finding), 'sales.plan.yaml');
      const apart = only(check(text, { files: { '/plans/sales.plan.yaml': sales('{start: 2027-01-01, end: 2027-12-31}') } }), 'align/period');
      assert.strictEqual(apart.length, 1);
      assert.strictEqual(covered(text, apart[0]), 'period');
      assert.match(apart[0].message, /covers 2027-01-01 – 2027-12-31/);
    });
    it('never reads a path outside the workspace, and says so', () => {
      const text = linked('../../etc/secret.plan.yaml');
      const read: string[] = [];
      const findings = createPlanService({ readFile: (file) => (read.push(file), undefined) }).check(text, '/plans/test.plan.yaml').findings;
      assert.deepStrictEqual(read.filter((file) => file.includes('secret')), []);
      assert.match(only(findings, 'align/period')[0].message, /outside the workspace/);
    });
    it('reports a linked file that is not a plan', () => {
      const text = linked('notes.plan.yaml');
      assert.match(single(text, 'align/period').message, /cannot be read/);
      const finding = only(check(text, { files: { '/plans/notes.plan.yaml': 'just: notes\n' } }), 'align/period')[0];
      assert.match(finding.message, /is not a plan/);
    });
  });

  describe('ref/duplicate-id', () => {
    it('reports the second definition only', () => {
      const text = edit('  - id: linkedin\n', '  - id: webinars\n');
      const finding = single(text, 'ref/duplicate-id');
      assert.ok(finding.start > text.indexOf('  - id: webinars') + 5);
    });
    it('allows the same id in different sections', () => {
      assert.deepStrictEqual(ruleIds(check(edit('  - id: spring-series', '  - id: webinars').replace('channels: [webinars]\n    goals', 'channels: [webinars]\n    goals'))), []);
    });
  });

  describe('section/missing', () => {
    it('reports each missing section on kind', () => {
      const text = edit('mix:\n  product: Scheduling app with reminders.\n  price: 49 EUR per doctor per month.\n  place: Online, self-serve.\n  promotion: Webinars and LinkedIn.\n', '');
      const finding = single(text, 'section/missing');
      assert.strictEqual(covered(text, finding), 'kind: marketing');
      assert.match(finding.message, /`mix`/);
    });
    it('reports a missing SWOT and missing Ps on their section', () => {
      assert.match(single(edit('  promotion: Webinars and LinkedIn.\n', ''), 'section/missing').message, /`promotion`/);
      const text = edit('  swot:\n', '  x-swot:\n');
      assert.strictEqual(covered(text, single(text, 'section/missing')), 'market');
    });
    it('knows the sales template, and names every missing section in one finding', () => {
      const sales = yaml('kind: sales', 'title: Sales', 'period: {start: 2026-01-01, end: 2026-12-31}', 'summary: x');
      const finding = single(sales, 'section/missing');
      assert.deepStrictEqual([...finding.message.matchAll(/`(\w+)`/g)].map((match) => match[1]), ['goals', 'segments', 'offering', 'strategies', 'team', 'tactics', 'forecast', 'territories', 'training']);
      assert.strictEqual(covered(sales, finding), 'kind: sales');
    });
  });

  describe('smart/specific', () => {
    it('flags a vague statement on the statement', () => {
      const text = edit('Increase qualified leads 30 % through monthly clinic webinars', 'Improve our lead generation with better marketing');
      const finding = single(text, 'smart/specific');
      assert.strictEqual(covered(text, finding), 'Improve our lead generation with better marketing');
    });
    it('flags a short statement and a missing owner together', () => {
      const text = edit('    owner: Radu Marin\n', '').replace('Lower the cost per lead from 60 to 50 EUR by moving spend to webinars', 'Cheaper leads 2026');
      const finding = single(text, 'smart/specific');
      assert.match(finding.message, /too few words \(3;/);
      assert.match(finding.message, /no `owner`/);
    });
    it('flags only a missing owner on the goal id', () => {
      const text = edit('    owner: Radu Marin\n', '');
      assert.strictEqual(covered(text, single(text, 'smart/specific')), 'cheaper-leads');
    });
    it('accepts a vague verb with a quantity', () => {
      assert.deepStrictEqual(ruleIds(check(edit('Increase qualified leads 30 %', 'Grow qualified leads by 120'))), []);
    });
    it('knows Romanian vague words', () => {
      const text = edit('Increase qualified leads 30 % through monthly clinic webinars', 'Creștem vânzările și facem marketing mai bun');
      single(text, 'smart/specific');
    });
  });
    it('reads a statement to its first 1,000 characters, as the docs say', () => {
      // A vague statement whose only number comes after 1,000 characters: the statement an open quote makes of the rest of a plan.
      const filler = 'with monthly clinic webinars '.repeat(40);
      const vague = edit('Increase qualified leads 30 % through monthly clinic webinars', `Improve our lead generation ${filler}and 30 more`);
      assert.ok(vague.length - CLEAN.length > 1_000);
      assert.match(single(vague, 'smart/specific').message, /“Improve”/);
      const early = edit('Increase qualified leads 30 % through monthly clinic webinars', `Improve our lead generation 30 % ${filler}`);
      assert.deepStrictEqual(ruleIds(check(early)), []);
    });

  describe('smart/measurable', () => {
    it('names every missing part in one finding on the id', () => {
      const text = edit('    kpi: qualified-leads\n    baseline: 400\n    target: 520\n', '');
      const finding = single(text, 'smart/measurable');
      assert.strictEqual(covered(text, finding), 'pipeline');
      assert.match(finding.message, /no `kpi`, numeric `target` and `baseline`/);
    });
    it("accepts the KPI's baseline", () => {
      assert.deepStrictEqual(ruleIds(check(edit('    kpi: qualified-leads\n    baseline: 400\n', '    kpi: qualified-leads\n'))), []);
    });
  });

  describe('smart/achievable', () => {
    it('flags growth above the bound, annualised', () => {
      const text = edit('    target: 520\n    deadline: 2026-09-30', '    target: 2000\n    deadline: 2026-09-30');
      const finding = single(text, 'smart/achievable');
      assert.strictEqual(covered(text, finding), '2000');
      assert.match(finding.message, /535 % change a year/);
    });
    it('honours the configured maximum', () => {
      const text = edit('    target: 520\n    deadline: 2026-09-30', '    target: 900\n    deadline: 2026-09-30');
      assert.ok(ruleIds(check(text)).includes('smart/achievable'));
      assert.deepStrictEqual(ruleIds(check(text, { settings: { rules: { 'smart/achievable': { maxAnnualGrowth: 200 } } } })), []);
    });
    it('flags the wrong direction using the catalog', () => {
      const text = edit('    kpi: cpl\n    target: 50', '    kpi: cpl\n    target: 70');
      assert.match(single(text, 'smart/achievable').message, /lower is better/);
    });
  });

  describe('smart/relevant', () => {
    it('flags a goal that supports nothing and no strategy lists', () => {
      const text = edit('    owner: Radu Marin\n    supports: [clinic-demand]\n', '    owner: Radu Marin\n').replace('goals: [pipeline, cheaper-leads]', 'goals: [pipeline]');
      assert.strictEqual(covered(text, single(text, 'smart/relevant')), 'cheaper-leads');
    });
    it('accepts a goal listed by a strategy', () => {
      assert.deepStrictEqual(ruleIds(check(edit('    owner: Radu Marin\n    supports: [clinic-demand]\n', '    owner: Radu Marin\n'))), []);
    });
  });

  describe('smart/time-bound', () => {
    it('flags a missing deadline on the id', () => {
      const text = edit('    deadline: 2026-09-30\n', '');
      assert.strictEqual(covered(text, single(text, 'smart/time-bound')), 'pipeline');
    });
    it('flags a deadline outside the period on the deadline', () => {
      const text = edit('    deadline: 2026-09-30', '    deadline: 2027-03-31');
      assert.strictEqual(covered(text, single(text, 'smart/time-bound')), '2027-03-31');
    });
  });

  describe('kpi/*', () => {
    it('kpi/missing: no KPIs at all', () => {
      const plan = yaml('kind: sales', 'title: Sales', 'period: {start: 2026-01-01, end: 2026-12-31}');
      const finding = only(check(plan), 'kpi/missing');
      assert.strictEqual(finding.length, 1);
      assert.strictEqual(covered(plan, finding[0]), 'kind: sales');
    });
    it('kpi/missing: a channel without kpis, a strategy without goals, measurement without kpis', () => {
      let text = edit('    kpis: [cpl]\n', '');
      assert.strictEqual(covered(text, single(text, 'kpi/missing')), 'linkedin');
      text = edit('    goals: [pipeline, cheaper-leads]\n', '');
      assert.strictEqual(covered(text, single(text, 'kpi/missing')), 'webinar-engine');
      text = edit('  kpis: [qualified-leads, cpl]\n  tools', '  tools');
      assert.strictEqual(covered(text, single(text, 'kpi/missing')), 'measurement');
    });
    it('kpi/incomplete names every missing field', () => {
      const text = edit('    frequency: monthly\n    source: Ads spend over HubSpot leads\n', '');
      const finding = single(text, 'kpi/incomplete');
      assert.strictEqual(covered(text, finding), 'cpl');
      assert.match(finding.message, /`frequency` and `source`/);
    });
    it('kpi/unused is a hint on the KPI id', () => {
      const text = edit('kpis:\n', 'kpis:\n  - id: nps\n    name: NPS\n    metric: nps\n    target: 50\n    frequency: quarterly\n    source: Survey\n');
      const finding = single(text, 'kpi/unused');
      assert.strictEqual(finding.severity, 'hint');
      assert.strictEqual(covered(text, finding), 'nps');
    });
    it('kpi/recommended when no essential KPI is tracked', () => {
      const text = edit('    metric: leads\n', '    metric: website-traffic\n').replace('    metric: cost-per-lead\n', '    metric: csat\n');
      const finding = single(text, 'kpi/recommended');
      assert.strictEqual(finding.severity, 'information');
      assert.match(finding.message, /`leads`/);
    });
  });

  describe('budget/sum', () => {
    it('flags over-allocation on the total', () => {
      const text = edit('  total: 100000', '  total: 90000');
      const finding = single(text, 'budget/sum');
      assert.strictEqual(covered(text, finding), '90000');
      assert.match(finding.message, /100,000 EUR, 10,000 more than the total of 90,000/);
    });
    it('flags under-allocation below 95 %', () => {
      assert.match(single(edit('  total: 100000', '  total: 110000'), 'budget/sum').message, /only 91 %/);
      assert.deepStrictEqual(ruleIds(check(edit('  total: 100000', '  total: 104000'))), []);
    });
  });

  describe('calendar/range', () => {
    it('flags swapped dates on the end', () => {
      const text = edit('    start: 2026-03-01\n    end: 2026-05-31', '    start: 2026-05-31\n    end: 2026-03-01');
      assert.strictEqual(covered(text, single(text, 'calendar/range')), '2026-03-01');
    });
    it('flags a date outside the period', () => {
      const text = edit('    end: 2026-05-31', '    end: 2027-01-15');
      assert.strictEqual(covered(text, single(text, 'calendar/range')), '2027-01-15');
    });
  });

  describe('plan/period', () => {
    it('flags a period that ends before it starts', () => {
      const text = edit('  end: 2026-12-31', '  end: 2025-12-31');
      assert.strictEqual(covered(text, single(text, 'plan/period')), '2025-12-31');
    });
  });

  describe('messages', () => {
    it('follow the plan language', () => {
      const text = edit('language: en', 'language: ro').replace('    deadline: 2026-09-30\n', '');
      assert.match(single(text, 'smart/time-bound').message, /nu are `deadline`/);
    });
    it('follow the editor language when the plan has none', () => {
      const text = edit('language: en\n', '').replace('    deadline: 2026-09-30\n', '');
      assert.match(check(text, { editorLocale: 'ro-RO' })[0].message, /nu are `deadline`/);
      assert.match(check(text, { editorLocale: 'en-US' })[0].message, /has no `deadline`/);
    });
  });
});
