import { HEALTHY_CLV_CAC } from '../analysis/economics';
import type { Rule } from './rule';

export const economicsClvCac: Rule = {
  id: 'economics/clv-cac',
  description: 'The customer lifetime value target is under 3 × the customer acquisition cost target.',
  defaultSeverity: 'warning',
  options: {
    minimumRatio: { type: 'number', default: HEALTHY_CLV_CAC, description: 'The lowest healthy CLV : CAC ratio.' },
  },
  docs: `A customer should bring in several times what it cost to win: a **CLV : CAC** ratio under 3 : 1 is commonly read as unhealthy (the business pays too much for customers who bring too little). The rule compares the \`customer-lifetime-value\` KPI's target with the \`customer-acquisition-cost\` KPI's target and says the ratio and the CAC the plan could afford.

\`\`\`yaml
kpis:
  - { id: clv, name: Lifetime value, metric: customer-lifetime-value, target: 2500 }
  - { id: cac, name: Acquisition cost, metric: customer-acquisition-cost, target: 500 }   # 5.0 : 1
\`\`\``,
  check(context) {
    const ratio = context.figures.clvCac;
    const kpis = context.figures.clvCacKpis;
    if (!ratio?.computable || ratio.healthy || !kpis) return;
    context.report({
      path: kpis.clv.path,
      messageId: 'economics/clv-cac',
      params: { clv: kpis.clv.value, cac: kpis.cac.value, ratio: Math.round(ratio.ratio * 10) / 10, minimum: ratio.healthyRatio, affordable: Math.floor(ratio.affordableCac), currency: context.figures.currency ?? '' },
    });
  },
};
