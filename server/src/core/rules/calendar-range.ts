import { fixList, swapDatesFix } from './fixes';
import { asArray, asRecord, parseDate } from '../model/model';
import type { Rule } from './rule';

export const calendarRange: Rule = {
  id: 'calendar/range',
  description: 'A calendar activity ends before it starts, or falls outside the plan period.',
  defaultSeverity: 'warning',
  docs: `Each activity in \`calendar\` runs from \`start\` to \`end\`, inside the plan's \`period\`. The rule warns when an activity ends before it starts (usually swapped dates) and when either date falls outside the period.

\`\`\`yaml
period: { start: 2026-01-01, end: 2026-12-31 }
calendar:
  - id: spring-launch
    name: Spring launch campaign
    start: 2026-03-01
    end: 2026-04-15
\`\`\``,
  check(context) {
    const { period, data } = context.plan;
    const periodData = asRecord(data.period);
    asArray(data.calendar).forEach((item, index) => {
      const activity = asRecord(item);
      if (!activity) return;
      const id = String(activity.id ?? `#${index + 1}`);
      const start = parseDate(activity.start);
      const end = parseDate(activity.end);
      if (start !== undefined && end !== undefined && end < start) {
        context.report({
          path: ['calendar', index, 'end'],
          messageId: 'calendar/range.reversed',
          params: { id, start: String(activity.start), end: String(activity.end) },
          fixes: fixList(swapDatesFix(context.editor, ['calendar', index, 'start'], ['calendar', index, 'end'])),
        });
        return;
      }
      if (!period) return;
      for (const key of ['start', 'end'] as const) {
        const date = key === 'start' ? start : end;
        if (date === undefined || (date >= period.start && date <= period.end)) continue;
        context.report({
          path: ['calendar', index, key],
          messageId: 'calendar/range.outside',
          params: { id, date: String(activity[key]), periodStart: String(periodData?.start), periodEnd: String(periodData?.end) },
        });
      }
    });
  },
};
