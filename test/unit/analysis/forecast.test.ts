/**
 * The forecast engine against published numbers (test/fixtures/forecast-fixtures.json): R's
 * HoltWinters and ets, Hyndman & Athanasopoulos's FPP2 examples, statsmodels' test results.
 * Recursions and intervals are checked with the published parameters pinned; the fitting
 * routine separately, by its SSE against the published fit's.
 */
import * as assert from 'assert';
import fixtures from '../../fixtures/forecast-fixtures.json';
import {
  accuracy,
  coverage,
  decompose,
  etsFilter,
  etsInitialState,
  etsMean,
  etsSumVariance,
  fitAdditiveSeasonal,
  fitLinear,
  forecast,
  holtWintersR,
  isConsecutive,
  linearMean,
  linearSumVariance,
  nextPeriod,
  normalQuantile,
  parseIsoDate,
  parsePeriod,
  periodDistance,
  periodLabel,
  predictHoltWintersR,
  seasonLength,
  studentTCdf,
  studentTQuantile,
  targetPosition,
  validateHistory,
  type EtsParameters,
  type ForecastOutcome,
  type ForecastResult,
  type LinearModel,
} from '../../../server/src/core/analysis/forecast';

/** |actual − expected| ≤ tolerance · max(1, |expected|): relative above 1, absolute below. */
function near(actual: number, expected: number, tolerance: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

function absolutelyNear(actual: number, expected: number, tolerance: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

function succeeded(outcome: ForecastOutcome): ForecastResult {
  assert.ok(outcome.ok, `expected a forecast, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const monthly = (values: readonly number[], year: number) => values.map((revenue, i) => ({ period: `${year + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, revenue }));
const quarterly = (values: readonly number[], year: number) => values.map((revenue, i) => ({ period: `${year + Math.floor(i / 4)}-Q${(i % 4) + 1}`, revenue }));
const yearly = (values: readonly number[], year: number) => values.map((revenue, i) => ({ period: String(year + i), revenue }));
const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

describe('forecast engine: quantiles', () => {
  it('gives the textbook Student t quantiles', () => {
    absolutelyNear(studentTQuantile(0.975, 1), 12.7062, 5e-5, 't(0.975, 1)');
    absolutelyNear(studentTQuantile(0.975, 5), 2.5706, 5e-5, 't(0.975, 5)');
    absolutelyNear(studentTQuantile(0.9, 10), 1.3722, 5e-5, 't(0.9, 10)');
    absolutelyNear(studentTQuantile(0.975, 30), 2.0423, 5e-5, 't(0.975, 30)');
  });

  it('agrees with scipy.stats.t.ppf to 1e-12 across tails and degrees of freedom', () => {
    near(studentTQuantile(0.975, 3), 3.1824463052837078, 1e-12, 't(0.975, 3)');
    near(studentTQuantile(0.999, 2), 22.327124770119877, 1e-12, 't(0.999, 2)');
    near(studentTQuantile(0.025, 10), -2.2281388519862753, 1e-12, 't(0.025, 10)');
    near(studentTQuantile(0.9, 2.5), 1.7302509288071775, 1e-12, 't(0.9, 2.5)');
    near(studentTQuantile(1e-10, 1), -3183098861.837907, 1e-9, 't(1e-10, 1)');
    assert.strictEqual(studentTQuantile(0.5, 7), 0);
    for (const df of [1, 3, 30]) for (const p of [0.001, 0.2, 0.9, 0.975]) near(studentTCdf(studentTQuantile(p, df), df), p, 1e-13, `cdf(quantile(${p}, ${df}))`);
  });

  it('gives the normal quantiles of R qnorm', () => {
    near(normalQuantile(0.975), Z95, 1e-15, 'z(0.975)');
    near(normalQuantile(0.9), Z80, 1e-15, 'z(0.9)');
    near(normalQuantile(1e-10), -6.361340902404056, 1e-14, 'z(1e-10)');
    assert.strictEqual(normalQuantile(0.5), 0);
  });
});

describe('forecast engine: periods', () => {
  it('parses years, quarters and months, and labels them back', () => {
    assert.deepStrictEqual(parsePeriod('2025'), { granularity: 'year', ordinal: 2025 });
    assert.deepStrictEqual(parsePeriod(2025), { granularity: 'year', ordinal: 2025 });
    assert.deepStrictEqual(parsePeriod('2025-Q3'), { granularity: 'quarter', ordinal: 2025 * 4 + 2 });
    assert.deepStrictEqual(parsePeriod('2025-07'), { granularity: 'month', ordinal: 2025 * 12 + 6 });
    for (const text of ['2025', '2025-Q1', '2025-Q4', '2025-01', '2025-12', '0999-06']) assert.strictEqual(periodLabel(parsePeriod(text)!), text);
    for (const bad of ['2025-Q5', '2025-13', '2025-00', '25', 25, 20250, '2025-1', '2025-Q', ' 2025', '2025 ', 'Q1-2025', '', null, 2025.5, {}]) assert.strictEqual(parsePeriod(bad), undefined, String(bad));
  });

  it('steps, measures and tells consecutive periods', () => {
    assert.strictEqual(periodLabel(nextPeriod(parsePeriod('2025-Q4')!)), '2026-Q1');
    assert.strictEqual(periodLabel(nextPeriod(parsePeriod('2025-12')!)), '2026-01');
    assert.strictEqual(periodLabel(nextPeriod(parsePeriod('2025-01')!, -1)), '2024-12');
    assert.strictEqual(periodDistance(parsePeriod('2024-Q3')!, parsePeriod('2026-Q1')!), 6);
    assert.strictEqual(periodDistance(parsePeriod('2024')!, parsePeriod('2024-01')!), undefined);
    assert.ok(isConsecutive(parsePeriod('2025-12')!, parsePeriod('2026-01')!));
    assert.ok(!isConsecutive(parsePeriod('2025-11')!, parsePeriod('2026-01')!));
    assert.deepStrictEqual((['year', 'quarter', 'month'] as const).map(seasonLength), [1, 4, 12]);
  });

  it('reads only real ISO dates', () => {
    assert.strictEqual(parseIsoDate('2024-02-29')?.day, 29);
    for (const bad of ['2025-02-29', '2025-04-31', '2025-13-01', '2025-1-01', '20250101', '2025-01-01T00:00']) assert.strictEqual(parseIsoDate(bad), undefined, bad);
  });

  it('maps a fiscal year onto half of each calendar year of a yearly history', () => {
    const covered = coverage('year', parseIsoDate('2026-07-01')!, parseIsoDate('2027-06-30')!);
    assert.deepStrictEqual(covered.map(({ label, fraction }) => [label, fraction]), [['2026', 0.5], ['2027', 0.5]]);
    const calendar = coverage('year', parseIsoDate('2026-01-01')!, parseIsoDate('2026-12-31')!);
    assert.deepStrictEqual(calendar.map(({ label, fraction }) => [label, fraction]), [['2026', 1]]);
  });

  it('counts the days covered of quarters and months', () => {
    const quarters = coverage('quarter', parseIsoDate('2026-07-01')!, parseIsoDate('2027-06-30')!);
    assert.deepStrictEqual(quarters.map(({ label, fraction }) => [label, fraction]), [['2026-Q3', 1], ['2026-Q4', 1], ['2027-Q1', 1], ['2027-Q2', 1]]);
    // 15 Aug to 15 Nov: Q3 keeps 15 Aug..30 Sep, 47 of its 92 days; Q4 1 Oct..15 Nov, 46 of 92.
    const partial = coverage('quarter', parseIsoDate('2026-08-15')!, parseIsoDate('2026-11-15')!);
    assert.deepStrictEqual(partial.map(({ label, fraction }) => [label, fraction]), [['2026-Q3', 47 / 92], ['2026-Q4', 46 / 92]]);
    const months = coverage('month', parseIsoDate('2024-02-10')!, parseIsoDate('2024-03-31')!);
    assert.deepStrictEqual(months.map(({ label, fraction }) => [label, fraction]), [['2024-02', 20 / 29], ['2024-03', 1]]);
  });

  it('accepts a clean history and returns it as a series', () => {
    const { problems, series } = validateHistory(quarterly([1, 2, 3, 4, 5], 2024), parseIsoDate('2026-01-01')!.dayNumber);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(series, { granularity: 'quarter', start: parsePeriod('2024-Q1'), values: [1, 2, 3, 4, 5] });
  });

  it('reports each problem with the index of its row', () => {
    const { problems, series } = validateHistory(
      [
        { period: '2023-Q1', revenue: 10 },
        { period: '2023-Q2', revenue: Number.NaN },
        { period: '2023-Q2', revenue: 12 },
        { period: '2023-05', revenue: 12 },
        { period: '2023-Q4', revenue: -1 },
        { period: '2023-Q3', revenue: 2e15 },
        { period: 'Q1 2024', revenue: '14' },
        { period: '2024-Q3', revenue: 15 },
        { period: '2026-Q1', revenue: 16 },
      ],
      parseIsoDate('2026-01-01')!.dayNumber,
    );
    assert.strictEqual(series, undefined);
    assert.deepStrictEqual(problems, [
      { code: 'invalid-revenue', index: 1, revenue: Number.NaN, reason: 'not-finite' },
      { code: 'duplicate-period', index: 2, period: '2023-Q2', firstIndex: 1 },
      { code: 'mixed-granularity', index: 3, period: '2023-05', granularity: 'month', expected: 'quarter' },
      { code: 'invalid-revenue', index: 4, revenue: -1, reason: 'negative' },
      { code: 'invalid-revenue', index: 5, revenue: 2e15, reason: 'too-large' },
      { code: 'out-of-order', index: 5, period: '2023-Q3', after: '2023-Q4' },
      { code: 'invalid-revenue', index: 6, revenue: '14', reason: 'not-finite' },
      { code: 'unparseable-period', index: 6, period: 'Q1 2024' },
      { code: 'gap', index: 7, period: '2024-Q3', missing: 2, firstMissing: '2024-Q1' },
      { code: 'overlaps-plan', index: 8, period: '2026-Q1' },
      { code: 'gap', index: 8, period: '2026-Q1', missing: 5, firstMissing: '2024-Q4' },
    ]);
  });

  it('reports a yearly period that reaches into a fiscal plan period', () => {
    const { problems } = validateHistory(yearly([1, 2, 3], 2024), parseIsoDate('2026-07-01')!.dayNumber);
    assert.deepStrictEqual(problems, [{ code: 'overlaps-plan', index: 2, period: '2026' }]);
  });
});

describe('forecast engine: R HoltWinters on AirPassengers', () => {
  const air = fixtures.airpassengers;

  it('reproduces the multiplicative fit: final states and SSE, with R start values', () => {
    const published = air.R_HoltWinters_multiplicative;
    const fit = holtWintersR(air.data, 12, published, 'multiplicative');
    near(fit.a, published.a, 1e-8, 'a');
    near(fit.b, published.b, 1e-7, 'b');
    fit.s.forEach((value, i) => absolutelyNear(value, published.s[i], 2e-7, `s${i + 1}`));
    // SSE is printed to 2 decimals, the parameters to 7 digits: 1e-6 relative.
    near(fit.sse, published.SSE, 1e-6, 'SSE');
  });

  it('reproduces the 1961 forecasts and their 80 % and 95 % intervals (R predict.HoltWinters)', () => {
    const published = air.R_HoltWinters_multiplicative;
    const fit = holtWintersR(air.data, 12, published, 'multiplicative');
    const at80 = predictHoltWintersR(fit, 12, 0.8);
    const at95 = predictHoltWintersR(fit, 12, 0.95);
    published.forecast_1961.forEach(([mean, lo80, hi80, lo95, hi95], i) => {
      // R prints 7 significant digits; 1e-6 relative is within that rounding and far inside 4 digits.
      near(at80[i].fit, mean, 1e-6, `mean ${i + 1}`);
      near(at80[i].lwr, lo80, 1e-6, `lo80 ${i + 1}`);
      near(at80[i].upr, hi80, 1e-6, `hi80 ${i + 1}`);
      near(at95[i].lwr, lo95, 1e-6, `lo95 ${i + 1}`);
      near(at95[i].upr, hi95, 1e-6, `hi95 ${i + 1}`);
    });
  });

  it('reproduces the additive fit SSE with its parameters', () => {
    near(holtWintersR(air.data, 12, air.R_HoltWinters_additive, 'additive').sse, air.R_HoltWinters_additive.SSE, 1e-6, 'SSE');
  });

  it('decomposes as R decompose does (figures printed to 1 and 3 decimals)', () => {
    decompose(air.data, 12, 'additive').figure.forEach((value, i) => absolutelyNear(value, air.R_decompose_figure_additive[i], 0.05, `additive figure ${i + 1}`));
    decompose(air.data, 12, 'multiplicative').figure.forEach((value, i) => absolutelyNear(value, air.R_decompose_figure_multiplicative[i], 5e-4, `multiplicative figure ${i + 1}`));
    // R's recursion starts at period m + 1: the first season only provides start values.
    assert.strictEqual(holtWintersR(air.data.slice(0, 24), 12, { alpha: 0.5, beta: 0.5, gamma: 0.5 }, 'multiplicative').residuals.length, 12);
  });

  it('the engine’s own additive fit is within 1 % of R’s SSE', () => {
    const fit = fitAdditiveSeasonal(air.data, 12);
    const limit = air.R_HoltWinters_additive.SSE * 1.01;
    // R scores periods 13-144 (its first year is spent on start values); the engine scores all 144.
    const fromSecondYear = fit.errors.slice(12).reduce((sum, error) => sum + error * error, 0);
    assert.ok(fromSecondYear <= limit, `SSE over 13-144 ${fromSecondYear} > ${limit}`);
    assert.ok(fit.sse <= limit, `SSE over 1-144 ${fit.sse} > ${limit}`);
  });
});

describe('forecast engine: ETS recursions with published parameters', () => {
  it('simple exponential smoothing of oil (FPP2 7.1): forecasts, intervals and accuracy', () => {
    const oil = fixtures.fpp2_oil_ses;
    const parameters: EtsParameters = { alpha: oil.alpha };
    const run = etsFilter(oil.data_1996_2013, parameters, { level: oil.l0, trend: 0, season: [] });
    const sigma2 = run.sse / (oil.data_1996_2013.length - 2);
    oil.forecast.forEach(([mean, lo80, hi80, lo95, hi95], i) => {
      const step = i + 1;
      const forecastValue = etsMean(parameters, run.final, step);
      const sd = Math.sqrt(etsSumVariance(parameters, sigma2, [{ step, weight: 1 }]));
      // α and l0 are printed to 4 decimals: 5e-4 relative, as the fixture says.
      near(forecastValue, mean, 5e-4, `mean ${step}`);
      near(forecastValue - Z80 * sd, lo80, 5e-4, `lo80 ${step}`);
      near(forecastValue + Z80 * sd, hi80, 5e-4, `hi80 ${step}`);
      near(forecastValue - Z95 * sd, lo95, 5e-4, `lo95 ${step}`);
      near(forecastValue + Z95 * sd, hi95, 5e-4, `hi95 ${step}`);
    });
    const measured = accuracy(oil.data_1996_2013, run.fitted, 1);
    absolutelyNear(measured.mape!, oil.accuracy.MAPE, 0.005, 'MAPE');
    absolutelyNear(measured.mase!, oil.accuracy.MASE, 0.005, 'MASE');
    absolutelyNear(measured.rmse, oil.accuracy.RMSE, 0.005, 'RMSE');
    absolutelyNear(measured.mae, oil.accuracy.MAE, 0.005, 'MAE');
    absolutelyNear(measured.me, oil.accuracy.ME, 0.05, 'ME');
  });

  it('damped Holt of livestock (R ets AAdN, φ = 0.98): ten forecasts and the MSE', () => {
    const livestock = fixtures.fpp2_livestock_damped_holt;
    const parameters: EtsParameters = { alpha: livestock.alpha, beta: livestock.beta, phi: livestock.phi };
    const run = etsFilter(livestock.data_1970_2000, parameters, { level: livestock.l0, trend: livestock.b0, season: [] });
    near(run.sse / livestock.data_1970_2000.length, livestock.mse, 1e-8, 'mse');
    livestock.forecast10.forEach((expected, i) => near(etsMean(parameters, run.final, i + 1), expected, 1e-8, `forecast ${i + 1}`));
  });

  describe('ETS(A,A,A) of austourists with R ets’s parameters and initial states', () => {
    const tourists = fixtures.fpp2_austourists_ets_AAA;
    const parameters: EtsParameters = { alpha: tourists.alpha, beta: tourists.beta, gamma: tourists.gamma, period: 4 };
    const [level, trend, ...newestFirst] = tourists.initstate_l_b_s0_sminus1_sminus2_sminus3;
    const run = etsFilter(tourists.data_1999Q1_2015Q4, parameters, { level, trend, season: newestFirst.slice().reverse() });
    const n = tourists.data_1999Q1_2015Q4.length;
    const sigma2 = run.sse / (n - 8);
    const year = [1, 2, 3, 4].map((step) => ({ step, weight: 1 }));

    it('gives the published σ² (SSE / (n − 8)) and forecasts', () => {
      near(sigma2, tourists.sigma2, 1e-7, 'sigma2');
      tourists.forecast_mean.forEach((expected, i) => absolutelyNear(etsMean(parameters, run.final, i + 1), expected, 1e-4, `mean ${i + 1}`));
    });

    it('gives FPP3’s closed-form 95 % intervals at h = 1, 4 and 5', () => {
      const intervals = tourists.derived_PI_FPP3_closed_form;
      for (const [step, [lower, upper]] of [[1, intervals.h1_95], [4, intervals.h4_95], [5, intervals.h5_95]] as const) {
        const mean = etsMean(parameters, run.final, step);
        const sd = Math.sqrt(etsSumVariance(parameters, sigma2, [{ step, weight: 1 }]));
        // FPP3 Table 8.8: σ²[1 + (h−1){α² + αβh + β²h(2h−1)/6} + γk{2α + γ + βm(k+1)}], k = ⌊(h−1)/m⌋.
        const { alpha, beta, gamma } = tourists;
        const k = Math.floor((step - 1) / 4);
        const closedForm = 1 + (step - 1) * (alpha ** 2 + alpha * beta * step + (beta ** 2 * step * (2 * step - 1)) / 6) + gamma * k * (2 * alpha + gamma + beta * 4 * (k + 1));
        near(sd ** 2, sigma2 * closedForm, 1e-12, `variance ${step}`);
        absolutelyNear(mean - Z95 * sd, lower, 1e-4, `lower ${step}`);
        absolutelyNear(mean + Z95 * sd, upper, 1e-4, `upper ${step}`);
      }
    });

    it('gives the 2016 total with the covariance of the four quarters, not the sum of their variances', () => {
      const total = tourists.derived_annual_total;
      const mean = year.reduce((sum, { step }) => sum + etsMean(parameters, run.final, step), 0);
      const sd = Math.sqrt(etsSumVariance(parameters, sigma2, year));
      absolutelyNear(mean, total.mean, 1e-4, 'mean');
      absolutelyNear(sd, total.sd, 1e-4, 'sd');
      absolutelyNear(mean - Z95 * sd, total.pi95[0], 1e-3, 'lower 95');
      absolutelyNear(mean + Z95 * sd, total.pi95[1], 1e-3, 'upper 95');
      const summedVariances = Math.sqrt(year.reduce((sum, step) => sum + etsSumVariance(parameters, sigma2, [step]), 0));
      absolutelyNear(summedVariances, total.sd_if_variances_summed_wrongly, 1e-3, 'the mistake');
      assert.ok(sd - summedVariances > 1, `the total's sd ${sd} must not be the summed-variance ${summedVariances}`);
    });

    it('the engine’s own fit from scratch is within 1 % of the published fit’s SSE', () => {
      const publishedSse = tourists.sigma2 * (n - 8);
      const fit = fitAdditiveSeasonal(tourists.data_1999Q1_2015Q4, 4);
      assert.ok(fit.sse <= publishedSse * 1.01, `SSE ${fit.sse} > ${publishedSse} + 1 %`);
      assert.ok(fit.parameters.beta <= fit.parameters.alpha && fit.parameters.gamma <= 1 - fit.parameters.alpha, 'within R ets’s usual region');
      near(fit.sigma2, fit.sse / (n - 8), 1e-12, 'sigma2');
    });

    it('the least-squares initial state at the published parameters does at least as well as R’s', () => {
      assert.ok(etsFilter(tourists.data_1999Q1_2015Q4, parameters, etsInitialState(tourists.data_1999Q1_2015Q4, parameters)).sse <= run.sse);
    });
  });
});

describe('forecast engine: linear trend', () => {
  it('reproduces the OLS trend of AirPassengers on time', () => {
    const ols = fixtures.airpassengers.OLS_trend_on_time;
    const fit = fitLinear(fixtures.airpassengers.data);
    near(fit.slope, ols.slope_per_month, 1e-6, 'slope per month');
    near(fit.intercept, ols.intercept_on_index_1, 1e-6, 'intercept on index 1');
    near(fit.slope * 12, ols.slope_per_year, 1e-7, 'slope per year');
    // Month i is the decimal year 1949 + (i − 1)/12, so the intercept at year 0 is a + b − 12·b·1949.
    near(fit.intercept + fit.slope - 12 * fit.slope * 1949, ols.intercept_on_decimal_year, 1e-10, 'intercept on decimal year');
  });

  it('gives the hand-computed trend and intervals of a small example', () => {
    // y = 10, 12, 15, 15, 18 at t = 1…5: t̄ = 3, ȳ = 14, Sxx = 10, Sxy = 19, so slope 1.9 and
    // intercept 14 − 1.9·3 = 8.3. Fitted 10.2, 12.1, 14, 15.9, 17.8; residuals −0.2, −0.1, 1,
    // −0.9, 0.2; SSE 1.9, σ² = 1.9/3. At t = 6: 8.3 + 11.4 = 19.7, variance factor
    // 1 + 1/5 + (6 − 3)²/10 = 2.1, se = √(1.9/3 · 2.1) = √1.33 = 1.1532563, t(0.975, 3) = 3.1824463:
    // 95 % PI 19.7 ± 3.6701761 = [16.0298239, 23.3701761].
    // Total of t = 6 and 7: 19.7 + 21.6 = 41.3; x_w = (2, 13), x_wᵀ(XᵀX)⁻¹x_w = 2²/5 + (13 − 2·3)²/10 = 5.7,
    // variance 1.9/3 · (2 + 5.7) = 4.8766667, sd 2.2083176: 95 % PI 41.3 ± 7.0278522.
    const fit = fitLinear([10, 12, 15, 15, 18]);
    near(fit.slope, 1.9, 1e-14, 'slope');
    near(fit.intercept, 8.3, 1e-14, 'intercept');
    near(fit.sigma2, 1.9 / 3, 1e-14, 'sigma2');
    near(linearMean(fit, 1), 19.7, 1e-14, 'mean at t = 6');
    const half = studentTQuantile(0.975, 3) * Math.sqrt(linearSumVariance(fit, [{ step: 1, weight: 1 }]));
    near(half, 3.6701761, 1e-7, 'half-width at t = 6');
    const totalWeights = [{ step: 1, weight: 1 }, { step: 2, weight: 1 }];
    near(studentTQuantile(0.975, 3) * Math.sqrt(linearSumVariance(fit, totalWeights)), 7.0278522, 1e-7, 'half-width of the total');
    near(linearSumVariance(fit, totalWeights), (1.9 / 3) * 7.7, 1e-13, 'variance of the total');
  });
});

describe('forecast engine: forecast()', () => {
  const tourists = quarterly(fixtures.fpp2_austourists_ets_AAA.data_1999Q1_2015Q4, 1999);

  it('returns the contract for a calendar year of a seasonal series', () => {
    const result = succeeded(forecast(tourists, { method: 'seasonal', planStart: '2016-01-01', planEnd: '2016-12-31' }));
    assert.deepStrictEqual(Object.keys(result), ['ok', 'method', 'granularity', 'model', 'fit', 'points', 'total']);
    assert.strictEqual(result.method, 'seasonal');
    assert.strictEqual(result.granularity, 'quarter');
    assert.deepStrictEqual(Object.keys(result.model), ['alpha', 'beta', 'gamma', 'level', 'trend', 'season']);
    assert.deepStrictEqual(Object.keys(result.fit), ['mape', 'mase', 'sigma2']);
    assert.deepStrictEqual(result.points.map((point) => point.period), ['2016-Q1', '2016-Q2', '2016-Q3', '2016-Q4']);
    assert.deepStrictEqual(Object.keys(result.points[0]), ['period', 'forecast', 'lower80', 'upper80', 'lower95', 'upper95']);
    assert.strictEqual(result.total.period, '2016');
    near(result.total.forecast, result.points.reduce((sum, point) => sum + point.forecast, 0), 1e-12, 'total');
    for (const band of [...result.points, result.total]) assert.ok(band.lower95 < band.lower80 && band.lower80 < band.forecast && band.forecast < band.upper80 && band.upper80 < band.upper95);
    // The total's interval is wider than the sum of the quarters' variances would make it (positive covariances).
    const summed = Math.sqrt(result.points.reduce((sum, point) => sum + ((point.upper95 - point.forecast) / Z95) ** 2, 0));
    assert.ok((result.total.upper95 - result.total.forecast) / Z95 > summed);
  });

  it('forecasts the periods between the history and the plan, but shows only the plan’s', () => {
    const result = succeeded(forecast(yearly([10, 12, 15, 15, 18], 2019), { method: 'linear', planStart: '2026-01-01', planEnd: '2026-12-31' }));
    const model = result.model as LinearModel;
    near(model.intercept, 8.3, 1e-14, 'intercept');
    near(model.slope, 1.9, 1e-14, 'slope');
    assert.deepStrictEqual(result.points.map((point) => point.period), ['2026']);
    // 2026 is the third step after 2023: t = 8.
    near(result.points[0].forecast, 8.3 + 1.9 * 8, 1e-13, 'forecast at t = 8');
    const fit = fitLinear([10, 12, 15, 15, 18]);
    near(result.points[0].upper95 - result.points[0].forecast, studentTQuantile(0.975, 3) * Math.sqrt(linearSumVariance(fit, [{ step: 3, weight: 1 }])), 1e-12, 'half-width');
  });

  it('takes half of each calendar year into a fiscal-year total, and labels it by its dates', () => {
    const result = succeeded(forecast(yearly([10, 12, 15, 15, 18], 2021), { method: 'linear', planStart: '2026-07-01', planEnd: '2027-06-30' }));
    assert.deepStrictEqual(result.points.map((point) => [point.period, point.forecast]), [['2026', 19.7], ['2027', 21.6]]);
    assert.strictEqual(result.total.period, '2026-07-01..2027-06-30');
    near(result.total.forecast, 20.65, 1e-13, 'total');
    // Weights ½, ½: x_w = (1, 6.5), quadratic form 1/5 + (6.5 − 3)²/10 = 1.425, Σw² = 0.5.
    near(result.total.upper95 - result.total.forecast, studentTQuantile(0.975, 3) * Math.sqrt((1.9 / 3) * (0.5 + 1.425)), 1e-12, 'half-width');
  });

  it('chooses by AICc with auto and reports both values', () => {
    const seasonal = succeeded(forecast(tourists, { method: 'auto', planStart: '2016-01-01', planEnd: '2016-12-31' }));
    assert.strictEqual(seasonal.method, 'seasonal');
    assert.strictEqual(seasonal.selection!.chosen, 'seasonal');
    assert.ok(seasonal.selection!.aicc.seasonal! < seasonal.selection!.aicc.linear!);
    // The linear AICc is R's AIC of lm plus the small-sample term: n log(2π SSE/n) + n + 2k + 2k(k+1)/(n−k−1), k = 3.
    const fit = fitLinear(fixtures.fpp2_austourists_ets_AAA.data_1999Q1_2015Q4);
    const n = 68;
    near(seasonal.selection!.aicc.linear!, n * Math.log((2 * Math.PI * fit.sse) / n) + n + 6 + 24 / (n - 4), 1e-12, 'linear AICc');

    const trend = succeeded(forecast(quarterly([10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32.5], 2020), { method: 'auto', planStart: '2023-01-01', planEnd: '2023-12-31' }));
    assert.strictEqual(trend.method, 'linear');
    assert.strictEqual(trend.selection!.chosen, 'linear');
    assert.ok(trend.selection!.aicc.linear! < trend.selection!.aicc.seasonal!);

    const short = succeeded(forecast(yearly([1, 2, 4], 2020), { method: 'auto', planStart: '2023-01-01', planEnd: '2023-12-31' }));
    assert.deepStrictEqual(short.selection, { chosen: 'linear', aicc: { linear: null, seasonal: null } });
  });

  it('says what is missing instead of forecasting', () => {
    const plan = { planStart: '2026-01-01', planEnd: '2026-12-31' };
    assert.deepStrictEqual(forecast(quarterly([1, 2, 3, 4, 5], 2024), { method: 'seasonal', ...plan }), { ok: false, reason: 'too-few-periods', method: 'seasonal', needed: 10, have: 5 });
    assert.deepStrictEqual(forecast(monthly(new Array(23).fill(5), 2024), { method: 'seasonal', ...plan }), { ok: false, reason: 'too-few-periods', method: 'seasonal', needed: 24, have: 23 });
    assert.deepStrictEqual(forecast(yearly([1, 2], 2024), { method: 'linear', ...plan }), { ok: false, reason: 'too-few-periods', method: 'linear', needed: 3, have: 2 });
    assert.deepStrictEqual(forecast([], { method: 'auto', ...plan }), { ok: false, reason: 'too-few-periods', method: 'auto', needed: 3, have: 0 });
    assert.deepStrictEqual(forecast(yearly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2015), { method: 'seasonal', ...plan }), { ok: false, reason: 'no-seasonality', method: 'seasonal', granularity: 'year' });
    assert.deepStrictEqual(forecast(yearly([1, 2, 3], 2023), { method: 'linear', planStart: '2026-12-31', planEnd: '2026-01-01' }), { ok: false, reason: 'invalid-plan-period', planStart: '2026-12-31', planEnd: '2026-01-01' });
    assert.deepStrictEqual(forecast(yearly([1, 2, 3], 2023), { method: 'manual' as 'linear', ...plan }), { ok: false, reason: 'unknown-method', method: 'manual' });
    assert.deepStrictEqual(forecast(yearly([1, 2, 3], 1800), { method: 'linear', ...plan }), { ok: false, reason: 'horizon-too-long', method: 'linear', max: 100, horizon: 224 });
    const invalid = forecast(yearly([1, 2, 3], 2024), { method: 'linear', ...plan });
    assert.deepStrictEqual(invalid, { ok: false, reason: 'invalid-history', problems: [{ code: 'overlaps-plan', index: 2, period: '2026' }] });
  });

  it('forecasts degenerate histories with finite numbers', () => {
    const plan = { planStart: '2026-01-01', planEnd: '2026-12-31' };
    const zeros = succeeded(forecast(monthly(new Array(24).fill(0), 2024), { method: 'auto', ...plan }));
    assert.deepStrictEqual(zeros.fit, { mape: null, mase: null, sigma2: 0 });
    assert.ok(zeros.points.every((point) => point.forecast === 0 && point.upper95 === 0));
    const constant = succeeded(forecast(quarterly(new Array(12).fill(100), 2023), { method: 'seasonal', ...plan }));
    assert.ok(constant.points.every((point) => Math.abs(point.forecast - 100) < 1e-6));
  });

  it('places a target against the total', () => {
    const total = { forecast: 100, lower80: 90, upper80: 110, lower95: 85, upper95: 115 };
    assert.deepStrictEqual([80, 100, 105, 110, 112, 115, 116, Number.NaN].map((target) => targetPosition(target, total)), ['commit', 'commit', 'best-case', 'best-case', 'stretch', 'stretch', 'unsupported', 'unsupported']);
  });
});
