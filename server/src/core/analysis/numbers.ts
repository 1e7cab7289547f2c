/** What the calculations share: why an input is unusable, and rounding that survives floating point. */

/**
 * Why an input cannot enter a calculation: absent (or not a finite number); zero or negative (for a
 * period or a deadline: not after its start); a percentage of a whole above 100; a magnitude no
 * plan writes (below 1e-9 or above 1e15), where products and quotients would overflow to infinity.
 */
export type InputReason = 'missing' | 'not-positive' | 'above-100' | 'out-of-range';

export interface InputProblem<Input extends string> {
  input: Input;
  reason: InputReason;
  /** Position in a list input (one of several stage rates, one team role). */
  index?: number;
}

/** A calculation that could not be made, with every input at fault, so that one message can name them all. */
export interface NotComputable<Input extends string> {
  computable: false;
  problems: InputProblem<Input>[];
}

// Within these bounds, a product or quotient of a handful of inputs stays a finite, non-zero double.
const SMALLEST = 1e-9;
const LARGEST = 1e15;

/** Why a value cannot be used as a positive amount (leads, a deal size, a cost), or undefined when it can. */
export function positiveReason(value: number | undefined): InputReason | undefined {
  if (value === undefined || !Number.isFinite(value)) return 'missing';
  if (value <= 0) return 'not-positive';
  return value < SMALLEST || value > LARGEST ? 'out-of-range' : undefined;
}

/** Why a value cannot be used as a percentage of a whole (a conversion rate, a margin), or undefined when it can. */
export function percentReason(value: number | undefined): InputReason | undefined {
  const reason = positiveReason(value);
  if (reason !== undefined || value === undefined) return reason;
  return value > 100 ? 'above-100' : undefined;
}

/** Why a value cannot be used as a signed amount (a baseline, a target), or undefined when it can. */
export function signedReason(value: number | undefined): InputReason | undefined {
  if (value === undefined || !Number.isFinite(value)) return 'missing';
  return Math.abs(value) > LARGEST ? 'out-of-range' : undefined;
}

// Quotients such as 10,000 ÷ (10 % × 100) come out as 1000.0000000000001; relative to their size,
// differences this small are rounding noise, never a real shortfall.
const NOISE = 1e-12;

/** The smallest whole number at least `value`, ignoring floating-point noise: what "needs N leads" means. */
export function ceilWhole(value: number): number {
  return Math.ceil(value - Math.abs(value) * NOISE);
}

/** `value ≥ bound`, ignoring floating-point noise (0.3 ÷ 0.1 is 2.9999999999999996). */
export function atLeast(value: number, bound: number): boolean {
  return value >= bound - Math.max(Math.abs(value), Math.abs(bound)) * NOISE;
}

/** The problems among `[input, reason, index?]` checks: the ones with a reason. */
export function problemsOf<Input extends string>(checks: readonly (readonly [Input, InputReason | undefined, number?])[]): InputProblem<Input>[] {
  return checks.flatMap(([input, reason, index]) => {
    if (reason === undefined) return [];
    return [index === undefined ? { input, reason } : { input, reason, index }];
  });
}

/** Σ values (0 for none). */
export function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}
