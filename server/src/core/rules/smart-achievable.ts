import { asNumber, kpiDirection, parseDate, type PlanModel } from '../model';
import { defineSmartRule, goalBaseline, type GoalView } from './goals';

const DAYS_PER_YEAR = 365.25;

/**
 * The change a goal asks for, annualised linearly from `period.start` to its deadline:
 * percent a year, signed, rounded to a whole percent by magnitude. Undefined when it is not
 * judged: no baseline, target or deadline, a target equal to the baseline, a baseline of 0,
 * or a deadline on or before the start. (The rule and the inlay hint share it.)
 */
export function annualChange(plan: PlanModel, view: GoalView): number | undefined {
  const period = plan.period;
  const baseline = goalBaseline(view);
  const target = asNumber(view.goal.target);
  const deadline = parseDate(view.goal.deadline);
  if (baseline === undefined || target === undefined || target === baseline || baseline === 0) return undefined;
  if (!period || deadline === undefined || deadline <= period.start) return undefined;
  // Both ends count: a goal due on 31 December of a plan starting 1 January has a full year.
  const years = (deadline - period.start + 1) / DAYS_PER_YEAR;
  // Whole percents, as messages show them, so that "100 %" is never "above 100 %".
  const magnitude = Math.round((Math.abs(target - baseline) / Math.abs(baseline) / years) * 100);
  return target > baseline ? magnitude : -magnitude;
}

export const smartAchievable = defineSmartRule({
  letter: 'A',
  id: 'smart/achievable',
  description: "A goal's target is unrealistic for its deadline, or moves its KPI the wrong way.",
  defaultSeverity: 'warning',
  options: {
    maxAnnualGrowth: {
      type: 'number',
      default: 100,
      description: 'The largest change from baseline to target, in percent per year, that counts as achievable.',
    },
  },
  docs: `**A**chievable: is the target realistic with the time and means the plan has? The rule computes the change from baseline to target, relative to the baseline, and annualises it linearly over the time from \`period.start\` to the goal's \`deadline\`:

    annual change = |target − baseline| ÷ |baseline| ÷ years

(counting both the first and the last day, and rounded to a whole percent)

and warns when it exceeds \`maxAnnualGrowth\` (100 % a year by default). It also warns when the target moves the KPI the wrong way: below the baseline for a KPI where higher is better, above it for one where lower is better (\`direction\`, or the catalog metric's direction, such as \`cost-per-lead\` or \`churn-rate\`).

\`\`\`yaml
period: { start: 2026-01-01, end: 2026-12-31 }
goals:
  - id: leads-x5
    baseline: 100
    target: 500          # +400 % in six months = 800 % a year
    deadline: 2026-06-30
\`\`\`

Configure the bound in \`.planrc.yaml\`:

\`\`\`yaml
rules:
  smart/achievable: { severity: warning, maxAnnualGrowth: 150 }
\`\`\`

The check against the plan's own forecast comes with the planning-arithmetic rules.`,
  checkGoal(context, view) {
    const maxAnnualGrowth = Number(context.options.maxAnnualGrowth);
    const baseline = goalBaseline(view);
    const target = asNumber(view.goal.target);
    if (baseline === undefined || target === undefined || target === baseline) return undefined;
    const direction = kpiDirection(view.kpis[0]);
    const params = { goal: view.label, kpi: view.kpiIds[0] ?? '', baseline, target };
    if ((direction === 'increase' && target < baseline) || (direction === 'decrease' && target > baseline)) {
      return {
        path: ['goals', view.index, 'target'],
        messageId: direction === 'increase' ? 'smart/achievable.shouldIncrease' : 'smart/achievable.shouldDecrease',
        params,
      };
    }
    const change = annualChange(context.plan, view);
    if (change === undefined || Math.abs(change) <= maxAnnualGrowth) return undefined;
    const annual = Math.abs(change);
    return {
      path: ['goals', view.index, 'target'],
      messageId: 'smart/achievable.tooFast',
      params: { ...params, annual, max: maxAnnualGrowth, deadline: String(view.goal.deadline) },
    };
  },
});
