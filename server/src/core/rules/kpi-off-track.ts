import { DEFAULT_PROGRESS_THRESHOLDS } from '../analysis/actuals/progress';
import { asArray, asRecord } from '../model/model';
import type { Rule } from './rule';

export const kpiOffTrack: Rule = {
  id: 'kpi/off-track',
  description: "A KPI's latest actual is behind its straight path from baseline to target.",
  defaultSeverity: 'information',
  options: {
    onTrack: { type: 'number', default: DEFAULT_PROGRESS_THRESHOLDS.onTrack, description: 'Progress at or above this share of the expected progress is on track.' },
    atRisk: { type: 'number', default: DEFAULT_PROGRESS_THRESHOLDS.atRisk, description: 'Progress at or above this share (and below on track) is at risk; below it, off track.' },
  },
  docs: `A plan is reviewed against what actually happens (the guide's “optimise continuously”). \`actuals\` names a CSV file beside the plan with the columns \`kpi,period,value\` (periods \`YYYY\`, \`YYYY-Qn\`, \`YYYY-MM\` or a date). For each KPI with actuals, the latest one is compared with the straight path from the KPI's \`baseline\` at \`period.start\` to its \`target\` at the deadline of the goal on it (or the plan's end):

    progress p = (actual − baseline) ÷ (target − baseline)

**on track** when p is at least 95 % of the progress due by then, **at risk** from 75 %, **off track** below. The rule stays quiet in the first tenth of the period, and judges against today's date (the CLI's \`--today\`).

\`\`\`yaml
actuals: actuals.csv
\`\`\`

\`\`\`csv
kpi,period,value
leads,2026-03,1450
leads,2026-06,2900
\`\`\``,
  check(context) {
    const actuals = context.figures.actuals;
    if (!actuals) return;
    asArray(context.plan.data.kpis).forEach((item, index) => {
      const id = asRecord(item)?.id;
      const progress = typeof id === 'string' ? actuals.progress.get(id) : undefined;
      if (!progress?.computable || (progress.status !== 'off-track' && progress.status !== 'at-risk') || !progress.latest) return;
      context.report({
        path: ['kpis', index],
        anchor: 'item',
        // A KPI whose target is its baseline is held, not moved: it is off track on the wrong side of it.
        messageId: progress.progress === undefined ? 'kpi/off-track.held' : progress.status === 'off-track' ? 'kpi/off-track' : 'kpi/off-track.atRisk',
        params: {
          kpi: id as string,
          target: progress.path.to.value,
          actual: progress.latest.value,
          period: progress.latest.period,
          expected: Math.round((progress.expectedValue ?? 0) * 100) / 100,
          progress: Math.round((progress.progress ?? 0) * 100),
          due: Math.round((progress.expected ?? 0) * 100),
        },
      });
    });
  },
};
