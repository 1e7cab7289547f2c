import * as assert from 'assert';
import { salesCapacity, type SalesCapacity } from '../../../server/src/core/analysis/capacity';

const day = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / 86_400_000;
const YEAR_2026 = { start: day(2026, 1, 1), end: day(2026, 12, 31) };

function near(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${actual} is not ${expected}`);
}

function computed(result: ReturnType<typeof salesCapacity>): SalesCapacity {
  assert.ok(result.computable, JSON.stringify(result));
  return result;
}

const TEAM = [
  { id: 'head', role: 'Head of sales', count: 1 },
  { id: 'ae', role: 'Account executive', count: 4, quota: 400_000 },
  { id: 'sdr', role: 'Sales development rep', count: 3, quota: 150_000 },
  { id: 'ops', role: 'Sales operations', count: 1, quota: 0 },
];

describe('analysis: sales capacity', () => {
  it('falls short over a calendar year, and says whom to hire', () => {
    const result = computed(salesCapacity({ roles: TEAM, revenueTarget: 3_000_000, period: YEAR_2026 }));
    assert.strictEqual(result.years, 1);
    assert.strictEqual(result.days, 365);
    assert.strictEqual(result.prorated, false);
    // 4 × 400,000 + 3 × 150,000 = 1,600,000 + 450,000 = 2,050,000
    assert.strictEqual(result.capacity, 2_050_000);
    // 2,050,000 − 3,000,000 = −950,000; 2,050,000 ÷ 3,000,000 = 68.33 %
    assert.strictEqual(result.gap, -950_000);
    near(result.coveragePercent, 68.33333333333333);
    assert.strictEqual(result.shortfall, true);
    // 950,000 ÷ 400,000 = 2.375 → 3 account executives; 950,000 ÷ 150,000 = 6.33 → 7 SDRs
    assert.deepStrictEqual(result.roles.map((r) => [r.id, r.capacity, r.extraHeadcount]), [['ae', 1_600_000, 3], ['sdr', 450_000, 7]]);
    assert.strictEqual(result.largestQuota.id, 'ae');
    assert.strictEqual(result.largestQuota.quota, 400_000);
    assert.strictEqual(result.largestQuota.extraHeadcount, 3);
    assert.deepStrictEqual(result.withoutQuota, [{ index: 0, id: 'head', role: 'Head of sales' }, { index: 3, id: 'ops', role: 'Sales operations' }]);
    assert.deepStrictEqual(result.withoutCount, []);
  });

  it('prorates the annual quotas to a half year, and says so', () => {
    const result = computed(salesCapacity({ roles: [{ id: 'ae', count: 4, quota: 400_000 }], revenueTarget: 1_000_000, period: { start: day(2026, 1, 1), end: day(2026, 6, 30) } }));
    // 181 days ÷ 365.25 = 0.49555 years; 4 × 400,000 × 0.49555 = 792,881.59
    assert.strictEqual(result.prorated, true);
    assert.strictEqual(result.days, 181);
    near(result.years, 0.4955509924709103);
    near(result.capacity, 792_881.5879534566);
    near(result.gap, -207_118.41204654344);
    // one more AE brings 400,000 × 0.49555 = 198,220.40 in the half year; 207,118.41 ÷ 198,220.40 = 1.04 → 2
    near(result.roles[0].perPerson, 198_220.39698836414);
    assert.strictEqual(result.roles[0].extraHeadcount, 2);
  });

  it('a fiscal year is one year; two calendar years double the quotas', () => {
    assert.strictEqual(computed(salesCapacity({ roles: TEAM, revenueTarget: 1, period: { start: day(2026, 4, 1), end: day(2027, 3, 31) } })).prorated, false);
    const twoYears = computed(salesCapacity({ roles: TEAM, revenueTarget: 3_000_000, period: { start: day(2026, 1, 1), end: day(2027, 12, 31) } }));
    // 2,050,000 × 2 = 4,100,000 ≥ 3,000,000
    assert.strictEqual(twoYears.years, 2);
    assert.strictEqual(twoYears.prorated, true);
    assert.strictEqual(twoYears.capacity, 4_100_000);
    assert.strictEqual(twoYears.shortfall, false);
    assert.deepStrictEqual(twoYears.roles.map((r) => r.extraHeadcount), [0, 0]);
  });

  it('a capacity equal to the target is enough', () => {
    const result = computed(salesCapacity({ roles: TEAM, revenueTarget: 2_050_000, period: YEAR_2026 }));
    assert.strictEqual(result.gap, 0);
    assert.strictEqual(result.shortfall, false);
  });

  it('the largest quota wins, the first of equals; roles with a quota and no count are set aside', () => {
    const result = computed(salesCapacity({
      roles: [{ id: 'a', count: 1, quota: 200_000 }, { id: 'b', count: 0, quota: 300_000 }, { id: 'c', count: 2, quota: 300_000 }, { id: 'd', quota: 900_000 }, { id: 'e', count: 1.5, quota: 100 }],
      revenueTarget: 1_000_000,
      period: YEAR_2026,
    }));
    // 200,000 + 0 + 600,000 = 800,000; 200,000 short: 1 more at 300,000
    assert.strictEqual(result.capacity, 800_000);
    assert.strictEqual(result.largestQuota.id, 'b');
    assert.strictEqual(result.largestQuota.extraHeadcount, 1);
    assert.deepStrictEqual(result.withoutCount.map((r) => r.id), ['d', 'e']);
  });

  it('names what it cannot use', () => {
    assert.deepStrictEqual(salesCapacity({ roles: [{ id: 'head', count: 1 }], revenueTarget: undefined, period: undefined }), {
      computable: false,
      problems: [{ input: 'revenueTarget', reason: 'missing' }, { input: 'period', reason: 'missing' }, { input: 'quota', reason: 'missing' }],
    });
    assert.deepStrictEqual(salesCapacity({ roles: TEAM, revenueTarget: 1, period: { start: day(2026, 2, 1), end: day(2026, 1, 1) } }), {
      computable: false,
      problems: [{ input: 'period', reason: 'not-positive' }],
    });
  });
});
