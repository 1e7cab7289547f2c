import { addKeysFix, fixList, placeholder } from './fixes';
import { asArray, asRecord, isBlank } from '../model/model';
import type { Rule } from './rule';

const NEEDED = ['target', 'frequency', 'source'] as const;

/** What the fix writes for each missing field (the source's placeholder in the plan's language). */
const PLACEHOLDERS = { target: 0, frequency: 'monthly', source: undefined } as const;

export const kpiIncomplete: Rule = {
  id: 'kpi/incomplete',
  description: 'A KPI lacks a target, a frequency or a data source.',
  defaultSeverity: 'warning',
  docs: `A KPI can only be tracked when it says what value is wanted (\`target\`), how often it is measured (\`frequency\`: daily, weekly, monthly, quarterly or yearly) and where the number comes from (\`source\`: a tool or a report).

\`\`\`yaml
kpis:
  - id: qualified-leads
    name: Marketing-qualified leads
    metric: leads
    baseline: 400
    target: 520
    frequency: monthly
    source: HubSpot lifecycle report
\`\`\`

One finding per KPI names every missing field.`,
  check(context) {
    asArray(context.plan.data.kpis).forEach((item, index) => {
      const kpi = asRecord(item);
      if (!kpi) return;
      const missing = NEEDED.filter((key) => isBlank(kpi[key]));
      if (missing.length === 0) return;
      context.report({
        path: ['kpis', index],
        anchor: 'item',
        messageId: 'kpi/incomplete',
        params: { id: String(kpi.id ?? `#${index + 1}`), missing: context.list(missing.map((key) => `\`${key}\``)) },
        fixes: fixList(addKeysFix(context.editor, ['kpis', index], missing.map((key) => [key, PLACEHOLDERS[key] ?? placeholder(context.locale)]), context.list)),
      });
    });
  },
};
