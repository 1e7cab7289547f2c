/**
 * The short summary of a plan's diff, in the words a board reads: target changes first, then
 * the budget, the period and status, what was added or removed, and the derived figures.
 *
 *   Revenue target +9.8 %; budget unchanged in total, 20,000 EUR moved from events to LinkedIn;
 *   2 goals added; SMART 14/15 → 15/15; funnel gap 12 % → 3 %
 */
import { formatList, formatMessage, formatNumber, type MessageId } from '../../base/messages';
import type { Locale } from '../../base/types';
import { amount, counted, days, message, oneLine, participle, percentChange, sectionTitle, signed } from './format';
import type { BudgetChange, FieldChange, FigureChange, ItemChange, PlanDiff } from '../../analysis/diff/types';

/** How many target changes, and how many budget moves, the summary names before it only counts the rest. */
const MAX_TARGETS = 3;
const MAX_MOVES = 3;
/** Longest name quoted in a summary. */
const MAX_NAME = 60;

/** The summary's phrases, most important first. */
export function summarize(diff: PlanDiff, locale: Locale): string[] {
  const text = (id: MessageId, params?: Record<string, string | number>) => formatMessage(locale, id, params);
  if (diff.status === 'added') return [text('diff.summary.planAdded')];
  if (diff.status === 'removed') return [text('diff.summary.planRemoved')];
  const phrases: string[] = [];
  if (diff.previousFile !== undefined) phrases.push(text('diff.summary.planRenamed', { file: oneLine(diff.previousFile, MAX_NAME) }));
  if (diff.status === 'unchanged') return [...phrases, text('diff.summary.noChange')];

  phrases.push(...targetPhrases(diff, locale));
  if (diff.budget) phrases.push(...budgetPhrase(diff.budget, locale));
  phrases.push(...headerPhrases(diff, locale));
  phrases.push(...countPhrases(diff, locale));
  phrases.push(...figurePhrases(diff.figures, locale));
  if (phrases.length === 0) phrases.push(text('diff.summary.noChange'));
  return phrases;
}

/** The summary as one line: phrases joined by semicolons, the first one capitalised. */
export function summaryLine(diff: PlanDiff, locale: Locale): string {
  const line = summarize(diff, locale).join('; ');
  return line.charAt(0).toLocaleUpperCase(locale) + line.slice(1);
}

/** KPI and goal targets that moved: "Revenue target +9.8 %". A goal whose KPI's target moved alike is not repeated. */
function targetPhrases(diff: PlanDiff, locale: Locale): string[] {
  const phrases: string[] = [];
  const seen = new Set<string>();
  let others = 0;
  for (const change of diff.changes) {
    if ((change.section !== 'kpis' && change.section !== 'goals') || change.list !== undefined) continue;
    const target = change.fields.find((field) => field.field.length === 1 && field.field[0] === 'target' && field.type === 'number' && field.kind === 'changed');
    if (!target) continue;
    const name = oneLine((change.section === 'goals' ? change.kpi?.name ?? change.kpi?.id : change.label) ?? change.key ?? '', MAX_NAME);
    const phrase = formatMessage(locale, 'diff.summary.target', { name, change: targetChange(target, locale) });
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    if (phrases.length < MAX_TARGETS) phrases.push(phrase);
    else others += 1;
  }
  if (others > 0) phrases.push(formatMessage(locale, 'diff.summary.otherTargets', { count: others }));
  return phrases;
}

function targetChange(change: FieldChange, locale: Locale): string {
  if (change.unit === 'percent') return formatMessage(locale, 'diff.change.points', { delta: signed(locale, change.delta ?? 0) });
  if (change.percent !== undefined) return percentChange(locale, change.percent);
  return signed(locale, change.delta ?? 0);
}

function money(locale: Locale, value: number | undefined, currency: string | undefined): string {
  return value === undefined ? '—' : amount(locale, value, 'currency', currency);
}

function budgetPhrase(budget: BudgetChange, locale: Locale): string[] {
  const { currency } = budget;
  if (budget.before !== budget.after) {
    const change = budget.percent !== undefined ? percentChange(locale, budget.percent) : budget.delta !== undefined ? signed(locale, budget.delta) : '';
    return [formatMessage(locale, 'diff.summary.budgetTotal', { change, before: money(locale, budget.before, currency), after: money(locale, budget.after, currency) }).replace(/ {2,}/g, ' ')];
  }
  if (budget.moves.length > 0) {
    const moves = budget.moves.slice(0, MAX_MOVES).map((move, index) =>
      formatMessage(locale, index === 0 ? 'diff.summary.move.first' : 'diff.summary.move.next', {
        amount: money(locale, move.amount, currency),
        from: oneLine(move.fromName ?? move.from, MAX_NAME),
        to: oneLine(move.toName ?? move.to, MAX_NAME),
      }),
    );
    if (budget.moves.length > MAX_MOVES) moves.push(formatMessage(locale, 'diff.summary.otherMoves', { count: budget.moves.length - MAX_MOVES }));
    return [formatMessage(locale, 'diff.summary.budgetMoved', { moves: moves.join(', ') })];
  }
  if (budget.allocatedBefore !== budget.allocatedAfter) {
    return [formatMessage(locale, 'diff.summary.budgetAllocated', { before: money(locale, budget.allocatedBefore, currency), after: money(locale, budget.allocatedAfter, currency) })];
  }
  return [];
}

/** The period and the status, which a board wants named rather than counted. */
function headerPhrases(diff: PlanDiff, locale: Locale): string[] {
  const header = diff.changes.find((change) => change.section === 'header');
  if (!header) return [];
  const phrases: string[] = [];
  const period = header.fields.filter((field) => field.field[0] === 'period');
  if (period.length > 0) {
    const shifts = period.filter((field) => field.type === 'date' && field.days !== undefined && field.field.length === 2 && (field.field[1] === 'start' || field.field[1] === 'end'));
    if (shifts.length === period.length) {
      // "period end +92 days"
      for (const shift of shifts) {
        phrases.push(formatMessage(locale, shift.field[1] === 'start' ? 'diff.summary.periodStart' : 'diff.summary.periodEnd', { shift: days(locale, shift.days!) }));
      }
    } else {
      phrases.push(formatMessage(locale, 'diff.summary.period', { before: describePeriod(period, 'before'), after: describePeriod(period, 'after') }));
    }
  }
  const status = header.fields.find((field) => field.field.length === 1 && field.field[0] === 'status');
  if (status) {
    const show = (value: unknown) => (typeof value === 'string' ? oneLine(value, MAX_NAME) : '—');
    phrases.push(formatMessage(locale, 'diff.summary.status', { before: show(status.before), after: show(status.after) }));
  }
  return phrases;
}

function describePeriod(fields: FieldChange[], side: 'before' | 'after'): string {
  const value = (name: string) => {
    const field = fields.find((change) => change.field[1] === name);
    const found = field?.[side];
    return typeof found === 'string' ? oneLine(found, 20) : undefined;
  };
  return `${value('start') ?? '…'} – ${value('end') ?? '…'}`;
}

/** "2 goals added, 1 removed" per list; sections added, removed or otherwise changed. */
function countPhrases(diff: PlanDiff, locale: Locale): string[] {
  const phrases: string[] = [];
  const groups = new Map<string, Map<ItemChange['kind'], number>>();
  const sectionsChanged: string[] = [];
  for (const change of diff.changes) {
    if (change.section === 'header') {
      // The period and the status have their own phrases.
      if (change.fields.some((field) => field.field[0] !== 'period' && field.field[0] !== 'status')) sectionsChanged.push(change.section);
      continue;
    }
    if (change.key === undefined) {
      if (change.kind === 'added' || change.kind === 'removed') {
        phrases.push(formatMessage(locale, change.kind === 'added' ? 'diff.summary.sectionAdded' : 'diff.summary.sectionRemoved', { section: sectionTitle(locale, change.section) }));
      } else if (!(change.section === 'budget' && diff.budget && change.fields.every((field) => field.field[0] === 'total'))) {
        sectionsChanged.push(change.section);
      }
      continue;
    }
    const noun = change.list ?? change.section;
    if (message(locale, `diff.noun.${noun}.one`) === undefined) {
      sectionsChanged.push(change.section);
      continue;
    }
    // Allocations are the budget phrase's, and target changes are named already.
    if (noun === 'allocations' && diff.budget && change.fields.every((field) => field.field[0] === 'amount')) continue;
    if (change.kind === 'changed' && (noun === 'kpis' || noun === 'goals') && change.fields.every((field) => field.field[0] === 'target' && field.field.length === 1)) continue;
    const counts = groups.get(noun) ?? new Map<ItemChange['kind'], number>();
    counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
    groups.set(noun, counts);
  }
  for (const [noun, counts] of groups) {
    const parts: string[] = [];
    for (const kind of ['added', 'removed', 'renamed', 'changed'] as const) {
      const count = counts.get(kind);
      if (!count) continue;
      const did = participle(locale, kind, noun, count);
      parts.push(parts.length === 0 ? `${counted(locale, count, noun)} ${did}` : `${formatNumber(locale, count)} ${did}`);
    }
    phrases.push(parts.join(', '));
  }
  const unique = [...new Set(sectionsChanged)];
  if (unique.length > 0) phrases.push(formatMessage(locale, 'diff.summary.sectionsChanged', { sections: formatList(locale, unique.map((section) => sectionTitle(locale, section))) }));
  return phrases;
}

/** "SMART 14/15 → 15/15; funnel gap 12 % → 3 %". */
function figurePhrases(figures: readonly FigureChange[], locale: Locale): string[] {
  return figures.map((change) =>
    formatMessage(locale, `diff.figure.${change.figure}` as MessageId, { before: figureValue(change, 'before', locale), after: figureValue(change, 'after', locale) }),
  );
}

export function figureValue(change: FigureChange, side: 'before' | 'after', locale: Locale): string {
  const value = change[side];
  if (value === undefined) return '—';
  if (typeof value === 'object') return `${formatNumber(locale, value.passing)}/${formatNumber(locale, value.total)}`;
  if (typeof value === 'string') return oneLine(value, MAX_NAME);
  if (change.figure === 'funnelGapPercent') return `${formatNumber(locale, Math.round(value * 10) / 10)} %`;
  return formatNumber(locale, value);
}
