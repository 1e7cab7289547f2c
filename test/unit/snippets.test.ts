/**
 * What a user inserts: the whole plans to start from, the whole sections of a template and the
 * item skeletons, served by the language server as completions in the plan's language (static
 * snippet files are per language id, and a Romanian plan must not be offered English text).
 */
import * as assert from 'assert';
import { parse } from 'yaml';
import { complete, type Completion } from '../../server/src/core/features/complete';
import { PLAN_TEMPLATES } from '../../server/src/core/features/templates';
import { formatMessage } from '../../server/src/core/base/messages';
import { EXPECTED_SECTIONS } from '../../server/src/core/model/templates';
import type { Locale } from '../../server/src/core/base/types';
import { check, memoryService } from '../helpers';

/** The text a snippet inserts when every tab stop keeps its default (the first choice of a choice). */
function expand(body: string): string {
  let text = body.replace(/\$\{CURRENT_YEAR\}/g, '2026');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
  }
  return text.replace(/\$\d+/g, '').replace(/\\\$/g, '$');
}

function completionsAt(text: string, locale: Locale, offset = text.length): Completion[] {
  const analysis = memoryService().snapshot(text, '/plans/p.plan.yaml');
  return complete({ text, offset, analysis, linked: [], t: (id, params) => formatMessage(locale, id, params), locale });
}

describe('snippets', () => {
  for (const locale of ['en', 'ro'] as const) {
    it(`offers the two whole plans in an empty file, in ${locale}`, () => {
      const offered = completionsAt('', locale).filter((item) => item.kind === 'snippet');
      assert.deepStrictEqual(offered.map((item) => item.label), [formatMessage(locale, 'editor.planTemplate.marketing'), formatMessage(locale, 'editor.planTemplate.sales')]);
      assert.deepStrictEqual(offered.map((item) => item.insertText), [PLAN_TEMPLATES[locale].marketing, PLAN_TEMPLATES[locale].sales]);
    });

    it(`gives whole plans with no findings once their defaults are kept, in ${locale}`, () => {
      for (const kind of ['marketing', 'sales'] as const) {
        const text = expand(PLAN_TEMPLATES[locale][kind]);
        const findings = memoryService().check(text, '/plans/p.plan.yaml');
        assert.deepStrictEqual(findings.findings.map((finding) => `${finding.ruleId}: ${finding.message}`), [], `${locale} ${kind}`);
        assert.strictEqual(findings.locale, locale, 'the template says its language');
      }
    });

    it(`offers each missing section whole, and the sections the schema accepts, in ${locale}`, () => {
      for (const kind of ['marketing', 'sales'] as const) {
        const header = `kind: ${kind}\ntitle: T\nperiod: {start: 2026-01-01, end: 2026-12-31}\ncurrency: EUR\nlanguage: ${locale}\n`;
        const sections = completionsAt(header, locale).filter((item) => item.kind === 'snippet');
        assert.deepStrictEqual(sections.map((item) => item.label), [...EXPECTED_SECTIONS[kind]], kind);
        for (const section of sections) {
          assert.strictEqual(section.detail, formatMessage(locale, 'editor.sectionSkeleton', { section: section.label }));
          const text = `${header}${expand(section.insertText)}\n`;
          assert.doesNotThrow(() => parse(text), section.label);
          const broken = check(text).filter((finding) => finding.ruleId.startsWith('schema/') || finding.ruleId === 'yaml/syntax');
          assert.deepStrictEqual(broken.map((finding) => finding.message), [], `${kind} ${section.label}`);
          if (locale === 'ro') assert.doesNotMatch(section.insertText, /TODO|goal-1|objective-1|strategy-1/, `${section.label} is written in Romanian`);
        }
        const withSummary = completionsAt(`${header}summary: S\n`, locale).filter((item) => item.kind === 'snippet');
        assert.ok(!withSummary.some((item) => item.label === 'summary'), 'a section already there is not offered');
      }
    });
  }

  it('offers no whole plan once the plan has a kind', () => {
    assert.ok(!completionsAt('kind: marketing\n', 'ro').some((item) => item.label === formatMessage('ro', 'editor.planTemplate.marketing')));
  });

  it('gives a SMART goal and a KPI that fit their lists, with placeholders in the plan language', () => {
    const text = 'kind: sales\ntitle: T\nlanguage: ro\nperiod: {start: 2026-01-01, end: 2026-12-31}\nkpis:\n  - ';
    const [kpi] = completionsAt(text, 'ro').filter((item) => item.kind === 'snippet');
    assert.match(kpi.insertText, /^id: \$\{1:kpi-nou\}\n {2}name: \$\{2:Numele KPI-ului\}/);
    const goals = `kind: sales\ntitle: T\nlanguage: ro\nperiod: {start: 2026-01-01, end: 2026-12-31}\ngoals:\n  - `;
    const [goal] = completionsAt(goals, 'ro').filter((item) => item.kind === 'snippet');
    assert.match(goal.insertText, /statement: \$\{2:Creșterea veniturilor cu 15 % prin vânzare ghidată\}/, 'the example of a sales plan');
    assert.match(goal.insertText, /owner: \$\{7:Nume\}/);
    const plan = `kind: marketing\ntitle: T\nperiod: {start: 2026-01-01, end: 2026-12-31}\nkpis:\n  - ${expand(kpi.insertText).replace(/\n/g, '\n  ')}\ngoals:\n  - ${expand(goal.insertText).replace(/\n/g, '\n  ')}\n`;
    const broken = check(plan).filter((finding) => finding.ruleId.startsWith('schema/') || finding.ruleId === 'yaml/syntax');
    assert.deepStrictEqual(broken.map((finding) => finding.message), []);
  });
});
