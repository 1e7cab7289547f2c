import { isBlank } from '../model/model';
import { defineSmartRule } from './smart-rule';

export const smartRelevant = defineSmartRule({
  letter: 'R',
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
  checkGoal(context, view) {
    if (!isBlank(view.goal.supports)) return undefined;
    if (typeof view.goal.id === 'string' && context.plan.goalsListedByStrategies.has(view.goal.id)) return undefined;
    return { path: ['goals', view.index], anchor: 'item', messageId: 'smart/relevant', params: { goal: view.label } };
  },
});
