/**
 * Inlay hints of a plan, in offsets: after a budget allocation's `amount` its share of the
 * total and its ROI; after a goal's `target` the annualised change that `smart/achievable` judges.
 */
import { formatMessage } from '../base/messages';
import { asArray, asNumber, asRecord, type PlanModel } from '../model/model';
import { nodeAt, type ParsedPlan } from '../parse/parse';
import { goals } from '../model/goals';
import { annualChange } from '../analysis/growth';
import type { Locale } from '../base/types';

export interface PlanHint {
  /** Where the hint is shown: right after the value it is about. */
  offset: number;
  label: string;
  kind: 'allocation' | 'change';
}

/** The hints whose offsets lie in `[start, end]` (the whole plan by default), in text order. */
export function planHints(input: { parsed: ParsedPlan; model: PlanModel; locale: Locale; start?: number; end?: number }): PlanHint[] {
  const { parsed, model, locale } = input;
  const hints: PlanHint[] = [];
  const at = (path: (string | number)[]) => nodeAt(parsed.root, path);

  const budget = asRecord(model.data.budget);
  const total = asNumber(budget?.total);
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  asArray(budget?.allocations).forEach((item, index) => {
    const allocation = asRecord(item);
    const amount = asNumber(allocation?.amount);
    const node = at(['budget', 'allocations', index, 'amount']);
    if (amount === undefined || !node) return;
    const expectedReturn = asNumber(allocation?.expectedReturn);
    const parts: string[] = [];
    if (total !== undefined && total > 0) parts.push(formatMessage(locale, 'hint.allocation.share', { share: Math.round((amount / total) * 100) }));
    if (expectedReturn !== undefined && amount > 0) parts.push(formatMessage(locale, 'hint.allocation.roi', { roi: oneDecimal.format(expectedReturn / amount) }));
    if (parts.length > 0) hints.push({ offset: node.end, label: parts.join(' · '), kind: 'allocation' });
  });

  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  for (const view of goals(model)) {
    const change = annualChange(model, view);
    const node = at(['goals', view.index, 'target']);
    if (change === undefined || !node) continue;
    const sign = change > 0 ? '+' : change < 0 ? '−' : '';
    hints.push({ offset: node.end, label: formatMessage(locale, 'hint.annualChange', { change: `${sign}${whole.format(Math.abs(change))}` }), kind: 'change' });
  }

  const start = input.start ?? 0;
  const end = input.end ?? parsed.text.length;
  return hints.filter((hint) => hint.offset >= start && hint.offset <= end).sort((a, b) => a.offset - b.offset);
}
