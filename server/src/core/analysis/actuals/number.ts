/**
 * Numbers as spreadsheets write them into CSV cells. The file's separator decides the decimal mark:
 * `.` in a comma-separated file, `,` in a semicolon-separated one (where `12,5` is 12.5).
 * Thousands separators are read only where they cannot be mistaken for a decimal mark.
 */

export type DecimalMark = '.' | ',';

const UNUSUAL = /[\u00a0\u202f\u2212]/;
const PLAIN = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
// One mark with exactly three digits after it, after one to three digits not starting with 0:
// `1,234` is 1234 to some and 1.234 to others.
const AMBIGUOUS = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;
const ONE_MARK = /^[+-]?\d+[.,]\d+$/;
// Groups of three after a first group of one to three digits, then at most one decimal part
// marked by the other sign: `1,234,567`, `1.234.567,5`, `1,234.5`, `1 234,5`.
const GROUPED = [
  /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/,
  /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/,
  /^[+-]?[1-9]\d{0,2}(?: \d{3})+(?:[.,]\d+)?$/,
];

/** The number a cell holds, or undefined for none or one that reads two ways; the file's `decimalMark` settles `1,234` (1.234 in a semicolon file). */
export function parseCellNumber(cell: string, decimalMark: DecimalMark): number | undefined {
  // Spreadsheets group thousands with no-break and narrow no-break spaces, and may write a true minus sign.
  const trimmed = cell.trim();
  const text = UNUSUAL.test(trimmed) ? trimmed.replace(/[\u00a0\u202f]/g, ' ').replace(/^\u2212/, '-') : trimmed;
  let canonical: string | undefined;
  // Before PLAIN, which would read `1.234` in a semicolon file as 1.234 where it may be 1234.
  if (AMBIGUOUS.test(text)) canonical = text.includes(decimalMark) ? text.replace(',', '.') : undefined;
  else if (PLAIN.test(text)) canonical = text;
  else if (ONE_MARK.test(text)) canonical = text.replace(',', '.');
  else if (GROUPED.some((pattern) => pattern.test(text))) canonical = groupedToPlain(text);
  else if (decimalMark === ',' && /^[+-]?\d+,\d+[eE][+-]?\d+$/.test(text)) canonical = text.replace(',', '.');
  if (canonical === undefined) return undefined;
  const value = Number(canonical);
  return Number.isFinite(value) ? value : undefined;
}

/** `1.234.567,5` → `1234567.5`: the last mark is the decimal one when the other kind groups thousands. */
function groupedToPlain(text: string): string {
  const marks = text.replace(/[^., ]/g, '');
  const last = marks[marks.length - 1];
  const decimal = marks.length > 1 && last !== marks[0] ? last : undefined;
  const cut = decimal === undefined ? text.length : text.lastIndexOf(decimal);
  return text.slice(0, cut).replace(/[., ]/g, '') + (decimal === undefined ? '' : `.${text.slice(cut + 1)}`);
}
