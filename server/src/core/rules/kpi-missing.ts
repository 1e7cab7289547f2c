import { asArray, asRecord, isBlank } from '../model/model';
import type { Rule } from './rule';

export const kpiMissing: Rule = {
  id: 'kpi/missing',
  description: 'The plan, a channel, a strategy or the measurement section names no KPI or goal.',
  defaultSeverity: 'warning',
  docs: `A plan is only as good as the way it is measured. This rule warns when
- the plan defines no KPI at all (\`kpis\` absent or empty);
- a channel lists no \`kpis\`: how will you know whether it works?
- a strategy lists no \`goals\`: what does it serve?
- a marketing plan's \`measurement\` lists no \`kpis\`.

A goal without a KPI is reported by \`smart/measurable\`, not here.

\`\`\`yaml
channels:
  - id: webinars
    name: Monthly webinars
    type: online
    kpis: [qualified-leads, cost-per-lead]
\`\`\``,
  check(context) {
    const { data, kind } = context.plan;
    if (asArray(data.kpis).length === 0) {
      context.report({ path: 'kpis' in data ? ['kpis'] : [], anchor: 'key', messageId: 'kpi/missing.plan' });
    }
    asArray(data.channels).forEach((channel, index) => {
      const record = asRecord(channel);
      if (record && isBlank(record.kpis)) {
        context.report({ path: ['channels', index], anchor: 'item', messageId: 'kpi/missing.channel', params: { id: String(record.id ?? `#${index + 1}`) } });
      }
    });
    asArray(data.strategies).forEach((strategy, index) => {
      const record = asRecord(strategy);
      if (record && isBlank(record.goals)) {
        context.report({ path: ['strategies', index], anchor: 'item', messageId: 'kpi/missing.strategy', params: { id: String(record.id ?? `#${index + 1}`) } });
      }
    });
    const measurement = asRecord(data.measurement);
    if (kind === 'marketing' && 'measurement' in data && isBlank(measurement?.kpis)) {
      context.report({ path: ['measurement'], anchor: 'key', messageId: 'kpi/missing.measurement' });
    }
  },
};
