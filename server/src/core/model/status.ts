import type { PlanModel } from './model';

/** Where a plan stands (`status`), which sets the tone of its checks. */
export const PLAN_STATUSES = ['draft', 'review', 'approved', 'active', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The plan's `status`; `active` when it has none, or one the schema rejects. */
export function planStatus(plan: PlanModel): PlanStatus {
  const status = plan.data.status;
  return (PLAN_STATUSES as readonly unknown[]).includes(status) ? (status as PlanStatus) : 'active';
}
