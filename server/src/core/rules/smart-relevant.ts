import { isBlank } from '../model';
import { goals, goalsListedByStrategies } from './goals';
import type { Rule } from './rule';

export const smartRelevant: Rule = {
  id: 'smart/relevant',
  description: 'A goal supports no objective or strategy.',
  defaultSeverity: 'warning',
  docs: `**R**elevant: does the goal fit the strategy and the business objectives? A goal is relevant when it \`supports\` an objective or a strategy, or when a strategy lists it in its \`goals\`.

\`\`\`yaml
objectives:
  - id: grow-smb
    statement: Become the first choice of small retailers in Romania
goals:
  - id: pipeline
    supports: [grow-smb]
\`\`\``,
  check(context) {
    const listed = goalsListedByStrategies(context.plan);
    for (const view of goals(context.plan)) {
      if (!isBlank(view.goal.supports)) continue;
      if (typeof view.goal.id === 'string' && listed.has(view.goal.id)) continue;
      context.report({ path: ['goals', view.index], anchor: 'item', messageId: 'smart/relevant', params: { goal: view.label } });
    }
  },
};
