import { atLeast, ceilWhole, percentReason, positiveReason, problemsOf, type NotComputable } from './numbers';

/** The funnel's inputs, as `align/funnel` reads them from a marketing plan and its sales plan. */
export interface FunnelInputs {
  /** The marketing plan's `leads` target. */
  leads: number | undefined;
  /** Percent (15 = 15 %): one lead-to-customer rate, or the rates of successive stages, which multiply. */
  conversionRate: number | undefined | readonly (number | undefined)[];
  averageDealSize: number | undefined;
  revenueTarget: number | undefined;
}

export type FunnelInput = 'leads' | 'conversionRate' | 'averageDealSize' | 'revenueTarget';

/** What each lever alone would have to be for the funnel to yield exactly the revenue target. */
export interface FunnelNeeds {
  /** ⌈target ÷ (rate × deal size)⌉: leads are whole. */
  leads: number;
  /** Percent, target ÷ (leads × deal size) × 100; the overall rate when several stages are given. Round it up when shown. */
  conversionRate: number;
  /** Percent, per stage: the rate that stage alone would need, the other stages unchanged (may exceed 100: that stage cannot do it alone). */
  stageRates: number[];
  /** ⌈target ÷ (leads × rate)⌉, in whole currency units. */
  averageDealSize: number;
}

export interface Funnel {
  computable: true;
  /** Percent: the stage rates multiplied together (the one rate when only one is given). */
  overallRate: number;
  /** Deals won: leads × overall rate (not rounded). */
  deals: number;
  /** leads × overall rate × average deal size. */
  revenue: number;
  revenueTarget: number;
  /** revenue − target: negative is a shortfall. */
  gap: number;
  /** gap ÷ target × 100. */
  gapPercent: number;
  /** Whether the funnel falls short of the target. */
  shortfall: boolean;
  needs: FunnelNeeds;
}

/** Leads × conversion rate(s) × average deal size against a revenue target, with what each lever alone would need to meet it. */
export function funnel(inputs: FunnelInputs): Funnel | NotComputable<FunnelInput> {
  const rates: readonly (number | undefined)[] = Array.isArray(inputs.conversionRate) ? inputs.conversionRate : [inputs.conversionRate];
  const problems = problemsOf<FunnelInput>([
    ['leads', positiveReason(inputs.leads)],
    ...(rates.length === 0 ? [['conversionRate', 'missing'] as const] : []),
    // An index only tells stages apart; a single rate has none.
    ...rates.map((rate, index) => ['conversionRate', percentReason(rate), rates.length > 1 ? index : undefined] as const),
    ['averageDealSize', positiveReason(inputs.averageDealSize)],
    ['revenueTarget', positiveReason(inputs.revenueTarget)],
  ]);
  if (problems.length > 0) return { computable: false, problems };

  const leads = inputs.leads as number;
  const stageFractions = (rates as number[]).map((rate) => rate / 100);
  const dealSize = inputs.averageDealSize as number;
  const target = inputs.revenueTarget as number;

  const overall = product(stageFractions);
  const revenue = leads * overall * dealSize;
  const gap = revenue - target;
  const overallNeeded = target / (leads * dealSize);
  return {
    computable: true,
    overallRate: overall * 100,
    deals: leads * overall,
    revenue,
    revenueTarget: target,
    gap,
    gapPercent: (gap / target) * 100,
    shortfall: !atLeast(revenue, target),
    needs: {
      leads: ceilWhole(target / (overall * dealSize)),
      conversionRate: overallNeeded * 100,
      // Stage i alone: overall needed ÷ the product of the other stages.
      stageRates: stageFractions.map((_, i) => (overallNeeded / product(stageFractions.filter((__, j) => j !== i))) * 100),
      averageDealSize: ceilWhole(target / (leads * overall)),
    },
  };
}

function product(values: readonly number[]): number {
  return values.reduce((acc, value) => acc * value, 1);
}
