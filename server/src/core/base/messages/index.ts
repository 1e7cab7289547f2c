import { en, type MessageId } from './en';
import { ro } from './ro';
import type { Locale } from '../types';

export type { MessageId };

const CATALOGS: Record<Locale, Record<MessageId, string>> = { en, ro };

/** The message in the locale with `{name}` placeholders filled; numbers are formatted for the locale. */
export function formatMessage(locale: Locale, id: MessageId, params: Record<string, string | number> = {}): string {
  const template = CATALOGS[locale][id] ?? en[id];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** Whether a text is the id of a message (for ids made of parts, such as a finding's explanation). */
export function isMessageId(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(en, id);
}

/** Formatters are costly to create and messages are many: one per locale. */
const NUMBER_FORMATS = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, value: number): string {
  let format = NUMBER_FORMATS.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    NUMBER_FORMATS.set(locale, format);
  }
  return format.format(value);
}

/**
 * Messages mark code (keys, ids) with backticks, as markdown does; where text is shown as
 * plain text (editor diagnostics, the terminal) the marks become quotes.
 */
export function plainText(message: string): string {
  return message.replace(/`([^`]*)`/g, "'$1'");
}

/** "a", "a and b", "a, b and c" (or "a, b or c") in the locale. */
export function formatList(locale: Locale, parts: string[], conjunction: 'and' | 'or' = 'and'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')}${CATALOGS[locale][`list.${conjunction}`]}${parts[parts.length - 1]}`;
}

/** The locale for a plan: an explicit setting wins, then the plan's own `language`, then the editor's. */
export function resolveLocale(setting: string | undefined, planLanguage: unknown, editorLocale: string | undefined): Locale {
  if (setting === 'en' || setting === 'ro') return setting;
  if (planLanguage === 'en' || planLanguage === 'ro') return planLanguage;
  return editorLocale?.toLowerCase().startsWith('ro') ? 'ro' : 'en';
}
