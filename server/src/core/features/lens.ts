/**
 * Code lenses of a plan, in offsets: each goal's SMART score (from the SMART rules' own
 * verdicts) and the budget's allocated share (from `budget/sum`'s arithmetic).
 */
import { anchorRange } from '../parse/anchor';
import type { GoalSmartResult } from '../check/engine';
import { formatNumber, translator } from '../base/messages';
import type { PlanModel } from '../model/model';
import type { ParsedPlan } from '../parse/parse';
import { budgetTotals } from '../analysis/budget';
import type { Locale } from '../base/types';

export interface PlanLens {
  /** Where the lens sits (VS Code shows it above this line). */
  start: number;
  end: number;
  title: string;
  /** What clicking it reveals: the first failing SMART letter's finding. */
  target?: { start: number; end: number };
}

export function planLenses(input: { parsed: ParsedPlan; model: PlanModel; smart: readonly GoalSmartResult[]; locale: Locale }): PlanLens[] {
  const { parsed, model, locale } = input;
  const t = translator(locale);
  const lenses: PlanLens[] = input.smart.map((goal) => {
    const failing = goal.letters.filter((letter) => !letter.pass);
    const params = { score: goal.score, total: goal.letters.length };
    const first = failing[0];
    return {
      start: goal.start,
      end: goal.end,
      title: failing.length === 0
        ? t('lens.smart', params)
        : t('lens.smart.failing', { ...params, failing: failing.map((letter) => t(`lens.smart.${letter.letter}`)).join(', ') }),
      target: first?.start !== undefined && first.end !== undefined ? { start: first.start, end: first.end } : undefined,
    };
  });
  const budget = budgetTotals(model);
  if (budget && parsed.root?.children?.get('budget')) {
    const [start, end] = anchorRange(parsed.text, parsed.root, ['budget'], 'key');
    const total = `${formatNumber(locale, budget.total)}${budget.currency ? ` ${budget.currency}` : ''}`;
    lenses.push({ start, end, title: t('lens.budget', { sum: budget.sum, total, share: budget.share }) });
  }
  return lenses.sort((a, b) => a.start - b.start);
}
