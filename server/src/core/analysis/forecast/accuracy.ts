/** How well a model fits its history, and the information criterion that compares models. */

export interface Accuracy {
  readonly me: number;
  readonly rmse: number;
  readonly mae: number;
  /** Mean absolute percentage error, in percent; null when an actual value is 0 (or so near it that the ratio overflows). */
  readonly mape: number | null;
  /**
   * Mean absolute scaled error: MAE over the in-sample mean absolute difference at lag `lag`
   * (R `forecast::accuracy`'s scale: lag 1 for non-seasonal models, lag m for seasonal ones);
   * null when that scale is 0 or undefined (a constant series, too short a history).
   */
  readonly mase: number | null;
}

/** Accuracy of in-sample one-step (or fitted) values. */
export function accuracy(actual: readonly number[], fitted: readonly number[], lag = 1): Accuracy {
  const n = actual.length;
  let sum = 0;
  let squares = 0;
  let absolute = 0;
  let percent = 0;
  let zero = false;
  for (let t = 0; t < n; t++) {
    const error = actual[t] - fitted[t];
    sum += error;
    squares += error * error;
    absolute += Math.abs(error);
    if (actual[t] === 0) zero = true;
    else percent += Math.abs(error / actual[t]);
  }
  let scale = 0;
  for (let t = lag; t < n; t++) scale += Math.abs(actual[t] - actual[t - lag]);
  scale = n > lag ? scale / (n - lag) : 0;
  const mae = absolute / n;
  const mape = (100 * percent) / n;
  const mase = mae / scale;
  return {
    me: sum / n,
    rmse: Math.sqrt(squares / n),
    mae,
    mape: !zero && Number.isFinite(mape) ? mape : null,
    mase: scale > 0 && Number.isFinite(mase) ? mase : null,
  };
}

/**
 * AICc from the Gaussian likelihood at its maximum (σ̂² = SSE / n), the same formula for every
 * model fitted to the same n values, so that their values compare:
 *
 *   AIC  = n log(2π σ̂²) + n + 2k
 *   AICc = AIC + 2k(k + 1) / (n − k − 1)
 *
 * with k the number of estimated parameters, σ² included (R's `AIC` of an `lm` is this AIC).
 * An additive-error ETS model has this likelihood with its one-step errors, its initial states
 * counted in k. σ̂² is kept above 1e-20 of the data's mean square so that a perfect fit gives a
 * very low, finite value. Undefined when n ≤ k + 1.
 */
export function gaussianAicc(sse: number, n: number, k: number, meanSquare: number): number | undefined {
  if (n <= k + 1) return undefined;
  const variance = Math.max(sse / n, meanSquare * 1e-20, Number.MIN_VALUE);
  return n * Math.log(2 * Math.PI * variance) + n + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}
