import { actualsCsv } from './actuals-csv';
import { alignCurrency } from './align-currency';
import { alignFunnel } from './align-funnel';
import { economicsClvCac } from './economics-clv-cac';
import { economicsPayback } from './economics-payback';
import { economicsRoi } from './economics-roi';
import { forecastHistory } from './forecast-history';
import { forecastPeriods } from './forecast-periods';
import { forecastProjections } from './forecast-projections';
import { kpiOffTrack } from './kpi-off-track';
import { salesCapacity } from './sales-capacity';
import { alignPeriod } from './align-period';
import { budgetSum } from './budget-sum';
import { calendarRange } from './calendar-range';
import { goalDuplicate } from './goal-duplicate';
import { goalKpiTarget } from './goal-kpi-target';
import { kpiIncomplete } from './kpi-incomplete';
import { kpiMissing } from './kpi-missing';
import { kpiRange } from './kpi-range';
import { kpiRecommended } from './kpi-recommended';
import { kpiUnused } from './kpi-unused';
import { planApprovalStale } from './plan-approval-stale';
import { planConfig } from './plan-config';
import { planInternalError } from './plan-internal-error';
import { planMultipleDocuments } from './plan-multiple-documents';
import { planPeriod } from './plan-period';
import { planStale } from './plan-stale';
import { planTooLarge } from './plan-too-large';
import { planTooManyFindings } from './plan-too-many-findings';
import { refDuplicateId } from './ref-duplicate-id';
import { refUndefined } from './ref-undefined';
import type { RuleId } from '../base/rule-ids';
import type { Rule } from './rule';
import { schemaRules } from './schema';
import { sectionMissing } from './section-missing';
import { smartAchievable } from './smart-achievable';
import { smartMeasurable } from './smart-measurable';
import { smartRelevant } from './smart-relevant';
import { smartSpecific } from './smart-specific';
import { smartTimeBound } from './smart-time-bound';
import { yamlSyntax } from './yaml-syntax';

/** Every rule, in the order of the spec's table. */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  planMultipleDocuments,
  ...schemaRules,
  refUndefined,
  refDuplicateId,
  sectionMissing,
  smartSpecific,
  smartMeasurable,
  smartAchievable,
  smartRelevant,
  smartTimeBound,
  kpiMissing,
  kpiIncomplete,
  kpiUnused,
  kpiRecommended,
  kpiRange,
  budgetSum,
  calendarRange,
  goalKpiTarget,
  goalDuplicate,
  alignFunnel,
  alignCurrency,
  alignPeriod,
  economicsClvCac,
  economicsPayback,
  economicsRoi,
  salesCapacity,
  forecastHistory,
  forecastPeriods,
  forecastProjections,
  kpiOffTrack,
  actualsCsv,
  planPeriod,
  planStale,
  planConfig,
  planApprovalStale,
  planTooLarge,
  planTooManyFindings,
  planInternalError,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id as RuleId);
}

export function defaultOptions(rule: Rule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, option]) => [name, option.default]));
}

export type { Rule } from './rule';
