import { goalBaseline, type GoalView } from '../model/goals';
import { asNumber, parseDate, type PlanModel } from '../model/model';

const DAYS_PER_YEAR = 365.25;

/**
 * The change a goal asks for, annualised linearly from `period.start` to its deadline:
 * percent a year, signed, rounded to a whole percent by magnitude. Undefined when it is not
 * judged: no baseline, target or deadline, a target equal to the baseline, a baseline of 0,
 * or a deadline on or before the start. (The rule and the inlay hint share it.)
 */
export function annualChange(plan: PlanModel, view: GoalView): number | undefined {
  return goalChange(plan, view)?.annual;
}

/**
 * The change a goal asks for in full: `annual` as `annualChange` gives it, `total` the whole
 * change in percent (signed, whole), and `years` the time it has, from `period.start` to the deadline.
 */
export function goalChange(plan: PlanModel, view: GoalView): { annual: number; total: number; years: number } | undefined {
  const period = plan.period;
  const baseline = goalBaseline(view);
  const target = asNumber(view.goal.target);
  const deadline = parseDate(view.goal.deadline);
  if (baseline === undefined || target === undefined || target === baseline || baseline === 0) return undefined;
  if (!period || deadline === undefined || deadline <= period.start) return undefined;
  // Both ends count: a goal due on 31 December of a plan starting 1 January has a full year.
  const years = (deadline - period.start + 1) / DAYS_PER_YEAR;
  const sign = target > baseline ? 1 : -1;
  // Whole percents, as messages show them, so that "100 %" is never "above 100 %".
  const magnitude = Math.round((Math.abs(target - baseline) / Math.abs(baseline) / years) * 100);
  const total = Math.round((Math.abs(target - baseline) / Math.abs(baseline)) * 100);
  return { annual: sign * magnitude, total: sign * total, years: Math.round(years * 100) / 100 };
}
