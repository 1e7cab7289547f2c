/**
 * The derived figures the diff compares (`DerivedFigures`), computed for one side of a diff
 * with that side's plan service (so that `.planrc.yaml` and `alignsWith` are read at the same
 * revision as the plan).
 *
 * This is the seam for the modules that own these figures: SMART comes from the SMART rules;
 * the funnel and CLV:CAC are the plain arithmetic of domain.md until the funnel and economics
 * modules expose theirs; the forecast position is the plan's figures' (the revenue target in the
 * forecast's band), in the plan's language.
 */
import { formatMessage } from '../core/base/messages';
import type { DerivedFigures } from '../core/features/diff';
import { asArray, asNumber, asRecord, idList, type PlanModel } from '../core/model/model';
import type { PlanService } from '../core/workspace/service';

export function derivedFigures(service: PlanService, text: string, filePath: string): DerivedFigures {
  const figures: DerivedFigures = {};
  const analysis = service.check(text, filePath);
  const { model, smart } = analysis;
  if (smart.length > 0) figures.smart = { passing: smart.filter((goal) => goal.score === goal.letters.length).length, total: smart.length };

  const clv = targetOf(model, 'customer-lifetime-value');
  const cac = targetOf(model, 'customer-acquisition-cost');
  if (clv !== undefined && cac !== undefined && cac > 0) figures.clvCac = Math.round((clv / cac) * 100) / 100;
  const position = analysis.figures.forecast?.target?.position;
  if (position) figures.forecastPosition = formatMessage(analysis.locale, `diff.position.${position}`);

  const partner = service.linked(analysis).find((linked) => linked.analysis.model.kind !== undefined && linked.analysis.model.kind !== model.kind);
  if (partner && model.kind) {
    const [marketing, sales] = model.kind === 'marketing' ? [model, partner.analysis.model] : [partner.analysis.model, model];
    const gap = funnelGapPercent(marketing, sales);
    if (gap !== undefined) figures.funnelGapPercent = gap;
  }
  return figures;
}

/**
 * How far the marketing plan's leads × the sales plan's conversion rate × its deal size falls
 * short of the sales plan's revenue target, in percent of that target (0 when covered).
 */
function funnelGapPercent(marketing: PlanModel, sales: PlanModel): number | undefined {
  const leads = targetOf(marketing, 'leads');
  const conversion = targetOf(sales, 'conversion-rate');
  const dealSize = targetOf(sales, 'average-deal-size');
  const revenue = targetOf(sales, 'revenue');
  if (leads === undefined || conversion === undefined || dealSize === undefined || revenue === undefined || revenue <= 0) return undefined;
  const fed = leads * (conversion / 100) * dealSize;
  return Math.round(Math.max(0, ((revenue - fed) / revenue) * 100) * 10) / 10;
}

/** The target of the plan's KPI for a catalog metric (by `metric`, else by `id`), else of a goal on that KPI. */
function targetOf(model: PlanModel, metric: string): number | undefined {
  const kpis = asArray(model.data.kpis).map(asRecord);
  const kpi = kpis.find((item) => item?.metric === metric) ?? kpis.find((item) => item?.id === metric);
  if (!kpi) return undefined;
  const own = asNumber(kpi.target);
  if (own !== undefined) return own;
  for (const goal of asArray(model.data.goals)) {
    const record = asRecord(goal);
    if (record && idList(record.kpi).includes(String(kpi.id))) {
      const target = asNumber(record.target);
      if (target !== undefined) return target;
    }
  }
  return undefined;
}
