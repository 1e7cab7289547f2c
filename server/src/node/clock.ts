/**
 * The one clock of the extension. The core never reads the time: the edges (the language server,
 * the CLI) read today's date here, once per check, and pass it in `CheckOptions.today`.
 */
import { civilFromDays } from '../core/analysis/calendar';
import { parseDate } from '../core/model/model';

const MS_PER_DAY = 86_400_000;

/** Today's date in UTC, `YYYY-MM-DD`. */
export function todayIso(now: number = Date.now()): string {
  const { year, month, day } = civilFromDays(Math.floor(now / MS_PER_DAY));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The CLI's `--today`: the date given, when it is a real `YYYY-MM-DD` date, else the clock's
 * date when none is given; otherwise the one line that says what is wrong.
 */
export function todayOption(value: string | undefined): { today: string } | { error: string } {
  if (value === undefined) return { today: todayIso() };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || parseDate(value) === undefined) return { error: `--today takes a date YYYY-MM-DD, such as ${todayIso()}, not "${value}"` };
  return { today: value };
}
