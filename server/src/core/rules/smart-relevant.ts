import { addSectionFix, fixList } from './fixes';
import { asArray, isBlank } from '../model/model';
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
\`\`\`

When no goal of the plan is linked to anything (typically a first draft with no \`objectives\` and no \`strategies\` yet), one finding on \`goals\` says so for the whole plan, with a quick fix that adds an \`objectives\` section to fill in, instead of one finding per goal.`,
  inputs: (context, view) => [typeof view.goal.id === 'string' && context.plan.goalsListedByStrategies.has(view.goal.id)],
  checkGoal(context, view) {
    if (!isBlank(view.goal.supports)) return undefined;
    if (typeof view.goal.id === 'string' && context.plan.goalsListedByStrategies.has(view.goal.id)) return undefined;
    return { path: ['goals', view.index], anchor: 'item', messageId: 'smart/relevant', params: { goal: view.label } };
  },
  checkPlan(context, views) {
    if (views.length < 2 || views.some((view) => !smartRelevant.checkGoal(context, view))) return undefined;
    const { data } = context.plan;
    const nothingToLink = asArray(data.objectives).length === 0 && asArray(data.strategies).length === 0;
    return {
      path: ['goals'],
      anchor: 'key',
      messageId: nothingToLink ? 'smart/relevant.plan' : 'smart/relevant.planUnlinked',
      params: { count: views.length },
      fixes: nothingToLink ? fixList(addSectionFix(context.editor, context.plan, 'objectives', context.locale)) : undefined,
    };
  },
});
