import { anchorRange, documentAnchor } from '../parse/anchor';
import { effectiveRule, type ConfigProblem, type PlanConfig } from './config';
import { collectSuppressions } from './suppressions';
import { codeSpan, formatList, formatMessage, translator, type MessageId } from '../base/messages';
import type { PlanModel } from '../model/model';
import type { AlignedPlan, PlanLink } from '../model/links';
import type { PlanFigures } from '../analysis/figures';
import type { ApprovalStatus } from '../analysis/approvals';
import type { FileNotRead } from '../base/files';
import { lineIndexOf, nodeAt, type ParsedPlan } from '../parse/parse';
import { defaultOptions, RULES, ruleById, type Rule } from '../rules';
import { goals, type GoalView } from '../model/goals';
import type { Report, RuleContext, SmartLetter, SmartRule } from '../rules/rule';
import { PlanEditor } from '../rules/fixes';
import { validateSchema, type SchemaProblem } from './schema';
import { refineSchemaProblems } from './schema-text';
import { planStatus } from '../model/status';
import type { Steps } from '../base/steps';
import type { RuleId } from '../base/rule-ids';
import { sameItems } from '../base/lists';
import { makeFinding, messageOf } from './findings';
import type { Finding, Fix, JsonPath, Locale, Severity, SeverityOrOff } from '../base/types';

export interface CheckInput {
  parsed: ParsedPlan;
  model: PlanModel;
  /** The plan's `alignsWith` entries, resolved. */
  links: readonly PlanLink[];
  /** The plan's arithmetic, computed once for the snapshot. */
  figures: PlanFigures;
  /** The plans aligned with this one in either direction: forward links first, then plans that name it. */
  aligned: readonly AlignedPlan[];
  /** The actuals file the plan names, when it could not be read. */
  actualsNotRead?: { file: string; notRead: FileNotRead };
  /** Today, `YYYY-MM-DD`, when the edge gave one. */
  today?: string;
  /** The plan's last approval and whether it still holds. */
  approval?: ApprovalStatus;
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

/**
 * What a plan still lacks, as opposed to what it gets wrong: in a `draft` these findings are
 * hints, so that a first draft is helped rather than buried.
 */
const COMPLETENESS: ReadonlySet<RuleId> = new Set(['section/missing', 'kpi/incomplete', 'kpi/recommended', 'kpi/unused', 'smart/relevant']);

/** What an `archived` plan is still checked for: that it reads. */
const ARCHIVED: ReadonlySet<RuleId> = new Set(['yaml/syntax', 'plan/multiple-documents', 'plan/config']);

/** Goals a SMART letter judges between two pauses. */
const GOALS_PER_STEP = 250;

/** A goal's verdict for one letter, with what it was judged on (`SmartRule.inputs`, the rule's options and language). */
interface KeptVerdict {
  settings: string;
  inputs: readonly unknown[];
  report: Report | undefined;
  /** Where the report points, when inside the goal's item: kept relative to it. */
  range?: KeptRange;
  /** The failing verdict made of it last, reused while it points at the same place. */
  verdict?: SmartLetterResult;
}

/** Each goal view's verdicts, by the letter's place among the SMART rules: the model keeps a goal's view while the goal is the same, at the same place. */
const keptVerdicts = new WeakMap<GoalView, (KeptVerdict | undefined)[]>();

/**
 * A range inside a goal's item, with where the item started then. A goal's view is kept while
 * the goal is the same object, which the parse keeps only while its text is the same: the range
 * moves with the item, and need not be found in the source map again.
 */
interface KeptRange {
  item: number;
  start: number;
  end: number;
}

/** Each goal view's own range (its item's anchor), kept as its verdicts are. */
const keptItemRanges = new WeakMap<GoalView, KeptRange>();

/** A letter that passes (or is off) reads the same for every goal: one verdict object each, shared. */
const PASSING = new Map<string, SmartLetterResult>();

function passing(rule: SmartRule, off: boolean): SmartLetterResult {
  const key = `${rule.id} ${off}`;
  let verdict = PASSING.get(key);
  if (!verdict) PASSING.set(key, (verdict = Object.freeze({ letter: rule.letter, ruleId: rule.id, pass: true, off })));
  return verdict;
}

/** What one run of the rules yields: the findings, and each goal's SMART verdict. */
export interface CheckOutcome {
  findings: Finding[];
  smart: GoalSmartResult[];
}

/** Checks a plan in steps: the schema, then each rule. */
export function* runChecksSteps(input: CheckInput): Steps<CheckOutcome> {
  const { parsed, model, locale } = input;
  const findings: Finding[] = [];
  const status = planStatus(model);
  const severityOf = (rule: Rule): { severity: SeverityOrOff; options: Record<string, unknown> } => {
    const effective = effectiveRule(rule.id, { severity: rule.defaultSeverity, options: defaultOptions(rule) }, input.layers);
    if (status === 'archived' && !ARCHIVED.has(rule.id)) return { ...effective, severity: 'off' };
    // A draft's tone: what is missing is a hint, what is wrong keeps its severity.
    if (status === 'draft' && COMPLETENESS.has(rule.id) && effective.severity !== 'off') return { ...effective, severity: 'hint' };
    return effective;
  };
  const t = translator(locale);
  let editor: PlanEditor | undefined;
  const plurals = new Intl.PluralRules(locale);

  const push = (ruleId: RuleId, severity: Severity, start: number, end: number, messageId: MessageId, params: Record<string, string | number>, extra: Pick<Finding, 'path' | 'fixes'> = {}) => {
    findings.push(makeFinding(locale, parsed.text, { ruleId, severity, start, end, messageId, params }, extra));
  };

  const checked = status !== 'archived' && (parsed.root || parsed.syntax.length === 0);
  const schemaProblems = checked ? refineSchemaProblems(validateSchema(model.data, model.kind), parsed, model) : [];
  for (const problem of schemaProblems) {
    const rule = ruleById(problem.ruleId);
    if (!rule) continue;
    const { severity } = severityOf(rule);
    if (severity === 'off') continue;
    const [start, end] = anchorRange(parsed.text, parsed.root, problem.path, problem.anchor);
    const params = wordSchemaProblem(problem, locale);
    // A schema problem's replacement repairs the value as written (a misspelt key or value, a code's case, an id's form, a number written as text); a guess is offered, not applied by "fix all".
    const safe = problem.replacementSafe ?? true;
    push(rule.id, severity, start, end, problem.messageId, params, {
      path: problem.path,
      fixes: [
        ...(replacementFix(problem.replacement, start, end, { safe, preferred: safe && (problem.ruleId === 'schema/unknown-key' || problem.ruleId === 'schema/enum') }) ?? []),
        ...(problem.fixes ?? []),
      ],
    });
  }
  yield;

  const smartRules = RULES.filter((rule): rule is SmartRule => 'letter' in rule);
  const goalViews = goals(model);
  const verdicts = goalViews.map(() => [] as SmartLetterResult[]);
  /** Each goal's kept verdicts, looked up once for the five letters. */
  const keptByGoal = goalViews.map((view) => keptVerdicts.get(view));
  /** Where each goal's item starts in this version, by the goal's position among the views (found when first asked). */
  const itemStarts: (number | null)[] = [];

  for (const rule of RULES) {
    if (rule.id === 'plan/config') {
      reportConfigProblems(rule);
      continue;
    }
    const { severity, options } = severityOf(rule);
    if ('letter' in rule) {
      yield* judgeGoals(rule as SmartRule, severity, options);
      yield;
      continue;
    }
    if (!rule.check || severity === 'off') continue;
    try {
      rule.check(ruleContext(rule, severity, options));
    } catch (error) {
      ruleCrashed(rule, error);
    }
    yield;
  }

  function ruleContext(rule: Rule, severity: Severity, options: Record<string, unknown>): RuleContext {
    return {
      parsed,
      plan: model,
      linked: input.links.flatMap((link) => (link.plan ? [link.plan.analysis.model] : [])),
      links: input.links,
      figures: input.figures,
      aligned: input.aligned,
      actualsNotRead: input.actualsNotRead,
      today: input.today,
      approval: input.approval,
      options,
      locale,
      t,
      get editor() {
        editor ??= new PlanEditor(parsed);
        return editor;
      },
      list: (parts, conjunction) => formatList(locale, parts, conjunction),
      plural(count) {
        const form = plurals.select(count);
        return form === 'one' || form === 'few' ? form : 'other';
      },
      report(report: Report) {
        const [start, end] = anchorRange(parsed.text, parsed.root, report.path, report.anchor);
        reportAt(rule, severity, report, start, end);
      },
      reportAt(start, end, messageId, params) {
        push(rule.id, severity, start, end, messageId, params ?? {});
      },
    };
  }

  function reportAt(rule: Rule, severity: Severity, report: Report, start: number, end: number): void {
    const replacement = replacementFix(report.replacement, start, end);
    push(rule.id, severity, start, end, report.messageId, report.params ?? {}, {
      path: report.path,
      fixes: replacement ? [...replacement, ...(report.fixes ?? [])] : (report.fixes ?? []),
    });
  }

  function itemStart(position: number): number | undefined {
    let start = itemStarts[position];
    if (start === undefined) itemStarts[position] = start = nodeAt(parsed.root, ['goals', goalViews[position].index])?.start ?? null;
    return start ?? undefined;
  }

  /** A range kept relative to a goal's item, moved to where the item is now. */
  function moved(kept: KeptRange | undefined, position: number): [number, number] | undefined {
    const item = kept && itemStart(position);
    return item === undefined ? undefined : [kept!.start + item - kept!.item, kept!.end + item - kept!.item];
  }

  /** A range of this version, to keep relative to the goal's item when it lies in it. */
  function keep(position: number, path: JsonPath, [start, end]: [number, number]): KeptRange | undefined {
    const item = path[0] === 'goals' && path[1] === goalViews[position].index ? itemStart(position) : undefined;
    return item === undefined ? undefined : { item, start, end };
  }

  function ruleCrashed(rule: Rule, error: unknown): void {
    input.onRuleError?.(rule.id, error);
    const [start, end] = documentAnchor(parsed.text, parsed.root);
    push('plan/internal-error', 'error', start, end, 'engine.ruleCrashed', { rule: rule.id, detail: error instanceof Error ? error.message : String(error) });
  }

  /**
   * A SMART rule judges goal by goal: each judgement is both the goal's verdict for that letter
   * (code lenses, hovers, the preview) and, when it fails, the rule's finding.
   */
  function* judgeGoals(rule: SmartRule, severity: SeverityOrOff, options: Record<string, unknown>): Steps<void> {
    const off = severity === 'off';
    const context = off ? undefined : ruleContext(rule, severity as Severity, options);
    let crashed = false;
    // One finding for the plan when every goal fails for one reason; each goal's verdict still says why it fails.
    let whole: Report | undefined;
    try {
      whole = context && rule.checkPlan?.(context, goalViews);
    } catch (error) {
      ruleCrashed(rule, error);
    }
    if (whole) context!.report(whole);
    const settings = context && rule.inputs ? JSON.stringify([options, locale]) : undefined;
    const letterAt = smartRules.indexOf(rule);
    const passed = passing(rule, off);
    for (let position = 0; position < goalViews.length; position++) {
      const view = goalViews[position];
      if (position % GOALS_PER_STEP === GOALS_PER_STEP - 1) yield;
      if (!context) {
        verdicts[position].push(passed);
        continue;
      }
      let report: Report | undefined;
      let range: [number, number] | undefined;
      let entry: KeptVerdict | undefined;
      try {
        const inputs = settings === undefined ? undefined : rule.inputs!(context, view);
        const kept = settings === undefined ? undefined : keptByGoal[position];
        const known = kept?.[letterAt];
        if (known && known.settings === settings && sameItems(known.inputs, inputs!)) {
          report = known.report;
          range = moved(known.range, position);
          entry = known;
        } else {
          report = rule.checkGoal(context, view);
          if (settings !== undefined && !report?.fixes?.length) {
            let byLetter = kept;
            if (!byLetter) keptVerdicts.set(view, (byLetter = keptByGoal[position] = []));
            range = report && anchorRange(parsed.text, parsed.root, report.path, report.anchor);
            entry = { settings, inputs: inputs!, report, ...(report && range ? { range: keep(position, report.path, range) } : {}) };
            byLetter[letterAt] = entry;
          }
        }
      } catch (error) {
        // A crashed letter fails, saying so; the other letters and goals are still judged.
        if (!crashed) ruleCrashed(rule, error);
        crashed = true;
        const [start, end] = anchorRange(parsed.text, parsed.root, ['goals', view.index], 'item');
        verdicts[position].push({ letter: rule.letter, ruleId: rule.id, pass: false, off, message: t('engine.ruleCrashed', { rule: rule.id, detail: error instanceof Error ? error.message : String(error) }), start, end });
        continue;
      }
      if (!report) {
        verdicts[position].push(passed);
        continue;
      }
      const [start, end] = range ?? anchorRange(parsed.text, parsed.root, report.path, report.anchor);
      let verdict = entry?.verdict;
      if (verdict?.start !== start || verdict.end !== end) {
        verdict = { letter: rule.letter, ruleId: rule.id, pass: false, off, message: messageOf(locale, report.messageId, report.params ?? {}), start, end };
        if (entry) entry.verdict = verdict;
      }
      verdicts[position].push(verdict);
      if (!whole) reportAt(rule, severity as Severity, report, start, end);
    }
  }

  function reportConfigProblems(rule: Rule): void {
    const { severity } = severityOf(rule);
    if (severity === 'off' || input.configProblems.length === 0) return;
    const [start, end] = documentAnchor(parsed.text, parsed.root);
    for (const problem of input.configProblems) {
      push(rule.id, severity, start, end, 'plan/config', { file: input.configFile ?? '', problem: t(problem.messageId, problem.params) });
    }
  }

  const smart = goalViews.map((view, position): GoalSmartResult => {
    let range = moved(keptItemRanges.get(view), position);
    if (!range) {
      range = anchorRange(parsed.text, parsed.root, ['goals', view.index], 'item');
      const kept = keep(position, ['goals', view.index], range);
      if (kept) keptItemRanges.set(view, kept);
    }
    const [start, end] = range;
    const letters = smartRules.map((rule) => verdicts[position].find((verdict) => verdict.ruleId === rule.id)!);
    return { index: view.index, label: view.label, start, end, letters, score: letters.filter((letter) => letter.pass).length };
  });
  return { findings: finish(findings, parsed), smart };
}

/** Drops findings that a syntax error explains or a comment silences, and sorts by position. */
function finish(findings: Finding[], parsed: ParsedPlan): Finding[] {
  const lines = lineIndexOf(parsed);
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
  for (const [name, parts] of Object.entries(problem.lists ?? {})) params[name] = formatList(locale, parts);
  if (problem.detail) {
    const detail = formatMessage(locale, problem.detail.messageId, wordSchemaProblem(problem.detail, locale));
    params.detail = detail.charAt(0).toLocaleLowerCase(locale) + detail.slice(1);
  }
  return params;
}

function describeValue(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return formatMessage(locale, 'actual.empty');
  if (Array.isArray(value)) return formatMessage(locale, 'actual.list');
  if (typeof value === 'object') return formatMessage(locale, 'actual.mapping');
  // A value of the plan is code: between backticks, in every language (docs/glossary.md).
  if (typeof value === 'string') return codeSpan(value.length > 60 ? `${value.slice(0, 57)}…` : value);
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
