/**
 * The plan's figures: every calculation of the analysis layer applied to one plan version (and
 * the plans aligned with it), once. Rules, hovers, inlay hints, the preview and the CLI read
 * these; none computes them again.
 */
import { pushTo } from '../base/lists';
import { asArray, asNumber, asRecord, asString, idList, kpiDirection, parseDate, type Data, type PlanModel } from '../model/model';
import { readActualsCsv, actualsByKpi, type ActualRow, type ActualsCsv } from './actuals/csv';
import { kpiProgress, type Progress, type ProgressThresholds } from './actuals/progress';
import { salesCapacity, type CapacityInput, type SalesCapacity } from './capacity';
import { budgetReturns, budgetSummary, cacPayback, clvToCac, type BudgetReturns, type BudgetSummary, type CacPayback, type ClvCac, type PaybackInput } from './economics';
import { forecast, targetPosition, type ForecastMethod, type ForecastOptions, type ForecastOutcome, type HistoryRow, type TargetPosition } from './forecast';
import { funnel, type Funnel, type FunnelInput } from './funnel';
import type { NotComputable } from './numbers';

/** A KPI's target as the plan states it: where it is written, for a finding to point at. */
export interface Stated {
  value: number;
  /** The plan it is in: this one, or an aligned plan (by index in `aligned`). */
  plan: 'self' | number;
  /** Path of the value in that plan. */
  path: (string | number)[];
  kpiId: string;
}

export interface FunnelFigures {
  leads: Stated | undefined;
  conversion: Stated[];
  dealSize: Stated | undefined;
  revenue: Stated | undefined;
  result: Funnel | NotComputable<FunnelInput>;
  currency: string | undefined;
}

export interface ForecastFigures {
  /** What the forecast was made from: the same history, method and period give the same forecast. */
  key: string;
  outcome: ForecastOutcome;
  method: 'linear' | 'seasonal' | 'auto' | 'manual';
  /** The revenue target and where it sits in the forecast band of the plan period's total. */
  target?: { revenue: Stated; position: TargetPosition };
  /** The total of the plan's own projections that fall inside the plan period. */
  projectionsTotal?: number;
}

export interface ActualsFigures {
  file: string;
  csv: ActualsCsv;
  /** What the CSV was read from: the file's text and the plan's KPI ids; the same give the same `csv`. */
  source: { text: string; kpiIds: string };
  /** Per KPI id with actuals. */
  progress: Map<string, Progress<ActualRow> | NotComputable<string>>;
}

export interface PlanFigures {
  currency: string | undefined;
  budget?: { summary: BudgetSummary; returns: BudgetReturns };
  /** When a leads target and a sales revenue target can be found in this plan and its aligned plans, in one currency. */
  funnel?: FunnelFigures;
  /** An aligned plan with another currency: its figures are never multiplied with this plan's. */
  currencyClash?: { plan: number; currency: string };
  clvCac?: ClvCac | NotComputable<'clv' | 'cac' | 'healthyRatio'>;
  clvCacKpis?: { clv: Stated; cac: Stated };
  payback?: CacPayback | NotComputable<PaybackInput>;
  paybackKpi?: Stated;
  capacity?: SalesCapacity | NotComputable<CapacityInput>;
  forecast?: ForecastFigures;
  actuals?: ActualsFigures;
}

export interface FigureOptions {
  /** Today, `YYYY-MM-DD`: actuals after it are ignored, progress is judged at it. */
  today?: string;
  /** CLV : CAC below this is unhealthy. */
  healthyClvCac?: number;
  paybackLimitMonths?: number;
  progressThresholds?: Partial<ProgressThresholds>;
}

/** The actuals file a plan names, as the host read it. */
export interface ActualsText {
  file: string;
  text: string;
}

/** `previous`: the figures of the plan's previous version, whose forecast is reused when its inputs did not change. */
export function planFigures(model: PlanModel, aligned: readonly PlanModel[], actuals: ActualsText | undefined, options: FigureOptions = {}, previous?: PlanFigures): PlanFigures {
  const currency = asString(model.data.currency);
  const figures: PlanFigures = { currency };

  const budget = asRecord(model.data.budget);
  if (budget) {
    const allocations = asArray(budget.allocations).map((item) => {
      const allocation = asRecord(item);
      return { channel: asString(allocation?.channel), amount: asNumber(allocation?.amount), expectedReturn: asNumber(allocation?.expectedReturn) };
    });
    figures.budget = { summary: budgetSummary({ total: asNumber(budget.total), allocations }), returns: budgetReturns(allocations) };
  }

  const clashing = aligned.findIndex((other) => {
    const theirs = asString(other.data.currency);
    return theirs !== undefined && currency !== undefined && theirs !== currency;
  });
  if (clashing >= 0) figures.currencyClash = { plan: clashing, currency: asString(aligned[clashing].data.currency)! };
  else {
    const plans: [PlanModel, 'self' | number][] = [[model, 'self'], ...aligned.map((other, index): [PlanModel, number] => [other, index])];
    const first = (metric: string) => plans.map(([plan, at]) => statedTarget(plan, at, metric)).find((stated) => stated !== undefined);
    const revenue = first('revenue');
    const leads = first('leads');
    if (revenue && leads) {
      const salesPlan = revenue.plan === 'self' ? model : aligned[revenue.plan];
      const conversion = allTargets(salesPlan, revenue.plan, 'conversion-rate');
      const dealSize = statedTarget(salesPlan, revenue.plan, 'average-deal-size');
      figures.funnel = {
        leads,
        conversion,
        dealSize,
        revenue,
        currency,
        result: funnel({ leads: leads.value, conversionRate: conversion.length === 1 ? conversion[0].value : conversion.map((rate) => rate.value), averageDealSize: dealSize?.value, revenueTarget: revenue.value }),
      };
    }
  }

  const clv = statedTarget(model, 'self', 'customer-lifetime-value');
  const cac = statedTarget(model, 'self', 'customer-acquisition-cost');
  if (clv && cac) {
    figures.clvCac = clvToCac({ clv: clv.value, cac: cac.value, healthyRatio: options.healthyClvCac });
    figures.clvCacKpis = { clv, cac };
  }
  const perAccount = statedTarget(model, 'self', 'revenue-per-account');
  if (cac && perAccount) {
    figures.payback = cacPayback({ cac: cac.value, monthlyRevenuePerAccount: perAccount.value, grossMarginPercent: statedTarget(model, 'self', 'gross-margin')?.value, limitMonths: options.paybackLimitMonths });
    figures.paybackKpi = cac;
  }

  const team = asArray(model.data.team);
  const ownRevenue = statedTarget(model, 'self', 'revenue');
  if (team.some((role) => asRecord(role)?.quota !== undefined) && ownRevenue) {
    const roles = team.map((item) => {
      const role = asRecord(item);
      return { id: asString(role?.id), role: asString(role?.role), count: asNumber(role?.count), quota: asNumber(role?.quota) };
    });
    figures.capacity = salesCapacity({ roles, revenueTarget: ownRevenue.value, period: model.period });
  }

  const input = forecastInput(model);
  if (input) {
    const { method, history, options: forecastOptions } = input;
    const key = JSON.stringify([history, forecastOptions.method, forecastOptions.planStart, forecastOptions.planEnd]);
    const outcome = previous?.forecast?.key === key ? previous.forecast.outcome : forecast(history, forecastOptions);
    const figuresOfForecast: ForecastFigures = { key, outcome, method };
    const plannedForecast = asRecord(model.data.forecast)!;
    if (outcome.ok && ownRevenue) figuresOfForecast.target = { revenue: ownRevenue, position: targetPosition(ownRevenue.value, outcome.total) };
    const inside = asArray(plannedForecast.projections).map((row) => asRecord(row)).filter((row): row is Data => row !== undefined && asNumber(row.revenue) !== undefined);
    if (inside.length > 0) figuresOfForecast.projectionsTotal = inside.reduce((sum, row) => sum + (asNumber(row.revenue) ?? 0), 0);
    figures.forecast = figuresOfForecast;
  }

  if (actuals) figures.actuals = actualsFigures(model, actuals, options, previous?.actuals);
  return figures;
}


/**
 * What a plan's forecast is made from: its `forecast.history`, the model its `forecast.method`
 * asks for (manual projections are compared with the better of the models: `auto`), and its
 * period. `method` overrides the plan's (the CLI's `--method`). Undefined without a history or a period.
 */
export function forecastInput(model: PlanModel, method?: ForecastMethod): { method: ForecastFigures['method']; history: HistoryRow[]; options: ForecastOptions } | undefined {
  const plannedForecast = asRecord(model.data.forecast);
  const periodData = asRecord(model.data.period);
  if (!plannedForecast || !Array.isArray(plannedForecast.history) || typeof periodData?.start !== 'string' || typeof periodData.end !== 'string') return undefined;
  const planned = plannedForecast.method === 'seasonal' || plannedForecast.method === 'auto' || plannedForecast.method === 'manual' ? plannedForecast.method : 'linear';
  const history = asArray(plannedForecast.history).map((row) => ({ period: asRecord(row)?.period, revenue: asRecord(row)?.revenue }));
  const modelMethod = method ?? (planned === 'manual' ? 'auto' : planned);
  return { method: method ?? planned, history, options: { method: modelMethod, planStart: periodData.start, planEnd: periodData.end } };
}

/** `previous`: the actuals of the plan's previous version, whose CSV is reused when neither the file nor the plan's KPI ids changed (a keystroke elsewhere in the plan). */
function actualsFigures(model: PlanModel, actuals: ActualsText, options: FigureOptions, previous?: ActualsFigures): ActualsFigures {
  const kpis = asArray(model.data.kpis).map(asRecord).filter((kpi): kpi is Data => typeof kpi?.id === 'string');
  const source = { text: actuals.text, kpiIds: JSON.stringify(kpis.map((kpi) => kpi.id)) };
  const csv = previous && previous.source.kpiIds === source.kpiIds && previous.source.text === source.text ? previous.csv : readActualsCsv(actuals.text, { knownKpis: new Set(kpis.map((kpi) => kpi.id as string)) });
  const progress = new Map<string, Progress<ActualRow> | NotComputable<string>>();
  const today = parseDate(options.today);
  if (today === undefined) return { file: actuals.file, csv, source, progress };
  for (const [kpiId, rows] of actualsByKpi(csv.rows)) {
    const kpi = kpis.find((candidate) => candidate.id === kpiId)!;
    const goal = goalsOn(model, kpiId)[0];
    progress.set(kpiId, kpiProgress({
      baseline: asNumber(kpi.baseline) ?? asNumber(goal?.baseline),
      target: asNumber(kpi.target) ?? asNumber(goal?.target),
      direction: kpiDirection(kpi),
      actuals: rows,
      period: model.period,
      deadline: parseDate(goal?.deadline),
      today,
      thresholds: options.progressThresholds,
    }));
  }
  return { file: actuals.file, csv, source, progress };
}

/**
 * A plan's KPIs by catalog metric and by id, and its goals by the KPIs they name, in the plan's
 * order: made once per model, so that each figure that looks a metric up does not read every KPI
 * and goal of a plan of thousands again.
 */
interface KpiIndex {
  byMetric: Map<string, { kpi: Data; index: number }[]>;
  /** KPIs without a `metric`, by id. */
  bareById: Map<string, { kpi: Data; index: number }[]>;
  goalsByKpi: Map<string, { goal: Data; index: number }[]>;
}

const kpiIndexes = new WeakMap<PlanModel, KpiIndex>();

function kpiIndexOf(model: PlanModel): KpiIndex {
  let found = kpiIndexes.get(model);
  if (found) return found;
  found = { byMetric: new Map(), bareById: new Map(), goalsByKpi: new Map() };
  asArray(model.data.kpis).forEach((item, index) => {
    const kpi = asRecord(item);
    if (typeof kpi?.metric === 'string') pushTo(found!.byMetric, kpi.metric, { kpi, index });
    else if (kpi && kpi.metric === undefined && typeof kpi.id === 'string') pushTo(found!.bareById, kpi.id, { kpi, index });
  });
  asArray(model.data.goals).forEach((item, index) => {
    const goal = asRecord(item);
    if (goal) for (const kpiId of new Set(idList(goal.kpi))) pushTo(found!.goalsByKpi, kpiId, { goal, index });
  });
  kpiIndexes.set(model, found);
  return found;
}

/** The goals that measure a KPI, latest deadline first. */
function goalsOn(model: PlanModel, kpiId: string): Data[] {
  return (kpiIndexOf(model).goalsByKpi.get(kpiId) ?? []).map((entry) => entry.goal).sort((a, b) => (parseDate(b.deadline) ?? 0) - (parseDate(a.deadline) ?? 0));
}

/** The KPIs of a plan that are a catalog metric (by `metric`, else by id). */
function kpisOf(model: PlanModel, metric: string): readonly { kpi: Data; index: number }[] {
  const index = kpiIndexOf(model);
  return index.byMetric.get(metric) ?? index.bareById.get(metric) ?? [];
}

/** A KPI's target, else the target of a goal on that KPI. */
export function statedTarget(model: PlanModel, plan: 'self' | number, metric: string): Stated | undefined {
  return allTargets(model, plan, metric)[0];
}

function allTargets(model: PlanModel, plan: 'self' | number, metric: string): Stated[] {
  return kpisOf(model, metric).flatMap(({ kpi, index }): Stated[] => {
    const kpiId = String(kpi.id);
    const own = asNumber(kpi.target);
    if (own !== undefined) return [{ value: own, plan, path: ['kpis', index, 'target'], kpiId }];
    for (const { goal, index: goalIndex } of kpiIndexOf(model).goalsByKpi.get(kpiId) ?? []) {
      const target = asNumber(goal.target);
      if (target !== undefined) return [{ value: target, plan, path: ['goals', goalIndex, 'target'], kpiId }];
    }
    return [];
  });
}
