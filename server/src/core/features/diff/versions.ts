/**
 * Two checked versions of a plan compared. The derived figures the diff compares
 * (`DerivedFigures`) are read from each side's checked plan: the SMART verdicts from its check, the funnel, CLV : CAC and the
 * forecast position from its figures (`snapshot.figures`, computed once in `analysis/`).
 * Nothing is computed again here: values are read, rounded for people and compared.
 *
 * Each side is checked by a service of its own: the CLI gives each revision its own (so that
 * `.planrc.yaml` and `alignsWith` are read at the same revision as the plan); the editor's
 * compare mode gives the older text a service of its own, so that the open plan's snapshot stays
 * cached.
 */
import { formatMessage } from '../../base/messages';
import { catalogKpi } from '../../model/catalog';
import type { CheckedPlan } from '../../workspace/service';
import { diffPlans } from '../../analysis/diff/diff';
import type { DerivedFigures, DiffOptions, PlanDiff } from '../../analysis/diff/types';

/** The derived figures of a checked plan. */
function figuresOf(plan: CheckedPlan): DerivedFigures {
  const figures: DerivedFigures = {};
  const { smart } = plan;
  if (smart.length > 0) figures.smart = { passing: smart.filter((goal) => goal.score === goal.letters.length).length, total: smart.length };

  const { clvCac, funnel, forecast } = plan.figures;
  if (clvCac?.computable) figures.clvCac = Math.round(clvCac.ratio * 100) / 100;
  const position = forecast?.target?.position;
  if (position) figures.forecastPosition = formatMessage(plan.locale, `diff.position.${position}`);
  // How far the funnel falls short of the revenue target, in percent of it (0 when it covers it).
  if (funnel?.result.computable) figures.funnelGapPercent = Math.round(Math.max(0, -funnel.result.gapPercent) * 10) / 10;
  return figures;
}

/** The unit of a KPI catalog metric (`revenue` → `currency`), for KPIs that give a `metric` but no `unit`. */
const metricUnit = (metric: string) => catalogKpi(metric)?.unit;

/**
 * Two checked versions of a plan compared, with their derived figures (`undefined`: the plan
 * does not exist on that side). The caller makes sure that each side parses (`syntaxError`).
 */
export function diffVersions(before: CheckedPlan | undefined, after: CheckedPlan | undefined, options: Pick<DiffOptions, 'file' | 'previousFile'> = {}): PlanDiff {
  return diffPlans(before ? (before.parsed.value ?? {}) : undefined, after ? (after.parsed.value ?? {}) : undefined, {
    ...options,
    figures: { before: before && figuresOf(before), after: after && figuresOf(after) },
    metricUnit,
  });
}
