/**
 * Exponential smoothing with additive errors in the innovations state space form of Hyndman &
 * Athanasopoulos (FPP3 §8.5-8.7): simple (A,N,N), Holt (A,A,N), damped Holt (A,Ad,N) and
 * additive Holt-Winters (A,A,A), with forecasts, the variance of any weighted sum of future
 * values, and the fit of (A,A,A) that the product uses.
 *
 *   ŷ_t = l_{t−1} + φ b_{t−1} + s_{t−m}        ε_t = y_t − ŷ_t
 *   l_t = l_{t−1} + φ b_{t−1} + α ε_t
 *   b_t = φ b_{t−1} + β ε_t
 *   s_t = s_{t−m} + γ ε_t
 */
import { minimize } from './optimize';

export interface EtsParameters {
  readonly alpha: number;
  /** Trend smoothing in the error form above (R's `ets` beta, not `HoltWinters`' β*); absent: no trend. */
  readonly beta?: number;
  /** Seasonal smoothing in the error form above; absent: no season. */
  readonly gamma?: number;
  /** Damping; 1 when absent. */
  readonly phi?: number;
  /** The seasonal period m, with `gamma`. */
  readonly period?: number;
}

/** `season[i]` is the seasonal term of the (i + 1)-th period from now, as R's `HoltWinters` orders s1..sm. */
export interface EtsState {
  readonly level: number;
  readonly trend: number;
  readonly season: readonly number[];
}

export interface EtsRun {
  /** The one-step errors ε_t. */
  readonly errors: number[];
  readonly fitted: number[];
  readonly sse: number;
  readonly final: EtsState;
}

function seasonOf(parameters: EtsParameters): number {
  return parameters.gamma !== undefined && parameters.period !== undefined && parameters.period > 1 ? parameters.period : 0;
}

/**
 * Runs the recursions for `runs` initial states at once over n periods: run 0 over `y`, the others
 * over zeros (what `etsInitialState` needs). States are laid out as `level[r]`, `trend[r]`,
 * `season[r·m' + slot]`, errors as `errors[r·n + t]`. A model without trend runs with β = 0 from
 * b = 0 and one without season with m' = 1, γ = 0 from s = 0: the same loop, without branches.
 */
function filterRuns(y: readonly number[], parameters: EtsParameters, runs: number, level: Float64Array, trend: Float64Array, season: Float64Array, errors: Float64Array): void {
  const n = y.length;
  const m = Math.max(1, seasonOf(parameters));
  const alpha = parameters.alpha;
  const beta = parameters.beta ?? 0;
  const gamma = m > 1 ? (parameters.gamma ?? 0) : 0;
  const phi = parameters.phi ?? 1;
  for (let t = 0, slot = 0; t < n; t++, slot = slot + 1 === m ? 0 : slot + 1) {
    for (let r = 0; r < runs; r++) {
      const seasonal = season[r * m + slot];
      const damped = phi * trend[r];
      const error = (r === 0 ? y[t] : 0) - (level[r] + damped + seasonal);
      errors[r * n + t] = error;
      level[r] += damped + alpha * error;
      trend[r] = damped + beta * error;
      season[r * m + slot] = seasonal + gamma * error;
    }
  }
}

/** Smooths `y` from the given initial state (its `season`, m terms, ordered as the periods of `y` use them). */
export function etsFilter(y: readonly number[], parameters: EtsParameters, initial: EtsState): EtsRun {
  const n = y.length;
  const m = seasonOf(parameters);
  const level = Float64Array.of(initial.level);
  const trend = Float64Array.of(parameters.beta !== undefined ? initial.trend : 0);
  const season = m > 0 ? Float64Array.from(initial.season.slice(0, m)) : new Float64Array(1);
  const errorArray = new Float64Array(n);
  filterRuns(y, parameters, 1, level, trend, season, errorArray);
  const errors = Array.from(errorArray);
  return {
    errors,
    fitted: y.map((value, t) => value - errors[t]),
    sse: errors.reduce((sum, error) => sum + error * error, 0),
    final: { level: level[0], trend: trend[0], season: Array.from({ length: m }, (_, i) => season[(n + i) % m]) },
  };
}

/** φ + φ² + … + φ^h, which is h without damping. */
function dampedSum(phi: number, steps: number): number {
  if (phi === 1) return steps;
  let sum = 0;
  let power = 1;
  for (let i = 0; i < steps; i++) sum += power *= phi;
  return sum;
}

/** The point forecast `step` periods after the state. */
export function etsMean(parameters: EtsParameters, state: EtsState, step: number): number {
  const m = seasonOf(parameters);
  const trend = parameters.beta !== undefined ? dampedSum(parameters.phi ?? 1, step) * state.trend : 0;
  return state.level + trend + (m > 0 ? state.season[(step - 1) % m] : 0);
}

/** c_j, the weight of ε_{n+h−j} in the error of the h-step forecast (c_0 = 1): α + β φ_j + γ [j mod m = 0]. */
export function etsErrorWeight(parameters: EtsParameters, j: number): number {
  if (j === 0) return 1;
  const m = seasonOf(parameters);
  const trend = parameters.beta !== undefined ? parameters.beta * dampedSum(parameters.phi ?? 1, j) : 0;
  return parameters.alpha + trend + (m > 0 && j % m === 0 ? (parameters.gamma ?? 0) : 0);
}

/**
 * The variance of the error of Σ w_h ŷ_{n+h}. Each future error is e_{n+h} = Σ_{j<h} c_j ε_{n+h−j},
 * so the sum collects Σ_h w_h c_{h−k} on each ε_{n+k}, and its variance is
 * σ² Σ_k (Σ_{h≥k} w_h c_{h−k})²: the covariances between the periods are in it, which summing
 * the periods' variances would drop. For one period it is FPP3's closed form.
 */
export function etsSumVariance(parameters: EtsParameters, sigma2: number, weights: readonly { step: number; weight: number }[]): number {
  const horizon = weights.reduce((most, { step }) => Math.max(most, step), 0);
  const c = Array.from({ length: horizon }, (_, j) => etsErrorWeight(parameters, j));
  let variance = 0;
  for (let k = 1; k <= horizon; k++) {
    let loading = 0;
    for (const { step, weight } of weights) if (step >= k) loading += weight * c[step - k];
    variance += loading * loading;
  }
  return sigma2 * variance;
}

/**
 * The initial state that minimises the SSE for given smoothing parameters. The errors are linear
 * in the initial state (ε = r + E z, r the errors from a zero state, E's columns the errors of
 * the data-free recursion from each unit state), so this is a least-squares problem, solved
 * exactly: the optimiser then searches over the smoothing parameters only. The seasonal terms
 * are held to sum to zero (the last is minus the sum of the others), as R's `ets` does; without
 * that, level and season could trade any constant.
 */
export function etsInitialState(y: readonly number[], parameters: EtsParameters): EtsState {
  return initialStateSolver(y, parameters)(parameters).state;
}

/**
 * The least-squares initial state and its SSE for any smoothing parameters of one model shape
 * (trend or not, period m) over `y`, with its work arrays allocated once: the optimiser calls it
 * hundreds of times, and allocation would otherwise cost more than the arithmetic.
 */
function initialStateSolver(y: readonly number[], shape: EtsParameters): (parameters: EtsParameters) => { state: EtsState; sse: number } {
  const n = y.length;
  const m = seasonOf(shape);
  const slots = Math.max(1, m);
  const trended = shape.beta !== undefined;
  const q = 1 + (trended ? 1 : 0) + Math.max(0, m - 1);
  const runs = q + 1;
  const level = new Float64Array(runs);
  const trend = new Float64Array(runs);
  const season = new Float64Array(runs * slots);
  const errors = new Float64Array(runs * n);
  const normal = new Float64Array(q * q);
  const rightHand = new Float64Array(q);
  const lower = new Float64Array(q * q);
  return (parameters) => {
    level.fill(0);
    trend.fill(0);
    season.fill(0);
    level[1] = 1;
    if (trended) trend[2] = 1;
    for (let j = 0, r = trended ? 3 : 2; j < m - 1; j++, r++) {
      season[r * slots + j] = 1;
      season[r * slots + m - 1] = -1;
    }
    filterRuns(y, parameters, runs, level, trend, season, errors);
    for (let a = 0; a < q; a++) {
      const columnA = (a + 1) * n;
      let product = 0;
      for (let t = 0; t < n; t++) product += errors[columnA + t] * errors[t];
      rightHand[a] = -product;
      for (let b = 0; b <= a; b++) {
        const columnB = (b + 1) * n;
        let sum = 0;
        for (let t = 0; t < n; t++) sum += errors[columnA + t] * errors[columnB + t];
        normal[a * q + b] = sum;
      }
    }
    const z = solveCholesky(normal, rightHand, lower, q);
    let sse = 0;
    for (let t = 0; t < n; t++) {
      let error = errors[t];
      for (let a = 0; a < q; a++) error += errors[(a + 1) * n + t] * z[a];
      sse += error * error;
    }
    const initialSeason = new Array<number>(m).fill(0);
    for (let j = 0, offset = trended ? 2 : 1; j < m - 1; j++) {
      initialSeason[j] = z[offset + j];
      initialSeason[m - 1] -= z[offset + j];
    }
    return { state: { level: z[0], trend: trended ? z[1] : 0, season: initialSeason }, sse };
  };
}

/**
 * Solves A z = b, A symmetric positive semi-definite given by its lower triangle (row-major,
 * q × q), by Cholesky into `lower`; b is overwritten with z. A ridge of 1e-10 of the largest
 * diagonal term keeps a nearly collinear design (smoothing parameters at their bounds)
 * solvable, at a cost in the SSE far below any tolerance that matters.
 */
function solveCholesky(matrix: Float64Array, rightHand: Float64Array, lower: Float64Array, q: number): Float64Array {
  let largest = 0;
  for (let i = 0; i < q; i++) largest = Math.max(largest, matrix[i * q + i]);
  const ridge = largest > 0 ? largest * 1e-10 : 1;
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * q + j] + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) sum -= lower[i * q + k] * lower[j * q + k];
      lower[i * q + j] = i === j ? Math.sqrt(Math.max(sum, ridge)) : sum / lower[j * q + j];
    }
  }
  const x = rightHand;
  for (let i = 0; i < q; i++) {
    let sum = x[i];
    for (let k = 0; k < i; k++) sum -= lower[i * q + k] * x[k];
    x[i] = sum / lower[i * q + i];
  }
  for (let i = q - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < q; k++) sum -= lower[k * q + i] * x[k];
    x[i] = sum / lower[i * q + i];
  }
  return x;
}

/** How many parameters an (A,A,A) fit estimates: α, β, γ, l_0, b_0 and m − 1 seasonal terms. */
export function seasonalParameterCount(m: number): number {
  return m + 4;
}

export interface SeasonalFit extends EtsRun {
  readonly parameters: Required<Pick<EtsParameters, 'alpha' | 'beta' | 'gamma' | 'period'>>;
  readonly initial: EtsState;
  /** SSE / (n − (m + 4)), as R's `ets` estimates σ². */
  readonly sigma2: number;
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => Math.log(p / (1 - p));

/** Starting points (α, β/α, γ/(1 − α)), from slowly to quickly adapting level and season. */
const STARTS = [
  [0.1, 0.05, 0.1],
  [0.3, 0.1, 0.3],
  [0.6, 0.05, 0.5],
  [0.2, 0.01, 0.7],
].map(([alpha, beta, gamma]) => [logit(alpha), logit(beta), logit(gamma)]);

/**
 * Fits (A,A,A) by least squares of the one-step errors over the whole series: the initial
 * state is solved exactly (`etsInitialState`) for each (α, β, γ), which Nelder–Mead searches
 * within R `ets`'s usual region 0 < α < 1, 0 < β < α, 0 < γ < 1 − α, reached through
 * α = L(u₁), β = α L(u₂), γ = (1 − α) L(u₃) with L the logistic function.
 */
export function fitAdditiveSeasonal(y: readonly number[], m: number): SeasonalFit {
  const toParameters = ([u1, u2, u3]: readonly number[]) => {
    const alpha = logistic(u1);
    return { alpha, beta: alpha * logistic(u2), gamma: (1 - alpha) * logistic(u3), period: m };
  };
  const solve = initialStateSolver(y, toParameters(STARTS[0]));
  const sse = (u: number[]) => solve(toParameters(u)).sse;
  const best = minimize(sse, STARTS, { step: 1, maxEvaluations: 300, tolerance: 1e-6 });
  const parameters = toParameters(best.point);
  const initial = solve(parameters).state;
  const run = etsFilter(y, parameters, initial);
  const dof = y.length - seasonalParameterCount(m);
  return { ...run, parameters, initial, sigma2: dof > 0 ? run.sse / dof : 0 };
}
