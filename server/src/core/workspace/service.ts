import * as path from 'path';
import { CONFIG_FILE_NAMES, DEFAULT_MAX_FILE_SIZE, effectiveRule, parseConfig, type ConfigProblem, type PlanConfig } from '../check/config';
import { evaluateSmart, runChecksSteps, type GoalSmartResult } from '../check/engine';
import { formatMessage, resolveLocale } from '../base/messages';
import type { Analysis, LinkedPlan, PlanLink } from '../model/links';
import { asArray, buildModel } from '../model/model';
import { parsePlan } from '../parse/parse';
import { parseIncrementallySteps } from '../parse/incremental';
import { planConfig } from '../rules/plan-config';
import { planTooLarge } from '../rules/plan-too-large';
import type { Rule } from '../rules/rule';
import { runToEnd, type Steps } from '../base/steps';
import type { FileNotRead, ReadLimits } from '../base/files';
import type { Finding, Locale } from '../base/types';

/** What the core needs from the outside world; the LSP server and the CLI each provide one. */
export interface PlanHost {
  /**
   * The text of a file by absolute path (an open editor's text wins), or why it was not read
   * (undefined: it is missing). A host reading from disk reads only a regular file whose real
   * path stays in `limits.root`, and nothing over `limits.maxSize` bytes.
   */
  readFile(filePath: string, limits?: ReadLimits): string | FileNotRead | undefined;
  /** Called when a rule throws, for logging. */
  onRuleError?(ruleId: string, error: unknown): void;
  /**
   * The folder a plan's links must stay in (the workspace folder holding it); a path a plan
   * names outside it is never read. Without it, the plan's own folder.
   */
  rootOf?(filePath: string): string | undefined;
  /**
   * Whether the workspace is trusted; without it, trusted (the CLI). In an untrusted one a
   * `.planrc.yaml` may lower `maxFileSize` but not raise it: a repository must not make the
   * server parse huge files.
   */
  trusted?(): boolean;
}

export interface CheckOptions {
  /** Configuration from the editor's settings; `.planrc.yaml` wins over it. */
  settings?: PlanConfig;
  /** The editor's display language, e.g. `ro` or `en-US`. */
  editorLocale?: string;
}

export interface CheckResult {
  findings: Finding[];
  locale: Locale;
}

export interface PlanService {
  /** Checks a plan. `filePath` (absolute) locates `.planrc.yaml` and `alignsWith` files; omit it for unsaved text. */
  check(text: string, filePath?: string, options?: CheckOptions): CheckResult;
  /** `check` in steps, for a caller that has other work to let through between them (or may drop the check). */
  checkSteps(text: string, filePath?: string, options?: CheckOptions): Steps<CheckResult>;
  /** Parse and model of a text, cached per file so that all features share one parse per version. */
  analyze(text: string, filePath?: string): Analysis;
  /** Each goal's SMART verdict under the same configuration as `check` (for code lenses and the preview). */
  smart(text: string, filePath?: string, options?: CheckOptions): GoalSmartResult[];
  /** The language of messages about a plan under the same configuration as `check` (for lens and hint texts). */
  locale(text: string, filePath?: string, options?: CheckOptions): Locale;
  /** The size limit of a plan (`maxFileSize` from the settings and `.planrc.yaml`): a host reads no plan file of more bytes. */
  maxFileSize(filePath?: string, options?: CheckOptions): number;
  /** What `check` says of a plan file of `size` bytes that was not read because it is over `maxFileSize`. */
  checkTooLarge(filePath: string, size: number, options?: CheckOptions): CheckResult;
  /** The plans named by a plan's `alignsWith` that can be read, with their absolute paths. */
  linked(analysis: Analysis, filePath: string | undefined): LinkedPlan[];
  /** Forgets cached configuration files (call when a `.planrc.yaml` changes). */
  invalidateConfig(): void;
  /** Forgets a cached linked plan (call when a plan file changes on disk). */
  invalidateFile(filePath: string): void;
}

export function createPlanService(host: PlanHost): PlanService {
  const analyses = new Map<string, Analysis & { text: string }>();
  const configs = new Map<string, { file: string; config: PlanConfig; problems: ConfigProblem[] } | null>();

  /** The settings of the last check, so that every feature honours the same size limit. */
  let lastSettings: PlanConfig | undefined;

  function analyze(text: string, filePath?: string): Analysis {
    return runToEnd(analyzeSteps(text, filePath));
  }

  function* analyzeSteps(text: string, filePath?: string): Steps<Analysis> {
    const key = filePath ?? '';
    const cached = analyses.get(key);
    if (cached && cached.text === text) return cached;
    // A plan over the size limit is not analysed by any feature: they all see an empty plan.
    if (text.length > configuration(filePath, { settings: lastSettings }).maxFileSize) return EMPTY_ANALYSIS;
    // A large plan reuses the pieces of its previous version that the edit did not touch.
    const steps = parseIncrementallySteps(text, cached?.parsed);
    let next = steps.next();
    for (; !next.done; next = steps.next()) {
      yield;
      // A request answered during the pause may have analysed this text: its analysis serves.
      const meanwhile = analyses.get(key);
      if (meanwhile?.text === text) {
        steps.return(undefined);
        return meanwhile;
      }
    }
    const parsed = next.value ?? parsePlan(text);
    const entry = { text, parsed, model: buildModel(parsed.value) };
    // While this parse paused, another request may have analysed a newer version: that one stays.
    if (filePath !== undefined && analyses.get(key) === cached) analyses.set(key, entry);
    return entry;
  }

  /** The nearest `.planrc.yaml` at or above a folder. */
  function configFor(directory: string): { file: string; config: PlanConfig; problems: ConfigProblem[] } | null {
    if (configs.has(directory)) return configs.get(directory)!;
    let found: { file: string; config: PlanConfig; problems: ConfigProblem[] } | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(directory, name);
      // The configuration sets the limit, so it is read under the default one.
      const text = read(file, { root: host.rootOf?.(file), maxSize: DEFAULT_MAX_FILE_SIZE });
      if (typeof text !== 'string' && text.problem === 'missing') continue;
      found = { file, ...(typeof text === 'string' ? parseConfig(text) : { config: {}, problems: [notReadProblem(text, DEFAULT_MAX_FILE_SIZE)] }) };
      break;
    }
    if (!found) {
      const parent = path.dirname(directory);
      found = parent === directory ? null : configFor(parent);
    }
    configs.set(directory, found);
    return found;
  }

  /** A file through the host; what a host over memory does not check is checked here. */
  function read(filePath: string, limits: ReadLimits & { maxSize: number }): string | FileNotRead {
    const text = host.readFile(filePath, limits) ?? { problem: 'missing' };
    return typeof text === 'string' && text.length > limits.maxSize ? { problem: 'too-large', size: text.length } : text;
  }

  /** Every `alignsWith` entry of a plan and what became of it. */
  function links(analysis: Analysis, filePath: string | undefined): PlanLink[] {
    if (!filePath || !path.isAbsolute(filePath)) return [];
    const root = host.rootOf?.(filePath) ?? path.dirname(filePath);
    const maxSize = configuration(filePath, { settings: lastSettings }).maxFileSize;
    return asArray(analysis.model.data.alignsWith).flatMap((target, index): PlanLink[] => {
      if (typeof target !== 'string') return [];
      const linkedPath = path.resolve(path.dirname(filePath), target);
      if (linkedPath === filePath) return [];
      const relative = path.relative(root, linkedPath);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return [{ index, target, filePath: linkedPath, status: 'outside' }];
      const text = read(linkedPath, { root, maxSize });
      if (typeof text !== 'string') return [{ index, target, filePath: linkedPath, status: text.problem, size: text.size, limit: maxSize, detail: text.detail }];
      const linkedAnalysis = analyze(text, linkedPath);
      if (!linkedAnalysis.model.kind) return [{ index, target, filePath: linkedPath, status: 'not-a-plan' }];
      return [{ index, target, filePath: linkedPath, status: 'ok', plan: { filePath: linkedPath, text, analysis: linkedAnalysis } }];
    });
  }

  function linked(analysis: Analysis, filePath: string | undefined): LinkedPlan[] {
    return links(analysis, filePath).flatMap((link) => (link.plan ? [link.plan] : []));
  }

  /** The configuration layers for a plan, and the settings that are not per rule. */
  function configuration(filePath: string | undefined, options: CheckOptions) {
    // Only a file has a folder to look for `.planrc.yaml` in (an untitled plan is named by its URI).
    const repository = filePath && path.isAbsolute(filePath) ? configFor(path.dirname(filePath)) : null;
    const setting = repository?.config.language ?? options.settings?.language;
    const ownLimit = options.settings?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const asked = repository?.config.maxFileSize;
    // Checked on every call, not cached with the file: trust can be granted at any time.
    const refused = asked !== undefined && asked > ownLimit && host.trusted?.() === false;
    const problems: ConfigProblem[] = repository?.problems ?? [];
    return {
      repository,
      layers: [options.settings ?? {}, repository?.config ?? {}],
      language: setting === 'auto' ? undefined : setting,
      maxFileSize: refused ? ownLimit : (asked ?? ownLimit),
      configProblems: refused ? [...problems, { messageId: 'config.maxFileSize.untrusted', params: { value: asked, limit: ownLimit } } satisfies ConfigProblem] : problems,
    };
  }

  const service: PlanService = {
    analyze,
    linked,
    check(text, filePath, options = {}) {
      return runToEnd(service.checkSteps(text, filePath, options));
    },
    *checkSteps(text, filePath, options = {}) {
      lastSettings = options.settings;
      const { repository, layers, language, maxFileSize, configProblems } = configuration(filePath, options);
      const configFile = repository ? path.basename(repository.file) : undefined;
      if (text.length > maxFileSize) {
        const locale = resolveLocale(language, undefined, options.editorLocale);
        return { locale, findings: tooLarge(text, maxFileSize, locale, layers, configProblems, configFile) };
      }
      const analysis = yield* analyzeSteps(text, filePath);
      const { parsed, model } = analysis;
      const locale = resolveLocale(language, model.data.language, options.editorLocale);
      yield;

      const findings = yield* runChecksSteps({
        parsed,
        model,
        links: links(analysis, filePath),
        layers,
        locale,
        configProblems,
        configFile,
        onRuleError: host.onRuleError,
      });
      return { findings, locale };
    },
    smart(text, filePath, options = {}) {
      const { layers, language, maxFileSize } = configuration(filePath, options);
      if (text.length > maxFileSize) return [];
      const { parsed, model } = analyze(text, filePath);
      return evaluateSmart({ parsed, model, layers, locale: resolveLocale(language, model.data.language, options.editorLocale) });
    },
    locale(text, filePath, options = {}) {
      const { language, maxFileSize } = configuration(filePath, options);
      const planLanguage = text.length > maxFileSize ? undefined : analyze(text, filePath).model.data.language;
      return resolveLocale(language, planLanguage, options.editorLocale);
    },
    maxFileSize(filePath, options = {}) {
      return configuration(filePath, options).maxFileSize;
    },
    checkTooLarge(filePath, size, options = {}) {
      const { repository, layers, language, maxFileSize, configProblems } = configuration(filePath, options);
      const locale = resolveLocale(language, undefined, options.editorLocale);
      return { locale, findings: tooLarge('', maxFileSize, locale, layers, configProblems, repository ? path.basename(repository.file) : undefined, size) };
    },
    invalidateConfig() {
      configs.clear();
    },
    invalidateFile(filePath) {
      analyses.delete(filePath);
    },
  };
  return service;
}

const EMPTY_ANALYSIS: Analysis = (() => {
  const parsed = parsePlan('');
  return { parsed, model: buildModel(parsed.value) };
})();

/** Why a `.planrc.yaml` was not read, as a problem of the configuration. */
function notReadProblem(notRead: FileNotRead, limit: number): ConfigProblem {
  switch (notRead.problem) {
    case 'not-a-file':
      return { messageId: 'config.notAFile' };
    case 'outside':
      return { messageId: 'config.outside' };
    case 'too-large':
      return { messageId: 'config.tooLarge', params: { size: notRead.size ?? 0, limit } };
    default:
      return { messageId: 'config.unreadable', params: { detail: notRead.detail ?? notRead.problem } };
  }
}

/**
 * The one notice of a plan too large to check, and what is wrong with its configuration (perhaps
 * why the limit is lower than asked). `bytes`: the size of a plan file that was not read at all.
 */
function tooLarge(text: string, limit: number, locale: Locale, layers: PlanConfig[], configProblems: readonly ConfigProblem[], configFile: string | undefined, bytes?: number): Finding[] {
  const severityOf = (rule: Rule) => effectiveRule(rule.id, { severity: rule.defaultSeverity, options: {} }, layers).severity;
  // Only the first line is looked at: the file is too large to parse for a better place.
  const firstLineEnd = text.indexOf('\n');
  const [start, end] = [0, Math.max(Math.min(text.length, 1), Math.min(firstLineEnd === -1 ? text.length : firstLineEnd, 200))];
  const findings: Finding[] = [];
  const tooLargeSeverity = severityOf(planTooLarge);
  if (tooLargeSeverity !== 'off') {
    const params = { size: bytes ?? text.length, limit };
    const messageId = bytes === undefined ? 'plan/too-large' : 'plan/too-large.notRead';
    findings.push({ ruleId: planTooLarge.id, severity: tooLargeSeverity, message: formatMessage(locale, messageId, params), messageId, params, start, end });
  }
  const configSeverity = severityOf(planConfig);
  if (configSeverity !== 'off') {
    for (const problem of configProblems) {
      const params = { file: configFile ?? '', problem: formatMessage(locale, problem.messageId, problem.params) };
      findings.push({ ruleId: planConfig.id, severity: configSeverity, message: formatMessage(locale, 'plan/config', params), messageId: 'plan/config', params, start, end });
    }
  }
  return findings;
}
