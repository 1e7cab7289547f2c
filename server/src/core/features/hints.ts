/**
 * Inlay hints of a plan, in offsets, from the plan's figures (computed once in `analysis/`):
 * after a budget allocation's `amount` its share of the total and its ROI; after a goal's
 * `target` the annualised change that `smart/achievable` judges; after the CLV target the
 * CLV : CAC ratio, after the CAC target the payback in months; after `team:` the team's capacity
 * against the revenue target, and after each role's `quota` that role's part of it.
 */
import { translator } from '../base/messages';
import { asArray, asNumber, asRecord, type PlanModel } from '../model/model';
import { nodeAt, type ParsedPlan } from '../parse/parse';
import { goals } from '../model/goals';
import { annualChange } from '../analysis/growth';
import type { PlanFigures } from '../analysis/figures';
import type { Locale } from '../base/types';

export interface PlanHint {
  /** Where the hint is shown: right after the value it is about. */
  offset: number;
  label: string;
  kind: 'allocation' | 'change' | 'economics' | 'capacity';
}

/** The hints whose offsets lie in `[start, end]` (the whole plan by default), in text order. */
export function planHints(input: { parsed: ParsedPlan; model: PlanModel; figures: PlanFigures; locale: Locale; start?: number; end?: number }): PlanHint[] {
  const { parsed, model, locale, figures } = input;
  const hints: PlanHint[] = [];
  const at = (path: (string | number)[]) => nodeAt(parsed.root, path);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const twoDecimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = (value: number) => `${whole.format(value)}${figures.currency ? ` ${figures.currency}` : ''}`;
  const t = translator(locale);

  const budget = asRecord(model.data.budget);
  const total = asNumber(budget?.total);
  asArray(budget?.allocations).forEach((item, index) => {
    const amount = asNumber(asRecord(item)?.amount);
    const node = at(['budget', 'allocations', index, 'amount']);
    if (amount === undefined || !node) return;
    const returns = figures.budget?.returns.allocations.find((allocation) => allocation.index === index);
    const parts: string[] = [];
    if (total !== undefined && total > 0) parts.push(t('hint.allocation.share', { share: Math.round((amount / total) * 100) }));
    if (returns) parts.push(t('hint.allocation.roi', { roi: whole.format(Math.round(returns.roi * 100)) }));
    if (parts.length > 0) hints.push({ offset: node.end, label: parts.join(' · '), kind: 'allocation' });
  });

  for (const view of goals(model)) {
    const change = annualChange(model, view);
    const node = at(['goals', view.index, 'target']);
    if (change === undefined || !node) continue;
    const sign = change > 0 ? '+' : change < 0 ? '−' : '';
    hints.push({ offset: node.end, label: t('hint.annualChange', { change: `${sign}${whole.format(Math.abs(change))}` }), kind: 'change' });
  }

  const clv = figures.clvCacKpis && at(figures.clvCacKpis.clv.path);
  if (clv && figures.clvCac?.computable) hints.push({ offset: clv.end, label: t('hint.clvCac', { ratio: twoDecimals.format(figures.clvCac.ratio) }), kind: 'economics' });
  const cac = figures.paybackKpi && at(figures.paybackKpi.path);
  if (cac && figures.payback?.computable) hints.push({ offset: cac.end, label: t('hint.payback', { months: oneDecimal.format(figures.payback.months) }), kind: 'economics' });

  const capacity = figures.capacity;
  if (capacity?.computable) {
    const team = at(['team']);
    if (team?.keyEnd !== undefined) {
      // After the colon of `team:`, not between the key and it.
      const colon = parsed.text.indexOf(':', team.keyEnd);
      const offset = colon !== -1 && colon - team.keyEnd <= 2 ? colon + 1 : team.keyEnd;
      hints.push({ offset, label: t('hint.capacity', { capacity: money(capacity.capacity), percent: whole.format(Math.round(capacity.coveragePercent)) }), kind: 'capacity' });
    }
    for (const role of capacity.roles) {
      const quota = at(['team', role.index, 'quota']);
      if (!quota) continue;
      const label = capacity.prorated
        ? t('hint.roleCapacity.prorated', { count: whole.format(role.count), years: twoDecimals.format(capacity.years), capacity: money(role.capacity) })
        : t('hint.roleCapacity', { count: whole.format(role.count), capacity: money(role.capacity) });
      hints.push({ offset: quota.end, label, kind: 'capacity' });
    }
  }

  const start = input.start ?? 0;
  const end = input.end ?? parsed.text.length;
  return hints.filter((hint) => hint.offset >= start && hint.offset <= end).sort((a, b) => a.offset - b.offset);
}
