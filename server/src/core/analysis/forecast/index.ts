/**
 * The forecast engine: from a revenue history and a plan period to the forecast of every period
 * the plan covers and of its total, with 80 % and 95 % prediction intervals. Pure: no I/O, no
 * imports from outside this folder.
 */
import { accuracy, gaussianAicc } from './accuracy';
import { normalQuantile, studentTQuantile } from './distributions';
import { etsMean, etsSumVariance, fitAdditiveSeasonal, seasonalParameterCount } from './ets';
import { fitLinear, linearMean, linearSumVariance, type StepWeight } from './linear';
import { coverage, parseIsoDate, periodOfDate, seasonLength, validateHistory, type Granularity, type HistoryProblem, type HistoryRow } from './periods';

export { accuracy } from './accuracy';
export { normalQuantile, studentTCdf, studentTQuantile } from './distributions';
export { etsFilter, etsInitialState, etsMean, etsSumVariance, fitAdditiveSeasonal, type EtsParameters } from './ets';
export { decompose, holtWintersR, predictHoltWintersR } from './holtwinters';
export { fitLinear, linearMean, linearSumVariance } from './linear';
export * from './periods';

export type ForecastMethod = 'linear' | 'seasonal' | 'auto';

export interface ForecastOptions {
  readonly method: ForecastMethod;
  /** The plan period's first and last day, `YYYY-MM-DD`, both inclusive. */
  readonly planStart: string;
  readonly planEnd: string;
}

export interface ForecastBand {
  readonly forecast: number;
  readonly lower80: number;
  readonly upper80: number;
  readonly lower95: number;
  readonly upper95: number;
}

export interface ForecastPoint extends ForecastBand {
  readonly period: string;
}

/** y = intercept + slope · t, t = 1 for the first period of the history. */
export interface LinearModel {
  readonly intercept: number;
  readonly slope: number;
}

/** ETS(A,A,A) smoothing parameters (error form, as R's `ets`) and the state at the end of the history; `season[i]` belongs to the (i + 1)-th period after it. */
export interface SeasonalModel {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly level: number;
  readonly trend: number;
  readonly season: number[];
}

export interface ForecastResult {
  readonly ok: true;
  readonly method: 'linear' | 'seasonal';
  readonly granularity: Granularity;
  readonly model: LinearModel | SeasonalModel;
  readonly fit: { readonly mape: number | null; readonly mase: number | null; readonly sigma2: number };
  /** Every period the plan period touches, each with its whole-period forecast. */
  readonly points: ForecastPoint[];
  /** The plan period's total: touched periods count by the share of them inside it. */
  readonly total: ForecastPoint;
  /** With `auto` only: both AICc values (null when a model could not be fitted or scored) and the lower one's model. */
  readonly selection?: { readonly chosen: 'linear' | 'seasonal'; readonly aicc: { readonly linear: number | null; readonly seasonal: number | null } };
}

export type ForecastFailure =
  | { readonly ok: false; readonly reason: 'invalid-plan-period'; readonly planStart: string; readonly planEnd: string }
  | { readonly ok: false; readonly reason: 'unknown-method'; readonly method: string }
  | { readonly ok: false; readonly reason: 'invalid-history'; readonly problems: HistoryProblem[] }
  | { readonly ok: false; readonly reason: 'too-few-periods'; readonly method: ForecastMethod; readonly needed: number; readonly have: number }
  | { readonly ok: false; readonly reason: 'too-many-periods'; readonly method: ForecastMethod; readonly max: number; readonly have: number }
  | { readonly ok: false; readonly reason: 'no-seasonality'; readonly method: 'seasonal'; readonly granularity: 'year' }
  | { readonly ok: false; readonly reason: 'horizon-too-long'; readonly method: ForecastMethod; readonly max: number; readonly horizon: number }
  | { readonly ok: false; readonly reason: 'numerical-failure'; readonly method: ForecastMethod };

export type ForecastOutcome = ForecastResult | ForecastFailure;

/** A history or a forecast horizon longer than this many years is refused, so that no input makes a fit slow. */
export const MAX_YEARS = 100;

/** The fewest periods of history a linear trend needs: 3, for one degree of freedom in σ². */
export const LINEAR_MINIMUM = 3;

/**
 * The fewest periods a seasonal fit needs: two full seasons, and at least two degrees of
 * freedom left for σ² = SSE / (n − (m + 4)); that second condition makes it 10 quarters, 24 months.
 */
export function seasonalMinimum(m: number): number {
  return Math.max(2 * m, seasonalParameterCount(m) + 2);
}

interface Model {
  readonly method: 'linear' | 'seasonal';
  readonly parameters: LinearModel | SeasonalModel;
  readonly fit: ForecastResult['fit'];
  readonly aicc: number | undefined;
  mean(step: number): number;
  variance(weights: readonly StepWeight[]): number;
  /** Quantiles 0.9 and 0.975 of the standardised forecast error: Student's t with n − 2 df for OLS, normal for ETS. */
  readonly z80: number;
  readonly z95: number;
}

function meanSquare(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value * value, 0) / values.length;
}

function linearModel(values: readonly number[]): Model {
  const fit = fitLinear(values);
  const { mape, mase } = accuracy(values, fit.fitted, 1);
  return {
    method: 'linear',
    parameters: { intercept: fit.intercept, slope: fit.slope },
    fit: { mape, mase, sigma2: fit.sigma2 },
    aicc: gaussianAicc(fit.sse, fit.n, 3, meanSquare(values)),
    mean: (step) => linearMean(fit, step),
    variance: (weights) => linearSumVariance(fit, weights),
    z80: studentTQuantile(0.9, fit.n - 2),
    z95: studentTQuantile(0.975, fit.n - 2),
  };
}

function seasonalModel(values: readonly number[], m: number): Model {
  const fit = fitAdditiveSeasonal(values, m);
  const { mape, mase } = accuracy(values, fit.fitted, m);
  const { alpha, beta, gamma } = fit.parameters;
  return {
    method: 'seasonal',
    parameters: { alpha, beta, gamma, level: fit.final.level, trend: fit.final.trend, season: fit.final.season.slice() },
    fit: { mape, mase, sigma2: fit.sigma2 },
    aicc: gaussianAicc(fit.sse, values.length, seasonalParameterCount(m) + 1, meanSquare(values)),
    mean: (step) => etsMean(fit.parameters, fit.final, step),
    variance: (weights) => etsSumVariance(fit.parameters, fit.sigma2, weights),
    z80: normalQuantile(0.9),
    z95: normalQuantile(0.975),
  };
}

function band(model: Model, weights: readonly StepWeight[]): ForecastBand {
  const forecast = weights.reduce((sum, { step, weight }) => sum + weight * model.mean(step), 0);
  const sd = Math.sqrt(Math.max(0, model.variance(weights)));
  const half80 = model.z80 * sd;
  const half95 = model.z95 * sd;
  return { forecast, lower80: forecast - half80, upper80: forecast + half80, lower95: forecast - half95, upper95: forecast + half95 };
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

/**
 * Forecasts the plan period from the history with a linear trend, a seasonal ETS(A,A,A) model,
 * or (`auto`) whichever of the two has the lower AICc when the history is long enough for both.
 * Every period from the end of the history to the plan's end is forecast; `points` keeps those
 * the plan period touches. Returns a failure saying what is missing instead of throwing.
 */
export function forecast(history: readonly HistoryRow[], options: ForecastOptions): ForecastOutcome {
  const method = options.method;
  const start = parseIsoDate(options.planStart);
  const end = parseIsoDate(options.planEnd);
  if (!start || !end || end.dayNumber < start.dayNumber) return { ok: false, reason: 'invalid-plan-period', planStart: String(options.planStart), planEnd: String(options.planEnd) };
  if (method !== 'linear' && method !== 'seasonal' && method !== 'auto') return { ok: false, reason: 'unknown-method', method: String(method) };
  const { problems, series } = validateHistory(Array.isArray(history) ? history : [], start.dayNumber);
  if (problems.length > 0) return { ok: false, reason: 'invalid-history', problems };
  // Without a row the granularity is unknown: a seasonal fit needs at least what quarters need.
  if (!series) return { ok: false, reason: 'too-few-periods', method, needed: method === 'seasonal' ? seasonalMinimum(4) : LINEAR_MINIMUM, have: 0 };

  const { granularity, values } = series;
  const m = seasonLength(granularity);
  const n = values.length;
  if (method === 'seasonal' && m === 1) return { ok: false, reason: 'no-seasonality', method, granularity: 'year' };
  const needed = method === 'seasonal' ? seasonalMinimum(m) : LINEAR_MINIMUM;
  if (n < needed) return { ok: false, reason: 'too-few-periods', method, needed, have: n };
  if (n > MAX_YEARS * m) return { ok: false, reason: 'too-many-periods', method, max: MAX_YEARS * m, have: n };
  const last = series.start.ordinal + n - 1;
  const horizon = periodOfDate(end, granularity).ordinal - last;
  if (horizon > MAX_YEARS * m) return { ok: false, reason: 'horizon-too-long', method, max: MAX_YEARS * m, horizon };

  const candidates: Model[] = [];
  if (method !== 'seasonal') candidates.push(linearModel(values));
  if (method === 'seasonal' || (method === 'auto' && m > 1 && n >= seasonalMinimum(m))) candidates.push(seasonalModel(values, m));
  const scored = candidates.filter((model) => model.aicc !== undefined && Number.isFinite(model.aicc));
  // A tie goes to the linear trend, listed first: the simpler model.
  const chosen = method === 'auto' && scored.length > 0 ? scored.reduce((best, model) => (model.aicc! < best.aicc! ? model : best)) : candidates[0];

  const covered = coverage(granularity, start, end).map((entry) => ({ ...entry, step: entry.period.ordinal - last }));
  const points = covered.map(({ label, step }) => ({ period: label, ...band(chosen, [{ step, weight: 1 }]) }));
  const calendarYear = start.month === 1 && start.day === 1 && end.month === 12 && end.day === 31 && start.year === end.year;
  const total = { period: calendarYear ? String(start.year).padStart(4, '0') : `${options.planStart}..${options.planEnd}`, ...band(chosen, covered.map(({ step, fraction }) => ({ step, weight: fraction }))) };
  const aiccOf = (kind: Model['method']) => candidates.find((model) => model.method === kind)?.aicc ?? null;
  const result: ForecastResult = {
    ok: true,
    method: chosen.method,
    granularity,
    model: chosen.parameters,
    fit: chosen.fit,
    points,
    total,
    ...(method === 'auto' ? { selection: { chosen: chosen.method, aicc: { linear: aiccOf('linear'), seasonal: aiccOf('seasonal') } } } : {}),
  };
  return allFinite(result) ? result : { ok: false, reason: 'numerical-failure', method };
}

export type TargetPosition = 'commit' | 'best-case' | 'stretch' | 'unsupported';

/**
 * Where a target for the plan period stands against its forecast total: at most the forecast (the
 * median) is a commitment, up to the upper 80 % bound a best case, up to the upper 95 % bound a
 * stretch, and above it not supported by the history. A target that is not a number is unsupported.
 */
export function targetPosition(target: number, total: ForecastBand): TargetPosition {
  if (target <= total.forecast) return 'commit';
  if (target <= total.upper80) return 'best-case';
  if (target <= total.upper95) return 'stretch';
  return 'unsupported';
}
