import { goalDuplicates } from '../analysis/goals';
import { asNumber, asString } from '../model/model';
import type { Rule } from './rule';

export const goalDuplicate: Rule = {
  id: 'goal/duplicate',
  description: 'Two goals say the same: the same KPI, target and deadline, or nearly the same statement.',
  defaultSeverity: 'warning',
  docs: `A goal written twice under two ids splits the attention of its owners and counts twice in every review. The rule warns on the later of two goals when
- both are measured on the same KPI with the same target, baseline and deadline;
- or, measured on the same KPI, their statements say nearly the same: at least four meaningful words each, and four in five of their words shared (small words such as “the”, “from”, “și”, “din” are left out, and letters are compared without diacritics).

\`\`\`yaml
goals:
  - id: leads
    statement: Generate 3,000 qualified leads through webinars and LinkedIn
  - id: more-leads     # goal/duplicate: says what \`leads\` says
    statement: Generate 3,000 qualified leads from webinars and LinkedIn ads
\`\`\`

Keep one goal (merge what their statements add), or make each statement say what sets it apart: another KPI, another segment, another deadline. A repeated goal is not checked against its KPI again (\`goal/kpi-target\`).`,
  check(context) {
    for (const duplicate of goalDuplicates(context.plan).values()) {
      const { view, other } = duplicate;
      const params = { goal: view.label, other: other.label };
      if (duplicate.kind === 'same') {
        context.report({
          path: ['goals', view.index],
          anchor: 'item',
          messageId: 'goal/duplicate.same',
          params: { ...params, kpi: view.kpi?.id ?? '', target: asNumber(view.goal.target) ?? '', deadline: String(view.goal.deadline) },
        });
      } else {
        context.report({
          path: ['goals', view.index],
          anchor: 'item',
          messageId: 'goal/duplicate.statement',
          params: { ...params, statement: asString(other.goal.statement) ?? '' },
        });
      }
    }
  },
};
