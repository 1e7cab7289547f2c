import { asArray, asNumber, asRecord } from '../model/model';
import type { Rule } from './rule';

export const forecastProjections: Rule = {
  id: 'forecast/projections',
  description: "The plan's own projections lie outside the forecast model's 95 % band.",
  defaultSeverity: 'information',
  docs: `When a plan writes its own \`projections\`, the checker still fits its model to the \`history\` (the better of a trend and a seasonal profile) and points out a projection outside the model's 95 % prediction band for that period: history alone does not support it. That may be right (a new product, a big contract): then say why in \`assumptions\`.

\`\`\`yaml
forecast:
  method: manual
  history: [ … ]
  projections:
    - { period: 2026-Q4, revenue: 900000 }   # the model's 95 % band: 420,000 – 610,000
  assumptions: Two enterprise contracts signed in Q3 start billing in Q4.
\`\`\``,
  check(context) {
    const outcome = context.figures.forecast?.outcome;
    if (!outcome?.ok) return;
    const points = new Map(outcome.points.map((point) => [point.period, point]));
    asArray(asRecord(context.plan.data.forecast)?.projections).forEach((item, index) => {
      const row = asRecord(item);
      const revenue = asNumber(row?.revenue);
      const point = points.get(String(row?.period).toUpperCase());
      if (revenue === undefined || !point || (revenue >= point.lower95 && revenue <= point.upper95)) return;
      context.report({
        path: ['forecast', 'projections', index, 'revenue'],
        messageId: revenue > point.upper95 ? 'forecast/projections.above' : 'forecast/projections.below',
        params: { period: point.period, revenue, lower: Math.round(point.lower95), upper: Math.round(point.upper95), forecast: Math.round(point.forecast), currency: context.figures.currency ?? '' },
      });
    });
  },
};
