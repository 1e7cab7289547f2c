import { essentialKpis } from '../model/catalog';
import { asArray, asRecord } from '../model/model';
import type { Rule } from './rule';

export const kpiRecommended: Rule = {
  id: 'kpi/recommended',
  description: "The plan tracks none of the KPIs its template calls essential.",
  defaultSeverity: 'information',
  docs: `The guide names the KPIs every plan of a kind should watch. A marketing plan: leads generated (\`leads\`), website conversion rate (\`marketing-conversion-rate\`), cost per lead (\`cost-per-lead\`), marketing ROI (\`marketing-roi\`). A sales plan: revenue (\`revenue\`), conversion rate (\`conversion-rate\`), average deal size (\`average-deal-size\`), customer acquisition cost (\`customer-acquisition-cost\`), win rate (\`win-rate\`).

A KPI tracks a catalog metric when its \`metric\` (or, without one, its \`id\`) is that metric's id:

\`\`\`yaml
kpis:
  - id: qualified-leads
    name: Marketing-qualified leads
    metric: leads
\`\`\``,
  check(context) {
    const { data, kind } = context.plan;
    const kpis = asArray(data.kpis).map(asRecord);
    if (!kind || kpis.length === 0) return;
    const essential = essentialKpis(kind);
    const tracked = kpis.some((kpi) => essential.some((metric) => (kpi?.metric ?? kpi?.id) === metric.id));
    if (tracked) return;
    context.report({
      path: ['kpis'],
      anchor: 'key',
      messageId: kind === 'marketing' ? 'kpi/recommended.marketing' : 'kpi/recommended.sales',
      params: { metrics: context.list(essential.map((metric) => `\`${metric.id}\``)) },
    });
  },
};
