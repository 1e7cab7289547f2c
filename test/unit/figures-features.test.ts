/** The plan's figures in hovers and inlay hints, on plans whose figures are computed by hand (test/fixtures/figures/small.ts). */
import * as assert from 'assert';
import { formatMessage } from '../../server/src/core/base/messages';
import { hover } from '../../server/src/core/features/hover';
import { planHints } from '../../server/src/core/features/hints';
import { memoryService } from '../helpers';
import { SMALL_FILES, SMALL_MARKETING, SMALL_SALES, SMALL_TODAY } from '../fixtures/figures/small';

const SALES = '/plans/sales.plan.yaml';
const MARKETING = '/plans/marketing.plan.yaml';

function snapshot(file: string, text: string, files: Record<string, string>, today: string | undefined) {
  return memoryService(files).snapshot(text, file, { today });
}

/** The hover at the first occurrence of `needle` (the cursor at its last character), as markdown. */
function hoverAt(file: string, text: string, needle: string, files = SMALL_FILES, today = SMALL_TODAY): string | undefined {
  const at = text.indexOf(needle);
  assert.ok(at !== -1, `${needle} is in the plan`);
  // An empty date is none: progress is not judged.
  const plan = snapshot(file, text, files, today || undefined);
  return hover({ analysis: plan, offset: at + needle.length - 1, linked: plan.linked, t: (id, params) => formatMessage(plan.locale, id, params), smart: () => [], figures: plan.figures, locale: plan.locale })?.contents;
}

/** Hints as `the line up to the hint|label`. */
function hints(file: string, text: string, files = SMALL_FILES): string[] {
  return planHints(snapshot(file, text, files, SMALL_TODAY)).map((hint) => `${text.slice(text.lastIndexOf('\n', hint.offset - 1) + 1, hint.offset)}|${hint.label}`);
}

describe('figures in hovers', () => {
  it('shows the funnel, the forecast band and the actuals on the revenue target', () => {
    assert.strictEqual(
      hoverAt(SALES, SMALL_SALES, 'metric: revenue, baseline: 800000, target: 1050000'),
      [
        // 1,800 × 10 % × 5,000 = 900,000: 150,000 (14.3 %) short of 1,050,000.
        '**Funnel across the aligned plans**: 1,800 leads × 10 % conversion × 5,000 EUR average deal size = 900,000 EUR.',
        '150,000 EUR (14.3 %) short of the revenue target of 1,050,000 EUR. Alone, each lever would need 2,100 leads, or a 11.67 % conversion rate, or a 5,834 EUR deal size.',
        // OLS through 700,000, 820,000, 900,000: 606,666.67 + 100,000 t, 1,006,666.67 at t = 4; σ² = 266,666,666.67 (1 df),
        // prediction sd = √(σ² × (1 + 1/3 + 4/2)) = 29,814.24; t(0.9, 1) = 3.0777, t(0.975, 1) = 12.7062.
        '**Forecast for 2026** (linear trend): 1,006,667 EUR; 80 % interval 914,908 EUR – 1,098,425 EUR, 95 % interval 627,841 EUR – 1,385,493 EUR.',
        'The revenue target of 1,050,000 EUR is a best case: above the forecast of 1,006,667 EUR, within the upper 80 % bound of 1,098,425 EUR.',
        '**Actuals**: none yet in actuals.csv.',
      ].join('\n\n'),
    );
  });

  it('shows the same on a goal target on the revenue KPI, and the funnel on the leads target of the aligned plan', () => {
    const goal = hoverAt(SALES, SMALL_SALES, '    target: 1050000')!;
    assert.match(goal, /^\*\*Funnel across the aligned plans\*\*: 1,800 leads/);
    assert.match(goal, /is a best case/);
    assert.doesNotMatch(goal, /Actuals/, 'actuals are shown on the KPI, not on a goal');
    assert.strictEqual(
      hoverAt(MARKETING, SMALL_MARKETING, 'target: 1800'),
      '**Funnel across the aligned plans**: 1,800 leads × 10 % conversion × 5,000 EUR average deal size = 900,000 EUR.\n\n' +
        '150,000 EUR (14.3 %) short of the revenue target of 1,050,000 EUR. Alone, each lever would need 2,100 leads, or a 11.67 % conversion rate, or a 5,834 EUR deal size.',
    );
  });

  it("shows a KPI's latest actual and status on its id and its target", () => {
    // 8.6 at 30 June: (8.6 − 8) ÷ (10 − 8) = 30 % of the way; 180 of 364 days = 49 % due; the path at 8 + 0.4945 × 2 = 8.99.
    const expected = '**Actuals**: 8.6 % in 2026-Q2, off track.\n\n30 % of the way to the target, where 49 % was due by then (the straight path stands at 8.99 %).';
    assert.strictEqual(hoverAt(SALES, SMALL_SALES, 'metric: conversion-rate, baseline: 8, target: 10'), expected);
    const onId = hoverAt(SALES, SMALL_SALES, '{ id: conversion')!;
    assert.ok(onId.startsWith('**Conversion** `conversion`'), onId);
    assert.ok(onId.endsWith(`\n\n${expected}`), onId);
  });

  it("shows an allocation's ROI as (return − cost) ÷ cost on its expected return", () => {
    assert.strictEqual(hoverAt(MARKETING, SMALL_MARKETING, 'expectedReturn: 120000'), '**ROI** 200 %: (120,000 − 40,000) ÷ 40,000.');
    assert.strictEqual(hoverAt(MARKETING, SMALL_MARKETING, 'expectedReturn: 20000'), '**ROI** -20 %: (20,000 − 25,000) ÷ 25,000.');
  });

  it('says nothing of figures that cannot be made, and speaks the plan language', () => {
    // Without the marketing plan there is no funnel; without today's date, no status.
    const alone = { '/plans/actuals.csv': SMALL_FILES['/plans/actuals.csv'] };
    assert.match(hoverAt(SALES, SMALL_SALES, 'metric: revenue, baseline: 800000, target: 1050000', alone)!, /^\*\*Forecast for 2026\*\*/);
    assert.strictEqual(hoverAt(SALES, SMALL_SALES, 'metric: conversion-rate, baseline: 8, target: 10', SMALL_FILES, ''), undefined);
    const ro = SMALL_MARKETING.replace('currency: EUR', 'currency: EUR\nlanguage: ro');
    assert.strictEqual(hoverAt(MARKETING, ro, 'expectedReturn: 120000', { ...SMALL_FILES, [MARKETING]: ro }), '**ROI** 200 %: (120.000 − 40.000) ÷ 40.000.');
    assert.strictEqual(
      hoverAt(MARKETING, ro, 'target: 1800', { ...SMALL_FILES, [MARKETING]: ro }),
      '**Pâlnia de vânzări peste planurile aliniate**: clienți potențiali 1.800 × rata de conversie 10 % × valoarea medie a tranzacției 5.000 EUR = 900.000 EUR.\n\n' +
        'Lipsesc 150.000 EUR (14,3 %) până la ținta de venituri de 1.050.000 EUR. Singură, fiecare pârghie ar cere: clienți potențiali 2.100, o rată de conversie de 11,67 % sau o valoare medie a tranzacției de 5.834 EUR.',
    );
  });
});

describe('figures in inlay hints', () => {
  it('shows CLV : CAC after the CLV target, the payback after the CAC target and the capacity after the team and each quota', () => {
    assert.deepStrictEqual(hints(SALES, SMALL_SALES), [
      // 12,000 ÷ 2,000 = 6; 2,000 ÷ (500 × 80 %) = 5 months.
      '  - { id: clv, name: Lifetime value, metric: customer-lifetime-value, target: 12000|CLV:CAC 6 : 1',
      '  - { id: cac, name: Acquisition cost, metric: customer-acquisition-cost, target: 2000|payback 5 months',
      // (1,050,000 − 800,000) ÷ 800,000 over 365 of 365.25 days.
      '    target: 1050000|+31 %/yr',
      // 3 × 300,000 + 1 × 50,000 = 950,000 = 90 % of 1,050,000.
      'team:|capacity 950,000 EUR = 90 % of target',
      '  - { id: reps, role: Rep, count: 3, quota: 300000|× 3 = 900,000 EUR',
      '  - { id: lead, role: Lead, count: 1, quota: 50000|× 1 = 50,000 EUR',
    ]);
  });

  it("shows each allocation's ROI by the catalog's definition, negative for a loss", () => {
    assert.deepStrictEqual(hints(MARKETING, SMALL_MARKETING), [
      // 40,000 of 70,000 = 57 %, (120,000 − 40,000) ÷ 40,000 = 200 %; 25,000 of 70,000 = 36 %, (20,000 − 25,000) ÷ 25,000 = −20 %.
      '    - { channel: web, amount: 40000|57 % · ROI 200 %',
      '    - { channel: fairs, amount: 25000|36 % · ROI -20 %',
    ]);
  });

  it('prorates the capacity of a half-year plan', () => {
    const half = SMALL_SALES.replace('end: 2026-12-31 }', 'end: 2026-06-30 }').replace('deadline: 2026-12-31', 'deadline: 2026-06-30');
    // 1 January – 30 June is 181 days, 181 ÷ 365.25 = 0.49555 of a year: 3 × 300,000 × 0.49555 = 445,996,
    // 50,000 × 0.49555 = 24,778, together 470,773 = 45 % of 1,050,000.
    assert.deepStrictEqual(hints(SALES, half).filter((hint) => hint.includes('quota') || hint.startsWith('team')), [
      'team:|capacity 470,773 EUR = 45 % of target',
      '  - { id: reps, role: Rep, count: 3, quota: 300000|× 3 × 0.5 of a year = 445,996 EUR',
      '  - { id: lead, role: Lead, count: 1, quota: 50000|× 1 × 0.5 of a year = 24,778 EUR',
    ]);
  });
});
