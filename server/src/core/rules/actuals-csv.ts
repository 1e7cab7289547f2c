import type { MessageId } from '../base/messages';
import type { Rule } from './rule';

const NOT_READ: Record<string, MessageId> = {
  missing: 'actuals/csv.missing',
  'not-a-file': 'actuals/csv.notAFile',
  outside: 'actuals/csv.outside',
  'too-large': 'actuals/csv.tooLarge',
  unreadable: 'actuals/csv.unreadable',
};

/** At most this many bad rows are reported one by one; the rest are counted in one more finding. */
const MAX_ROW_FINDINGS = 20;

/** A cell as a message quotes it: on one line (a quoted cell may hold line breaks), at most 60 characters. */
function shown(text: string): string {
  const line = text.replace(/\r\n|\r|\n/g, '↵');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

export const actualsCsv: Rule = {
  id: 'actuals/csv',
  description: 'The actuals file cannot be read, or some of its rows cannot be used.',
  defaultSeverity: 'warning',
  docs: `\`actuals\` names a CSV file beside the plan: a header \`kpi,period,value\` (in any order; \`;\` works as the separator too, with decimal commas), then one measurement a row. A row whose KPI the plan does not define, whose period is not \`YYYY\`, \`YYYY-Qn\`, \`YYYY-MM\` or a date, whose value is not a number, or that repeats a KPI's period is reported with its line number and left out; the other rows are still used. Cells are read as text, never as formulas.

\`\`\`csv
kpi,period,value
leads,2026-Q1,1450
revenue,2026-Q1,"310000"
\`\`\``,
  check(context) {
    if (context.actualsNotRead) {
      context.report({ path: ['actuals'], messageId: NOT_READ[context.actualsNotRead.notRead.problem] ?? 'actuals/csv.unreadable', params: { file: context.actualsNotRead.file } });
      return;
    }
    const actuals = context.figures.actuals;
    if (!actuals) return;
    const problems = actuals.csv.problems;
    for (const problem of problems.slice(0, MAX_ROW_FINDINGS)) {
      context.report({ path: ['actuals'], messageId: `actuals/csv.${problem.kind}` as MessageId, params: { file: actuals.file, line: problem.line, text: shown(problem.text) } });
    }
    if (problems.length > MAX_ROW_FINDINGS) context.report({ path: ['actuals'], messageId: 'actuals/csv.more', params: { file: actuals.file, count: problems.length - MAX_ROW_FINDINGS } });
  },
};
