import { annualChange } from '../analysis/growth';
import { asNumber, kpiDirection } from '../model/model';
import { defineSmartRule } from './smart-rule';
import { goalBaseline } from '../model/goals';

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
