import { atLeast, percentReason, positiveReason, problemsOf, sum, type NotComputable } from './numbers';

/** The CLV:CAC ratio under which unit economics are commonly read as unhealthy. */
export const HEALTHY_CLV_CAC = 3;
/** The longest CAC payback, in months, that `economics/payback` accepts by default. */
export const PAYBACK_LIMIT_MONTHS = 12;

export interface ClvCac {
  computable: true;
  /** CLV ÷ CAC. */
  ratio: number;
  healthyRatio: number;
  /** ratio ≥ healthy ratio. */
  healthy: boolean;
  /** CLV ÷ healthy ratio: the most the plan can spend to win a customer. */
  affordableCac: number;
  /** CAC × healthy ratio: the lifetime value the plan's CAC calls for. */
  neededClv: number;
}

/** The CLV:CAC ratio against a healthy ratio (default 3), with the CAC the CLV affords and the CLV the CAC needs. */
export function clvToCac(inputs: { clv: number | undefined; cac: number | undefined; healthyRatio?: number }): ClvCac | NotComputable<'clv' | 'cac' | 'healthyRatio'> {
  const healthyRatio = inputs.healthyRatio ?? HEALTHY_CLV_CAC;
  const problems = problemsOf([['clv', positiveReason(inputs.clv)], ['cac', positiveReason(inputs.cac)], ['healthyRatio', positiveReason(healthyRatio)]]);
  if (problems.length > 0) return { computable: false, problems };
  const clv = inputs.clv as number;
  const cac = inputs.cac as number;
  const ratio = clv / cac;
  return { computable: true, ratio, healthyRatio, healthy: atLeast(ratio, healthyRatio), affordableCac: clv / healthyRatio, neededClv: cac * healthyRatio };
}

export type PaybackInput = 'cac' | 'monthlyRevenuePerAccount' | 'grossMarginPercent' | 'limitMonths';

export interface CacPayback {
  computable: true;
  /** CAC ÷ (monthly revenue per account × gross margin). */
  months: number;
  limitMonths: number;
  /** months > limit. */
  overLimit: boolean;
  /** Monthly revenue per account × gross margin: what pays the CAC back. */
  monthlyGrossProfit: number;
  grossMarginPercent: number;
  /** False when no margin was given and all revenue was counted as paying back (100 %). */
  marginGiven: boolean;
  /** limit × monthly gross profit: the largest CAC paid back within the limit. */
  affordableCac: number;
  /** CAC ÷ (limit × margin): the monthly revenue per account that pays the CAC back within the limit. */
  neededMonthlyRevenue: number;
}

/** Months to earn back the cost of acquiring a customer, against a limit (default 12). Gross margin in percent; without one, 100 %. */
export function cacPayback(inputs: {
  cac: number | undefined;
  monthlyRevenuePerAccount: number | undefined;
  grossMarginPercent?: number;
  limitMonths?: number;
}): CacPayback | NotComputable<PaybackInput> {
  const marginGiven = inputs.grossMarginPercent !== undefined;
  const limitMonths = inputs.limitMonths ?? PAYBACK_LIMIT_MONTHS;
  const problems = problemsOf<PaybackInput>([
    ['cac', positiveReason(inputs.cac)],
    ['monthlyRevenuePerAccount', positiveReason(inputs.monthlyRevenuePerAccount)],
    ['grossMarginPercent', marginGiven ? percentReason(inputs.grossMarginPercent) : undefined],
    ['limitMonths', positiveReason(limitMonths)],
  ]);
  if (problems.length > 0) return { computable: false, problems };
  const cac = inputs.cac as number;
  const revenue = inputs.monthlyRevenuePerAccount as number;
  const grossMarginPercent = inputs.grossMarginPercent ?? 100;
  const margin = grossMarginPercent / 100;
  const monthlyGrossProfit = revenue * margin;
  const months = cac / monthlyGrossProfit;
  return {
    computable: true,
    months,
    limitMonths,
    overLimit: !atLeast(limitMonths, months),
    monthlyGrossProfit,
    grossMarginPercent,
    marginGiven,
    affordableCac: limitMonths * monthlyGrossProfit,
    neededMonthlyRevenue: cac / (limitMonths * margin),
  };
}

/** A budget allocation as the plan gives it; anything may be missing. */
export interface AllocationInput {
  channel?: string;
  amount?: number;
  expectedReturn?: number;
}

export interface AllocationReturn {
  /** Index in `budget.allocations`. */
  index: number;
  channel: string | undefined;
  amount: number;
  expectedReturn: number;
  /** (expected return − amount) ÷ amount: 0.5 is a 50 % return on the money. */
  roi: number;
  /** The expected return is below the amount spent (ROI below 0). */
  belowCost: boolean;
}

export interface BudgetReturns {
  /** The allocations with a positive amount and an expected return, in plan order. */
  allocations: AllocationReturn[];
  /** Over those allocations: (Σ return − Σ amount) ÷ Σ amount; undefined when there are none. */
  blended: { amount: number; expectedReturn: number; roi: number } | undefined;
  /** Indexes of allocations left out: no positive amount, or no expected return. */
  skipped: number[];
}

/** Each allocation's ROI and the blended ROI, (return − cost) ÷ cost as in the catalog, over the allocations that give both. */
export function budgetReturns(allocations: readonly AllocationInput[]): BudgetReturns {
  const computed: AllocationReturn[] = [];
  const skipped: number[] = [];
  allocations.forEach((allocation, index) => {
    const { amount, expectedReturn } = allocation;
    if (positiveReason(amount) !== undefined || expectedReturn === undefined || !Number.isFinite(expectedReturn)) {
      skipped.push(index);
      return;
    }
    const cost = amount as number;
    computed.push({ index, channel: allocation.channel, amount: cost, expectedReturn, roi: (expectedReturn - cost) / cost, belowCost: expectedReturn < cost });
  });
  const amount = sum(computed.map((allocation) => allocation.amount));
  const expectedReturn = sum(computed.map((allocation) => allocation.expectedReturn));
  const blended = computed.length > 0 ? { amount, expectedReturn, roi: (expectedReturn - amount) / amount } : undefined;
  return { allocations: computed, blended, skipped };
}

export interface ChannelShare {
  channel: string | undefined;
  /** Every allocation to the channel, added up. */
  amount: number;
  /** amount ÷ total × 100, or ÷ the allocated sum when there is no positive total (see `shareBase`). */
  sharePercent: number;
}

export interface BudgetSummary {
  total: number | undefined;
  /** Σ allocation amounts. */
  allocated: number;
  /** total − allocated: positive is money not allocated, negative is overspending. */
  difference: number | undefined;
  /** allocated ÷ total × 100. */
  allocatedPercent: number | undefined;
  /** Per channel, in order of first allocation. */
  channels: ChannelShare[];
  shareBase: 'total' | 'allocated';
  /** Indexes of allocations with no usable amount, left out of the sums. */
  withoutAmount: number[];
}

/** What the allocations add up to, how far that is from the total, and each channel's share. */
export function budgetSummary(inputs: { total: number | undefined; allocations: readonly AllocationInput[] }): BudgetSummary {
  const total = inputs.total !== undefined && Number.isFinite(inputs.total) ? inputs.total : undefined;
  const byChannel = new Map<string | undefined, number>();
  const withoutAmount: number[] = [];
  inputs.allocations.forEach((allocation, index) => {
    const amount = allocation.amount;
    if (amount === undefined || !Number.isFinite(amount)) {
      withoutAmount.push(index);
      return;
    }
    byChannel.set(allocation.channel, (byChannel.get(allocation.channel) ?? 0) + amount);
  });
  const allocated = sum([...byChannel.values()]);
  const shareBase = total !== undefined && total > 0 ? 'total' : 'allocated';
  const base = shareBase === 'total' ? (total as number) : allocated;
  return {
    total,
    allocated,
    difference: total === undefined ? undefined : total - allocated,
    allocatedPercent: total !== undefined && total > 0 ? (allocated / total) * 100 : undefined,
    channels: [...byChannel].map(([channel, amount]) => ({ channel, amount, sharePercent: base === 0 ? 0 : (amount / base) * 100 })),
    shareBase,
    withoutAmount,
  };
}
