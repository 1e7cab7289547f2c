import { asRecord, parseDate } from '../model/model';
import type { Rule } from './rule';

export const planPeriod: Rule = {
  id: 'plan/period',
  description: "The plan's period ends after it starts.",
  defaultSeverity: 'error',
  docs: `\`period\` is the plan's horizon: deadlines, the calendar and the achievability check are all measured against it, so it must end after it starts.

\`\`\`yaml
period:
  start: 2026-01-01
  end: 2026-12-31
\`\`\`

This rule extends the format spec, which states that \`end\` comes after \`start\` without naming a rule for it.`,
  check(context) {
    const period = asRecord(context.plan.data.period);
    const start = parseDate(period?.start);
    const end = parseDate(period?.end);
    if (start === undefined || end === undefined || end > start) return;
    context.report({
      path: ['period', 'end'],
      messageId: 'plan/period',
      params: { start: String(period?.start), end: String(period?.end) },
    });
  },
};
