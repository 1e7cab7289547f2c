/**
 * The CLI's clock: today's date unless `--today` fixes it. The language server reads its own
 * (`lsp/context.ts`), unless the client fixes the day; the core never reads the time.
 */
import { isoDateAt } from '../core/analysis/calendar';
import { parseDate } from '../core/model/model';

/**
 * The CLI's `--today`: the date given, when it is a real `YYYY-MM-DD` date, else the clock's
 * date when none is given; otherwise the one line that says what is wrong.
 */
export function todayOption(value: string | undefined): { today: string } | { error: string } {
  if (value === undefined) return { today: isoDateAt(Date.now()) };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || parseDate(value) === undefined) return { error: `--today takes a date YYYY-MM-DD, such as ${isoDateAt(Date.now())}, not "${value}"` };
  return { today: value };
}
