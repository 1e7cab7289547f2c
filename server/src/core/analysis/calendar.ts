/**
 * Calendar arithmetic on days since 1970-01-01 (UTC), the unit `model.ts` gives plan dates in.
 * Pure integer arithmetic, proleptic Gregorian (H. Hinnant's `days_from_civil`), so that no Date
 * object, time zone or two-digit-year quirk is involved.
 */

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** Days since 1970-01-01 of a calendar date (month 1–12; not validated). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
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
  const match = /^(\d{4})(?:-(?:([Qq])([1-4])|(\d{2})(?:-(\d{2}))?))?$/.exec(text);
  if (!match) return undefined;
  const [, yearText, q, quarter, monthText, dayText] = match;
  const year = Number(yearText);
  if (q !== undefined) return { period: `${yearText}-Q${quarter}`, end: monthEnd(year, Number(quarter) * 3) };
  if (monthText === undefined) return { period: text, end: monthEnd(year, 12) };
  const month = Number(monthText);
  if (month < 1 || month > 12) return undefined;
  if (dayText === undefined) return { period: text, end: monthEnd(year, month) };
  const day = Number(dayText);
  const end = daysFromCivil(year, month, day);
  if (day < 1 || end > monthEnd(year, month)) return undefined;
  return { period: text, end };
}

/**
 * The length of `start`–`end` (both days included) in years: a whole number when the period runs
 * whole calendar years (1 January to 31 December, or 1 April to 31 March), else days ÷ 365.25.
 */
export function periodYears(start: number, end: number): { years: number; days: number; wholeYears: boolean } {
  const days = end - start + 1;
  const from = civilFromDays(start);
  const after = civilFromDays(end + 1);
  const years = after.year - from.year;
  const wholeYears = years > 0 && after.month === from.month && after.day === from.day;
  return { years: wholeYears ? years : days / 365.25, days, wholeYears };
}
