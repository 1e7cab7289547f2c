/**
 * Periods of a revenue history (`2025`, `2025-Q3`, `2025-07`), their arithmetic, the share of
 * each forecast period that a plan period covers, and the checks a history must pass before
 * it is forecast.
 */
import { daysFromCivil, daysInMonth } from '../../base/days';

export type Granularity = 'year' | 'quarter' | 'month';

/** A period as a count of periods since year 0 at its granularity, so that the next period is `ordinal + 1`. */
export interface Period {
  readonly granularity: Granularity;
  readonly ordinal: number;
}

/** A calendar date as a count of days since 1970-01-01 (proleptic Gregorian). */
export type DayNumber = number;

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Above this a revenue is taken for a typo or a unit mix-up (a thousand trillion). */
export const MAX_REVENUE = 1e15;

/** The seasonal period m: how many periods make a year. */
export function seasonLength(granularity: Granularity): 1 | 4 | 12 {
  return granularity === 'year' ? 1 : granularity === 'quarter' ? 4 : 12;
}

/** Reads `YYYY`, `YYYY-Qn` or `YYYY-MM`; a whole number is a year, as YAML reads `period: 2025`. */
export function parsePeriod(value: unknown): Period | undefined {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2]) return { granularity: 'quarter', ordinal: year * 4 + Number(match[2]) - 1 };
  if (match[3]) return { granularity: 'month', ordinal: year * 12 + Number(match[3]) - 1 };
  return { granularity: 'year', ordinal: year };
}

/** The label of a period, as `parsePeriod` reads it. */
export function periodLabel(period: Period): string {
  const m = seasonLength(period.granularity);
  const year = String(Math.floor(period.ordinal / m)).padStart(4, '0');
  const position = period.ordinal - Math.floor(period.ordinal / m) * m + 1;
  if (period.granularity === 'quarter') return `${year}-Q${position}`;
  if (period.granularity === 'month') return `${year}-${String(position).padStart(2, '0')}`;
  return year;
}

/** The period `steps` after this one (before it when negative). */
export function nextPeriod(period: Period, steps = 1): Period {
  return { granularity: period.granularity, ordinal: period.ordinal + steps };
}

/** How many periods `to` lies after `from` (negative when before); undefined across granularities. */
export function periodDistance(from: Period, to: Period): number | undefined {
  return from.granularity === to.granularity ? to.ordinal - from.ordinal : undefined;
}

/** Whether `next` is the period right after `previous`. */
export function isConsecutive(previous: Period, next: Period): boolean {
  return periodDistance(previous, next) === 1;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly dayNumber: DayNumber;
}

/** Reads an ISO date `YYYY-MM-DD` that exists in the calendar. */
export function parseIsoDate(text: unknown): CalendarDate | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, dayNumber: daysFromCivil(year, month, day) };
}

/** The period of a granularity that contains a date. */
export function periodOfDate(date: CalendarDate, granularity: Granularity): Period {
  if (granularity === 'year') return { granularity, ordinal: date.year };
  if (granularity === 'quarter') return { granularity, ordinal: date.year * 4 + Math.floor((date.month - 1) / 3) };
  return { granularity, ordinal: date.year * 12 + date.month - 1 };
}

/** The first and last day of a period, both inclusive. */
export function periodDays(period: Period): { first: DayNumber; last: DayNumber } {
  const monthsLong = 12 / seasonLength(period.granularity);
  const firstMonth = period.ordinal * monthsLong;
  const afterMonth = firstMonth + monthsLong;
  return {
    first: daysFromCivil(Math.floor(firstMonth / 12), (firstMonth % 12) + 1, 1),
    last: daysFromCivil(Math.floor(afterMonth / 12), (afterMonth % 12) + 1, 1) - 1,
  };
}

function overlapDays(first: DayNumber, last: DayNumber, from: DayNumber, to: DayNumber): number {
  return Math.max(0, Math.min(last, to) - Math.max(first, from) + 1);
}

export interface CoveredPeriod {
  readonly period: Period;
  readonly label: string;
  /** The share of the period inside the plan period, in (0, 1]. */
  readonly fraction: number;
}

/**
 * The periods a plan period (`start`..`end`, both inclusive) touches, each with the share of it
 * that lies inside. Months and quarters count days; a year counts twelfths, each month by its
 * days, so that a fiscal year from 1 July takes exactly half of each calendar year.
 */
export function coverage(granularity: Granularity, start: CalendarDate, end: CalendarDate): CoveredPeriod[] {
  const first = periodOfDate(start, granularity).ordinal;
  const last = periodOfDate(end, granularity).ordinal;
  const covered: CoveredPeriod[] = [];
  for (let ordinal = first; ordinal <= last; ordinal++) {
    const period: Period = { granularity, ordinal };
    let fraction = 0;
    if (granularity === 'year') {
      for (let month = 0; month < 12; month++) {
        const days = periodDays({ granularity: 'month', ordinal: ordinal * 12 + month });
        fraction += overlapDays(days.first, days.last, start.dayNumber, end.dayNumber) / (days.last - days.first + 1);
      }
      fraction /= 12;
    } else {
      const days = periodDays(period);
      fraction = overlapDays(days.first, days.last, start.dayNumber, end.dayNumber) / (days.last - days.first + 1);
    }
    if (fraction > 0) covered.push({ period, label: periodLabel(period), fraction: Math.min(1, fraction) });
  }
  return covered;
}

/** What can be wrong with a row of history; `index` is the row's position in the history. */
export type HistoryProblem =
  | { readonly code: 'unparseable-period'; readonly index: number; readonly period: unknown }
  | { readonly code: 'mixed-granularity'; readonly index: number; readonly period: string; readonly granularity: Granularity; readonly expected: Granularity }
  | { readonly code: 'duplicate-period'; readonly index: number; readonly period: string; readonly firstIndex: number }
  | { readonly code: 'out-of-order'; readonly index: number; readonly period: string; readonly after: string }
  | { readonly code: 'gap'; readonly index: number; readonly period: string; readonly missing: number; readonly firstMissing: string }
  | { readonly code: 'invalid-revenue'; readonly index: number; readonly revenue: unknown; readonly reason: 'not-finite' | 'negative' | 'too-large' }
  | { readonly code: 'overlaps-plan'; readonly index: number; readonly period: string };

export interface HistoryRow {
  readonly period: unknown;
  readonly revenue: unknown;
}

/** A history that passed every check: consecutive periods of one granularity from `start`. */
export interface Series {
  readonly granularity: Granularity;
  readonly start: Period;
  readonly values: number[];
}

/**
 * Checks a history row by row: each period parses, all share the first row's granularity, none
 * repeats, they come in order without gaps, every revenue is a finite number from 0 to
 * `MAX_REVENUE`, and (given the plan's first day) no period reaches into the plan period.
 * Returns every problem found, and the series when there is none.
 */
export function validateHistory(rows: readonly HistoryRow[], planStart?: DayNumber): { problems: HistoryProblem[]; series?: Series } {
  const problems: HistoryProblem[] = [];
  const periods: { period: Period; index: number }[] = [];
  let expected: Granularity | undefined;
  rows.forEach((row, index) => {
    const revenue = row?.revenue;
    if (typeof revenue !== 'number' || !Number.isFinite(revenue)) problems.push({ code: 'invalid-revenue', index, revenue, reason: 'not-finite' });
    else if (revenue < 0) problems.push({ code: 'invalid-revenue', index, revenue, reason: 'negative' });
    else if (revenue > MAX_REVENUE) problems.push({ code: 'invalid-revenue', index, revenue, reason: 'too-large' });
    const period = parsePeriod(row?.period);
    if (!period) {
      problems.push({ code: 'unparseable-period', index, period: row?.period });
      return;
    }
    expected ??= period.granularity;
    if (period.granularity !== expected) {
      problems.push({ code: 'mixed-granularity', index, period: periodLabel(period), granularity: period.granularity, expected });
      return;
    }
    if (planStart !== undefined && periodDays(period).last >= planStart) problems.push({ code: 'overlaps-plan', index, period: periodLabel(period) });
    periods.push({ period, index });
  });

  const firstIndexOf = new Map<number, number>();
  let latest: Period | undefined;
  for (const { period, index } of periods) {
    const first = firstIndexOf.get(period.ordinal);
    if (first !== undefined) problems.push({ code: 'duplicate-period', index, period: periodLabel(period), firstIndex: first });
    else {
      firstIndexOf.set(period.ordinal, index);
      if (latest && period.ordinal < latest.ordinal) problems.push({ code: 'out-of-order', index, period: periodLabel(period), after: periodLabel(latest) });
    }
    if (!latest || period.ordinal > latest.ordinal) latest = period;
  }
  // Gaps are judged on the sorted periods, so that a row merely out of place does not also open a gap.
  const ordinals = [...firstIndexOf.keys()].sort((a, b) => a - b);
  for (let i = 1; i < ordinals.length; i++) {
    const missing = ordinals[i] - ordinals[i - 1] - 1;
    if (missing > 0 && expected) {
      problems.push({ code: 'gap', index: firstIndexOf.get(ordinals[i])!, period: periodLabel({ granularity: expected, ordinal: ordinals[i] }), missing, firstMissing: periodLabel({ granularity: expected, ordinal: ordinals[i - 1] + 1 }) });
    }
  }
  problems.sort((a, b) => a.index - b.index);
  if (problems.length > 0 || !expected || periods.length === 0) return { problems };
  return { problems, series: { granularity: expected, start: periods[0].period, values: rows.map((row) => row.revenue as number) } };
}
