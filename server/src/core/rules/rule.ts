import type { ParsedPlan } from '../parse/parse';
import type { PlanModel } from '../model/model';
import type { AlignedPlan, PlanLink } from '../model/links';
import type { PlanFigures } from '../analysis/figures';
import type { ApprovalStatus } from '../analysis/approvals';
import type { FileNotRead } from '../base/files';
import type { MessageId, Translate } from '../base/messages';
import type { RuleId } from '../base/rule-ids';
import type { Anchor, Fix, JsonPath, Locale, Severity } from '../base/types';
import type { GoalView } from '../model/goals';
import type { PlanEditor } from './fixes';

export interface RuleOption {
  type: 'number' | 'boolean' | 'string';
  default: number | boolean | string;
  description: string;
}

export interface Report {
  path: JsonPath;
  anchor?: Anchor;
  messageId: MessageId;
  params?: Record<string, string | number>;
  /** A clear correction of the reported text: becomes a fix that replaces it. */
  replacement?: string;
  fixes?: Fix[];
}

export interface RuleContext {
  parsed: ParsedPlan;
  plan: PlanModel;
  /** Plans named by `alignsWith` that could be read and parsed. */
  linked: readonly PlanModel[];
  /** The plan's `alignsWith` entries and what became of each (read, missing, outside the workspace, not a plan). */
  links: readonly PlanLink[];
  /** The plan's arithmetic (budget, funnel, unit economics, capacity, forecast, actuals): rules read it, never compute it. */
  figures: PlanFigures;
  /** The plans aligned with this one in either direction, by file path: `figures` points into them by index. */
  aligned: readonly AlignedPlan[];
  /** The actuals file the plan names, when it could not be read. */
  actualsNotRead?: { file: string; notRead: FileNotRead };
  /** Today, `YYYY-MM-DD`, when the edge gave one: rules that judge time stay quiet without it. */
  today?: string;
  /** The plan's last approval and whether it still holds (the plan at its revision, compared with this one). */
  approval?: ApprovalStatus;
  /** This rule's options, defaults filled in. */
  options: Readonly<Record<string, unknown>>;
  /** The plan's language: what fixes write into the plan (placeholders, names) is in it. */
  locale: Locale;
  /** Message text in the plan's language, for composing a message out of parts. */
  t: Translate;
  /** Edits of this version of the plan, for fixes (one per check: its style is detected once). */
  readonly editor: PlanEditor;
  /** Joins parts as a human list in the plan's language ("a, b and c", or "a, b or c"). */
  list(parts: string[], conjunction?: 'and' | 'or'): string;
  /** The plural form of a count in the plan's language, for messages with `.one`, `.few` and `.other` forms ("1 day", "3 zile", "20 de zile"). */
  plural(count: number): 'one' | 'few' | 'other';
  report(report: Report): void;
  /** A finding at explicit offsets, for rules that read the text rather than the data. */
  reportAt(start: number, end: number, messageId: MessageId, params?: Record<string, string | number>): void;
}

/** What a per-goal SMART check reads: the plan, the rule's options and the message formatters. */
export type GoalCheckContext = Pick<RuleContext, 'parsed' | 'plan' | 'options' | 't' | 'editor' | 'list' | 'figures' | 'locale'>;

export type SmartLetter = 'S' | 'M' | 'A' | 'R' | 'T';

export interface Rule {
  id: RuleId;
  /** One line, shown in the rule table and in settings. */
  description: string;
  defaultSeverity: Severity;
  /** Markdown: why the rule exists, what it checks, and how to fix a finding, with examples. */
  docs: string;
  options?: Record<string, RuleOption>;
  /**
   * Rules whose findings come from another stage (parsing, the schema) have no `check`:
   * they are listed so that they can be configured, silenced and documented.
   */
  check?(context: RuleContext): void;
}

/** A rule that judges one letter of SMART, goal by goal; the code lens and the preview reuse it. */
export interface SmartRule extends Rule {
  letter: SmartLetter;
  /** The finding for one goal, or nothing when the goal passes. */
  checkGoal(context: GoalCheckContext, goal: GoalView): Report | undefined;
  /**
   * One finding for the whole plan, in place of the goals' own, when they all fail for one
   * reason (every goal unlinked because the plan has nothing to link to). The goals' verdicts
   * still fail, each with its own message.
   */
  checkPlan?(context: GoalCheckContext, goals: readonly GoalView[]): Report | undefined;
  /**
   * What a goal's verdict reads besides the goal's view (its data, KPIs, label and place) and the
   * rule's options and language, as values compared with `Object.is`. A rule that declares them
   * has each goal's verdict reused while they stay the same (a keystroke in another goal): a
   * verdict with fixes is always made again, their offsets move with the text.
   */
  inputs?(context: GoalCheckContext, goal: GoalView): readonly unknown[];
}
