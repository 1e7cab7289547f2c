import { asArray, asRecord, idList } from '../model/model';
import type { Rule } from './rule';

export const kpiUnused: Rule = {
  id: 'kpi/unused',
  description: 'A KPI that no goal, channel or measurement uses.',
  defaultSeverity: 'hint',
  docs: `A KPI nobody looks at is noise in the plan. Each KPI should be named by a goal's \`kpi\`, a channel's \`kpis\` or \`measurement.kpis\`.

Use the KPI where it belongs, or remove it.`,
  check(context) {
    const { data, definitions } = context.plan;
    const used = new Set<string>([
      ...asArray(data.goals).flatMap((goal) => idList(asRecord(goal)?.kpi)),
      ...asArray(data.channels).flatMap((channel) => idList(asRecord(channel)?.kpis)),
      ...idList(asRecord(data.measurement)?.kpis),
    ]);
    for (const definition of definitions) {
      if (definition.section !== 'kpis' || used.has(definition.id)) continue;
      context.report({ path: definition.path, messageId: 'kpi/unused', params: { id: definition.id } });
    }
  },
};
