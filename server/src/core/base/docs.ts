import type { Locale } from './types';

/** Path of a rule's documentation page, relative to the extension's root (the Romanian pages are under `docs/rules/ro/`). */
export function ruleDocsPath(ruleId: string, locale: Locale = 'en'): string {
  return `docs/rules/${locale === 'ro' ? 'ro/' : ''}${ruleId.replace(/\//g, '-')}.md`;
}
