import * as assert from 'assert';
import { kpiProgress, type DatedValue, type Progress, type ProgressInputs } from '../../../server/src/core/analysis/actuals/progress';

const day = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / 86_400_000;
const START = day(2026, 1, 1);
const END = day(2026, 12, 31);
// 2026-06-30 is day 180 of the plan, 2026-12-31 day 364: e = 180 ÷ 364 = 0.4945
const JUNE_30 = day(2026, 6, 30);
const TODAY = day(2026, 7, 15);

function near(actual: number | undefined, expected: number): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${actual} is not ${expected}`);
}

function progress(inputs: Partial<ProgressInputs<DatedValue>>): Progress<DatedValue> {
  const result = kpiProgress({ baseline: 100, target: 200, direction: 'increase', actuals: [], period: { start: START, end: END }, today: TODAY, ...inputs });
  assert.ok(result.computable, JSON.stringify(result));
  return result;
}

describe('analysis: KPI progress', () => {
  it('judges the latest actual against the straight path', () => {
    // leads 100 → 200; 140 on 30 June: p = (140 − 100) ÷ (200 − 100) = 0.4, e = 180 ÷ 364 = 0.4945;
    // 0.95 e = 0.4698 > 0.4 ≥ 0.75 e = 0.3709: at risk
    const result = progress({ actuals: [{ date: JUNE_30, value: 140 }] });
    near(result.progress, 0.4);
    near(result.expected, 180 / 364);
    // 100 + 0.4945 × 100 = 149.45
    near(result.expectedValue, 100 + (180 / 364) * 100);
    assert.strictEqual(result.status, 'at-risk');
    // 150: p = 0.5 ≥ 0.4698, on track; 130: p = 0.3 < 0.3709, off track
    assert.strictEqual(progress({ actuals: [{ date: JUNE_30, value: 150 }] }).status, 'on-track');
    assert.strictEqual(progress({ actuals: [{ date: JUNE_30, value: 130 }] }).status, 'off-track');
  });

  it('keeps the default of a threshold left undefined (a rule option not configured)', () => {
    // 150 on 30 June is on track with the defaults (p = 0.5 ≥ 0.95 × 0.4945): undefined must not erase them
    assert.strictEqual(progress({ actuals: [{ date: JUNE_30, value: 150 }], thresholds: { onTrack: undefined, atRisk: undefined } }).status, 'on-track');
    assert.strictEqual(progress({ actuals: [{ date: JUNE_30, value: 140 }], thresholds: { onTrack: undefined } }).status, 'at-risk');
  });

  it('reads a KPI that should fall the same way, the formula being signed', () => {
    // CAC 500 → 400; 460 on 30 June: p = (460 − 500) ÷ (400 − 500) = 0.4: at risk
    const falling = { baseline: 500, target: 400, direction: 'decrease' as const };
    const result = progress({ ...falling, actuals: [{ date: JUNE_30, value: 460 }] });
    near(result.progress, 0.4);
    assert.strictEqual(result.status, 'at-risk');
    // 450: p = 0.5, on track; 520: p = −0.2, off track
    assert.strictEqual(progress({ ...falling, actuals: [{ date: JUNE_30, value: 450 }] }).status, 'on-track');
    const rising = progress({ ...falling, actuals: [{ date: JUNE_30, value: 520 }] });
    near(rising.progress, -0.2);
    assert.strictEqual(rising.status, 'off-track');
  });

  it('takes the latest actual up to today, ignoring and reporting later ones; returns the series and the path', () => {
    const actuals = [
      { date: day(2026, 3, 31), value: 120 },
      { date: day(2026, 9, 30), value: 190 },
      { date: JUNE_30, value: 150 },
      { date: day(2025, 12, 31), value: 95 },
    ];
    const result = progress({ actuals });
    assert.deepStrictEqual(result.latest, { date: JUNE_30, value: 150 });
    assert.deepStrictEqual(result.series.map((point) => point.value), [95, 120, 150]);
    assert.deepStrictEqual(result.future, [{ date: day(2026, 9, 30), value: 190 }]);
    assert.deepStrictEqual(result.path, { from: { date: START, value: 100 }, to: { date: END, value: 200 } });
  });

  it('measures the path to the goal\'s deadline, kept within 0 and 1', () => {
    // deadline 30 June (day 180); 31 March is day 89: e = 89 ÷ 180 = 0.4944; p = 0.5: on track
    const early = progress({ deadline: JUNE_30, actuals: [{ date: day(2026, 3, 31), value: 150 }] });
    near(early.expected, 89 / 180);
    assert.strictEqual(early.status, 'on-track');
    assert.deepStrictEqual(early.path.to, { date: JUNE_30, value: 200 });
    // measured after the deadline: all of the path is due
    near(progress({ deadline: JUNE_30, actuals: [{ date: day(2026, 7, 10), value: 190 }] }).expected, 1);
    // measured before the period: none of it, and p ≥ 0 is on track
    const before = progress({ actuals: [{ date: day(2025, 12, 31), value: 100 }] });
    near(before.expected, 0);
    assert.strictEqual(before.status, 'on-track');
  });

  it('stays quiet in the first tenth of the period, still computing p and e', () => {
    // a tenth of 364 days is 36.4: 30 January (day 29) is quiet, 10 February (day 40) is not
    const quiet = progress({ today: day(2026, 1, 30), actuals: [{ date: day(2026, 1, 15), value: 90 }] });
    assert.strictEqual(quiet.status, 'quiet');
    near(quiet.progress, -0.1);
    assert.strictEqual(progress({ today: day(2026, 2, 10), actuals: [{ date: day(2026, 1, 15), value: 90 }] }).status, 'off-track');
    assert.strictEqual(progress({ today: day(2025, 12, 1), actuals: [{ date: day(2025, 11, 30), value: 90 }] }).status, 'quiet');
  });

  it('has no status to give without actuals, or with only future ones', () => {
    const none = progress({});
    assert.strictEqual(none.status, 'no-actuals');
    assert.strictEqual(none.progress, undefined);
    assert.strictEqual(none.expected, undefined);
    const onlyFuture = progress({ actuals: [{ date: day(2026, 9, 30), value: 190 }] });
    assert.strictEqual(onlyFuture.status, 'no-actuals');
    assert.strictEqual(onlyFuture.future.length, 1);
  });

  it('holding a value (target = baseline): not worse is on track', () => {
    const hold = { baseline: 50, target: 50 };
    const above = progress({ ...hold, actuals: [{ date: JUNE_30, value: 52 }] });
    assert.strictEqual(above.progress, undefined);
    assert.strictEqual(above.status, 'on-track');
    assert.strictEqual(progress({ ...hold, actuals: [{ date: JUNE_30, value: 48 }] }).status, 'off-track');
    assert.strictEqual(progress({ ...hold, direction: 'decrease', actuals: [{ date: JUNE_30, value: 48 }] }).status, 'on-track');
    assert.strictEqual(progress({ ...hold, direction: 'decrease', actuals: [{ date: JUNE_30, value: 52 }] }).status, 'off-track');
  });

  it('takes configured thresholds', () => {
    // p = 0.4 against e = 0.4945: on track from onTrack 0.8 (0.3956); off track from atRisk 0.85 (0.4203)
    assert.strictEqual(progress({ thresholds: { onTrack: 0.8 }, actuals: [{ date: JUNE_30, value: 140 }] }).status, 'on-track');
    assert.strictEqual(progress({ thresholds: { onTrack: 0.9, atRisk: 0.85 }, actuals: [{ date: JUNE_30, value: 140 }] }).status, 'off-track');
    // quiet for the first half: 15 July is day 195 of 364, past it
    assert.strictEqual(progress({ thresholds: { quiet: 0.6 }, actuals: [{ date: JUNE_30, value: 140 }] }).status, 'quiet');
    // The plan service passes thresholds that are not configured as undefined: the defaults stay.
    assert.deepStrictEqual(progress({ thresholds: { onTrack: undefined, atRisk: undefined }, actuals: [{ date: JUNE_30, value: 140 }] }).thresholds, { onTrack: 0.95, atRisk: 0.75, quiet: 0.1 });
  });

  it('keeps the caller\'s points, line numbers and all', () => {
    const rows = [{ date: JUNE_30, value: 150, line: 7, period: '2026-06' }];
    const result = kpiProgress({ baseline: 100, target: 200, direction: 'increase', actuals: rows, period: { start: START, end: END }, today: TODAY });
    assert.ok(result.computable);
    assert.strictEqual(result.latest?.line, 7);
  });

  it('names what it cannot use', () => {
    const base = { direction: 'increase' as const, actuals: [], today: TODAY };
    assert.deepStrictEqual(kpiProgress({ ...base, baseline: undefined, target: Number.NaN, period: undefined }), {
      computable: false,
      problems: [{ input: 'baseline', reason: 'missing' }, { input: 'target', reason: 'missing' }, { input: 'period', reason: 'missing' }],
    });
    assert.deepStrictEqual(kpiProgress({ ...base, baseline: 1, target: 2, period: { start: END, end: START } }), {
      computable: false,
      problems: [{ input: 'period', reason: 'not-positive' }],
    });
    assert.deepStrictEqual(kpiProgress({ ...base, baseline: 1, target: 2, period: { start: START, end: END }, deadline: START }), {
      computable: false,
      problems: [{ input: 'deadline', reason: 'not-positive' }],
    });
    assert.deepStrictEqual(kpiProgress({ ...base, baseline: 0, target: -1e300, period: { start: START, end: END } }), {
      computable: false,
      problems: [{ input: 'target', reason: 'out-of-range' }],
    });
  });
});
