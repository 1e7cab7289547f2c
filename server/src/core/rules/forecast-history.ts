import { asArray, asRecord } from '../model/model';
import type { Rule } from './rule';

export const forecastHistory: Rule = {
  id: 'forecast/history',
  description: "forecast.method needs more history than the plan gives, or a history value is not a revenue.",
  defaultSeverity: 'information',
  docs: `The forecast is built from \`forecast.history\`: a trend (\`linear\`) needs at least 3 periods; a seasonal profile (\`seasonal\`, additive Holt-Winters) two full years of quarters or months (10 quarters or 24 months), and cannot be made from yearly history; \`auto\` picks the better of the two that the history allows. Each history row's \`revenue\` must be a number, 0 or more.

\`\`\`yaml
forecast:
  method: seasonal
  history:
    - { period: 2024-Q1, revenue: 180000 }
    # … every quarter of 2024 and 2025, and more
\`\`\``,
  check(context) {
    const forecast = context.figures.forecast;
    if (!forecast || forecast.outcome.ok) return;
    const outcome = forecast.outcome;
    // Manual projections need no history; the model only checks them when there is enough.
    if (outcome.reason === 'too-few-periods' && forecast.method !== 'manual') {
      context.report({ path: ['forecast', 'history'], anchor: 'key', messageId: 'forecast/history.tooFew', params: { method: outcome.method, needed: outcome.needed, have: outcome.have } });
    } else if (outcome.reason === 'no-seasonality') {
      context.report({ path: ['forecast', 'method'], messageId: 'forecast/history.yearly', params: {} });
    } else if (outcome.reason === 'invalid-history') {
      for (const problem of outcome.problems) {
        // A revenue that is not a number, or is negative, is the schema's finding; one too large for any forecast is this rule's.
        const revenue = asRecord(asArray(asRecord(context.plan.data.forecast)?.history)[problem.index])?.revenue;
        if (problem.code === 'invalid-revenue' && typeof revenue === 'number' && revenue >= 0) context.report({ path: ['forecast', 'history', problem.index, 'revenue'], messageId: 'forecast/history.revenue', params: {} });
      }
    }
  },
};
