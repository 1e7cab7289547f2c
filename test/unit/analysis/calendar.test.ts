import * as assert from 'assert';
import fc from 'fast-check';
import { parsePeriod, periodYears } from '../../../server/src/core/analysis/calendar';
import { civilFromDays, daysFromCivil } from '../../../server/src/core/base/days';

const day = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / 86_400_000;

describe('analysis: calendar', () => {
  it('counts days since 1970-01-01 as Date.UTC does, both ways', () => {
    assert.strictEqual(daysFromCivil(1970, 1, 1), 0);
    assert.strictEqual(daysFromCivil(2026, 1, 1), 20_454);
    assert.strictEqual(daysFromCivil(1969, 12, 31), -1);
    fc.assert(
      fc.property(fc.integer({ min: day(1000, 1, 1), max: day(9999, 12, 31) }), (days) => {
        const { year, month, day: date } = civilFromDays(days);
        return daysFromCivil(year, month, date) === days && day(year, month, date) === days;
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it('reads a period as its last day', () => {
    assert.deepStrictEqual(parsePeriod('2026'), { period: '2026', end: day(2026, 12, 31) });
    assert.deepStrictEqual(parsePeriod('2026-Q1'), { period: '2026-Q1', end: day(2026, 3, 31) });
    assert.deepStrictEqual(parsePeriod('2026-q4'), { period: '2026-Q4', end: day(2026, 12, 31) });
    assert.deepStrictEqual(parsePeriod('2024-02'), { period: '2024-02', end: day(2024, 2, 29) });
    assert.deepStrictEqual(parsePeriod('2026-02'), { period: '2026-02', end: day(2026, 2, 28) });
    assert.deepStrictEqual(parsePeriod('2026-03-15'), { period: '2026-03-15', end: day(2026, 3, 15) });
    assert.deepStrictEqual(parsePeriod('2024-02-29'), { period: '2024-02-29', end: day(2024, 2, 29) });
    for (const bad of ['2026-02-29', '2026-04-31', '2026-13', '2026-00', '2026-Q5', '2026-Q0', '26-01', '2026-1', 'Q1 2026', '2026-03-00', ' 2026', '']) {
      assert.strictEqual(parsePeriod(bad), undefined, bad);
    }
  });

  it('measures a period in years: whole calendar years exactly, else days ÷ 365.25', () => {
    assert.deepStrictEqual(periodYears(day(2026, 1, 1), day(2026, 12, 31)), { years: 1, days: 365, wholeYears: true });
    assert.deepStrictEqual(periodYears(day(2028, 1, 1), day(2028, 12, 31)), { years: 1, days: 366, wholeYears: true });
    assert.deepStrictEqual(periodYears(day(2026, 4, 1), day(2027, 3, 31)), { years: 1, days: 365, wholeYears: true });
    assert.deepStrictEqual(periodYears(day(2026, 1, 1), day(2027, 12, 31)), { years: 2, days: 730, wholeYears: true });
    // 1 January to 30 June: 181 days ÷ 365.25
    assert.deepStrictEqual(periodYears(day(2026, 1, 1), day(2026, 6, 30)), { years: 181 / 365.25, days: 181, wholeYears: false });
    // 1 January to 1 January: a year and a day
    assert.deepStrictEqual(periodYears(day(2026, 1, 1), day(2027, 1, 1)), { years: 366 / 365.25, days: 366, wholeYears: false });
  });
});
