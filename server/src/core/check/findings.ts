import { formatMessage, type MessageId } from '../base/messages';
import type { RuleId } from '../base/rule-ids';
import type { Finding, Locale, Severity } from '../base/types';

/**
 * The one place a finding is made: its message worded in the plan's language from its id and
 * parameters, its offsets clamped to the text.
 */
export function makeFinding(
  locale: Locale,
  text: string,
  at: { ruleId: RuleId; severity: Severity; start: number; end: number; messageId: MessageId; params?: Record<string, string | number> },
  extra: Pick<Finding, 'path' | 'fixes'> = {},
): Finding {
  const params = at.params ?? {};
  const start = Math.max(0, Math.min(at.start, text.length));
  const end = Math.max(start, Math.min(at.end, text.length));
  return { ruleId: at.ruleId, severity: at.severity, message: messageOf(locale, at.messageId, params), messageId: at.messageId, params, start, end, ...extra };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Orders findings by severity, errors first (a stable sort keeps the plan's order within each). */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

/** Messages by their parameters: a rule that keeps an item's findings from one keystroke to the next hands the same parameters, worded once. */
const worded = new WeakMap<Record<string, string | number>, { locale: Locale; messageId: MessageId; message: string }>();

export function messageOf(locale: Locale, messageId: MessageId, params: Record<string, string | number>): string {
  const known = worded.get(params);
  if (known && known.locale === locale && known.messageId === messageId) return known.message;
  const message = formatMessage(locale, messageId, params);
  worded.set(params, { locale, messageId, message });
  return message;
}

/** Where a note about the whole plan goes when the plan is not parsed: its first line, at most 200 characters. */
export function firstLineRange(text: string): [number, number] {
  const firstLineEnd = text.indexOf('\n');
  return [0, Math.max(1, Math.min(firstLineEnd === -1 ? text.length : firstLineEnd, 200))];
}
