import { goalChange } from '../analysis/growth';
import { goalDuplicates, goalKpiChecks, kpiBounds, withinBounds } from '../analysis/goals';
import { asNumber, kpiDirection } from '../model/model';
import { defineSmartRule } from './smart-rule';
import { goalBaseline, type GoalView } from '../model/goals';
import { targetPosition } from '../analysis/forecast';
import type { GoalCheckContext, Report } from './rule';

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
    projectionMargin: {
      type: 'number',
      default: 10,
      description: "How far, in percent, a revenue goal may exceed the total of the plan's own projections.",
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

A **revenue** goal (on a KPI whose \`metric\` is \`revenue\`) is also held to the plan's forecast (\`forecast.history\`, the model of \`forecast.method\`): above the upper bound of the 95 % prediction band of the plan period's total, history does not support it. The message says where the target sits: at or below the forecast, a *commit*; within the 80 % band, a *best case*; within the 95 % band, a *stretch*; above it, *unsupported by history*. With the plan's own \`projections\`, a revenue goal more than \`projectionMargin\` (10 %) above their total is flagged too.

When a goal names several KPIs, its numbers are compared with the KPI its target fits (the nearest in order of magnitude), and the message names it. A target that reads as a change rather than a level (“win back 8” on a baseline of 85), or that goes beyond its KPI's target for the whole plan, is \`goal/kpi-target\`'s finding, and a number outside its KPI's range \`kpi/range\`'s: none of them is judged here.`,
  inputs(context, view) {
    const inputs: unknown[] = [goalKpiChecks(context.plan).get(view.index)?.problem.kind, goalDuplicates(context.plan).get(view.index)?.kind, context.plan.period?.start];
    // A revenue goal is held to the forecast and the projections.
    if (view.kpis.some((kpi) => kpi.metric === 'revenue')) {
      const forecast = context.figures.forecast;
      const total = forecast?.outcome.ok ? forecast.outcome.total : undefined;
      inputs.push(forecast === undefined, total?.upper95, total?.forecast, total?.period, forecast?.projectionsTotal, context.figures.currency);
    }
    return inputs;
  },
  checkGoal(context, view) {
    const maxAnnualGrowth = Number(context.options.maxAnnualGrowth);
    const baseline = goalBaseline(view);
    const target = asNumber(view.goal.target);
    if (baseline === undefined || target === undefined || target === baseline) return undefined;
    // One finding per cause: a target written as a change, or a number the KPI cannot hold, is another rule's.
    const bounds = view.kpi && kpiBounds(view.kpi.data);
    if (!withinBounds(bounds, baseline) || !withinBounds(bounds, target)) return undefined;
    // A target that is a change, or that goes beyond its KPI's target for the whole plan, is
    // `goal/kpi-target`'s finding: the growth it implies comes from the same wrong number.
    const kpiCheck = goalKpiChecks(context.plan).get(view.index)?.problem.kind;
    if (kpiCheck === 'change' || kpiCheck === 'changeOrPart' || kpiCheck === 'exceeds' || kpiCheck === 'targetBeyond') return undefined;
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
    if (change === undefined || Math.abs(change.annual) <= maxAnnualGrowth) return againstForecast(context, view, target);
    const annual = Math.abs(change.annual);
    return {
      path: ['goals', view.index, 'target'],
      messageId: view.kpiIds.length > 1 ? 'smart/achievable.tooFastOn' : 'smart/achievable.tooFast',
      params: { ...params, annual, max: maxAnnualGrowth, deadline: String(view.goal.deadline), change: Math.abs(change.total), years: change.years },
    };
  },
});

/** A revenue goal against the forecast band of the plan period's total, and against the plan's own projections. */
function againstForecast(context: GoalCheckContext, view: GoalView, target: number): Report | undefined {
  if (!view.kpis.some((kpi) => kpi.metric === 'revenue')) return undefined;
  const forecast = context.figures.forecast;
  if (!forecast) return undefined;
  const path = ['goals', view.index, 'target'];
  const currency = context.figures.currency ?? '';
  if (forecast.outcome.ok) {
    const total = forecast.outcome.total;
    if (targetPosition(target, total) === 'unsupported') {
      return {
        path,
        messageId: 'smart/achievable.forecast',
        params: { goal: view.label, target, upper: Math.round(total.upper95), forecast: Math.round(total.forecast), above: Math.round(((target - total.upper95) / total.upper95) * 100), period: total.period, currency },
      };
    }
  }
  const margin = Number(context.options.projectionMargin);
  const projected = forecast.projectionsTotal;
  if (projected !== undefined && projected > 0 && target > projected * (1 + margin / 100)) {
    return { path, messageId: 'smart/achievable.projections', params: { goal: view.label, target, projected, above: Math.round(((target - projected) / projected) * 100), margin, currency } };
  }
  return undefined;
}
