import { kpiBounds, withinBounds } from '../analysis/goals';
import { goals } from '../model/goals';
import { asArray, asNumber, asRecord, type Data } from '../model/model';
import type { MessageId } from '../base/messages';
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
      const label = String(kpi.id ?? `#${index + 1}`);
      for (const problem of problemsOf(context, kpi, kpi, label)) context.report({ path: ['kpis', index, problem.key], messageId: problem.messageId, params: problem.params });
    });
    for (const view of goals(context.plan)) {
      if (!view.kpi) continue;
      for (const problem of problemsOf(context, view.goal, view.kpi.data, view.label, view.kpi.id)) context.report({ path: ['goals', view.index, problem.key], messageId: problem.messageId, params: problem.params });
    }
  },
};

interface RangeProblem {
  key: 'baseline' | 'target';
  messageId: MessageId;
  params: Record<string, string | number>;
}

/**
 * The out-of-range numbers of a KPI, or of a goal on the KPI it is measured on, worded; kept by
 * item for what they were worked out with (the KPI, the labels, the language): a keystroke
 * elsewhere in a plan of thousands of KPIs and goals reuses them.
 */
const known = new WeakMap<Data, { kpi: Data; label: string; kpiId: string | undefined; locale: string; problems: RangeProblem[] }>();

function problemsOf(context: RuleContext, item: Data, kpi: Data, label: string, kpiId?: string): RangeProblem[] {
  const found = known.get(item);
  if (found && found.kpi === kpi && found.label === label && found.kpiId === kpiId && found.locale === context.locale) return found.problems;
  const problems: RangeProblem[] = [];
  const bounds = kpiBounds(kpi);
  for (const key of ['baseline', 'target'] as const) {
    const value = asNumber(item[key]);
    if (value === undefined || !bounds || withinBounds(bounds, value)) continue;
    const subject = kpiId === undefined ? context.t('kpi/range.kpi', { id: label }) : context.t('kpi/range.goal', { id: label, kpi: kpiId });
    const params = { key, subject, value };
    if (bounds.kind === 'share') problems.push({ key, messageId: 'kpi/range.share', params });
    else problems.push({ key, messageId: 'kpi/range.negative', params: { ...params, unit: context.t(`kpi/range.unit.${bounds.unit}`) } });
  }
  known.set(item, { kpi, label, kpiId, locale: context.locale, problems });
  return problems;
}
