import { fixList, measurableFix } from './fixes';
import { isBlank } from '../model/model';
import { defineSmartRule } from './smart-rule';
import { goalBaseline } from '../model/goals';

export const smartMeasurable = defineSmartRule({
  letter: 'M',
  id: 'smart/measurable',
  description: 'A goal lacks a KPI, a target or a baseline.',
  defaultSeverity: 'warning',
  docs: `**M**easurable: which metric shows the goal was met? A goal needs
- a \`kpi\` naming one of the plan's KPIs,
- a numeric \`target\`,
- a \`baseline\` (on the goal, or on its KPI) to measure progress from.

\`\`\`yaml
goals:
  - id: pipeline
    statement: Increase qualified leads 30 % through monthly webinars
    kpi: qualified-leads
    baseline: 400
    target: 520
\`\`\`

One finding per goal names every missing part. A goal without a KPI is reported here and not again by \`kpi/missing\`.`,
  inputs: () => [],
  checkGoal(context, view) {
    // A KPI that is not defined may well have a baseline: `ref/undefined` reports the real problem.
    const kpisKnown = view.kpis.length === view.kpiIds.length;
    const lacks = {
      kpi: view.kpiIds.length === 0,
      target: isBlank(view.goal.target),
      // A baseline written wrongly ("2.5 %") is there: the schema reports how to write it, once.
      baseline: isBlank(view.goal.baseline) && goalBaseline(view) === undefined && isBlank(view.kpi?.data.baseline) && kpisKnown,
    };
    const missing = (['kpi', 'target', 'baseline'] as const).filter((part) => lacks[part]);
    if (missing.length === 0) return undefined;
    return {
      path: ['goals', view.index],
      anchor: 'item',
      messageId: 'smart/measurable',
      params: { goal: view.label, missing: context.list(missing.map((part) => context.t(`smart/measurable.${part}`))) },
      fixes: fixList(measurableFix(context.editor, context.plan, view.index, lacks, context.list, goalBaseline(view))),
    };
  },
});
