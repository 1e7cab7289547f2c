/**
 * Today, as the edges read it. The core never reads the clock: the CLI (`--today`, else the
 * computer's date) and the language server read it once per check, with this, and pass the
 * date in (`CheckOptions.today`), so that tests and examples keep their meaning as the
 * calendar moves on.
 */

/** The calendar date of a moment in the local time zone, `YYYY-MM-DD`: "today" for the person at the computer. */
export function localIsoDate(epochMilliseconds: number): string {
  const date = new Date(epochMilliseconds);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
