/** The linear trend: ordinary least squares of the values on their period index. */

/** A forecast step (1 = the period after the history) and the weight it has in a sum. */
export interface StepWeight {
  readonly step: number;
  readonly weight: number;
}

/** y ≈ intercept + slope · t, with t = 1 for the first period of the history (as R's `lm(y ~ seq_along(y))`). */
export interface LinearFit {
  readonly intercept: number;
  readonly slope: number;
  readonly n: number;
  readonly sse: number;
  /** SSE / (n − 2), the unbiased residual variance. */
  readonly sigma2: number;
  readonly fitted: number[];
  /** Σ (t − t̄)², which with n gives (XᵀX)⁻¹. */
  readonly sxx: number;
}

/** Fits the trend; needs n ≥ 3 for an error variance (n − 2 degrees of freedom). */
export function fitLinear(y: readonly number[]): LinearFit {
  const n = y.length;
  const meanT = (n + 1) / 2;
  const meanY = y.reduce((sum, value) => sum + value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (i + 1 - meanT) ** 2;
    sxy += (i + 1 - meanT) * (y[i] - meanY);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = meanY - slope * meanT;
  const fitted = y.map((_, i) => intercept + slope * (i + 1));
  const sse = y.reduce((sum, value, i) => sum + (value - fitted[i]) ** 2, 0);
  return { intercept, slope, n, sse, sigma2: n > 2 ? sse / (n - 2) : 0, fitted, sxx };
}

/** The trend's value `step` periods after the history. */
export function linearMean(fit: LinearFit, step: number): number {
  return fit.intercept + fit.slope * (fit.n + step);
}

/**
 * The variance of the error of Σ w_h ŷ_{n+h} as a prediction of Σ w_h y_{n+h}: the new noise of
 * every period plus the shared error of the estimated coefficients,
 * σ² [Σ w_h² + x_wᵀ (XᵀX)⁻¹ x_w] with x_w = Σ w_h (1, t_h). With X centred on t̄ the quadratic
 * form is W²/n + (T − W t̄)² / Sxx, where W = Σ w_h and T = Σ w_h t_h.
 */
export function linearSumVariance(fit: LinearFit, weights: readonly StepWeight[]): number {
  let squares = 0;
  let total = 0;
  let moment = 0;
  for (const { step, weight } of weights) {
    squares += weight * weight;
    total += weight;
    moment += weight * (fit.n + step);
  }
  const centred = moment - total * ((fit.n + 1) / 2);
  return fit.sigma2 * (squares + (total * total) / fit.n + (fit.sxx > 0 ? (centred * centred) / fit.sxx : 0));
}
