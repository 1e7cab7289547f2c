import { PAYBACK_LIMIT_MONTHS } from '../analysis/economics';
import type { Rule } from './rule';

export const economicsPayback: Rule = {
  id: 'economics/payback',
  description: 'The customer acquisition cost takes more than 12 months of gross profit per account to pay back.',
  defaultSeverity: 'warning',
  options: {
    maxMonths: { type: 'number', default: PAYBACK_LIMIT_MONTHS, description: 'The longest acceptable CAC payback, in months.' },
  },
  docs: `**CAC payback** is how many months of an account's gross profit it takes to earn back what winning it cost: CAC ÷ (monthly revenue per account × gross margin). Over 12 months, cash runs out before customers pay for themselves. The rule reads the \`customer-acquisition-cost\`, \`revenue-per-account\` (monthly) and \`gross-margin\` KPIs' targets (without a gross margin it counts 100 %, and says so).

\`\`\`yaml
kpis:
  - { id: cac, name: Acquisition cost, metric: customer-acquisition-cost, target: 1000 }
  - { id: arpa, name: Monthly revenue per account, metric: revenue-per-account, target: 100 }
  - { id: margin, name: Gross margin, metric: gross-margin, target: 80 }   # 1000 ÷ (100 × 80 %) = 12.5 months
\`\`\``,
  check(context) {
    const payback = context.figures.payback;
    const cac = context.figures.paybackKpi;
    if (!payback?.computable || !payback.overLimit || !cac) return;
    context.report({
      path: cac.path,
      messageId: payback.marginGiven ? 'economics/payback' : 'economics/payback.noMargin',
      params: { months: Math.round(payback.months * 10) / 10, limit: payback.limitMonths, cac: cac.value, affordable: Math.floor(payback.affordableCac), currency: context.figures.currency ?? '' },
    });
  },
};
