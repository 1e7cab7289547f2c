/**
 * Property tests of the forecast engine on random and hostile histories: zeros, constants,
 * negatives, huge and non-finite values, shuffled, repeated and malformed periods, any length up
 * to 80, plan periods before, inside and long after the history. Nothing throws; a forecast has
 * only finite numbers in ordered intervals; a refusal names a known reason. Fixed seed.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import {
  coverage,
  forecast,
  parseIsoDate,
  parsePeriod,
  periodDays,
  periodLabel,
  seasonLength,
  studentTCdf,
  studentTQuantile,
  type ForecastBand,
  type ForecastOutcome,
  type Granularity,
} from '../../../server/src/core/analysis/forecast';

const SEED = 20260107;
/** Every reason but `numerical-failure`, the engine's last guard, which no input should reach. */
const REASONS = ['invalid-plan-period', 'unknown-method', 'invalid-history', 'too-few-periods', 'too-many-periods', 'no-seasonality', 'horizon-too-long'];

const granularity = fc.constantFrom<Granularity>('year', 'quarter', 'month');

const revenue = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 1e15, 5e-324, 1e-300, 123456789.123) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e15, noNaN: true }) },
);

/** What a history must not hold: the engine refuses these with the row's index. */
const poison = fc.constantFrom<unknown>(-1, -1e-9, Number.NaN, Infinity, -Infinity, 2e15, Number.MAX_VALUE, '12', null, undefined);

/** A history's values: random ones, a constant, all zeros, or zeros with a single huge value. */
const values: fc.Arbitrary<number[]> = fc.nat(80).chain((length) =>
  fc.oneof<fc.Arbitrary<number[]>[]>(
    fc.array(revenue, { minLength: length, maxLength: length }),
    revenue.map((value) => new Array<number>(length).fill(value)),
    fc.constant(new Array<number>(length).fill(0)),
    fc.nat(Math.max(0, length - 1)).map((at) => Array.from({ length }, (_, i) => (i === at ? 1e15 : 0))),
    fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })).map(([base, slope]) => Array.from({ length }, (_, i) => Math.max(0, base + slope * i + 10 * Math.sin(i)))),
  ),
);

const scenario = fc
  .record({
    granularity,
    values,
    firstYear: fc.integer({ min: 1950, max: 2030 }),
    method: fc.constantFrom('linear', 'seasonal', 'auto', 'linear', 'seasonal', 'auto', 'manual'),
    // Periods from the history's end to the plan's start (≤ 0 reaches into the history), then the plan's length in days.
    lead: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 0 }) }),
    day: fc.integer({ min: 1, max: 28 }),
    days: fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0, max: 900 }) }, { weight: 1, arbitrary: fc.constant(-1) }),
    mangle: fc.oneof({ weight: 12, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('poison', 'shuffle', 'duplicate', 'garble', 'mix') }),
    bad: poison,
  })
  .map(({ granularity, values, firstYear, method, lead, day, days, mangle, bad }) => {
    const m = seasonLength(granularity);
    const first = parsePeriod(String(firstYear))!.ordinal * m;
    let history: { period: unknown; revenue: unknown }[] = values.map((value, i) => ({ period: periodLabel({ granularity, ordinal: first + i }), revenue: value }));
    if (mangle === 'poison' && history.length > 0) history[history.length >> 1] = { ...history[history.length >> 1], revenue: bad };
    if (mangle === 'shuffle' && history.length > 1) history = [...history.slice(1), history[0]];
    if (mangle === 'duplicate' && history.length > 0) history = [...history, history[history.length - 1]];
    if (mangle === 'garble' && history.length > 0) history[Math.floor(history.length / 2)] = { period: '20x5', revenue: '12' };
    if (mangle === 'mix' && history.length > 0) history[history.length - 1] = { period: firstYear + 100, revenue: 1 };
    const startPeriod = periodDays({ granularity, ordinal: first + values.length - 1 + lead });
    const startDay = startPeriod.first + day - 1;
    const toDate = (dayNumber: number) => new Date(dayNumber * 86400000).toISOString().slice(0, 10);
    return { history, options: { method: method as 'linear', planStart: toDate(startDay), planEnd: toDate(startDay + days) } };
  });

function assertFinite(value: unknown, where: string): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${where} is ${value}`);
  else if (Array.isArray(value)) value.forEach((item, i) => assertFinite(item, `${where}[${i}]`));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) assertFinite(item, `${where}.${key}`);
}

function assertOrdered(band: ForecastBand, where: string): void {
  assert.ok(band.lower95 <= band.lower80 && band.lower80 <= band.forecast && band.forecast <= band.upper80 && band.upper80 <= band.upper95, `${where}: ${JSON.stringify(band)}`);
}

describe('forecast engine: fuzz', function () {
  this.timeout(60000);

  it(`never throws, and forecasts only finite, ordered numbers (400 cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(scenario, ({ history, options }) => {
        const outcome: ForecastOutcome = forecast(history, options);
        if (!outcome.ok) {
          assert.ok(REASONS.includes(outcome.reason), outcome.reason);
          return;
        }
        assertFinite(outcome, 'forecast');
        assert.ok(outcome.points.length > 0);
        outcome.points.forEach((point, i) => assertOrdered(point, `points[${i}]`));
        assertOrdered(outcome.total, 'total');
        if (outcome.selection) assert.strictEqual(outcome.selection.chosen, outcome.method);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it(`a clean non-negative history of enough periods is always forecast (200 cases, seed ${SEED})`, () => {
    const clean = fc.record({
      granularity: fc.constantFrom<Granularity>('quarter', 'month'),
      values: fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: 24, maxLength: 80 }),
      method: fc.constantFrom<'linear' | 'seasonal' | 'auto'>('linear', 'seasonal', 'auto'),
    });
    fc.assert(
      fc.property(clean, ({ granularity, values, method }) => {
        const m = seasonLength(granularity);
        const history = values.map((value, i) => ({ period: periodLabel({ granularity, ordinal: 2000 * m + i }), revenue: value }));
        const after = periodDays({ granularity, ordinal: 2000 * m + values.length }).first;
        const planStart = new Date(after * 86400000).toISOString().slice(0, 10);
        const planEnd = new Date((after + 364) * 86400000).toISOString().slice(0, 10);
        const outcome = forecast(history, { method, planStart, planEnd });
        assert.ok(outcome.ok, JSON.stringify(outcome));
        assertFinite(outcome, 'forecast');
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('covers each day of a plan period exactly once (months and quarters)', () => {
    fc.assert(
      fc.property(fc.constantFrom<Granularity>('quarter', 'month'), fc.integer({ min: -40000, max: 40000 }), fc.nat(3000), (granularity, from, length) => {
        const toDate = (dayNumber: number) => parseIsoDate(new Date(dayNumber * 86400000).toISOString().slice(0, 10))!;
        const covered = coverage(granularity, toDate(from), toDate(from + length));
        const days = covered.reduce((sum, { period, fraction }) => {
          const { first, last } = periodDays(period);
          assert.ok(fraction > 0 && fraction <= 1);
          return sum + fraction * (last - first + 1);
        }, 0);
        assert.ok(Math.abs(days - (length + 1)) < 1e-6, `${days} days for ${length + 1}`);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('inverts the Student t distribution', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true }), (p, df) => {
        const quantile = studentTQuantile(p, df);
        assert.ok(Number.isFinite(quantile));
        assert.ok(Math.abs(studentTCdf(quantile, df) - p) < 1e-12, `cdf(q(${p}, ${df})) = ${studentTCdf(quantile, df)}`);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
