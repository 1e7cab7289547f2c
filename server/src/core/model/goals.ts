import { asArray, asNumber, asRecord, asString, findKpi, idList, type Data, type PlanModel } from './model';

/** One goal with what the SMART rules need to know about it. */
export interface GoalView {
  goal: Data;
  index: number;
  /** The goal's id, or its position when it has none (for messages). */
  label: string;
  kpiIds: string[];
  /** KPIs named by the goal that the plan defines. */
  kpis: Data[];
  /**
   * The KPI the goal's numbers are compared with: its only KPI, or, when it names several, the
   * one its target fits (the nearest in order of magnitude to the KPI's target or baseline).
   */
  kpi?: { id: string; data: Data };
}

/** The characters of a statement that the goal rules read (about 150 words). */
export const STATEMENT_READ_LENGTH = 1_000;

/**
 * A goal's statement as the rules and analyses read it: its first 1,000 characters, cut at a
 * space. A goal is said in a sentence or two; a statement longer than that is, nearly always,
 * the rest of the plan swallowed by a quote not yet closed while it is typed, and reading all of
 * it (its words, its numbers) at every keystroke cost more than the rest of the check.
 */
export function statementOf(goal: Data): string | undefined {
  const statement = asString(goal.statement);
  if (statement === undefined || statement.length <= STATEMENT_READ_LENGTH) return statement;
  const cut = statement.lastIndexOf(' ', STATEMENT_READ_LENGTH);
  return statement.slice(0, cut > 0 ? cut : STATEMENT_READ_LENGTH);
}

const views = new WeakMap<PlanModel, readonly GoalView[]>();

/** The plan's goals as the rules read them, made once per plan version. */
export function goals(plan: PlanModel): readonly GoalView[] {
  let made = views.get(plan);
  if (!made) {
    made = makeGoals(plan);
    views.set(plan, made);
  }
  return made;
}

/**
 * Each goal's view, kept while the goal (the same object: the parser keeps the goals an edit did
 * not touch) is at the same place and names the same KPIs: the rules' own memos key by it.
 */
const viewOf = new WeakMap<Data, GoalView>();

function makeGoals(plan: PlanModel): GoalView[] {
  const views: GoalView[] = [];
  asArray(plan.data.goals).forEach((item, index) => {
    const goal = asRecord(item);
    if (!goal) return;
    const kept = viewOf.get(goal);
    const kpiIds = kept?.kpiIds ?? idList(goal.kpi);
    const named = kpiIds.flatMap((id) => {
      const data = findKpi(plan, id);
      return data ? [{ id, data }] : [];
    });
    if (kept && kept.index === index && kept.kpis.length === named.length && named.every((kpi, at) => kept.kpis[at] === kpi.data)) {
      views.push(kept);
      return;
    }
    const view: GoalView = { goal, index, label: typeof goal.id === 'string' ? goal.id : `#${index + 1}`, kpiIds, kpis: named.map((kpi) => kpi.data), kpi: fittedKpi(goal, named) };
    viewOf.set(goal, view);
    views.push(view);
  });
  return views;
}

/**
 * Of the KPIs a goal names, the one its target fits: the smallest distance, in orders of
 * magnitude, between the goal's target (else baseline) and the KPI's target (else baseline).
 * A goal "1.4 million of pipeline at an ROI of 2.4" on `[marketing-roi, sourced-pipeline]` is
 * measured on the pipeline.
 */
function fittedKpi(goal: Data, named: { id: string; data: Data }[]): { id: string; data: Data } | undefined {
  if (named.length <= 1) return named[0];
  const value = asNumber(goal.target) ?? asNumber(goal.baseline);
  if (value === undefined || value === 0) return named[0];
  let best = named[0];
  let bestDistance = Infinity;
  for (const kpi of named) {
    const reference = asNumber(kpi.data.target) ?? asNumber(kpi.data.baseline);
    if (reference === undefined || reference === 0) continue;
    const distance = Math.abs(Math.log10(Math.abs(value)) - Math.log10(Math.abs(reference))) + (Math.sign(value) === Math.sign(reference) ? 0 : 10);
    if (distance < bestDistance) {
      best = kpi;
      bestDistance = distance;
    }
  }
  return best;
}

/** The goal's baseline, or the baseline of the KPI it is measured on. */
export function goalBaseline(view: GoalView): number | undefined {
  return asNumber(view.goal.baseline) ?? asNumber(view.kpi?.data.baseline);
}

