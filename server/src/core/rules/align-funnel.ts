import type { Rule } from './rule';

export const alignFunnel: Rule = {
  id: 'align/funnel',
  description: "The marketing plan's leads, at the sales plan's conversion rate and deal size, fall short of the sales revenue target.",
  defaultSeverity: 'warning',
  docs: `Marketing fills the funnel that sales closes: **leads × conversion rate × average deal size** is the revenue marketing can feed to sales. When a marketing plan's \`leads\` target, with the sales plan's \`conversion-rate\` and \`average-deal-size\` targets, does not reach the sales plan's \`revenue\` target, the two plans do not add up. The finding shows the arithmetic, the gap, and what each lever alone would need.

The plans are linked by \`alignsWith\` (either plan may name the other; open or closed), or one plan holds all four KPIs. Several \`conversion-rate\` KPIs are read as successive stages and multiplied.

\`\`\`yaml
# marketing.plan.yaml
alignsWith: [sales.plan.yaml]
kpis:
  - { id: leads, name: Qualified leads, metric: leads, target: 6000 }
# sales.plan.yaml
kpis:
  - { id: conversion, name: Lead to customer, metric: conversion-rate, target: 4 }
  - { id: deal-size, name: Average deal, metric: average-deal-size, target: 50000 }
  - { id: revenue, name: Revenue, metric: revenue, target: 12000000 }
\`\`\`

6,000 × 4 % × 50,000 = 12,000,000: the funnel covers the target. Plans in different currencies are never multiplied (\`align/currency\`).`,
  check(context) {
    const funnel = context.figures.funnel;
    if (!funnel || !funnel.result.computable || !funnel.result.shortfall) return;
    const { result, leads, revenue } = funnel;
    const anchor = revenue?.plan === 'self' ? revenue : leads?.plan === 'self' ? leads : undefined;
    if (!anchor) return;
    const currency = funnel.currency ?? '';
    context.report({
      path: anchor.path,
      messageId: 'align/funnel',
      params: {
        leads: leads!.value,
        rate: Math.round(result.overallRate * 100) / 100,
        dealSize: funnel.dealSize!.value,
        yields: Math.round(result.revenue),
        target: revenue!.value,
        gap: Math.round(-result.gap),
        gapPercent: Math.round(-result.gapPercent * 10) / 10,
        currency,
        needLeads: result.needs.leads,
        needRate: Math.ceil(result.needs.conversionRate * 100) / 100,
        needDealSize: result.needs.averageDealSize,
      },
    });
  },
};
