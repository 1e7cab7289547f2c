import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { globSync } from 'tinyglobby';
import { disableLineEdit, SECTION_SKELETONS } from '../../server/src/core/rules/fixes';
import { parsePlan } from '../../server/src/core/parse/parse';
import { EXPECTED_SECTIONS } from '../../server/src/core/model/templates';
import type { Finding, Fix } from '../../server/src/core/base/types';
import { check, diskService, ROOT, yaml, applyEdits, replaceOnce } from '../helpers';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

/** The clean plan with one unique piece of text replaced. */
const edit = (from: string, to: string, text = CLEAN): string => replaceOnce(text, from, to);


const describeFinding = (finding: Finding) => `${finding.ruleId}: ${finding.message}`;

/** The one finding of a rule (whose message matches, when given). */
function findingOf(text: string, ruleId: string, message?: RegExp): Finding {
  const findings = check(text).filter((finding) => finding.ruleId === ruleId && (!message || message.test(finding.message)));
  assert.strictEqual(findings.length, 1, `one ${ruleId} expected in:\n${check(text).map(describeFinding).join('\n')}`);
  return findings[0];
}

/**
 * Applies a finding's fix and checks the result: the finding is gone, the YAML still parses
 * (no new syntax or schema problem), and nothing else that was there disappeared or changed.
 */
function applyFix(text: string, finding: Finding, fix: Fix, { allowNew = [] as string[] } = {}): string {
  const fixed = applyEdits(text, fix.edits);
  const after = check(fixed);
  assert.ok(!after.some((other) => other.ruleId === finding.ruleId && other.message === finding.message), `still there after the fix:\n${fixed}`);
  assert.deepStrictEqual(parsePlan(fixed).syntax, [], `the fixed text parses:\n${fixed}`);
  const before = new Set(check(text).map(describeFinding));
  const added = after.map(describeFinding).filter((line) => !before.has(line) && !allowNew.some((ruleId) => line.startsWith(`${ruleId}:`)));
  assert.deepStrictEqual(added, [], `no new findings:\n${fixed}`);
  return fixed;
}

function onlyFix(finding: Finding): Fix {
  assert.strictEqual(finding.fixes?.length, 1, `one fix on ${describeFinding(finding)}: ${JSON.stringify(finding.fixes)}`);
  return finding.fixes![0];
}

const TITLE = (fix: Fix) => `${fix.messageId} ${JSON.stringify(fix.params ?? {})}`;

/** The text after the fix of a rule's one finding (its only fix, else the one at `index`), checked by `applyFix`. */
function fixedBy(text: string, ruleId: string, options: { title?: string; index?: number; allowNew?: string[] } = {}): string {
  const finding = findingOf(text, ruleId);
  const fix = options.index === undefined ? onlyFix(finding) : finding.fixes![options.index];
  if (options.title !== undefined) assert.strictEqual(TITLE(fix), options.title);
  return applyFix(text, finding, fix, options);
}

describe('fixes', () => {
  describe('section/missing', () => {
    it('inserts a missing section after the previous section of the template, in the plan indentation', () => {
      const text = edit('calendar:\n  - id: spring-series\n    name: Spring webinar series\n    start: 2026-03-01\n    end: 2026-05-31\n    channels: [webinars]\n    goals: [pipeline]\n', '');
      const finding = findingOf(text, 'section/missing');
      const fix = onlyFix(finding);
      assert.strictEqual(TITLE(fix), 'fix.addSection {"section":"calendar"}');
      const fixed = applyFix(text, finding, fix);
      assert.ok(
        fixed.includes(
          '      expectedReturn: 150000\ncalendar:\n  - id: activity-1\n    name: TODO\n    start: 2026-01-01\n    end: 2026-12-31\n    channels: []\n    goals: [pipeline]\nchannels:\n',
        ),
        fixed,
      );
    });

    it('fills a bare plan section by section until the template is complete, with valid skeletons', () => {
      for (const kind of ['marketing', 'sales'] as const) {
        let text = yaml(`kind: ${kind}`, 'title: Bare', 'period: { start: 2026-01-01, end: 2026-12-31 }', 'currency: EUR', 'kpis:', '  - { id: leads, name: Leads, metric: leads, target: 1, frequency: monthly, source: CRM }');
        for (let round = 0; round < 20; round++) {
          const missing = check(text).filter((finding) => finding.ruleId === 'section/missing');
          if (missing.length === 0) break;
          // One finding names every missing section; its fixes add them all, or one at a time (here: the first).
          assert.strictEqual(missing.length, 1);
          const oneSection = missing[0].fixes!.find((fix) => fix.messageId === 'fix.addSection')!;
          text = applyFix(text, missing[0], oneSection, { allowNew: ['smart/specific', 'smart/relevant', 'kpi/missing', 'section/missing', 'budget/sum'] });
        }
        assertComplete(kind, text);
      }
    });

    it('adds every missing section at once, each where the template puts it', () => {
      for (const kind of ['marketing', 'sales'] as const) {
        const text = yaml(`kind: ${kind}`, 'title: Bare', 'period: { start: 2026-01-01, end: 2026-12-31 }', 'currency: EUR', 'kpis:', '  - { id: leads, name: Leads, metric: leads, target: 1, frequency: monthly, source: CRM }');
        const finding = findingOf(text, 'section/missing');
        assert.strictEqual(finding.messageId, 'section/missing.several');
        assert.strictEqual(finding.fixes![0].messageId, 'fix.addSections');
        assert.strictEqual(finding.fixes!.length, EXPECTED_SECTIONS[kind].length + 1, 'one fix for all, then one per section');
        assertComplete(kind, applyFix(text, finding, finding.fixes![0], { allowNew: ['smart/specific', 'smart/relevant', 'kpi/missing', 'budget/sum'] }));
      }
      // Sections that go to the same place keep the template's order, in the plan's style.
      const styled = ['kind: sales', 'title: Styled', 'period:', '    start: 2026-01-01', '    end: 2026-12-31', '', 'summary: Sell more.', ''].join('\r\n');
      const all = findingOf(styled, 'section/missing').fixes![0];
      const fixed = applyEdits(styled, all.edits);
      assert.ok(fixed.includes('summary: Sell more.\r\n\r\ngoals:\r\n'), fixed);
      assert.ok(fixed.indexOf('\r\nsegments:') < fixed.indexOf('\r\noffering:') && fixed.indexOf('\r\nforecast:') < fixed.indexOf('\r\ntraining:'), fixed);
    });

    function assertComplete(kind: 'marketing' | 'sales', text: string): void {
      const findings = check(text);
      assert.deepStrictEqual(findings.filter((finding) => /^(section|schema|yaml|ref)\//.test(finding.ruleId)).map(describeFinding), [], text);
      const order = Object.keys(parsePlan(text).value as object);
      assert.deepStrictEqual(
        order.filter((key) => EXPECTED_SECTIONS[kind].includes(key)),
        [...EXPECTED_SECTIONS[kind]],
        `sections in the template's order:\n${text}`,
      );
    }

    it('has a skeleton for every expected section, in the template order', () => {
      for (const kind of ['marketing', 'sales'] as const) {
        const keys = Object.keys(SECTION_SKELETONS[kind]);
        assert.deepStrictEqual(keys.filter((key) => EXPECTED_SECTIONS[kind].includes(key)), [...EXPECTED_SECTIONS[kind]]);
      }
    });

    it('follows the plan style: 4-space indentation, unindented lists, blank lines between sections, CRLF', () => {
      const text = [
        'kind: sales',
        'title: Styled',
        'period:',
        '    start: 2026-01-01',
        '    end: 2026-12-31',
        '',
        'summary: Sell more.',
        '',
        'goals:',
        '- id: revenue',
        '  statement: Win 12 hotel contracts through 2 trade fairs and referrals',
        '',
      ].join('\r\n');
      const finding = check(text).find((item) => item.ruleId === 'section/missing' && /`segments`/.test(item.message))!;
      const segments = finding.fixes!.find((fix) => fix.messageId === 'fix.addSection' && fix.params?.section === 'segments')!;
      const fixed = applyEdits(text, segments.edits);
      assert.ok(
        fixed.includes(
          [
            '  statement: Win 12 hotel contracts through 2 trade fairs and referrals',
            '',
            'segments:',
            '- id: segment-1',
            '  name: TODO',
            '  description: TODO',
            '  idealCustomer:',
            '      industry: TODO',
            '      size: TODO',
            '      region: TODO',
            '      traits: []',
            '',
          ].join('\r\n'),
        ),
        JSON.stringify(fixed),
      );
      assert.deepStrictEqual(parsePlan(fixed).syntax, []);
    });

    it('adds `swot` inside `market`, in a block or a flow mapping', () => {
      const block = edit('  swot:\n    strengths: [Fast onboarding]\n    weaknesses: [Small sales team]\n    opportunities: [Regulation pushes digital records]\n    threats: [Large suites bundling scheduling]\n', '');
      const fixed = fixedBy(block, 'section/missing', { title: 'fix.addKeys {"keys":"`swot`"}' });
      assert.ok(fixed.includes('      weaknesses: [Price]\n  swot:\n    strengths: []\n    weaknesses: []\n    opportunities: []\n    threats: []\npersonas:'), fixed);

      const flow = edit(block.slice(block.indexOf('market:'), block.indexOf('personas:')), 'market: { analysis: Clinics book by phone. }\n', block);
      const flowFixed = fixedBy(flow, 'section/missing');
      assert.ok(flowFixed.includes('market: { analysis: Clinics book by phone., swot: { strengths: [], weaknesses: [], opportunities: [], threats: [] } }\n'), flowFixed);
    });

    it('adds the missing Ps of `mix`, and fills a blank one in place', () => {
      const text = edit('  price: 49 EUR per doctor per month.\n  place: Online, self-serve.\n', "  price: ''\n");
      const fixed = fixedBy(text, 'section/missing', { title: 'fix.addKeys {"keys":"`price: TODO` and `place: TODO`"}' });
      assert.ok(fixed.includes('mix:\n  product: Scheduling app with reminders.\n  price: TODO\n  promotion: Webinars and LinkedIn.\n  place: TODO\nbudget:'), fixed);
    });
  });

  describe('smart/measurable', () => {
    it("adds the goal's missing fields: the plan's first KPI (whose baseline counts) and a target", () => {
      const text = edit('    kpi: qualified-leads\n    baseline: 400\n    target: 520\n', '');
      // The target starts as the KPI's, so that the goal and its KPI agree (goal/kpi-target).
      const fixed = fixedBy(text, 'smart/measurable', { title: 'fix.addKeys {"keys":"`kpi: qualified-leads` and `target: 520`"}' });
      assert.ok(fixed.includes('    supports: [clinic-demand]\n    kpi: qualified-leads\n    target: 520\n  - id: cheaper-leads'), fixed);
    });

    it('adds a baseline of 0 when no KPI gives one', () => {
      const text = edit('    kpi: cpl\n    target: 50\n', '').replace('    metric: leads\n    baseline: 400\n', '    metric: leads\n');
      fixedBy(text, 'smart/measurable', { title: 'fix.addKeys {"keys":"`kpi: qualified-leads`, `baseline: 0` and `target: 520`"}' });
    });

    it('fills a blank target in place', () => {
      const text = edit('    baseline: 400\n    target: 520\n    deadline', '    baseline: 400\n    target:\n    deadline');
      const fixed = fixedBy(text, 'smart/measurable');
      assert.ok(fixed.includes('    baseline: 400\n    target: 520\n    deadline: 2026-09-30\n'), fixed);
    });
  });

  it('smart/time-bound: sets a missing deadline to the end of the period', () => {
    const text = edit('    deadline: 2026-09-30\n', '');
    const fixed = fixedBy(text, 'smart/time-bound', { title: 'fix.addKeys {"keys":"`deadline: 2026-12-31`"}' });
    assert.ok(fixed.includes('    supports: [clinic-demand]\n    deadline: 2026-12-31\n  - id: cheaper-leads'), fixed);
  });

  describe('kpi/incomplete', () => {
    it('adds the missing fields of a block KPI', () => {
      const text = edit('    frequency: monthly\n    source: Ads spend over HubSpot leads\n', '');
      const fixed = fixedBy(text, 'kpi/incomplete', { title: 'fix.addKeys {"keys":"`frequency: monthly` and `source: TODO`"}' });
      assert.ok(fixed.includes('    target: 50\n    frequency: monthly\n    source: TODO\ngoals:'), fixed);
    });

    it('adds them inside a flow KPI', () => {
      const text = yaml(
        'kind: sales',
        'title: Flow',
        'period: { start: 2026-01-01, end: 2026-12-31 }',
        'kpis:',
        '  - { id: revenue, name: Revenue, metric: revenue, baseline: 10 }',
      );
      const fixed = fixedBy(text, 'kpi/incomplete');
      assert.ok(fixed.includes('  - { id: revenue, name: Revenue, metric: revenue, baseline: 10, target: 0, frequency: monthly, source: TODO }\n'), fixed);
    });
  });

  describe('ref/undefined', () => {
    it('offers the nearest id first, then "Create KPI"', () => {
      const text = edit('    kpi: cpl\n', '    kpi: cpll\n');
      const finding = findingOf(text, 'ref/undefined');
      assert.deepStrictEqual(finding.fixes!.map(TITLE), ['fix.replace {"text":"cpl"}', 'fix.createKpi {"id":"cpll"}']);
      assert.strictEqual(finding.fixes![0].safe, undefined, 'a reference may be meant to be new: not a safe fix');
      const fixed = fixedBy(text, 'ref/undefined', { index: 1 });
      assert.ok(fixed.includes('    source: Ads spend over HubSpot leads\n  - id: cpll\n    name: TODO\n    unit: count\n    baseline: 0\n    target: 50\n    frequency: monthly\n    source: TODO\ngoals:'), fixed);
    });

    it('names a catalog KPI after the catalog, appends to flow lists, and creates `kpis` when there is none', () => {
      const base = ['kind: sales', 'title: Refs', 'period: { start: 2026-01-01, end: 2026-12-31 }', 'summary: Sell.'];
      const goal = ['goals:', '  - { id: more, statement: Win 12 hotel contracts through 2 trade fairs, kpi: win-rate, target: 30, baseline: 20, deadline: 2026-12-31, owner: Ana, supports: [] }'];
      const absent = yaml(...base, ...goal);
      const created = fixedBy(absent, 'ref/undefined', { index: 0 });
      assert.ok(
        created.includes('summary: Sell.\nkpis:\n  - id: win-rate\n    name: Win rate\n    metric: win-rate\n    baseline: 20\n    target: 30\n    frequency: monthly\n    source: TODO\ngoals:'),
        created,
      );

      const flowList = yaml(...base, 'kpis: [{ id: revenue, name: Revenue, metric: revenue, target: 1, frequency: monthly, source: CRM }]', ...goal);
      const appended = fixedBy(flowList, 'ref/undefined', { index: 0 });
      assert.ok(appended.includes('source: CRM }, { id: win-rate, name: Win rate, metric: win-rate, baseline: 20, target: 30, frequency: monthly, source: TODO }]\n'), appended);

      const empty = yaml(...base, 'kpis: []', ...goal);
      const filled = fixedBy(empty, 'ref/undefined', { index: 0 });
      assert.ok(filled.includes('kpis: [{ id: win-rate, name: Win rate, metric: win-rate, baseline: 20, target: 30, frequency: monthly, source: TODO }]\n'), filled);
    });

    it('offers no "Create KPI" for other kinds of reference', () => {
      const finding = findingOf(edit('    channels: [webinars]\n    goals: [pipeline]', '    channels: [webinar]\n    goals: [pipeline]'), 'ref/undefined');
      assert.deepStrictEqual(finding.fixes!.map(TITLE), ['fix.replace {"text":"webinars"}']);
    });
  });

  it('calendar/range: swaps reversed dates (a safe, preferred fix)', () => {
    const text = edit('    start: 2026-03-01\n    end: 2026-05-31\n', '    start: 2026-05-31\n    end: 2026-03-01\n');
    const finding = findingOf(text, 'calendar/range');
    const fix = onlyFix(finding);
    assert.deepStrictEqual([TITLE(fix), fix.safe, fix.preferred], ['fix.swapDates {}', true, true]);
    const fixed = applyFix(text, finding, fix);
    assert.strictEqual(fixed, CLEAN);
  });

  it('marks schema replacements safe, and unknown keys and enums preferred', () => {
    const cases: [string, string, string, boolean][] = [
      ['    type: online\n    kpis: [qualified-leads]', '    typ: online\n    kpis: [qualified-leads]', 'schema/unknown-key', true],
      ['    frequency: monthly\n    source: HubSpot', '    frequency: montly\n    source: HubSpot', 'schema/enum', true],
      ['currency: EUR', 'currency: eur', 'schema/format', false],
    ];
    for (const [from, to, ruleId, preferred] of cases) {
      const text = edit(from, to);
      const finding = findingOf(text, ruleId);
      const fix = onlyFix(finding);
      assert.deepStrictEqual([fix.safe, fix.preferred], [true, preferred], ruleId);
      assert.strictEqual(applyFix(text, finding, fix), CLEAN);
    }
  });

  it('every fix on the scenarios and examples removes its finding and keeps the YAML valid', () => {
    const files = globSync(['test/scenarios/**/*.plan.{yaml,yml}', 'examples/**/*.plan.{yaml,yml}'], { cwd: ROOT, absolute: true, dot: true });
    let tried = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const findings = diskService().check(text, file).findings;
      const count = (list: Finding[], finding: Finding) => list.filter((other) => other.ruleId === finding.ruleId && other.message === finding.message).length;
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          tried++;
          const fixed = applyEdits(text, fix.edits);
          const after = diskService().check(fixed, file).findings;
          const where = `${path.relative(ROOT, file)}: ${TITLE(fix)}`;
          assert.ok(count(after, finding) < count(findings, finding), `${where} leaves ${describeFinding(finding)}`);
          assert.strictEqual(parsePlan(fixed).syntax.length, parsePlan(text).syntax.length, `${where} breaks the YAML`);
        }
      }
    }
    assert.ok(tried >= 40, `only ${tried} fixes found`);
  });

  describe('disable comments', () => {
    it('inserts `# plan-disable-next-line RULE` above the line, indented like it, and it silences the finding', () => {
      const text = edit('    deadline: 2026-09-30\n', '');
      const finding = findingOf(text, 'smart/time-bound');
      const insert = disableLineEdit(parsePlan(text), finding.start, 'smart/time-bound')!;
      const fixed = applyEdits(text, [insert]);
      assert.ok(fixed.includes('goals:\n  # plan-disable-next-line smart/time-bound\n  - id: pipeline\n'), fixed);
      assert.deepStrictEqual(check(fixed).map(describeFinding), []);
    });

    it('adds the rule to a directive already above the line, before its reason', () => {
      const text = edit('    deadline: 2026-09-30\n', '').replace('  - id: pipeline\n', '  # plan-disable-next-line smart/specific -- agreed with the board\n  - id: pipeline\n');
      const finding = findingOf(text, 'smart/time-bound');
      const fixed = applyEdits(text, [disableLineEdit(parsePlan(text), finding.start, 'smart/time-bound')!]);
      assert.ok(fixed.includes('  # plan-disable-next-line smart/specific, smart/time-bound -- agreed with the board\n  - id: pipeline\n'), fixed);
      assert.deepStrictEqual(check(fixed).map(describeFinding), []);
    });

    it('does not put a comment inside a block scalar', () => {
      const text = yaml('kind: marketing', 'summary: |', '  First line', '  Second line');
      assert.strictEqual(disableLineEdit(parsePlan(text), text.indexOf('Second'), 'yaml/syntax'), undefined);
    });
  });
});
