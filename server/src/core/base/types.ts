import type { MessageId } from './messages/en';
import type { RuleId } from './rule-ids';

/** Shared vocabulary of the plan core. Everything here is in offsets (UTF-16 code units into the text). */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const SEVERITIES: readonly SeverityOrOff[] = ['off', 'hint', 'information', 'warning', 'error'];

export type Locale = 'en' | 'ro';

export type PlanKind = 'marketing' | 'sales';

/** A JSON path into the plan: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix is data: a title (message id + params) and the edits that apply it. */
export interface Fix {
  messageId: MessageId;
  params?: Record<string, string | number>;
  edits: TextEdit[];
  /** A correction that only repairs the mistake (a misspelt key or value, swapped dates): "fix all" applies it. */
  safe?: boolean;
  /** The fix to pick when the editor applies one on its own (an "auto fix"). */
  preferred?: boolean;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Localised, ready to show. */
  message: string;
  messageId: MessageId;
  params: Record<string, string | number>;
  start: number;
  end: number;
  /** JSON path of the node the finding is about, when there is one. */
  path?: JsonPath;
  fixes?: Fix[];
}

/** Where on a node a finding is shown. */
export type Anchor =
  /** the value (default) */
  | 'value'
  /** the key of a map entry */
  | 'key'
  /** a list item: its `id` value, else its first key */
  | 'item';
