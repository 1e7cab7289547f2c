/**
 * Words and numbers of a diff in a language: values with their unit, changes with their sign,
 * counts with the right plural. Shared by the summary and the tables.
 */
import { formatMessage, formatNumber, isMessageId, type MessageId } from '../../base/messages';
import type { Locale } from '../../base/types';
import type { DiffValue, FieldChange, NumberUnit } from '../../analysis/diff/types';

/** Longest text shown in a cell or a summary before it is cut with "…". */
const MAX_TEXT = 120;

const SIGNED = new Map<string, Intl.NumberFormat>();

/** A number with its sign (`+9.8`, `-3`), at most `digits` decimals, in the locale's format. */
export function signed(locale: Locale, value: number, digits = 2): string {
  const key = `${locale}/${digits}`;
  let format = SIGNED.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, signDisplay: 'exceptZero' });
    SIGNED.set(key, format);
  }
  return format.format(value);
}

/** A change in percent: `+9.8 %`; a small one keeps a significant digit (`+0.03 %`) rather than read as none. */
export function percentChange(locale: Locale, percent: number): string {
  if (percent !== 0 && Math.abs(percent) < 0.05) {
    return `${new Intl.NumberFormat(locale, { maximumSignificantDigits: 1, signDisplay: 'exceptZero' }).format(percent)} %`;
  }
  return `${signed(locale, percent, 1)} %`;
}

/** A number in its unit: `20,000 EUR`, `15 %`, `1,600`. */
export function amount(locale: Locale, value: number, unit: NumberUnit | undefined, currency: string | undefined): string {
  const number = formatNumber(locale, value);
  if (unit === 'currency' && currency) return `${number} ${currency}`;
  if (unit === 'percent') return `${number} %`;
  return number;
}

/** A signed amount in its unit: `+20,000 EUR`. */
export function signedAmount(locale: Locale, value: number, unit: NumberUnit | undefined, currency: string | undefined): string {
  const number = signed(locale, value);
  if (unit === 'currency' && currency) return `${number} ${currency}`;
  if (unit === 'percent') return `${number} %`;
  return number;
}

/** `{count} {noun}` with the noun's plural form for the count. */
export function counted(locale: Locale, count: number, noun: string): string {
  const form = new Intl.PluralRules(locale).select(count);
  const nounForm = form === 'one' ? 'one' : 'other';
  const countForm = form === 'one' || form === 'few' ? form : 'other';
  return formatMessage(locale, `diff.count.${countForm}` as MessageId, { count, noun: message(locale, `diff.noun.${noun}.${nounForm}`) ?? noun });
}

/** The past participle (`added`...) agreeing with a noun in the count's number. */
export function participle(locale: Locale, kind: 'added' | 'removed' | 'changed' | 'renamed', noun: string, count: number): string {
  const gender = message(locale, `diff.noun.${noun}.gender`) ?? 'n';
  const plural = new Intl.PluralRules(locale).select(count) !== 'one';
  const form = plural ? (gender === 'm' ? 'pm' : 'pf') : gender === 'f' ? 'f' : 'm';
  return formatMessage(locale, `diff.did.${kind}.${form}` as MessageId);
}

/** A message by a computed id, if there is one. */
export function message(locale: Locale, id: string, params?: Record<string, string | number>): string | undefined {
  return isMessageId(id) ? formatMessage(locale, id, params) : undefined;
}

/** A shift in days: `+14 days`. */
export function days(locale: Locale, count: number): string {
  const form = new Intl.PluralRules(locale).select(Math.abs(count));
  const id = form === 'one' || form === 'few' ? form : 'other';
  return formatMessage(locale, `diff.change.days.${id}` as MessageId, { days: signed(locale, count, 0) });
}

/** Text on one line, without control or bidirectional-override characters (ends not trimmed). */
export function inline(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}

/** Text on one line (see `inline`), trimmed and cut at `max` characters with "…". */
export function oneLine(text: string, max = MAX_TEXT): string {
  const clean = inline(text).trim();
  if (clean.length <= max) return clean;
  // Never cut a surrogate pair in two.
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(clean[end - 1] ?? '')) end -= 1;
  return `${clean.slice(0, end).trimEnd()}…`;
}

/** A value as shown in a table cell: numbers in their unit, lists joined, mappings as `key: value`. */
export function formatValue(locale: Locale, value: DiffValue | undefined, unit: NumberUnit | undefined, currency: string | undefined, max = MAX_TEXT): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return amount(locale, value, unit, currency);
  if (typeof value === 'string') return oneLine(value, max);
  if (typeof value === 'boolean') return String(value);
  return oneLine(compact(locale, value), max);
}

function compact(locale: Locale, value: DiffValue): string {
  if (value === null) return '—';
  if (typeof value === 'number') return formatNumber(locale, value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map((item) => compact(locale, item)).join(', ');
  return Object.entries(value).map(([key, item]) => `${key}: ${Array.isArray(item) ? `[${compact(locale, item)}]` : compact(locale, item)}`).join('; ');
}

/** The change column of a field: `+200 (+12.5 %)`, `+3 pp`, `+14 days`, `+a, −b`, `changed`. */
export function changeText(locale: Locale, change: FieldChange, currency: string | undefined): string {
  if (change.kind === 'added') return formatMessage(locale, 'diff.change.added');
  if (change.kind === 'removed') return formatMessage(locale, 'diff.change.removed');
  if (change.type === 'number' && change.delta !== undefined) {
    if (change.unit === 'percent') return formatMessage(locale, 'diff.change.points', { delta: signed(locale, change.delta) });
    const delta = signedAmount(locale, change.delta, change.unit, currency);
    return change.percent === undefined ? delta : `${delta} (${percentChange(locale, change.percent)})`;
  }
  if (change.type === 'date' && change.days !== undefined) return days(locale, change.days);
  if (change.type === 'list') {
    const parts = [...(change.added ?? []).map((item) => `+${compact(locale, item)}`), ...(change.removed ?? []).map((item) => `−${compact(locale, item)}`)];
    return oneLine(parts.join(', '));
  }
  return formatMessage(locale, 'diff.change.changed');
}

/** Whether a field path is labelled by words (else it is shown as the key it is). */
export function isLabelled(key: string): boolean {
  return isMessageId(`diff.field.${key}`) || isMessageId(`render.label.${key}`);
}

/** The heading of a section: the preview's, else the diff's own, else its key. */
export function sectionTitle(locale: Locale, section: string): string {
  return message(locale, `render.section.${section}`) ?? message(locale, `diff.section.${section}`) ?? section;
}
