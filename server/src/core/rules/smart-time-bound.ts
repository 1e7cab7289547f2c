import { asRecord, isBlank, parseDate } from '../model';
import { goals } from './goals';
import type { Rule } from './rule';

export const smartTimeBound: Rule = {
  id: 'smart/time-bound',
  description: 'A goal has no deadline, or its deadline is outside the plan period.',
  defaultSeverity: 'warning',
  docs: `**T**ime-bound: by when? Every goal needs a \`deadline\` (an ISO date, \`YYYY-MM-DD\`) inside the plan's \`period\`.

\`\`\`yaml
period: { start: 2026-01-01, end: 2026-12-31 }
goals:
  - id: pipeline
    deadline: 2026-09-30
\`\`\``,
  check(context) {
    const period = context.plan.period;
    const periodData = asRecord(context.plan.data.period);
    const range = { start: String(periodData?.start), end: String(periodData?.end) };
    for (const view of goals(context.plan)) {
      if (isBlank(view.goal.deadline)) {
        context.report({
          path: ['goals', view.index],
          anchor: 'item',
          messageId: period ? 'smart/time-bound.missing' : 'smart/time-bound.missingNoPeriod',
          params: { goal: view.label, ...range },
        });
        continue;
      }
      const deadline = parseDate(view.goal.deadline);
      if (!period || deadline === undefined) continue;
      if (deadline < period.start || deadline > period.end) {
        context.report({
          path: ['goals', view.index, 'deadline'],
          messageId: 'smart/time-bound.outside',
          params: { goal: view.label, deadline: String(view.goal.deadline), ...range },
        });
      }
    }
  },
};
