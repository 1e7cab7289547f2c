import { asArray, asNumber, asRecord, asString, type PlanModel } from '../model/model';

/** The budget's total, what its allocations add up to and the whole percent of the total that is. */
export function budgetTotals(plan: PlanModel): { total: number; sum: number; share: number; currency: string } | undefined {
  const budget = asRecord(plan.data.budget);
  const total = asNumber(budget?.total);
  const amounts = asArray(budget?.allocations).map((allocation) => asNumber(asRecord(allocation)?.amount));
  if (total === undefined || amounts.length === 0) return undefined;
  const sum = amounts.reduce<number>((acc, amount) => acc + (amount ?? 0), 0);
  return { total, sum, share: total > 0 ? Math.round((sum / total) * 100) : 0, currency: asString(plan.data.currency) ?? '' };
}
