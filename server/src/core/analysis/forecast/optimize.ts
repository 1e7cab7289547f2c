/** A small Nelder–Mead minimiser, unconstrained: bounded parameters are mapped onto the real line by the caller. */

export interface Minimum {
  readonly point: number[];
  readonly value: number;
  readonly evaluations: number;
}

export interface MinimizeOptions {
  /** The size of the first simplex along each axis. */
  readonly step?: number;
  /** A hard limit, so that a flat or chaotic objective still ends. */
  readonly maxEvaluations?: number;
  /** Stop when the simplex's values agree to this relative precision (R's `optim` criterion). */
  readonly tolerance?: number;
}

/** Minimises from one start; NaN counts as +∞, so the search walks away from where the objective is undefined. */
export function nelderMead(objective: (point: number[]) => number, start: readonly number[], options: MinimizeOptions = {}): Minimum {
  const { step = 0.5, maxEvaluations = 400, tolerance = 1e-9 } = options;
  const dimension = start.length;
  let evaluations = 0;
  const evaluate = (point: number[]) => {
    evaluations++;
    const value = objective(point);
    return Number.isNaN(value) ? Infinity : value;
  };
  const simplex = [start.slice()];
  for (let i = 0; i < dimension; i++) {
    const vertex = start.slice();
    vertex[i] += step;
    simplex.push(vertex);
  }
  const values = simplex.map(evaluate);
  const order = simplex.map((_, i) => i);
  const along = (from: number[], to: number[], factor: number) => from.map((value, i) => value + factor * (to[i] - value));

  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a] - values[b] || a - b);
    const best = order[0];
    const worst = order[dimension];
    if (values[worst] - values[best] <= tolerance * (Math.abs(values[best]) + tolerance)) break;
    if (!Number.isFinite(values[best]) && values[best] === values[worst]) break;

    const centroid = new Array<number>(dimension).fill(0);
    for (const index of order.slice(0, dimension)) for (let i = 0; i < dimension; i++) centroid[i] += simplex[index][i] / dimension;
    const secondWorst = values[order[dimension - 1]];
    const reflected = along(centroid, simplex[worst], -1);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[best]) {
      const expanded = along(centroid, simplex[worst], -2);
      const expandedValue = evaluate(expanded);
      [simplex[worst], values[worst]] = expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < secondWorst) {
      [simplex[worst], values[worst]] = [reflected, reflectedValue];
    } else {
      const outside = reflectedValue < values[worst];
      const contracted = along(centroid, outside ? reflected : simplex[worst], 0.5);
      const contractedValue = evaluate(contracted);
      if (contractedValue < Math.min(reflectedValue, values[worst])) {
        [simplex[worst], values[worst]] = [contracted, contractedValue];
      } else {
        for (const index of order.slice(1)) {
          simplex[index] = along(simplex[best], simplex[index], 0.5);
          values[index] = evaluate(simplex[index]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  return { point: simplex[best], value: values[best], evaluations };
}

/**
 * The best of several Nelder–Mead runs, one from each start, with a restart from the winner:
 * a simplex can collapse on a ridge short of the minimum, and a fresh one around it moves on.
 */
export function minimize(objective: (point: number[]) => number, starts: readonly (readonly number[])[], options: MinimizeOptions = {}): Minimum {
  let best: Minimum | undefined;
  let evaluations = 0;
  for (const start of starts) {
    const run = nelderMead(objective, start, options);
    evaluations += run.evaluations;
    if (!best || run.value < best.value) best = run;
  }
  const restart = nelderMead(objective, best!.point, { ...options, step: (options.step ?? 0.5) / 4 });
  evaluations += restart.evaluations;
  return { ...(restart.value <= best!.value ? restart : best!), evaluations };
}
