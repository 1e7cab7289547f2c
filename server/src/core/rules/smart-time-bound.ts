import { addKeysFix, fixList } from './fixes';
import { asRecord, isBlank, parseDate } from '../model/model';
import { defineSmartRule } from './smart-rule';

export const smartTimeBound = defineSmartRule({
  letter: 'T',
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
  inputs(context) {
    const periodData = asRecord(context.plan.data.period);
    return [context.plan.period?.start, context.plan.period?.end, periodData?.start, periodData?.end];
  },
  checkGoal(context, view) {
    const period = context.plan.period;
    const periodData = asRecord(context.plan.data.period);
    const range = { start: String(periodData?.start), end: String(periodData?.end) };
    if (isBlank(view.goal.deadline)) {
      return {
        path: ['goals', view.index],
        anchor: 'item',
        messageId: period ? 'smart/time-bound.missing' : 'smart/time-bound.missingNoPeriod',
        params: { goal: view.label, ...range },
        fixes: period ? fixList(addKeysFix(context.editor, ['goals', view.index], [['deadline', range.end]], context.list)) : undefined,
      };
    }
    const deadline = parseDate(view.goal.deadline);
    if (!period || deadline === undefined || (deadline >= period.start && deadline <= period.end)) return undefined;
    return {
      path: ['goals', view.index, 'deadline'],
      messageId: 'smart/time-bound.outside',
      params: { goal: view.label, deadline: String(view.goal.deadline), ...range },
    };
  },
});
