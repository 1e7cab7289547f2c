import { goalKpiChecks, type GoalKpiCheck } from '../analysis/goals';
import { asNumber, findKpi } from '../model/model';
import type { Fix } from '../base/types';
import { fixList, replaceValueFix } from './fixes';
import type { Report, Rule, RuleContext } from './rule';

export const goalKpiTarget: Rule = {
  id: 'goal/kpi-target',
  description: "A goal's target or baseline disagrees with its KPI's, or reads as a change rather than a level.",
  defaultSeverity: 'warning',
  docs: `A goal and its KPI describe the same number twice: the KPI says where the metric starts and where the plan wants it (\`baseline\`, \`target\`), the goal says what will be done to get there. When the two disagree, the plan says two things at once. The rule warns when

- the goal's \`target\` is a change, not the level to reach: the statement says so (“win back 8 lost clinics”, “add 25 installers”, “by 300”, “+15 %”) and the target is that number. The message gives the level (baseline 85 + 8 = 93) and a quick fix writes it;
- on a KPI where higher is better, a goal without a baseline of its own aims below the KPI's baseline by more than half: either the target is the gain (the level is baseline + target), or the goal covers only part of the KPI and needs its own \`baseline\`;
- a goal due by the end of the plan aims beyond the KPI's target for the whole plan, on a KPI whose parts add up (a count, a sum of money): a part cannot exceed the whole (“6.5 million from cafés alone” on a revenue target of 5.2 million). A goal is a part when other goals share its KPI, or when its statement says so (“alone”, “only”, “doar”, “numai”);
- the only goal on a KPI by the end of the plan aims for another number than the KPI (3,000 against 3,600); quick fixes set the goal's target to the KPI's, or the KPI's to the goal's;
- a goal aims for the KPI's own target from another \`baseline\`.

\`\`\`yaml
kpis:
  - id: qualified-leads
    baseline: 1400
    target: 3600
goals:
  - id: leads
    kpi: qualified-leads
    target: 3600          # the same number as the KPI's target
\`\`\`

A goal that covers part of a KPI (leads from webinars, revenue from one segment) gives its own \`baseline\` for that part, and aims below the KPI's target. When a goal names several KPIs, it is compared with the one its target fits (the nearest in order of magnitude), and the message says which. Goals that repeat another goal are \`goal/duplicate\`'s, a number outside its KPI's range is \`kpi/range\`'s, and a target on the wrong side of its baseline is \`smart/achievable\`'s: each is reported once.`,
  check(context) {
    for (const check of goalKpiChecks(context.plan).values()) context.report(report(context, check));
  },
};

function report(context: RuleContext, check: GoalKpiCheck): Report {
  const { view, kpiId, problem } = check;
  const target = asNumber(view.goal.target)!;
  const path = ['goals', view.index, 'target'];
  const kpi = view.kpiIds.length > 1 ? context.t('goal.fittedKpi', { kpi: kpiId }) : `\`${kpiId}\``;
  const params = { goal: view.label, kpi, target };
  const setTarget = (value: number): Fix | undefined => replaceValueFix(context.editor, path, value);
  switch (problem.kind) {
    case 'change':
      return { path, messageId: 'goal/kpi-target.change', params: { ...params, cue: problem.cue, base: problem.base, level: problem.level, levelYaml: String(problem.level) }, fixes: fixList(setTarget(problem.level)) };
    case 'changeOrPart': {
      // The level is one reading of the two: offered only when it stays within the KPI's target for the whole plan (beyond it, the goal is more likely a part).
      const kpiTarget = asNumber(findKpi(context.plan, kpiId)?.target);
      const fits = kpiTarget === undefined || problem.level <= kpiTarget;
      return { path, messageId: 'goal/kpi-target.changeOrPart', params: { ...params, base: problem.base, level: problem.level, levelYaml: String(problem.level) }, fixes: fits ? fixList(setTarget(problem.level)) : undefined };
    }
    case 'exceeds':
      return { path, messageId: 'goal/kpi-target.exceeds', params: { ...params, kpiTarget: problem.kpiTarget } };
    case 'target':
    case 'targetBeyond':
      return {
        path,
        messageId: problem.kind === 'target' ? 'goal/kpi-target.target' : 'goal/kpi-target.targetBeyond',
        params: { ...params, kpiTarget: problem.kpiTarget },
        fixes: fixList(setTarget(problem.kpiTarget), kpiPath(context, kpiId, 'target', target)),
      };
    case 'baseline':
      return {
        path: ['goals', view.index, 'baseline'],
        messageId: 'goal/kpi-target.baseline',
        params: { ...params, baseline: asNumber(view.goal.baseline)!, kpiBaseline: problem.kpiBaseline },
        fixes: fixList(replaceValueFix(context.editor, ['goals', view.index, 'baseline'], problem.kpiBaseline)),
      };
  }
}

/** Sets the KPI's own number instead of the goal's. */
function kpiPath(context: RuleContext, kpiId: string, key: 'target', value: number): Fix | undefined {
  const definition = context.plan.ids.get('kpis')?.get(kpiId);
  return definition ? replaceValueFix(context.editor, ['kpis', definition.index, key], value, 'fix.setKpiValue', { kpi: kpiId, key }) : undefined;
}
