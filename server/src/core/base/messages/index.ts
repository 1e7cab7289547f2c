import { en, type MessageId } from './en';
import { ro } from './ro';
import type { Locale } from '../types';

export type { MessageId };

const CATALOGS: Record<Locale, Record<MessageId, string>> = { en, ro };

/** A message in one language, `{name}` placeholders filled: how rules, features and the renderer word a message. */
export type Translate = (id: MessageId, params?: Record<string, string | number>) => string;

const TRANSLATORS = new Map<Locale, Translate>();

/** The `Translate` of a language (one per language, kept). */
export function translator(locale: Locale): Translate {
  let translate = TRANSLATORS.get(locale);
  if (!translate) {
    translate = (id, params) => formatMessage(locale, id, params);
    TRANSLATORS.set(locale, translate);
  }
  return translate;
}

/** The message in the locale with `{name}` placeholders filled; numbers are formatted for the locale. */
export function formatMessage(locale: Locale, id: MessageId, params: Record<string, string | number> = {}): string {
  const parts = templateParts(CATALOGS[locale][id] ?? en[id]);
  let message = parts[0];
  for (let index = 1; index < parts.length; index += 2) {
    const value = params[parts[index]];
    let after = parts[index + 1];
    // An id or value that holds a backtick would end the template's code span early: set off with more backticks.
    if (typeof value === 'string' && value.includes('`') && message.endsWith('`') && after.startsWith('`')) {
      message = message.slice(0, -1) + codeSpan(value);
      after = after.slice(1);
    } else message += value === undefined ? `{${parts[index]}}` : typeof value === 'number' ? formatNumber(locale, value) : value;
    message += after;
  }
  return message;
}

/** Text as a Markdown code span: between more backticks than it holds in a row, and spaces where it starts or ends with one (CommonMark). */
export function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Each template cut once at its placeholders (text, name, text, …, text): a plan's check words thousands of messages. */
const TEMPLATE_PARTS = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    TEMPLATE_PARTS.set(template, parts);
  }
  return parts;
}

/** Whether a text is the id of a message (for ids made of parts, such as a finding's explanation). */
export function isMessageId(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(en, id);
}

/** Formatters are costly to create and to call, and a plan repeats its numbers: one formatter per locale, and what it wrote. */
const NUMBER_FORMATS = new Map<Locale, { format: Intl.NumberFormat; written: Map<number, string> }>();
const WRITTEN_KEPT = 10_000;

export function formatNumber(locale: Locale, value: number): string {
  let formats = NUMBER_FORMATS.get(locale);
  if (!formats) {
    formats = { format: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), written: new Map() };
    NUMBER_FORMATS.set(locale, formats);
  }
  // The map holds 0 and -0 as one key: zero is written each time.
  let written = value === 0 ? undefined : formats.written.get(value);
  if (written === undefined) {
    if (formats.written.size >= WRITTEN_KEPT) formats.written.clear();
    written = formats.format.format(value);
    formats.written.set(value, written);
  }
  return written;
}

/**
 * A message for a plain-text surface (editor diagnostics, the terminal). Messages mark code
 * (keys, ids, values) with backticks, as markdown does, and plain text keeps them: one
 * convention in every surface and both languages (docs/glossary.md), so that a Romanian
 * message never sets 'code' beside „text” in two kinds of quotation marks.
 */
export function plainText(message: string): string {
  return message;
}

/**
 * A period as a reader says it. English keeps the plan's own form (`2026-Q1`, `2026-03`); Romanian
 * says `2026-Q1` as „T1 2026” and `2026-03` as „martie 2026” (docs/glossary.md). `2026` and
 * anything else stay as written.
 */
export function formatPeriod(locale: Locale, period: string): string {
  if (locale === 'en') return period;
  const match = /^(\d{4})(?:-(Q[1-4]|\d{2}))?$/.exec(period.trim());
  if (!match) return period;
  const [, year, part] = match;
  if (part === undefined) return year;
  if (part.startsWith('Q')) return formatMessage(locale, 'period.quarter', { quarter: part.slice(1), year });
  const month = Number(part);
  if (month < 1 || month > 12) return period;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), month - 1, 1)));
}

/** "a", "a and b", "a, b and c" (or "a, b or c") in the locale. */
export function formatList(locale: Locale, parts: string[], conjunction: 'and' | 'or' = 'and'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')}${CATALOGS[locale][`list.${conjunction}`]}${parts[parts.length - 1]}`;
}

/**
 * The locale for a plan: its own `language` wins (a plan written in Romanian is checked and
 * shown in Romanian), then the setting (`planAsCode.language`, or `language` in `.planrc.yaml`)
 * unless it is `auto`, then the editor's display language.
 */
export function resolveLocale(setting: string | undefined, planLanguage: unknown, editorLocale: string | undefined): Locale {
  if (planLanguage === 'en' || planLanguage === 'ro') return planLanguage;
  if (setting === 'en' || setting === 'ro') return setting;
  return editorLocale?.toLowerCase().startsWith('ro') ? 'ro' : 'en';
}
