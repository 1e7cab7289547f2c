/**
 * Numbers as people type them in text: "2.5 %", "25,000 RON", "1.4M", "4,1 milioane", "3k".
 * The schema's hints (a number written as text) and the goal checks (a target that the
 * statement calls a change) read them.
 */

const MULTIPLIERS: readonly [RegExp, number][] = [
  [/^(?:k|thousands?|mii|mie)$/, 1e3],
  [/^(?:m|mn|mil|mio|millions?|milion|milioane)$/, 1e6],
  [/^(?:bn|b|billions?|miliard|miliarde)$/, 1e9],
];

/** Signs, units and currencies around a number, which the number itself does without. */
const DECORATION = /%|‰|€|\$|£|\b(?:lei|ron|eur|euro|usd|gbp|chf|pln|huf|percent|procente?)\b|[\s\u00a0\u202f']/giu;

/** The number a text stands for, or undefined when it is not one number. */
export function numberIn(value: string): number | undefined {
  const lower = value.trim().toLowerCase().replace(/\u2212/g, '-');
  const match = /^([+-]?[\d.,\s\u00a0\u202f']*\d)\s*([\p{L}]+\.?)?\s*(.*)$/u.exec(lower.replace(DECORATION, (found) => (/\s/.test(found) ? ' ' : '')).trim());
  if (!match) return undefined;
  const [, digits, word, rest] = match;
  // After the number: a multiplier ("1.4 million"), then perhaps what is counted ("400 leads"), but no other number.
  const multiplier = word ? MULTIPLIERS.find(([pattern]) => pattern.test(word.replace(/\.$/, ''))) : undefined;
  const label = `${multiplier ? '' : (word ?? '')} ${rest}`.trim();
  if (label !== '' && !/^[\p{L}\s.-]*$/u.test(label)) return undefined;
  const factor = multiplier?.[1] ?? 1;
  const number = plainNumber(digits.replace(/[\s\u00a0\u202f']/g, ''));
  return number === undefined ? undefined : round(number * factor);
}

/** "25,000", "25.000.000", "2,5", "1,234.5" and "1.234,5" as numbers. */
function plainNumber(text: string): number | undefined {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  if (!/^[\d.,]+$/.test(body)) return undefined;
  let normal: string;
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  if (lastComma !== -1 && lastDot !== -1) {
    // Both: the last one is the decimal mark.
    normal = lastComma > lastDot ? body.replace(/\./g, '').replace(',', '.') : body.replace(/,/g, '');
  } else if (lastComma !== -1) {
    normal = /^\d{1,3}(?:,\d{3})+$/.test(body) ? body.replace(/,/g, '') : body.replace(',', '.');
  } else if (lastDot !== -1) {
    normal = /^\d{1,3}(?:\.\d{3}){2,}$/.test(body) ? body.replace(/\./g, '') : body;
  } else {
    normal = body;
  }
  if (!/^\d+(?:\.\d+)?$/.test(normal)) return undefined;
  const number = Number(normal);
  return Number.isFinite(number) ? sign * number : undefined;
}

/** Rounds away the binary noise of `1.4 * 1e6`. */
function round(value: number): number {
  return Number(value.toPrecision(12));
}

/** One quantity written in a text: a number that counts or measures something. */
export interface Quantity {
  value: number;
  /** Written as a percentage ("30 %", "30 percent"). */
  percent: boolean;
  start: number;
  end: number;
}

const NUMBER_IN_TEXT = /(?<![\p{L}\p{N}_])([+\u2212-]?\d+(?:[.,]\d+|[\u00a0\u202f ]\d{3}(?!\d))*)(?:\s*(%|procente?\b|percent\b|k\b|mii\b|mie\b|thousands?\b|milioane\b|milion\b|millions?\b|mil\b|mn\b|m\b|bn\b|miliarde\b|miliard\b|billions?\b))?/giu;
const MONTHS = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ian|iun|iul|mai|noi)\p{L}*\.?\s*$/iu;
const QUARTER_WORDS = /(?:quarter|trimestr\p{L}*|semestr\p{L}*|half|week|săptămân\p{L}*|saptaman\p{L}*|wave|phase|faza|etapa|etapă|version|versiun\p{L}*|top)\s*$/iu;

/**
 * The quantities of a text: numbers, with their percent signs and multipliers ("1.4 million").
 * Not quantities: a year (2026), a quarter or a half (Q3, H1, T2), an ordinal (3rd, al 3-lea),
 * digits inside a word (B2B, 4P), a part of a date (2026-03-31, 31.03.2026, March 31).
 */
export function quantitiesIn(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(NUMBER_IN_TEXT)) {
    const [whole, digits, unit = ''] = match;
    const start = match.index;
    const end = start + whole.length;
    // What stands right around the number is enough to judge it (and keeps the tests short).
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 8);
    // Part of a word or of a code: B2B, Q3, 4P, 3rd, covid-19, 24/7.
    if (/[\p{L}_]$/u.test(before) && !unit) continue;
    if (/^[\p{L}_]/u.test(after) && !unit) continue;
    if (/^(?:-(?:lea|a)\b|(?:st|nd|rd|th)\b)/iu.test(after)) continue;
    // Dates and codes: 2026-03-31, 31.03.2026, 24/7.
    if (/[-/.:]\d*$/.test(before) && /\d$/.test(before.replace(/[-/.:]$/, '')) && !unit) continue;
    if (/^[-/:]\d/.test(after) || /^\.\d{2,4}\b/.test(after)) continue;
    if (MONTHS.test(before) && !unit) continue;
    if (QUARTER_WORDS.test(before) && !unit) continue;
    const percent = /^(?:%|procent|percent)/i.test(unit);
    const value = numberIn(percent ? digits : `${digits}${unit ? ` ${unit}` : ''}`);
    if (value === undefined) continue;
    // A year on its own is a when, not a how much.
    if (!unit && /^(?:19|20)\d{2}$/.test(digits)) continue;
    found.push({ value, percent, start, end });
  }
  return found;
}
