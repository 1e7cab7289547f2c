import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { planHints } from '../../server/src/core/features/hints';
import { planLenses } from '../../server/src/core/features/lens';
import type { PlanConfig } from '../../server/src/core/check/config';
import { memoryService, ROOT, replaceOnce } from '../helpers';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');
const FILE = '/plans/p.plan.yaml';

const edit = (from: string, to: string, text = CLEAN): string => replaceOnce(text, from, to);

/** Lenses as `text under the lens → title (→ text it reveals)`. */
function lenses(text: string, settings?: PlanConfig): string[] {
  const service = memoryService();
  const options = { settings };
  const found = planLenses({ ...service.snapshot(text, FILE), smart: service.check(text, FILE, options).smart, locale: service.snapshot(text, FILE, options).locale });
  return found.map((lens) => `${text.slice(lens.start, lens.end)} → ${lens.title}${lens.target ? ` → ${text.slice(lens.target.start, lens.target.end)}` : ''}`);
}

/** Hints as `the line up to the hint|label`. */
function hints(text: string, range?: { start: number; end: number }): string[] {
  const service = memoryService();
  return planHints({ ...service.snapshot(text, FILE), locale: service.snapshot(text, FILE).locale, ...range }).map((hint) => {
    const lineStart = text.lastIndexOf('\n', hint.offset - 1) + 1;
    return `${text.slice(lineStart, hint.offset)}|${hint.label}`;
  });
}

describe('code lenses', () => {
  it('scores each goal and sums the budget', () => {
    assert.deepStrictEqual(lenses(CLEAN), ['pipeline → SMART 5/5', 'cheaper-leads → SMART 5/5', 'budget → Allocated 100,000 of 100,000 EUR (100 %)']);
  });

  it('names the failing letters and reveals the first one', () => {
    const text = edit('    kpi: qualified-leads\n    baseline: 400\n    target: 520\n    deadline: 2026-09-30\n', '')
      .replace('    target: 50\n    deadline', '    target: 70\n    deadline')
      .replace('currency: EUR', 'currency: RON')
      .replace('  total: 100000', '  total: 50000')
      .replace('      amount: 40000', '      amount: 15200')
      .replace('      amount: 60000', '      amount: 22800');
    assert.deepStrictEqual(lenses(text), [
      'pipeline → SMART 3/5 — not measurable, not time-bound → pipeline',
      'cheaper-leads → SMART 4/5 — not achievable → 70',
      'budget → Allocated 38,000 of 50,000 RON (76 %)',
    ]);
  });

  it("speaks the plan's language and follows the rules' configuration", () => {
    const text = edit('language: en', 'language: ro').replace('    deadline: 2026-09-30\n', '').replace('    target: 520\n    deadline', '    deadline');
    assert.deepStrictEqual(lenses(text.replace('    owner: Ana Popescu\n', '')), [
      'pipeline → SMART 3/5 — nu este specific, nu este încadrat în timp → pipeline',
      'cheaper-leads → SMART 5/5',
      'budget → Alocat 100.000 din 100.000 EUR (100 %)',
    ]);
    assert.deepStrictEqual(lenses(edit('    deadline: 2026-09-30\n', ''), { rules: { 'smart/time-bound': 'off' } })[0], 'pipeline → SMART 5/5');
  });
});

describe('inlay hints', () => {
  it("shows each allocation's share and ROI, and each goal's annualised change as smart/achievable computes it", () => {
    // ROI = (return − cost) ÷ cost: (120,000 − 40,000) ÷ 40,000 = 200 %, (150,000 − 60,000) ÷ 60,000 = 150 %.
    assert.deepStrictEqual(hints(CLEAN), [
      '    target: 520|+40 %/yr',
      '    target: 50|−17 %/yr',
      '      amount: 40000|40 % · ROI 200 %',
      '      amount: 60000|60 % · ROI 150 %',
    ]);
  });

  it('agrees with smart/achievable on the change it reports', () => {
    const text = edit('    target: 520\n    deadline: 2026-09-30', '    target: 1400\n    deadline: 2026-09-30');
    assert.strictEqual(hints(text)[0], '    target: 1400|+334 %/yr');
    const finding = memoryService().check(text, FILE).findings.find((item) => item.ruleId === 'smart/achievable')!;
    assert.strictEqual(finding.params.annual, 334);
  });

  it('gives only the hints in the requested range', () => {
    const start = CLEAN.indexOf('    - channel: linkedin');
    assert.deepStrictEqual(hints(CLEAN, { start, end: start + 80 }), ['      amount: 60000|60 % · ROI 150 %']);
  });

  it('leaves out what cannot be computed, and formats numbers for the plan language', () => {
    const text = edit('language: en', 'language: ro').replace('      expectedReturn: 150000\n', '').replace('    deadline: 2026-09-30\n', '');
    assert.deepStrictEqual(hints(text), ['    target: 50|−17 %/an', '      amount: 40000|40 % · ROI 200 %', '      amount: 60000|60 %']);
  });
});
