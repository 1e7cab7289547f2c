import { asArray, asNumber, asRecord, findKpi, idList, type Data, type PlanModel } from './model';

/** One goal with what the SMART rules need to know about it. */
export interface GoalView {
  goal: Data;
  index: number;
  /** The goal's id, or its position when it has none (for messages). */
  label: string;
  kpiIds: string[];
  /** KPIs named by the goal that the plan defines. */
  kpis: Data[];
}

export function goals(plan: PlanModel): GoalView[] {
  const views: GoalView[] = [];
  asArray(plan.data.goals).forEach((item, index) => {
    const goal = asRecord(item);
    if (!goal) return;
    const kpiIds = idList(goal.kpi);
    const kpis = kpiIds.map((id) => findKpi(plan, id)).filter((kpi): kpi is Data => kpi !== undefined);
    views.push({ goal, index, label: typeof goal.id === 'string' ? goal.id : `#${index + 1}`, kpiIds, kpis });
  });
  return views;
}

/** The goal's baseline, or the first of its KPIs' baselines. */
export function goalBaseline(view: GoalView): number | undefined {
  return asNumber(view.goal.baseline) ?? view.kpis.map((kpi) => asNumber(kpi.baseline)).find((value) => value !== undefined);
}

