import { kpiBounds, withinBounds } from '../analysis/goals';
import { goals } from '../model/goals';
import { asArray, asNumber, asRecord, type Data } from '../model/model';
import type { JsonPath } from '../base/types';
import type { Rule, RuleContext } from './rule';

export const kpiRange: Rule = {
  id: 'kpi/range',
  description: 'A KPI value its kind of KPI cannot take: a share over 100 %, a negative count or amount.',
  defaultSeverity: 'warning',
  docs: `Some numbers cannot be: a win rate of 130 % (more deals won than closed), a churn of 250 %, −220 attendees. The rule warns when a KPI's \`baseline\` or \`target\`, or the \`baseline\` or \`target\` of a goal measured on it,
- lies outside 0–100 on a percentage KPI that is a share of a whole: the catalog's \`win-rate\`, \`conversion-rate\`, \`marketing-conversion-rate\`, \`churn-rate\`, \`retention-rate\`, \`upsell-rate\`, \`click-through-rate\`, \`email-open-rate\`, \`email-click-rate\` and \`market-share\` (or, without a \`metric\`, a percentage KPI named as one: conversion, churn, retention, win rate, open rate, click rate, share);
- is negative on a KPI counted in \`count\`, \`currency\` or \`days\`.

A percentage is written as its number (\`30\` for 30 %), and a target is the level to reach, not the change:

\`\`\`yaml
kpis:
  - id: win-rate
    name: Win rate
    metric: win-rate
    baseline: 24
    target: 30          # not 130, and not 0.3
\`\`\`

Other rules leave an out-of-range number alone, so that it is reported once, here.`,
  check(context) {
    asArray(context.plan.data.kpis).forEach((item, index) => {
      const kpi = asRecord(item);
      if (!kpi) return;
      const subject = () => context.t('kpi/range.kpi', { id: String(kpi.id ?? `#${index + 1}`) });
      for (const key of ['baseline', 'target'] as const) check(context, kpi, kpi[key], ['kpis', index, key], key, subject);
    });
    for (const view of goals(context.plan)) {
      if (!view.kpi) continue;
      const { label, kpi } = view;
      const subject = () => context.t('kpi/range.goal', { id: label, kpi: kpi.id });
      for (const key of ['baseline', 'target'] as const) check(context, view.kpi.data, view.goal[key], ['goals', view.index, key], key, subject);
    }
  },
};

/** `subject` is worded only for a number out of range: most are in range. */
function check(context: RuleContext, kpi: Data, raw: unknown, path: JsonPath, key: string, subject: () => string): void {
  const value = asNumber(raw);
  const bounds = kpiBounds(kpi);
  if (value === undefined || !bounds || withinBounds(bounds, value)) return;
  const params = { key, subject: subject(), value };
  if (bounds.kind === 'share') context.report({ path, messageId: 'kpi/range.share', params });
  else context.report({ path, messageId: 'kpi/range.negative', params: { ...params, unit: context.t(`kpi/range.unit.${bounds.unit}`) } });
}
