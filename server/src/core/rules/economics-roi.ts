import type { Rule } from './rule';

export const economicsRoi: Rule = {
  id: 'economics/roi',
  description: "A budget allocation's expected return is below its cost.",
  defaultSeverity: 'warning',
  docs: `Each budget allocation may say what it is expected to bring back (\`expectedReturn\`). Its ROI is (return − cost) ÷ cost, the KPI catalog's definition: an allocation that returns less than it costs loses money by the plan's own numbers. Move the money to a channel that pays, or explain why the spend is worth it (brand, a strategic market).

\`\`\`yaml
budget:
  total: 50000
  allocations:
    - { channel: events, amount: 20000, expectedReturn: 15000 }   # ROI −25 %
\`\`\``,
  check(context) {
    for (const allocation of context.figures.budget?.returns.allocations ?? []) {
      if (!allocation.belowCost) continue;
      context.report({
        path: ['budget', 'allocations', allocation.index, 'expectedReturn'],
        messageId: 'economics/roi',
        params: { channel: allocation.channel ?? `#${allocation.index + 1}`, amount: allocation.amount, expected: allocation.expectedReturn, roi: Math.round(allocation.roi * 100), currency: context.figures.currency ?? '' },
      });
    }
  },
};
