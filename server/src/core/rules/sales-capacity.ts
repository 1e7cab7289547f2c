import type { Rule } from './rule';

export const salesCapacity: Rule = {
  id: 'sales/capacity',
  description: "The team's headcount × quota falls short of the revenue target.",
  defaultSeverity: 'warning',
  docs: `A revenue target needs people to carry it. When team roles have a \`quota\` (revenue per person per year), the team's capacity is the sum of \`count\` × \`quota\`, prorated to the plan period. Below the \`revenue\` target, either the target or the team is wrong: the finding says the shortfall and how many people at the largest quota would close it.

\`\`\`yaml
team:
  - { id: ae, role: Account executive, count: 4, quota: 400000 }
  - { id: sdr, role: Sales development rep, count: 3, quota: 150000 }
\`\`\``,
  check(context) {
    const capacity = context.figures.capacity;
    if (!capacity?.computable || !capacity.shortfall) return;
    const largest = capacity.largestQuota;
    context.report({
      path: ['team'],
      anchor: 'key',
      messageId: capacity.prorated ? 'sales/capacity.prorated' : 'sales/capacity',
      params: {
        days: capacity.days,
        capacity: Math.round(capacity.capacity),
        target: capacity.revenueTarget,
        gap: Math.round(-capacity.gap),
        hires: largest.extraHeadcount,
        role: largest.role ?? largest.id ?? '',
        quota: largest.quota,
        currency: context.figures.currency ?? '',
      },
    });
  },
};
