import { goalChange } from '../analysis/growth';
import { goalDuplicates, goalKpiChecks, kpiBounds, withinBounds } from '../analysis/goals';
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

When a goal names several KPIs, its numbers are compared with the KPI its target fits (the nearest in order of magnitude), and the message names it. A target that reads as a change rather than a level ("win back 8" on a baseline of 85) is \`goal/kpi-target\`'s finding, and a number outside its KPI's range \`kpi/range\`'s: neither is judged here.

The check against the plan's own forecast comes with the planning-arithmetic rules.`,
  checkGoal(context, view) {
    const maxAnnualGrowth = Number(context.options.maxAnnualGrowth);
    const baseline = goalBaseline(view);
    const target = asNumber(view.goal.target);
    if (baseline === undefined || target === undefined || target === baseline) return undefined;
    // One finding per cause: a target written as a change, or a number the KPI cannot hold, is another rule's.
    const bounds = view.kpi && kpiBounds(view.kpi.data);
    if (!withinBounds(bounds, baseline) || !withinBounds(bounds, target)) return undefined;
    const kpiCheck = goalKpiChecks(context.plan).get(view.index)?.problem.kind;
    if (kpiCheck === 'change' || kpiCheck === 'changeOrPart') return undefined;
    // A goal that repeats another's numbers gets that goal's verdict, and `goal/duplicate` says so.
    if (goalDuplicates(context.plan).get(view.index)?.kind === 'same') return undefined;
    const direction = kpiDirection(view.kpi?.data);
    const params = { goal: view.label, kpi: view.kpi?.id ?? view.kpiIds[0] ?? '', baseline, target };
    if ((direction === 'increase' && target < baseline) || (direction === 'decrease' && target > baseline)) {
      return {
        path: ['goals', view.index, 'target'],
        messageId: direction === 'increase' ? 'smart/achievable.shouldIncrease' : 'smart/achievable.shouldDecrease',
        params,
      };
    }
    const change = goalChange(context.plan, view);
    if (change === undefined || Math.abs(change.annual) <= maxAnnualGrowth) return undefined;
    const annual = Math.abs(change.annual);
    return {
      path: ['goals', view.index, 'target'],
      messageId: view.kpiIds.length > 1 ? 'smart/achievable.tooFastOn' : 'smart/achievable.tooFast',
      params: { ...params, annual, max: maxAnnualGrowth, deadline: String(view.goal.deadline), change: Math.abs(change.total), years: change.years },
    };
  },
});
