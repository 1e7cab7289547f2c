import { goals } from '../model/goals';
import { asRecord, parseDate } from '../model/model';
import { planStatus } from '../model/status';
import { fixList, setStatusFix } from './fixes';
import type { Rule, RuleContext } from './rule';

/** How long after a deadline a KPI measured this often has its result: one measuring interval. */
const RESULT_DELAY_DAYS: Readonly<Record<string, number>> = { daily: 1, weekly: 7, monthly: 31, quarterly: 92, yearly: 366 };

export const planStale: Rule = {
  id: 'plan/stale',
  description: 'The plan period has ended, or goal deadlines have passed, judged against today.',
  defaultSeverity: 'information',
  docs: `A plan is read against the calendar: one whose period ended is a record, not a plan, and a goal whose deadline has passed needs its result written down. Judged against today's date (the CLI takes \`--today YYYY-MM-DD\`; the editor reads the computer's date), the rule notes

- a plan whose \`period\` has ended while its \`status\` is still \`active\`, \`approved\` or \`review\`: mark it \`status: archived\` (the quick fix does it), or move the period forward to plan the next one. A \`draft\` whose period has ended is planning the past: move the period and the deadlines forward;
- a goal whose \`deadline\` has passed, inside a period that is still running, once its result is due: one measuring interval of its KPI after the deadline (its \`frequency\`: a day, a week, a month, a quarter, a year; none without a KPI or a frequency), so that a monthly KPI's June deadline is noted once July's figures are in. Record whether the target was reached, then close the goal or set a new deadline.

When the period has ended, the goals' deadlines are not noted one by one: the plan as a whole is the finding. Deadlines outside the period are \`smart/time-bound\`'s. An \`archived\` plan is not checked at all.

\`\`\`yaml
status: archived       # the 2025 plan, kept for the record
period: { start: 2025-01-01, end: 2025-12-31 }
\`\`\``,
  check(context) {
    const today = parseDate(context.today);
    const { period } = context.plan;
    if (today === undefined || !period) return;
    const status = planStatus(context.plan);
    if (today > period.end) {
      const draft = status === 'draft';
      context.report({
        path: ['period', 'end'],
        messageId: draft ? 'plan/stale.endedDraft' : 'plan/stale.ended',
        params: { end: String(asRecord(context.plan.data.period)?.end), days: days(context, today - period.end), today: context.today!, status },
        fixes: draft ? undefined : fixList(setStatusFix(context.editor, context.plan, 'archived')),
      });
      return;
    }
    for (const view of goals(context.plan)) {
      const deadline = parseDate(view.goal.deadline);
      if (deadline === undefined || deadline < period.start) continue;
      // The result is due one measuring interval after the deadline.
      const due = deadline + (RESULT_DELAY_DAYS[String(view.kpi?.data.frequency)] ?? 0);
      if (due >= today) continue;
      context.report({
        path: ['goals', view.index, 'deadline'],
        messageId: 'plan/stale.deadline',
        params: { goal: view.label, deadline: String(view.goal.deadline), days: days(context, today - deadline), today: context.today! },
      });
    }
  },
};

/** "340 days", "1 zi", "15 zile", "340 de zile". */
function days(context: RuleContext, count: number): string {
  return context.t(`plan/stale.days.${context.plural(count)}`, { count });
}
