/**
 * R's `stats::HoltWinters` with given smoothing parameters, additive or multiplicative, and
 * `predict.HoltWinters` with its prediction intervals, reproduced step by step so that the
 * engine's recursions can be checked against R's published results. The product forecasts
 * with `ets.ts`; this is the reference it is verified against.
 */
import { normalQuantile } from './distributions';
import { fitLinear } from './linear';

export type SeasonalForm = 'additive' | 'multiplicative';

export interface HoltWintersParameters {
  readonly alpha: number;
  /** R's β*: b_t = β* (a_t − a_{t−1}) + (1 − β*) b_{t−1}. */
  readonly beta: number;
  /** R's γ: s_t = γ (y_t − a_t) + (1 − γ) s_{t−m}, or with y_t / a_t when multiplicative. */
  readonly gamma: number;
}

export interface HoltWintersFit extends HoltWintersParameters {
  readonly seasonal: SeasonalForm;
  readonly period: number;
  /** The final level, trend and seasonal terms, `s[i]` for the (i + 1)-th period ahead: R's `coefficients`. */
  readonly a: number;
  readonly b: number;
  readonly s: number[];
  /** The one-step errors from period m + 1 on, where R's recursion starts. */
  readonly residuals: number[];
  readonly sse: number;
}

/** R's `decompose`: the centred moving average (2×m for even m) and the mean seasonal figure, normalised. */
export function decompose(x: readonly number[], period: number, form: SeasonalForm): { trend: (number | undefined)[]; figure: number[] } {
  const weights = period % 2 === 0 ? [0.5, ...new Array<number>(period - 1).fill(1), 0.5].map((w) => w / period) : new Array<number>(period).fill(1 / period);
  const shift = Math.floor(weights.length / 2);
  const trend = x.map((_, i) => {
    if (i + shift - (weights.length - 1) < 0 || i + shift >= x.length) return undefined;
    let sum = 0;
    for (let j = 0; j < weights.length; j++) sum += weights[j] * x[i + shift - j];
    return sum;
  });
  const figure = Array.from({ length: period }, (_, position) => {
    const ratios: number[] = [];
    for (let i = position; i < x.length; i += period) {
      const level = trend[i];
      if (level !== undefined) ratios.push(form === 'additive' ? x[i] - level : x[i] / level);
    }
    return ratios.reduce((sum, value) => sum + value, 0) / ratios.length;
  });
  const mean = figure.reduce((sum, value) => sum + value, 0) / period;
  return { trend, figure: figure.map((value) => (form === 'additive' ? value - mean : value / mean)) };
}

/**
 * Runs R's recursion (stats/src/HoltWinters.c) with R's start values: `decompose` of the first
 * two seasons, the level and trend from a straight line through its moving average indexed
 * 1, 2, …, the seasonal figure as the first season's terms; the recursion starts at period m + 1.
 */
export function holtWintersR(x: readonly number[], period: number, parameters: HoltWintersParameters, seasonal: SeasonalForm): HoltWintersFit {
  const { alpha, beta, gamma } = parameters;
  const start = decompose(x.slice(0, 2 * period), period, seasonal);
  const line = fitLinear(start.trend.filter((value): value is number => value !== undefined));
  let level = line.intercept;
  let trend = line.slope;
  const season = start.figure.slice();
  const residuals: number[] = [];
  for (let i = period; i < x.length; i++) {
    const factor = season[i - period];
    const forecast = seasonal === 'additive' ? level + trend + factor : (level + trend) * factor;
    residuals.push(x[i] - forecast);
    const previous = level;
    level = alpha * (seasonal === 'additive' ? x[i] - factor : x[i] / factor) + (1 - alpha) * (level + trend);
    trend = beta * (level - previous) + (1 - beta) * trend;
    season.push(gamma * (seasonal === 'additive' ? x[i] - level : x[i] / level) + (1 - gamma) * factor);
  }
  return {
    alpha,
    beta,
    gamma,
    seasonal,
    period,
    a: level,
    b: trend,
    s: season.slice(season.length - period),
    residuals,
    sse: residuals.reduce((sum, value) => sum + value * value, 0),
  };
}

/**
 * R's `predict.HoltWinters(fit, n.ahead, prediction.interval = TRUE, level)`: the forecasts and
 * fit ± z·√var(h), with var(h) = var(residuals) · Σ ψ(j)² and
 * ψ(j) = α(1 + jβ) + [j mod m = 0] γ(1 − α); for the multiplicative form each ψ(j) is scaled by
 * s_rel / coef[2 + (rel − j) mod m] over j = 0 … h − 1, as R writes it.
 */
export function predictHoltWintersR(fit: HoltWintersFit, nAhead: number, level = 0.95): { fit: number; lwr: number; upr: number }[] {
  const { alpha, beta, gamma, period: m, a, b, s } = fit;
  const count = fit.residuals.length;
  const mean = fit.residuals.reduce((sum, value) => sum + value, 0) / count;
  const variance = fit.residuals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (count - 1);
  const psi = (j: number) => alpha * (1 + j * beta) + (j % m === 0 ? gamma * (1 - alpha) : 0);
  // R's coefficients vector is (a, b, s1, …, sm), 1-based: element 2 + k is s_k, but b when k = 0.
  // R's multiplicative formula divides by that element, b included; reproduced as published.
  const coefficient = (k: number) => (k === 0 ? b : s[k - 1]);
  const z = normalQuantile((1 + level) / 2);
  return Array.from({ length: nAhead }, (_, index) => {
    const h = index + 1;
    const position = (h - 1) % m;
    const value = fit.seasonal === 'additive' ? a + h * b + s[position] : (a + h * b) * s[position];
    let sum = 0;
    if (fit.seasonal === 'additive') {
      sum = 1;
      for (let j = 1; j < h; j++) sum += psi(j) ** 2;
    } else {
      const rel = position + 1;
      for (let j = 0; j < h; j++) sum += ((psi(j) * coefficient(rel)) / coefficient((((rel - j) % m) + m) % m)) ** 2;
    }
    const half = z * Math.sqrt(variance * sum);
    return { fit: value, lwr: value - half, upr: value + half };
  });
}
