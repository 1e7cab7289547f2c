import * as assert from 'assert';
import fc from 'fast-check';
import { funnel, type Funnel } from '../../../server/src/core/analysis/funnel';

function computed(result: ReturnType<typeof funnel>): Funnel {
  assert.ok(result.computable, `not computable: ${JSON.stringify(result)}`);
  return result;
}

function near(actual: number, expected: number, tolerance = 1e-9): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${actual} is not ${expected}`);
}

describe('analysis: funnel', () => {
  it('falls short: 5,000 leads × 3.5 % × 55,000 against 12,000,000', () => {
    const result = computed(funnel({ leads: 5000, conversionRate: 3.5, averageDealSize: 55_000, revenueTarget: 12_000_000 }));
    // 5,000 × 0.035 = 175 deals; 175 × 55,000 = 9,625,000
    near(result.overallRate, 3.5);
    near(result.deals, 175);
    near(result.revenue, 9_625_000);
    // 9,625,000 − 12,000,000 = −2,375,000; ÷ 12,000,000 = −19.79 %
    near(result.gap, -2_375_000);
    near(result.gapPercent, -19.791666666666668);
    assert.strictEqual(result.shortfall, true);
    // leads: 12,000,000 ÷ (0.035 × 55,000 = 1,925) = 6,233.77 → 6,234
    assert.strictEqual(result.needs.leads, 6234);
    // rate: 12,000,000 ÷ (5,000 × 55,000 = 275,000,000) = 4.3636 %
    near(result.needs.conversionRate, 4.363636363636364);
    assert.deepStrictEqual(result.needs.stageRates.length, 1);
    near(result.needs.stageRates[0], 4.363636363636364);
    // deal size: 12,000,000 ÷ 175 = 68,571.43 → 68,572
    assert.strictEqual(result.needs.averageDealSize, 68_572);
  });

  it('multiplies stage rates, and says what each stage alone would need', () => {
    // MQL→SQL 20 %, SQL→won 25 %: 5 % overall; 4,000 × 0.05 = 200 deals × 10,000 = 2,000,000
    const result = computed(funnel({ leads: 4000, conversionRate: [20, 25], averageDealSize: 10_000, revenueTarget: 3_000_000 }));
    near(result.overallRate, 5);
    near(result.revenue, 2_000_000);
    near(result.gap, -1_000_000);
    near(result.gapPercent, -33.333333333333336);
    // overall: 3,000,000 ÷ (4,000 × 10,000) = 7.5 %; first stage alone 0.075 ÷ 0.25 = 30 %, second 0.075 ÷ 0.20 = 37.5 %
    near(result.needs.conversionRate, 7.5);
    near(result.needs.stageRates[0], 30);
    near(result.needs.stageRates[1], 37.5);
    // 3,000,000 ÷ (0.05 × 10,000) = 6,000 leads; 3,000,000 ÷ 200 = 15,000
    assert.strictEqual(result.needs.leads, 6000);
    assert.strictEqual(result.needs.averageDealSize, 15_000);
  });

  it('covers the target: a positive gap, and the least each lever could drop to', () => {
    // 1,000 × 10 % × 1,000 = 100,000 against 80,000: +20,000, +25 %
    const result = computed(funnel({ leads: 1000, conversionRate: 10, averageDealSize: 1000, revenueTarget: 80_000 }));
    near(result.gap, 20_000);
    near(result.gapPercent, 25);
    assert.strictEqual(result.shortfall, false);
    // 80,000 ÷ (0.1 × 1,000) = 800 leads; 80,000 ÷ (1,000 × 1,000) = 8 %; 80,000 ÷ 100 = 800
    assert.strictEqual(result.needs.leads, 800);
    near(result.needs.conversionRate, 8);
    assert.strictEqual(result.needs.averageDealSize, 800);
  });

  it('meets a target equal to its yield exactly, floating point notwithstanding', () => {
    // 1,000 × 14.5 % × 100 = 14,500; 14,500 ÷ (0.145 × 100) is 1000.0000000000001 in floating point
    const result = computed(funnel({ leads: 1000, conversionRate: 14.5, averageDealSize: 100, revenueTarget: 14_500 }));
    assert.strictEqual(result.shortfall, false);
    assert.strictEqual(result.needs.leads, 1000);
    assert.strictEqual(result.needs.averageDealSize, 100);
  });

  it('a rate a stage cannot reach alone comes out above 100', () => {
    // needs 12 % overall; with the second stage at 10 %, the first alone would need 120 %
    const result = computed(funnel({ leads: 1000, conversionRate: [50, 10], averageDealSize: 100, revenueTarget: 12_000 }));
    near(result.needs.conversionRate, 12);
    near(result.needs.stageRates[0], 120);
    near(result.needs.stageRates[1], 24);
  });

  it('names every input it cannot use, instead of computing NaN', () => {
    assert.deepStrictEqual(funnel({ leads: undefined, conversionRate: 0, averageDealSize: -5, revenueTarget: Number.NaN }), {
      computable: false,
      problems: [
        { input: 'leads', reason: 'missing' },
        { input: 'conversionRate', reason: 'not-positive' },
        { input: 'averageDealSize', reason: 'not-positive' },
        { input: 'revenueTarget', reason: 'missing' },
      ],
    });
    assert.deepStrictEqual(funnel({ leads: 10, conversionRate: [20, undefined, 150], averageDealSize: 5, revenueTarget: 1 }), {
      computable: false,
      problems: [
        { input: 'conversionRate', reason: 'missing', index: 1 },
        { input: 'conversionRate', reason: 'above-100', index: 2 },
      ],
    });
    assert.deepStrictEqual(funnel({ leads: 10, conversionRate: [], averageDealSize: 5, revenueTarget: Infinity }), {
      computable: false,
      problems: [
        { input: 'conversionRate', reason: 'missing' },
        { input: 'revenueTarget', reason: 'missing' },
      ],
    });
  });

  it('refuses magnitudes that would overflow or underflow, which the fuzz test below found', () => {
    // 1 × 5e-324 % underflows to 0 deals: the leads needed would be infinite
    assert.deepStrictEqual(funnel({ leads: 1, conversionRate: [5e-324], averageDealSize: 1, revenueTarget: 1 }), {
      computable: false,
      problems: [{ input: 'conversionRate', reason: 'out-of-range' }],
    });
    assert.deepStrictEqual(funnel({ leads: 1e300, conversionRate: 50, averageDealSize: 1e300, revenueTarget: 1 }), {
      computable: false,
      problems: [
        { input: 'leads', reason: 'out-of-range' },
        { input: 'averageDealSize', reason: 'out-of-range' },
      ],
    });
  });

  it('is either not computable or entirely finite numbers', () => {
    const input = fc.oneof(fc.constant(undefined), fc.constant(0), fc.constant(Number.NaN), fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 1_000_000 }));
    const rate = fc.oneof(fc.constant(undefined), fc.double({ min: -10, max: 200, noNaN: true }), fc.integer({ min: 1, max: 100 }));
    fc.assert(
      fc.property(input, fc.oneof(rate, fc.array(rate, { maxLength: 4 })), input, input, (leads, conversionRate, averageDealSize, revenueTarget) => {
        const result = funnel({ leads, conversionRate, averageDealSize, revenueTarget });
        if (!result.computable) return result.problems.length > 0;
        const numbers = [result.overallRate, result.deals, result.revenue, result.gap, result.gapPercent, result.needs.leads, result.needs.conversionRate, result.needs.averageDealSize, ...result.needs.stageRates];
        return numbers.every(Number.isFinite);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
