/**
 * What the plan's figures say about the value under the cursor, for the hover: the funnel on the
 * leads and revenue targets, the forecast band and the target's place in it on the revenue
 * target, a KPI's latest actual and status on its id and target, an allocation's ROI on its
 * expected return. Read from `snapshot.figures`; nothing is computed again.
 */
import { formatNumber, formatPeriod } from '../base/messages';
import type { Locale } from '../base/types';
import type { PlanFigures, Stated } from '../analysis/figures';
import { catalogKpi } from '../model/catalog';
import type { Analysis } from '../model/links';
import { asArray, asRecord, asString, idList, type Data, type PlanModel } from '../model/model';
import type { Translate } from '../base/messages';
import { sameItems } from '../base/lists';

interface FigureInput {
  analysis: Analysis;
  t: Translate;
  figures?: PlanFigures;
  locale?: Locale;
}

type Path = readonly (string | number)[];

/** Where a KPI's target is written in a plan: the KPI's own `target` and the `target` of every goal on it. */
function targetPaths(model: PlanModel, kpiId: string): Path[] {
  const kpis = asArray(model.data.kpis).flatMap((kpi, index) => (asRecord(kpi)?.id === kpiId ? [['kpis', index, 'target']] : []));
  const goals = asArray(model.data.goals).flatMap((goal, index) => (idList(asRecord(goal)?.kpi).includes(kpiId) ? [['goals', index, 'target']] : []));
  return [...kpis, ...goals];
}

/** Whether `path` is one of the places this plan states the target `stated` is about. */
function onTarget(model: PlanModel, stated: Stated | undefined, path: Path): boolean {
  return stated?.plan === 'self' && targetPaths(model, stated.kpiId).some((target) => sameItems(target, path));
}

/** Markdown paragraphs on the figures about the value at `path`; none when the figures say nothing about it. */
export function figureLines(input: FigureInput, path: Path): string[] {
  const { figures } = input;
  if (!figures) return [];
  const model = input.analysis.model;
  const locale = input.locale ?? 'en';
  const number = (value: number) => formatNumber(locale, value);
  const money = (value: number) => `${number(Math.round(value))}${figures.currency ? ` ${figures.currency}` : ''}`;
  const lines: string[] = [];

  const funnel = figures.funnel;
  if (funnel?.result.computable && (onTarget(model, funnel.leads, path) || onTarget(model, funnel.revenue, path))) {
    const { result } = funnel;
    lines.push(input.t('hover.funnel', { leads: number(funnel.leads!.value), rate: number(Math.round(result.overallRate * 100) / 100), dealSize: money(funnel.dealSize!.value), revenue: money(result.revenue) }));
    const percent = number(Math.round(Math.abs(result.gapPercent) * 10) / 10);
    lines.push(
      result.shortfall
        ? input.t('hover.funnel.short', { gap: money(-result.gap), percent, target: money(result.revenueTarget), needLeads: number(result.needs.leads), needRate: number(Math.ceil(result.needs.conversionRate * 100) / 100), needDealSize: money(result.needs.averageDealSize) })
        : input.t('hover.funnel.covered', { gap: money(result.gap), percent, target: money(result.revenueTarget) }),
    );
  }

  const forecast = figures.forecast;
  if (forecast?.target && forecast.outcome.ok && onTarget(model, forecast.target.revenue, path)) {
    const { total } = forecast.outcome;
    const method = input.t(`render.forecast.model.${forecast.outcome.method}`);
    lines.push(input.t('hover.forecast', { period: formatPeriod(locale, total.period), method, forecast: money(total.forecast), low80: money(total.lower80), high80: money(total.upper80), low95: money(total.lower95), high95: money(total.upper95) }));
    lines.push(input.t(`render.forecast.where.${forecast.target.position}`, { target: money(forecast.target.revenue.value), forecast: money(total.forecast), upper80: money(total.upper80), upper95: money(total.upper95) }));
  }

  const kpiIndex = path.length === 3 && path[0] === 'kpis' && (path[2] === 'id' || path[2] === 'target') ? path[1] : undefined;
  const kpi = typeof kpiIndex === 'number' ? asRecord(asArray(model.data.kpis)[kpiIndex]) : undefined;
  if (kpi && typeof kpi.id === 'string' && figures.actuals) lines.push(...actualsLines(input, figures.actuals, kpi, locale));

  if (path.length === 4 && path[0] === 'budget' && path[1] === 'allocations' && path[3] === 'expectedReturn') {
    const allocation = figures.budget?.returns.allocations.find((candidate) => candidate.index === path[2]);
    if (allocation) lines.push(input.t('hover.roi', { roi: number(Math.round(allocation.roi * 100)), expectedReturn: number(allocation.expectedReturn), amount: number(allocation.amount) }));
  }
  return lines;
}

/** A KPI's latest actual, its status and its progress against the straight path. */
function actualsLines(input: FigureInput, actuals: NonNullable<PlanFigures['actuals']>, kpi: Data, locale: Locale): string[] {
  const progress = actuals.progress.get(kpi.id as string);
  if (!progress) return actuals.csv.rows.some((row) => row.kpi === kpi.id) ? [] : [input.t('hover.actuals.none', { file: actuals.file })];
  if (!progress.computable || !progress.latest) return [];
  const unit = asString(kpi.unit) ?? catalogKpi(kpi.metric)?.unit;
  const measure = (value: number) => {
    const shown = formatNumber(locale, Math.round(value * 100) / 100);
    return unit === 'percent' ? `${shown} %` : unit === 'currency' && input.figures?.currency ? `${shown} ${input.figures.currency}` : shown;
  };
  const status = input.t(`render.actuals.status.${progress.status}`);
  const lines = [input.t('hover.actuals', { value: measure(progress.latest.value), period: formatPeriod(locale, progress.latest.period), status: status.charAt(0).toLocaleLowerCase(locale) + status.slice(1) })];
  if (progress.progress !== undefined && progress.expected !== undefined && progress.expectedValue !== undefined) {
    lines.push(input.t('hover.actuals.progress', { progress: Math.round(progress.progress * 100), due: Math.round(progress.expected * 100), expected: measure(progress.expectedValue) }));
  }
  return lines;
}
