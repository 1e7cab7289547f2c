/**
 * Calendar arithmetic on days since 1970-01-01 (UTC), the unit `model.ts` gives plan dates in
 * (the day numbers themselves: `base/days.ts`).
 */
import { civilFromDays, daysFromCivil, digits } from '../base/days';

const MS_PER_DAY = 86_400_000;

/**
 * The UTC date, `YYYY-MM-DD`, of a moment in milliseconds since 1970 (`Date.now()`). The core
 * never reads the clock: the edges pass the moment, once per check, or a fixed day.
 */
export function isoDateAt(now: number): string {
  const { year, month, day } = civilFromDays(Math.floor(now / MS_PER_DAY));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of a month, as a day number. */
function monthEnd(year: number, month: number): number {
  return month === 12 ? daysFromCivil(year + 1, 1, 1) - 1 : daysFromCivil(year, month + 1, 1) - 1;
}

/** A period written `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`: its canonical spelling and its last day. */
export interface Period {
  /** `2026-q1` is spelt `2026-Q1`; the other forms are already canonical. */
  period: string;
  /** The period's last day, as a day number: a value measured "for Q1" stands at 31 March. */
  end: number;
}

/** Reads a period (`2026`, `2026-Q1`, `2026-03`, `2026-03-15`), or undefined when it is none of these or no real date. */
export function parsePeriod(text: string): Period | undefined {
  const end = periodEnd(text);
  if (end === undefined) return undefined;
  return { period: text.charCodeAt(5) === LOWER_Q ? text.toUpperCase() : text, end };
}

const DASH = 45;
const UPPER_Q = 81;
const LOWER_Q = 113;

/** The last day of a period, or undefined. By character codes: an actuals file has a period on each of up to 100,000 rows. */
function periodEnd(text: string): number | undefined {
  const year = digits(text, 0, 4);
  if (year === undefined) return undefined;
  if (text.length === 4) return monthEnd(year, 12);
  if (text.charCodeAt(4) !== DASH) return undefined;
  const q = text.charCodeAt(5);
  if (text.length === 7 && (q === UPPER_Q || q === LOWER_Q)) {
    const quarter = digits(text, 6, 1);
    return quarter !== undefined && quarter >= 1 && quarter <= 4 ? monthEnd(year, quarter * 3) : undefined;
  }
  const month = digits(text, 5, 2);
  if (month === undefined || month < 1 || month > 12) return undefined;
  if (text.length === 7) return monthEnd(year, month);
  if (text.length !== 10 || text.charCodeAt(7) !== DASH) return undefined;
  const day = digits(text, 8, 2);
  const last = monthEnd(year, month);
  if (day === undefined || day < 1) return undefined;
  const date = daysFromCivil(year, month, day);
  return date <= last ? date : undefined;
}

/** The length of `start`–`end` (both days included) in years: whole for whole calendar years (1 January–31 December, 1 April–31 March), else days ÷ 365.25. */
export function periodYears(start: number, end: number): { years: number; days: number; wholeYears: boolean } {
  const days = end - start + 1;
  const from = civilFromDays(start);
  const after = civilFromDays(end + 1);
  const years = after.year - from.year;
  const wholeYears = years > 0 && after.month === from.month && after.day === from.day;
  return { years: wholeYears ? years : days / 365.25, days, wholeYears };
}
