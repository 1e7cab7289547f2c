import { periodYears } from './calendar';
import { atLeast, ceilWhole, positiveReason, problemsOf, sum, type NotComputable } from './numbers';

/** A `team` entry as the sales plan gives it; anything may be missing. */
export interface TeamRoleInput {
  id?: string;
  role?: string;
  /** People in the role. */
  count?: number;
  /** Revenue per person per year. */
  quota?: number;
}

/** Names a team entry in a message. */
export interface RoleRef {
  /** Index in `team`. */
  index: number;
  id: string | undefined;
  role: string | undefined;
}

export interface RoleCapacity extends RoleRef {
  count: number;
  /** Per person per year, as in the plan. */
  quota: number;
  /** quota × years: what one more person brings in over the plan period. */
  perPerson: number;
  /** count × quota × years. */
  capacity: number;
  /** ⌈shortfall ÷ per-person⌉: the people this role alone would need to add; 0 without a shortfall. */
  extraHeadcount: number;
}

export interface SalesCapacity {
  computable: true;
  /** The plan period in years; whole when it runs whole calendar years, else days ÷ 365.25. */
  years: number;
  /** The period's days, both ends included. */
  days: number;
  /** Whether the annual quotas were scaled to a period other than one year. */
  prorated: boolean;
  /** Σ count × quota × years over the roles with a quota. */
  capacity: number;
  revenueTarget: number;
  /** capacity − target: negative is a shortfall. */
  gap: number;
  /** capacity ÷ target × 100. */
  coveragePercent: number;
  shortfall: boolean;
  /** Roles with a positive quota and a count, in plan order. */
  roles: RoleCapacity[];
  /** The role with the largest quota (the first of equals): hiring there closes the gap with the fewest people. */
  largestQuota: RoleCapacity;
  /** Roles without a positive quota: not counted ("2 roles have no quota"). */
  withoutQuota: RoleRef[];
  /** Roles with a quota but no whole, non-negative count: not counted either. */
  withoutCount: RoleRef[];
}

export type CapacityInput = 'revenueTarget' | 'period' | 'quota';

/** The team's revenue capacity, Σ count × quota prorated to the plan period, against the revenue target, with the hires that would close a shortfall. */
export function salesCapacity(inputs: {
  roles: readonly TeamRoleInput[];
  revenueTarget: number | undefined;
  /** The plan period, in days since the epoch. */
  period: { start: number; end: number } | undefined;
}): SalesCapacity | NotComputable<CapacityInput> {
  const { period } = inputs;
  const withoutQuota: RoleRef[] = [];
  const withoutCount: RoleRef[] = [];
  const counted: (RoleRef & { count: number; quota: number })[] = [];
  inputs.roles.forEach((role, index) => {
    const ref = { index, id: role.id, role: role.role };
    if (role.quota === undefined || positiveReason(role.quota) !== undefined) withoutQuota.push(ref);
    // Safe integers keep count × quota finite.
    else if (role.count === undefined || !Number.isSafeInteger(role.count) || role.count < 0) withoutCount.push(ref);
    else counted.push({ ...ref, count: role.count, quota: role.quota });
  });
  const problems = problemsOf<CapacityInput>([
    ['revenueTarget', positiveReason(inputs.revenueTarget)],
    ['period', period === undefined ? 'missing' : period.end < period.start ? 'not-positive' : undefined],
    ['quota', counted.length === 0 ? 'missing' : undefined],
  ]);
  if (problems.length > 0 || period === undefined) return { computable: false, problems };

  const target = inputs.revenueTarget as number;
  const { years, days } = periodYears(period.start, period.end);
  const capacity = sum(counted.map((role) => role.count * role.quota * years));
  const gap = capacity - target;
  const shortfall = !atLeast(capacity, target);
  const roles = counted.map((role): RoleCapacity => {
    const perPerson = role.quota * years;
    return { ...role, perPerson, capacity: role.count * perPerson, extraHeadcount: shortfall ? ceilWhole(-gap / perPerson) : 0 };
  });
  const largestQuota = roles.reduce((best, role) => (role.quota > best.quota ? role : best));
  return {
    computable: true,
    years,
    days,
    prorated: years !== 1,
    capacity,
    revenueTarget: target,
    gap,
    coveragePercent: (capacity / target) * 100,
    shortfall,
    roles,
    largestQuota,
    withoutQuota,
    withoutCount,
  };
}
