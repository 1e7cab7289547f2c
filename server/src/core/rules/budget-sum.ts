import { budgetTotals } from '../analysis/budget';
import { asArray, asNumber, asRecord, asString } from '../model/model';
import type { Rule } from './rule';

const LOWEST_SHARE = 0.95;

export const budgetSum: Rule = {
  id: 'budget/sum',
  description: 'Budget allocations add up to more than the total, or to less than 95 % of it.',
  defaultSeverity: 'warning',
  docs: `The budget's \`allocations\` spread \`total\` over channels. They should add up to the total: more is overspending, and less than 95 % leaves money nobody plans for.

\`\`\`yaml
budget:
  total: 120000
  allocations:
    - { channel: webinars, amount: 30000, expectedReturn: 90000 }
    - { channel: linkedin-ads, amount: 90000, expectedReturn: 210000 }
\`\`\`

A \`total\` with no \`allocations\` at all is reported too: a budget nobody has spread over channels is not a plan yet.`,
  check(context) {
    const budget = asRecord(context.plan.data.budget);
    const declared = asNumber(budget?.total);
    if (budget && declared !== undefined && declared > 0 && asArray(budget.allocations).length === 0) {
      const channels = [...(context.plan.ids.get('channels')?.keys() ?? [])];
      context.report({
        path: ['budget', 'total'],
        messageId: channels.length > 0 ? 'budget/sum.unallocated' : 'budget/sum.unallocatedNoChannels',
        params: { total: declared, currency: asString(context.plan.data.currency) ? ` ${asString(context.plan.data.currency)}` : '', channels: context.list(channels.map((id) => `\`${id}\``)) },
      });
      return;
    }
    const totals = budgetTotals(context.plan);
    if (!totals) return;
    const { sum, total } = totals;
    const params = { ...totals, difference: Math.abs(total - sum) };
    if (sum > total) context.report({ path: ['budget', 'total'], messageId: 'budget/sum.over', params });
    else if (sum < total * LOWEST_SHARE) context.report({ path: ['budget', 'total'], messageId: 'budget/sum.under', params });
  },
};
