import { anchorRange, documentAnchor } from '../parse/anchor';
import { effectiveRule, type ConfigProblem, type PlanConfig } from './config';
import { collectSuppressions } from './suppressions';
import { formatList, formatMessage, type MessageId } from '../base/messages';
import type { PlanModel } from '../model/model';
import type { PlanLink } from '../model/links';
import type { ParsedPlan } from '../parse/parse';
import { defaultOptions, RULES, ruleById, type Rule } from '../rules';
import { goals } from '../model/goals';
import type { GoalCheckContext, Report, RuleContext, SmartLetter, SmartRule } from '../rules/rule';
import { validateSchema, type SchemaProblem } from './schema';
import type { Steps } from '../base/steps';
import { LineIndex } from '../base/text';
import type { Finding, Fix, Locale, Severity, SeverityOrOff } from '../base/types';

export interface CheckInput {
  parsed: ParsedPlan;
  model: PlanModel;
  /** The plan's `alignsWith` entries, resolved. */
  links: readonly PlanLink[];
  /** Configuration layers, weakest first (VS Code settings, then `.planrc.yaml`). */
  layers: readonly PlanConfig[];
  locale: Locale;
  /** Problems in the configuration file, reported as `plan/config`. */
  configProblems: readonly ConfigProblem[];
  /** The configuration file's name, for those reports. */
  configFile?: string;
  /** Called once per rule crash, for logging. */
  onRuleError?(ruleId: string, error: unknown): void;
}

/** Checks a plan in steps: the schema, then each rule. */
export function* runChecksSteps(input: CheckInput): Steps<Finding[]> {
  const { parsed, model, locale } = input;
  const findings: Finding[] = [];
  const severityOf = (rule: Rule): { severity: SeverityOrOff; options: Record<string, unknown> } =>
    effectiveRule(rule.id, { severity: rule.defaultSeverity, options: defaultOptions(rule) }, input.layers);
  const text = (id: MessageId, params?: Record<string, string | number>) => formatMessage(locale, id, params);

  const push = (ruleId: string, severity: Severity, start: number, end: number, messageId: MessageId, params: Record<string, string | number>, extra: Partial<Finding> = {}) => {
    const clampedStart = Math.max(0, Math.min(start, parsed.text.length));
    findings.push({
      ruleId,
      severity,
      message: text(messageId, params),
      messageId,
      params,
      start: clampedStart,
      end: Math.max(clampedStart, Math.min(end, parsed.text.length)),
      ...extra,
    });
  };

  const schemaProblems = parsed.root || parsed.syntax.length === 0 ? validateSchema(model.data, model.kind) : [];
  for (const problem of schemaProblems) {
    const rule = ruleById(problem.ruleId);
    if (!rule) continue;
    const { severity } = severityOf(rule);
    if (severity === 'off') continue;
    const [start, end] = anchorRange(parsed.text, parsed.root, problem.path, problem.anchor);
    const params = wordSchemaProblem(problem, locale);
    push(rule.id, severity, start, end, problem.messageId, params, {
      path: problem.path,
      // A schema problem's replacement only repairs a misspelling (a key, a value, a code's case, an id's form).
      fixes: replacementFix(problem.replacement, start, end, { safe: true, preferred: problem.ruleId === 'schema/unknown-key' || problem.ruleId === 'schema/enum' }),
    });
  }
  yield;

  for (const rule of RULES) {
    if (rule.id === 'plan/config') {
      reportConfigProblems(rule);
      continue;
    }
    if (!rule.check) continue;
    const { severity, options } = severityOf(rule);
    if (severity === 'off') continue;
    const context: RuleContext = {
      parsed,
      plan: model,
      linked: input.links.flatMap((link) => (link.plan ? [link.plan.analysis.model] : [])),
      links: input.links,
      options,
      text,
      list: (parts, conjunction) => formatList(locale, parts, conjunction),
      report(report: Report) {
        const [start, end] = anchorRange(parsed.text, parsed.root, report.path, report.anchor);
        push(rule.id, severity, start, end, report.messageId, report.params ?? {}, {
          path: report.path,
          fixes: [...(replacementFix(report.replacement, start, end) ?? []), ...(report.fixes ?? [])],
        });
      },
      reportAt(start, end, messageId, params) {
        push(rule.id, severity, start, end, messageId, params ?? {});
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      input.onRuleError?.(rule.id, error);
      const [start, end] = documentAnchor(parsed.text, parsed.root);
      push(rule.id, 'error', start, end, 'engine.ruleCrashed', { rule: rule.id, detail: error instanceof Error ? error.message : String(error) });
    }
    yield;
  }

  function reportConfigProblems(rule: Rule): void {
    const { severity } = severityOf(rule);
    if (severity === 'off' || input.configProblems.length === 0) return;
    const [start, end] = documentAnchor(parsed.text, parsed.root);
    for (const problem of input.configProblems) {
      push(rule.id, severity, start, end, 'plan/config', { file: input.configFile ?? '', problem: text(problem.messageId, problem.params) });
    }
  }

  return finish(findings, parsed);
}

/** Drops findings that a syntax error explains or a comment silences, and sorts by position. */
function finish(findings: Finding[], parsed: ParsedPlan): Finding[] {
  const lines = new LineIndex(parsed.text);
  const suppressions = collectSuppressions(parsed.comments, lines);
  const brokenLines = new Set(parsed.syntax.map((problem) => lines.lineOf(problem.start)));
  const kept = findings.filter((finding) => {
    const line = lines.lineOf(finding.start);
    if (finding.ruleId !== 'yaml/syntax' && brokenLines.has(line)) return false;
    // What a broken plan lacks may only be hidden by the error: its absence is not news.
    if (parsed.syntax.length > 0 && finding.path?.length === 0) return false;
    return !suppressions.isSuppressed(finding.ruleId, line);
  });
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return kept;
}

function replacementFix(replacement: string | undefined, start: number, end: number, flags: Pick<Fix, 'safe' | 'preferred'> = {}): Fix[] | undefined {
  if (!replacement) return undefined;
  return [{ messageId: 'fix.replace', params: { text: replacement }, edits: [{ start, end, newText: replacement }], ...flags }];
}

/** Fills the parameters a schema problem leaves to the language: container names, types, the actual value. */
function wordSchemaProblem(problem: SchemaProblem, locale: Locale): Record<string, string | number> {
  const params: Record<string, string | number> = { ...problem.params };
  for (const [name, nested] of Object.entries(problem.textParams ?? {})) {
    const text = formatMessage(locale, nested.id, nested.params);
    params[name] = nested.midSentence ? text.charAt(0).toLocaleLowerCase(locale) + text.slice(1) : text;
  }
  if (problem.expectedTypes) {
    params.expected = problem.expectedTypes.map((type) => formatMessage(locale, `type.${type}` as MessageId)).join(formatMessage(locale, 'type.or'));
  }
  if ('actual' in problem) params.actual = describeValue(problem.actual, locale);
  return params;
}

function describeValue(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return formatMessage(locale, 'actual.empty');
  if (Array.isArray(value)) return formatMessage(locale, 'actual.list');
  if (typeof value === 'object') return formatMessage(locale, 'actual.mapping');
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  return String(value);
}

export interface SmartLetterResult {
  letter: SmartLetter;
  ruleId: string;
  /** Passes when the rule finds nothing, or when it is turned off. */
  pass: boolean;
  off: boolean;
  /** Why it fails, and where. */
  message?: string;
  start?: number;
  end?: number;
}

export interface GoalSmartResult {
  index: number;
  label: string;
  /** The goal's anchor (its `id`). */
  start: number;
  end: number;
  letters: SmartLetterResult[];
  /** How many of the five letters pass. */
  score: number;
}

/** Each goal's SMART verdict, letter by letter, as the SMART rules judge it under the configuration. */
export function evaluateSmart(input: Pick<CheckInput, 'parsed' | 'model' | 'layers' | 'locale'>): GoalSmartResult[] {
  const { parsed, model, locale } = input;
  const smartRules = RULES.filter((rule): rule is SmartRule => 'letter' in rule);
  const contexts = smartRules.map((rule) => {
    const { severity, options } = effectiveRule(rule.id, { severity: rule.defaultSeverity, options: defaultOptions(rule) }, input.layers);
    const context: GoalCheckContext = {
      parsed,
      plan: model,
      options,
      text: (id, params) => formatMessage(locale, id, params),
      list: (parts, conjunction) => formatList(locale, parts, conjunction),
    };
    return { rule, off: severity === 'off', context };
  });
  return goals(model).map((view) => {
    const [start, end] = anchorRange(parsed.text, parsed.root, ['goals', view.index], 'item');
    const letters = contexts.map(({ rule, off, context }): SmartLetterResult => {
      let report: ReturnType<SmartRule['checkGoal']>;
      try {
        report = off ? undefined : rule.checkGoal(context, view);
      } catch (error) {
        // A crashed letter fails, saying so; the other letters and goals are still judged.
        const message = formatMessage(locale, 'engine.ruleCrashed', { rule: rule.id, detail: error instanceof Error ? error.message : String(error) });
        return { letter: rule.letter, ruleId: rule.id, pass: false, off, message, start, end };
      }
      if (!report) return { letter: rule.letter, ruleId: rule.id, pass: true, off };
      const [reportStart, reportEnd] = anchorRange(parsed.text, parsed.root, report.path, report.anchor);
      return { letter: rule.letter, ruleId: rule.id, pass: false, off, message: formatMessage(locale, report.messageId, report.params), start: reportStart, end: reportEnd };
    });
    return { index: view.index, label: view.label, start, end, letters, score: letters.filter((letter) => letter.pass).length };
  });
}
