import { nextPeriod, parsePeriod, periodDays, periodLabel, type Period } from '../analysis/forecast';
import { asArray, asRecord, type PlanModel } from '../model/model';
import type { MessageId } from '../base/messages';
import type { Rule } from './rule';

/** A period that is not a period at all is the schema's finding (`schema/pattern`), not this rule's. */
const PROBLEM_MESSAGES: Partial<Record<string, MessageId>> = {
  'mixed-granularity': 'forecast/periods.mixed',
  'duplicate-period': 'forecast/periods.duplicate',
  'out-of-order': 'forecast/periods.order',
  gap: 'forecast/periods.gap',
  'overlaps-plan': 'forecast/periods.inPlan',
};

export const forecastPeriods: Rule = {
  id: 'forecast/periods',
  description: 'Forecast history is not consecutive, mixes granularities or reaches into the plan period; projections fall outside it or overlap.',
  defaultSeverity: 'warning',
  docs: `Periods in \`forecast\` are \`YYYY\`, \`YYYY-Qn\` or \`YYYY-MM\`. The \`history\` is one granularity, in order, with no period missing or repeated, and ends before the plan period starts (what lies inside the plan period is a projection, not history). \`projections\` lie inside the plan period and do not overlap; they may be finer near term (months, then quarters).

\`\`\`yaml
period: { start: 2026-01-01, end: 2026-12-31 }
forecast:
  history:
    - { period: 2024-Q4, revenue: 410000 }
    - { period: 2025-Q1, revenue: 300000 }   # consecutive quarters, all before 2026
  projections:
    - { period: 2026-01, revenue: 110000 }
    - { period: 2026-02, revenue: 105000 }
    - { period: 2026-03, revenue: 120000 }
    - { period: 2026-Q2, revenue: 360000 }   # months, then quarters
\`\`\``,
  check(context) {
    const forecast = context.figures.forecast;
    if (forecast && !forecast.outcome.ok && forecast.outcome.reason === 'invalid-history') {
      for (const problem of forecast.outcome.problems) {
        const messageId = PROBLEM_MESSAGES[problem.code];
        if (messageId) context.report({ path: ['forecast', 'history', problem.index, 'period'], messageId, params: problem.code === 'gap' ? { missing: missingPeriods(problem.firstMissing, problem.period, problem.missing) } : {} });
      }
    }
    checkProjections(context.plan, (index, messageId, params) => context.report({ path: ['forecast', 'projections', index, 'period'], messageId, params }));
  },
};

/** The periods a gap leaves out: `2025-Q2`, or `2025-Q2 – 2025-Q4` (the CLI's forecast says it too). */
export function missingPeriods(first: string, after: string, count: number): string {
  const next = parsePeriod(after);
  return count > 1 && next ? `${first} – ${periodLabel(nextPeriod(next, -1))}` : first;
}

function checkProjections(plan: PlanModel, report: (index: number, messageId: MessageId, params: Record<string, string>) => void): void {
  const period = plan.period;
  const seen: { index: number; first: number; last: number; label: string }[] = [];
  asArray(asRecord(plan.data.forecast)?.projections).forEach((item, index) => {
    const raw = asRecord(item)?.period;
    const parsed: Period | undefined = parsePeriod(raw);
    if (!parsed) return;
    const { first, last } = periodDays(parsed);
    const label = String(raw);
    // A period that straddles an end of the plan period counts for its part inside (pro rata), as in the forecast.
    if (period && (last < period.start || first > period.end)) {
      report(index, 'forecast/periods.projectionOutside', { period: label });
      return;
    }
    const overlapping = seen.find((other) => first <= other.last && other.first <= last);
    if (overlapping) report(index, 'forecast/periods.projectionOverlap', { period: label, other: overlapping.label });
    else seen.push({ index, first, last, label });
  });
}
