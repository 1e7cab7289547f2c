import * as assert from 'assert';
import { budgetReturns, budgetSummary, cacPayback, clvToCac, type CacPayback, type ClvCac } from '../../../server/src/core/analysis/economics';

function near(actual: number | undefined, expected: number): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${actual} is not ${expected}`);
}

function ratio(result: ReturnType<typeof clvToCac>): ClvCac {
  assert.ok(result.computable, JSON.stringify(result));
  return result;
}

function payback(result: ReturnType<typeof cacPayback>): CacPayback {
  assert.ok(result.computable, JSON.stringify(result));
  return result;
}

describe('analysis: unit economics', () => {
  it('CLV 2,500 over CAC 500 is a healthy 5', () => {
    const result = ratio(clvToCac({ clv: 2500, cac: 500 }));
    near(result.ratio, 5);
    assert.strictEqual(result.healthyRatio, 3);
    assert.strictEqual(result.healthy, true);
    // 2,500 ÷ 3 = 833.33 affordable; 500 × 3 = 1,500 needed
    near(result.affordableCac, 833.3333333333334);
    near(result.neededClv, 1500);
  });

  it('CLV 1,200 over CAC 500 is an unhealthy 2.4; the threshold is configurable', () => {
    const result = ratio(clvToCac({ clv: 1200, cac: 500 }));
    near(result.ratio, 2.4);
    assert.strictEqual(result.healthy, false);
    // 1,200 ÷ 3 = 400
    near(result.affordableCac, 400);
    assert.strictEqual(ratio(clvToCac({ clv: 1200, cac: 500, healthyRatio: 2 })).healthy, true);
    assert.strictEqual(ratio(clvToCac({ clv: 2500, cac: 500, healthyRatio: 6 })).healthy, false);
  });

  it('exactly 3 is healthy, also where floating point makes it 2.9999999999999996', () => {
    assert.strictEqual(ratio(clvToCac({ clv: 1500, cac: 500 })).healthy, true);
    // 0.3 ÷ 0.1 = 2.9999999999999996
    assert.strictEqual(ratio(clvToCac({ clv: 0.3, cac: 0.1 })).healthy, true);
  });

  it('CLV:CAC names the inputs it cannot use', () => {
    assert.deepStrictEqual(clvToCac({ clv: undefined, cac: 0 }), {
      computable: false,
      problems: [{ input: 'clv', reason: 'missing' }, { input: 'cac', reason: 'not-positive' }],
    });
    assert.deepStrictEqual(clvToCac({ clv: 1, cac: 1, healthyRatio: 0 }), { computable: false, problems: [{ input: 'healthyRatio', reason: 'not-positive' }] });
  });

  it('CAC 1,000 at 100 a month and an 80 % margin pays back in 12.5 months, over 12', () => {
    const result = payback(cacPayback({ cac: 1000, monthlyRevenuePerAccount: 100, grossMarginPercent: 80 }));
    // 100 × 0.8 = 80 a month; 1,000 ÷ 80 = 12.5
    near(result.monthlyGrossProfit, 80);
    near(result.months, 12.5);
    assert.strictEqual(result.limitMonths, 12);
    assert.strictEqual(result.overLimit, true);
    assert.strictEqual(result.marginGiven, true);
    // 12 × 80 = 960 paid back within the limit; 1,000 ÷ (12 × 0.8 = 9.6) = 104.17 a month needed
    near(result.affordableCac, 960);
    near(result.neededMonthlyRevenue, 104.16666666666667);
  });

  it('payback within the limit, at the limit, with a longer limit, and without a margin', () => {
    // 960 ÷ 80 = 12: not over
    assert.strictEqual(payback(cacPayback({ cac: 960, monthlyRevenuePerAccount: 100, grossMarginPercent: 80 })).overLimit, false);
    assert.strictEqual(payback(cacPayback({ cac: 1000, monthlyRevenuePerAccount: 100, grossMarginPercent: 80, limitMonths: 18 })).overLimit, false);
    // no margin: all revenue pays back, 1,000 ÷ 100 = 10 months
    const plain = payback(cacPayback({ cac: 1000, monthlyRevenuePerAccount: 100 }));
    near(plain.months, 10);
    assert.strictEqual(plain.grossMarginPercent, 100);
    assert.strictEqual(plain.marginGiven, false);
  });

  it('payback names the inputs it cannot use', () => {
    assert.deepStrictEqual(cacPayback({ cac: 1000, monthlyRevenuePerAccount: undefined, grossMarginPercent: 120 }), {
      computable: false,
      problems: [{ input: 'monthlyRevenuePerAccount', reason: 'missing' }, { input: 'grossMarginPercent', reason: 'above-100' }],
    });
    assert.deepStrictEqual(cacPayback({ cac: -1, monthlyRevenuePerAccount: 100, grossMarginPercent: 0 }), {
      computable: false,
      problems: [{ input: 'cac', reason: 'not-positive' }, { input: 'grossMarginPercent', reason: 'not-positive' }],
    });
    assert.deepStrictEqual(cacPayback({ cac: 1, monthlyRevenuePerAccount: 1, limitMonths: 0 }), { computable: false, problems: [{ input: 'limitMonths', reason: 'not-positive' }] });
  });

  const allocations = [
    { channel: 'webinars', amount: 30_000, expectedReturn: 90_000 },
    { channel: 'linkedin-ads', amount: 90_000, expectedReturn: 210_000 },
    { channel: 'print', amount: 20_000, expectedReturn: 15_000 },
    { channel: 'events', amount: 10_000 },
    { channel: 'webinars', amount: 5_000, expectedReturn: 5_000 },
    { channel: 'radio' },
  ];

  it('ROI per allocation and blended, (return − cost) ÷ cost, flagging a return below cost', () => {
    const result = budgetReturns(allocations);
    assert.deepStrictEqual(result.allocations.map((a) => [a.index, a.channel, a.belowCost]), [
      [0, 'webinars', false],
      [1, 'linkedin-ads', false],
      [2, 'print', true],
      [4, 'webinars', false],
    ]);
    // (90,000 − 30,000) ÷ 30,000 = 2; (210,000 − 90,000) ÷ 90,000 = 1.333; (15,000 − 20,000) ÷ 20,000 = −0.25; 0
    near(result.allocations[0].roi, 2);
    near(result.allocations[1].roi, 1.3333333333333333);
    near(result.allocations[2].roi, -0.25);
    near(result.allocations[3].roi, 0);
    // blended over the four with both: spent 30,000 + 90,000 + 20,000 + 5,000 = 145,000,
    // returned 90,000 + 210,000 + 15,000 + 5,000 = 320,000; (320,000 − 145,000) ÷ 145,000 = 1.2069
    assert.strictEqual(result.blended?.amount, 145_000);
    assert.strictEqual(result.blended?.expectedReturn, 320_000);
    near(result.blended?.roi, 1.206896551724138);
    assert.deepStrictEqual(result.skipped, [3, 5]);
  });

  it('no blended ROI without an allocation that has both amount and return', () => {
    assert.deepStrictEqual(budgetReturns([{ channel: 'events', amount: 10_000 }, { channel: 'free', amount: 0, expectedReturn: 100 }]), {
      allocations: [],
      blended: undefined,
      skipped: [0, 1],
    });
  });

  it('budget totals: the sum, what is left or overspent, and each channel\'s share of the total', () => {
    const result = budgetSummary({ total: 150_000, allocations });
    // 30,000 + 90,000 + 20,000 + 10,000 + 5,000 = 155,000: 5,000 over, 103.33 % of the total
    assert.strictEqual(result.allocated, 155_000);
    assert.strictEqual(result.difference, -5_000);
    near(result.allocatedPercent, 103.33333333333333);
    assert.strictEqual(result.shareBase, 'total');
    // webinars 30,000 + 5,000 = 35,000 ÷ 150,000 = 23.33 %; linkedin 60 %; print 13.33 %; events 6.67 %
    assert.deepStrictEqual(result.channels.map((c) => [c.channel, c.amount]), [['webinars', 35_000], ['linkedin-ads', 90_000], ['print', 20_000], ['events', 10_000]]);
    near(result.channels[0].sharePercent, 23.333333333333332);
    near(result.channels[1].sharePercent, 60);
    near(result.channels[2].sharePercent, 13.333333333333334);
    near(result.channels[3].sharePercent, 6.666666666666667);
    assert.deepStrictEqual(result.withoutAmount, [5]);
  });

  it('budget totals without a total share the allocated sum', () => {
    const result = budgetSummary({ total: undefined, allocations: [{ channel: 'a', amount: 300 }, { channel: 'b', amount: 100 }] });
    assert.strictEqual(result.difference, undefined);
    assert.strictEqual(result.allocatedPercent, undefined);
    assert.strictEqual(result.shareBase, 'allocated');
    // 300 ÷ 400 = 75 %, 100 ÷ 400 = 25 %
    assert.deepStrictEqual(result.channels.map((c) => c.sharePercent), [75, 25]);
    assert.deepStrictEqual(budgetSummary({ total: 0, allocations: [] }).channels, []);
  });
});
