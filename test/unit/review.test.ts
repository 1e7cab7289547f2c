/**
 * A senior planner's eye (issue 13): findings that say how to fix what they report, one finding
 * per root cause, consistency between goals and KPIs, a plan judged against today, and a
 * draft that is helped rather than buried.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { en } from '../../server/src/core/base/messages/en';
import { formatMessage } from '../../server/src/core/base/messages';
import { hover } from '../../server/src/core/features/hover';
import { complete } from '../../server/src/core/features/complete';
import { renderText } from '../../server/src/core/render';
import type { Finding } from '../../server/src/core/base/types';
import { check, covered, memoryService, ROOT, yaml, applyEdits, replaceOnce } from '../helpers';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

/** The clean plan with one unique piece of text replaced. */
const edit = (from: string, to: string, text = CLEAN): string => replaceOnce(text, from, to);


function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId);
}

function single(text: string, ruleId: string, options: { today?: string } = {}): Finding {
  const findings = check(text, options);
  const matching = only(findings, ruleId);
  assert.strictEqual(matching.length, 1, `one ${ruleId} expected, got: ${findings.map((f) => `${f.ruleId} ${f.message}`).join(' | ')}`);
  return matching[0];
}

const SALES_TAIL = [
  'segments: [{ id: ports, name: Port forwarders }]',
  'offering: [{ id: tracking, name: Container tracking }]',
  'strategies: [{ id: events, name: Port events, type: acquisition, goals: [g], segments: [ports] }]',
  'team: [{ id: lead, role: Head of sales, count: 1 }]',
  'tactics: [{ name: Demos, methodology: Consultative selling }]',
  'forecast: { method: manual, projections: [{ period: 2026, revenue: 100 }] }',
  'territories: [{ id: black-sea, name: Black Sea, owner: lead }]',
  'training: [{ id: basics, name: Basics, audience: lead, cadence: Yearly }]',
];

/** A complete sales plan with these KPIs and goals (the first goal is `g`, which the strategy lists). */
function salesPlan(kpis: string[], goals: string[], header: string[] = []): string {
  return yaml(
    'kind: sales',
    ...header,
    'title: Tidewater Freight',
    'owner: Dana Ilie',
    'period: { start: 2026-01-01, end: 2026-12-31 }',
    'currency: EUR',
    'summary: Sell tracking to forwarders.',
    'objectives: [{ id: port-leader, statement: Become the tool every forwarder uses }]',
    'kpis:',
    ...kpis.map((kpi) => `  - ${kpi}`),
    'goals:',
    ...goals.map((goal) => `  - ${goal}`),
    ...SALES_TAIL,
  );
}

const REVENUE = '{ id: revenue, name: Revenue, metric: revenue, baseline: 4000000, target: 5200000, frequency: monthly, source: Invoices }';
const goal = (fields: string, deadline = '2026-12-31') => `{ owner: Dana Ilie, supports: [port-leader], deadline: ${deadline}, ${fields} }`;

describe('review: a senior planner\'s eye', () => {
  it('the complete sales plan of these tests has no findings', () => {
    const text = salesPlan([REVENUE], [goal('id: g, statement: Reach 5.2 million EUR through 4 port events, kpi: revenue, target: 5200000')]);
    assert.deepStrictEqual(check(text, { today: '2026-01-01' }).map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  describe('status', () => {
    const draft = yaml(
      'kind: marketing',
      'status: draft',
      'title: Draft',
      'period: { start: 2026-01-01, end: 2026-12-31 }',
      'kpis: [{ id: leads, name: Leads, metric: leads, baseline: 10, target: 20 }]',
      'goals:',
      '  - { id: a, statement: Reach 20 leads through 2 clinic webinars, kpi: leads, target: 20, deadline: 2026-12-31, owner: Ana }',
      '  - { id: b, statement: Reach 15 leads through 1 partner clinic, kpi: no-such-kpi, target: 15, deadline: 2026-12-31, owner: Ana }',
    );

    it('in a draft, what is missing is a hint and what is wrong keeps its severity', () => {
      const severities = Object.fromEntries(check(draft).map((finding) => [finding.ruleId, finding.severity]));
      assert.strictEqual(severities['section/missing'], 'hint');
      assert.strictEqual(severities['kpi/incomplete'], 'hint');
      assert.strictEqual(severities['smart/relevant'], 'hint');
      assert.strictEqual(severities['ref/undefined'], 'error');
      const active = Object.fromEntries(check(draft.replace('status: draft\n', '')).map((finding) => [finding.ruleId, finding.severity]));
      assert.strictEqual(active['section/missing'], 'warning');
      assert.strictEqual(active['smart/relevant'], 'warning');
      // A rule turned off stays off in a draft.
      assert.ok(!check(draft, { settings: { rules: { 'section/missing': 'off' } } } as never).some((f) => f.ruleId === 'section/missing'));
    });

    it('an archived plan is checked for syntax only, and its goals are not judged', () => {
      const archived = draft.replace('status: draft', 'status: archived');
      assert.deepStrictEqual(check(archived, { today: '2027-06-01' }), []);
      const service = memoryService();
      const smart = service.check(archived, '/plans/a.plan.yaml').smart;
      assert.ok(smart.every((result) => result.letters.every((letter) => letter.pass && letter.off)));
      const broken = `${archived}title: Twice\n`;
      assert.deepStrictEqual(check(broken).map((f) => f.ruleId), ['yaml/syntax']);
    });

    it('completion offers `status` and its values, hover explains them, and the preview shows a badge', () => {
      const service = memoryService();
      const t = (id: keyof typeof en, params?: Record<string, string | number>) => formatMessage('en', id, params);
      const bare = 'kind: sales\ntitle: T\nperiod: { start: 2026-01-01, end: 2026-12-31 }\n\n';
      const keys = complete({ text: bare, offset: bare.length - 1, analysis: service.snapshot(bare, '/p/c.plan.yaml'), t, linked: [] });
      const status = keys.find((item) => item.label === 'status')!;
      assert.match(status.insertText, /status: \$\{1\|draft,review,approved,active,archived\|\}/);
      assert.match(status.documentation!, /In a `draft`, what is only missing/);
      const value = `${bare}status: dr\n`;
      const values = complete({ text: value, offset: value.length - 1, analysis: service.snapshot(value, '/p/c.plan.yaml'), t, linked: [] });
      assert.ok(values.some((item) => item.label === 'draft'));
      const checked = service.check(draft, '/p/d.plan.yaml');
      const onValue = hover({ analysis: checked, offset: draft.indexOf('draft') + 1, linked: [], t, smart: () => checked.smart, findings: () => checked.findings })!;
      assert.match(onValue.contents, /\*\*draft\*\*: being written/);
      const { html } = renderText(service, draft, '/p/d.plan.yaml', { editorLocale: 'ro' });
      assert.match(html, /<p class="plan-badges"><span class="badge badge-status badge-status-draft" title="Stadiu">Ciornă<\/span><\/p>/);
      assert.doesNotMatch(renderText(service, CLEAN, '/p/clean.plan.yaml').html, /badge-status/);
    });

    it('an unknown status is a schema/enum error, and the plan is checked as active', () => {
      const findings = check(draft.replace('status: draft', 'status: drafted'));
      assert.match(only(findings, 'schema/enum')[0].message, /did you mean `draft`/);
      assert.strictEqual(only(findings, 'section/missing')[0].severity, 'warning');
    });
  });

  describe('plan/stale', () => {
    const ended = salesPlan([REVENUE], [goal('id: g, statement: Reach 5.2 million EUR through 4 port events, kpi: revenue, target: 5200000')]).replace('2026-12-31 }', '2026-12-31 }');

    it('says nothing without a date: the core never reads the clock', () => {
      assert.deepStrictEqual(only(check(ended), 'plan/stale'), []);
    });

    it('notes a period that has ended once, on its end, with a fix that archives the plan', () => {
      const finding = single(ended, 'plan/stale', { today: '2027-03-01' });
      assert.strictEqual(finding.severity, 'information');
      assert.match(finding.message, /ended on 2026-12-31, 60 days before today \(2027-03-01\), yet the plan is still `active`/);
      const fixed = applyEdits(ended, finding.fixes![0].edits);
      assert.match(fixed, /\nstatus: archived\n/);
      assert.deepStrictEqual(check(fixed, { today: '2027-03-01' }), []);
      const draft = ended.replace('kind: sales\n', 'kind: sales\nstatus: draft\n');
      assert.match(single(draft, 'plan/stale', { today: '2027-03-01' }).message, /This draft plans a period that ended/);
    });

    it('notes each passed deadline inside a running period once its result is due (one measuring interval of its KPI later)', () => {
      const text = salesPlan([REVENUE], [
        goal('id: g, statement: Reach 5.2 million EUR through 4 port events, kpi: revenue, target: 5200000'),
        '{ id: spring, statement: Reach 1.5 million EUR by spring at 2 port fairs, kpi: revenue, baseline: 1000000, target: 1500000, deadline: 2026-03-31, owner: Dana, supports: [port-leader] }',
      ]);
      // Revenue is measured monthly: March's result is due a month after the deadline.
      assert.deepStrictEqual(only(check(text, { today: '2026-04-01' }), 'plan/stale'), [], 'the month of the deadline is not measured yet');
      assert.deepStrictEqual(only(check(text, { today: '2026-05-01' }), 'plan/stale'), [], 'the result is due on the day');
      const finding = single(text, 'plan/stale', { today: '2026-05-02' });
      assert.strictEqual(covered(text, finding), '2026-03-31');
      assert.match(finding.message, /passed 32 days ago/);
      assert.match(check(text, { today: '2026-05-02', editorLocale: 'ro' }).find((f) => f.ruleId === 'plan/stale')!.message, /a trecut acum 32 de zile/);
      // Measured yearly, the result waits a year; with no frequency, it is due at once.
      const yearly = text.replace('frequency: monthly', 'frequency: yearly');
      assert.deepStrictEqual(only(check(yearly, { today: '2026-12-01' }), 'plan/stale'), []);
      const unmeasured = text.replace('frequency: monthly, ', '');
      assert.match(single(unmeasured, 'plan/stale', { today: '2026-04-01' }).message, /passed 1 day ago/);
      assert.deepStrictEqual(only(check(unmeasured, { today: '2026-03-31' }), 'plan/stale'), [], 'a deadline that is today has not passed');
    });
  });

  describe('goal/kpi-target', () => {
    const kpis = [REVENUE, '{ id: accounts, name: Active accounts, unit: count, baseline: 85, target: 120, frequency: monthly, source: Billing }'];

    it('reads "win back 8" as a change, gives the level, and fixes the target; smart/achievable stays silent', () => {
      const text = salesPlan(kpis, [goal('id: g, statement: Reach 5.2 million EUR through 4 port events, kpi: revenue, target: 5200000'), goal('id: win-back, statement: Win back 8 lost accounts with a reactivation offer, kpi: accounts, target: 8', '2026-06-30')]);
      const finding = single(text, 'goal/kpi-target');
      assert.match(finding.message, /the statement says “back 8”.*that level is 93: write `target: 93`/);
      assert.ok(!check(text).some((f) => f.ruleId === 'smart/achievable'), 'no "set direction: decrease" advice');
      const fixed = applyEdits(text, finding.fixes![0].edits);
      assert.match(fixed, /kpi: accounts, target: 93 \}/);
      assert.deepStrictEqual(only(check(fixed), 'goal/kpi-target'), []);
    });

    it('compares the only goal on a KPI with the KPI, with a fix for either number', () => {
      const text = salesPlan(kpis, [goal('id: g, statement: Reach 5 million EUR through 4 port events, kpi: revenue, target: 5000000')]);
      const finding = single(text, 'goal/kpi-target');
      assert.match(finding.message, /aims for 5,000,000 on `revenue` by the end of the plan, but the KPI aims for 5,200,000/);
      assert.deepStrictEqual(finding.fixes!.map((fix) => fix.messageId), ['fix.replace', 'fix.setKpiValue']);
      for (const fix of finding.fixes!) assert.deepStrictEqual(only(check(applyEdits(text, fix.edits)), 'goal/kpi-target'), []);
    });

    it('a part with its own baseline is fine; a part beyond the whole is not', () => {
      const whole = goal('id: g, statement: Reach 5.2 million EUR through 4 port events, kpi: revenue, target: 5200000');
      const part = goal('id: part, statement: Grow Constanța revenue from 1.5 to 2 million EUR, kpi: revenue, baseline: 1500000, target: 2000000');
      assert.deepStrictEqual(only(check(salesPlan(kpis, [whole, part])), 'goal/kpi-target'), []);
      const beyond = goal('id: alone, statement: Reach 6.5 million EUR from ports alone with 4 events, kpi: revenue, target: 6500000');
      assert.match(single(salesPlan(kpis, [whole, beyond]), 'goal/kpi-target').message, /more than the KPI's target of 5,200,000 for the whole plan: a part cannot exceed the whole/);
      // One cause, one finding: the growth the part implies (4 to 6.5 million in a year) comes from the same number.
      const fast = goal('id: alone, statement: Reach 9 million EUR from ports alone with 4 events, kpi: revenue, target: 9000000');
      assert.deepStrictEqual(check(salesPlan([REVENUE], [whole, fast])).map((f) => f.ruleId), ['goal/kpi-target']);
      const alone = check(salesPlan([REVENUE], [whole, fast.replace('target: 9000000', 'target: 5000000').replace('9 million', '5 million')]));
      assert.deepStrictEqual(alone.map((f) => f.ruleId), [], 'within the whole, nothing to say');
    });

    it('reads "add 25" as a change too, in English and in Romanian', () => {
      const partners = '{ id: partners, name: Installer partners, unit: count, baseline: 60, target: 85, frequency: monthly, source: Partner portal }';
      const whole = goal('id: g, statement: Reach 5.2 million EUR through 4 port events, kpi: revenue, target: 5200000');
      for (const statement of ['Add 25 installers to our referral network with a finder fee', 'Adăugăm 25 de instalatori în rețeaua de recomandări']) {
        const finding = single(salesPlan([REVENUE, partners], [whole, goal(`id: more, statement: ${statement}, kpi: partners, target: 25`)]), 'goal/kpi-target');
        assert.strictEqual(finding.messageId, 'goal/kpi-target.change');
        assert.match(finding.message, /that level is 85/);
      }
    });

    it('compares a goal naming several KPIs with the one its target fits, and says which', () => {
      const roi = '{ id: roi, name: Marketing ROI, metric: marketing-roi, baseline: 1.8, target: 2.4, frequency: quarterly, source: Finance }';
      const text = salesPlan([...kpis, roi], [goal('id: g, statement: Reach 6 million EUR at a marketing ROI of 2.4, kpi: [roi, revenue], target: 6000000', '2026-03-31')]);
      const finding = single(text, 'smart/achievable');
      assert.match(finding.message, /on `revenue`, the one of its KPIs its target fits \(4,000,000 → 6,000,000 by 2026-03-31\)/);
      assert.doesNotMatch(finding.message, /1\.8/);
    });
  });

  describe('kpi/range and values reported once', () => {
    it('a share over 100 % or a negative count is reported once, by kpi/range', () => {
      const text = salesPlan([REVENUE, '{ id: win, name: Win rate, metric: win-rate, baseline: 24, target: 130, frequency: monthly, source: CRM }'], [
        goal('id: g, statement: Reach 5.2 million EUR through 4 port events, kpi: revenue, target: 5200000'),
        goal('id: w, statement: Win 30 % of closed deals with demos on their containers, kpi: win, target: 30'),
      ]);
      const findings = check(text);
      assert.deepStrictEqual(findings.map((f) => f.ruleId), ['kpi/range']);
      assert.match(findings[0].message, /KPI `win` has a `target` of 130, but a share of a whole lies between 0 and 100 %/);
    });

    it('a baseline written as text is a schema error, not also a missing baseline', () => {
      const text = edit('    baseline: 400\n    target: 520\n    frequency', '    baseline: "400 leads"\n    target: 520\n    frequency').replace('    kpi: qualified-leads\n    baseline: 400\n', '    kpi: qualified-leads\n');
      const findings = check(text);
      assert.deepStrictEqual(findings.map((f) => f.ruleId), ['schema/type']);
      assert.match(findings[0].message, /must be a plain number, not `400 leads`: write 400/);
      assert.strictEqual(findings[0].fixes![0].safe, true);
    });
  });

  describe('smart/specific tells quantities from names', () => {
    const vague = (statement: string) => check(edit('Increase qualified leads 30 % through monthly clinic webinars', statement)).some((f) => f.ruleId === 'smart/specific');
    for (const statement of [
      'Increase brand awareness and grow the business in 2026',
      'Grow our B2B business with the Q3 campaign',
      'Drive significantly higher trial conversion with webinars',
      'Win more clinics at the 3rd Cluj medical fair',
      'Creștem semnificativ vânzările în 2027 prin degustări',
      'Vindem considerabil către lanțurile de cafenele din Oradea',
    ]) {
      it(`flags "${statement}"`, () => assert.ok(vague(statement)));
    }
    for (const statement of [
      'Double qualified leads through monthly clinic webinars',
      'Cut the cost per lead by half through webinars',
      'Increase qualified leads by two thirds through webinars',
      'Creștem de două ori lead-urile calificate prin webinarii',
      'Reducem abandonul cu o treime prin vizite trimestriale',
      'Increase qualified leads 30 % through monthly clinic webinars in 2026',
    ]) {
      it(`accepts "${statement}"`, () => assert.ok(!vague(statement)));
    }
  });

  describe('schema findings say what to write', () => {
    it('items written as names: one finding on the list, whose safe fix writes each as a group with a name', () => {
      const text = edit('  competitors:\n    - name: BookDoc\n      strengths: [Brand]\n      weaknesses: [Price]\n', '  competitors: [BookDoc, Doctolib, Calendly]\n');
      const finding = single(text, 'schema/type');
      assert.strictEqual(covered(text, finding), 'competitors');
      assert.strictEqual(finding.fixes![0].safe, true);
      const fixed = applyEdits(text, finding.fixes![0].edits);
      assert.match(fixed, /competitors: \[\{ name: BookDoc \}, \{ name: Doctolib \}, \{ name: Calendly \}\]/);
      assert.deepStrictEqual(check(fixed), []);
    });

    it('a comma that cut a text inside { } is a text to quote, not a key to prefix with x-', () => {
      const text = edit('    - persona: clinic-manager\n      message: Cut no-shows in half without hiring.\n', '    - { persona: clinic-manager, message: Fewer no-shows, more booked hours, less phone time }\n');
      const finding = single(text, 'schema/unknown-key');
      assert.doesNotMatch(finding.message, /x-/);
      assert.match(finding.message, /Put the whole text in quotes: `message: "Fewer no-shows, more booked hours, less phone time"`/);
      const fixed = applyEdits(text, finding.fixes![0].edits);
      assert.deepStrictEqual(check(fixed), []);
    });

    it('a section written as one number shows the fields it takes, and where the number goes', () => {
      const text = edit('budget:\n  total: 100000\n  allocations:\n    - channel: webinars\n      amount: 40000\n      expectedReturn: 120000\n    - channel: linkedin\n      amount: 60000\n      expectedReturn: 150000\n', 'budget: 100000\n');
      const finding = single(text, 'schema/type');
      assert.match(finding.message, /`budget` holds its fields on indented lines below it \(`total` and `allocations`\), not 100000: did you mean `budget: \{ total: 100000 \}`\?/);
      assert.match(single(applyEdits(text, finding.fixes![0].edits), 'budget/sum').message, /a total of 100,000 EUR but no `allocations`/);
    });

    it('a date in words gets the date it most likely means', () => {
      const finding = single(edit('    deadline: 2026-09-30', '    deadline: September 2026'), 'schema/format');
      assert.match(finding.message, /did you mean `2026-09-30`\?/);
      assert.strictEqual(finding.fixes![0].safe, false);
    });

    it('a team role of nobody is a schema/range error', () => {
      const text = salesPlan([REVENUE], [goal('id: g, statement: Reach 5.2 million EUR through 4 port events, kpi: revenue, target: 5200000')]).replace('count: 1', 'count: 0');
      assert.match(single(text, 'schema/range').message, /`count` must be at least 1, not 0/);
    });

    it('no English message names the parser\'s machinery', () => {
      for (const [id, text] of Object.entries(en)) assert.doesNotMatch(text, /\b(?:mapping|scalar|node)s?\b/i, id);
    });
  });

  describe('hover explains a finding with the plan\'s numbers', () => {
    it('on a goal flagged by smart/achievable: baseline, target, deadline and the annualised change', () => {
      const text = edit('    target: 520\n    deadline: 2026-09-30', '    target: 2000\n    deadline: 2026-09-30');
      const service = memoryService();
      const checked = service.check(text, '/plans/h.plan.yaml');
      const offset = text.indexOf('target: 2000') + 'target: '.length + 1;
      for (const locale of ['en', 'ro'] as const) {
        const result = hover({ analysis: checked, offset, linked: [], t: (id, params) => formatMessage(locale, id, params), smart: () => checked.smart, findings: () => checked.findings })!;
        const [first] = result.contents.split('\n\n');
        assert.match(first, /^`smart\/achievable`: /);
        assert.match(first, locale === 'en' ? /within 100 % a year\. Here 400 → 2,000 by 2026-09-30 is a change of 400 % in 0\.75 years, so 535 % a year\./ : /400 → 2\.000 până la 2026-09-30 înseamnă o schimbare de 400 % în 0,75 ani, deci 535 % pe an/);
      }
    });

    it('keeps the field documentation below the explanation, and says nothing where there is no finding', () => {
      const text = edit('    deadline: 2026-09-30\n', '');
      const service = memoryService();
      const checked = service.check(text, '/plans/h.plan.yaml');
      const t = (id: keyof typeof en, params?: Record<string, string | number>) => formatMessage('en', id, params);
      const onGoal = hover({ analysis: checked, offset: text.indexOf('id: pipeline') + 5, linked: [], t, smart: () => checked.smart, findings: () => checked.findings })!;
      assert.match(onGoal.contents, /^`smart\/time-bound`: A time-bound goal has a deadline inside the plan period, here 2026-01-01 – 2026-12-31\. Goal `pipeline` has none\./);
      assert.match(onGoal.contents, /\n\n---\n\n/);
      const elsewhere = hover({ analysis: checked, offset: text.indexOf('title:') + 2, linked: [], t, smart: () => checked.smart, findings: () => checked.findings })!;
      assert.doesNotMatch(elsewhere.contents, /`smart\//);
    });

    it('explains a finding of any rule: without an explanation of its own, by the rule\'s description in the plan\'s language', () => {
      const text = edit('      amount: 40000\n      expectedReturn: 120000', '      amount: 40000\n      expectedReturn: 30000');
      const checked = memoryService().check(text, '/plans/h.plan.yaml');
      const roi = checked.findings.find((finding) => finding.ruleId === 'economics/roi');
      assert.ok(roi, checked.findings.map((finding) => finding.ruleId).join(', '));
      for (const locale of ['en', 'ro'] as const) {
        const result = hover({ analysis: checked, offset: roi.start + 1, linked: [], locale, t: (id, params) => formatMessage(locale, id, params), smart: () => checked.smart, findings: () => checked.findings })!;
        assert.match(result.contents.split('\n\n')[0], locale === 'en' ? /^`economics\/roi`: A budget allocation's expected return is below its cost\.$/ : /^`economics\/roi`: \S.*\.$/);
        if (locale === 'ro') assert.doesNotMatch(result.contents.split('\n\n')[0], /expected return/);
      }
    });
  });
});
