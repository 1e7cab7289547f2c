import { asString } from '../model/model';
import type { Rule } from './rule';

export const alignCurrency: Rule = {
  id: 'align/currency',
  description: 'Plans linked by alignsWith use different currencies, so their figures are not compared.',
  defaultSeverity: 'warning',
  docs: `Aligned plans are compared figure by figure (the funnel from leads to revenue, budgets against revenue). That needs one currency: a marketing plan in EUR and a sales plan in RON are never multiplied together. Use the same \`currency\` in both plans, or convert one of them.

\`\`\`yaml
currency: EUR   # the same in marketing.plan.yaml and sales.plan.yaml
\`\`\``,
  check(context) {
    const clash = context.figures.currencyClash;
    if (!clash) return;
    const other = context.aligned[clash.plan];
    context.report({
      path: ['currency'],
      messageId: 'align/currency',
      params: { currency: asString(context.plan.data.currency) ?? '', other: other.filePath.split(/[\\/]/).pop() ?? other.filePath, otherCurrency: clash.currency },
    });
  },
};
