import * as path from 'path';
import { CONFIG_FILE_NAMES, DEFAULT_MAX_FILE_SIZE, effectiveRule, parseConfig, type ConfigProblem, type PlanConfig } from '../check/config';
import { runChecksSteps, type GoalSmartResult } from '../check/engine';
import { firstLineRange, makeFinding } from '../check/findings';
import { formatMessage, resolveLocale } from '../base/messages';
import { analysisOf, type AlignedPlan, type Analysis, type LinkedPlan, type PlanLink } from '../model/links';
import { asArray, asString, buildModel, type PlanModel } from '../model/model';
import { planFigures, type ActualsText, type FigureOptions, type PlanFigures } from '../analysis/figures';
import { parsePlan } from '../parse/parse';
import { parseIncrementallySteps } from '../parse/incremental';
import { planConfig } from '../rules/plan-config';
import { planTooLarge } from '../rules/plan-too-large';
import type { Rule } from '../rules/rule';
import { runToEnd, type Steps } from '../base/steps';
import type { PlanIndex } from './plan-index';
import type { FileNotRead, ReadLimits, RevisionRead } from '../base/files';
import { approvalStatus, approvalsOf, lastApproval, type ApprovalStatus } from '../analysis/approvals';
import type { RuleId } from '../base/rule-ids';
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
  /** Every plan of the workspace, for back-links (plans whose `alignsWith` names this one, open or closed). */
  index?: PlanIndex;
  /**
   * A plan's text at a git revision (the one its last approval names), within `maxSize`
   * characters. Absent where revisions cannot be read (the browser); never called in an
   * untrusted workspace, where running git on the repository is not allowed.
   */
  readRevision?(filePath: string, revision: string, maxSize: number): RevisionRead;
  /**
   * At most this many plans' parses and snapshots are kept, the least recently used going first
   * (the CLI over a repository of plans); without it, every plan's last version is kept.
   */
  keep?: number;
}

export interface CheckOptions {
  /** Configuration from the editor's settings for this plan's resource; `.planrc.yaml` wins over it. */
  settings?: PlanConfig;
  /** The editor's display language, e.g. `ro` or `en-US`. */
  editorLocale?: string;
  /** Today, `YYYY-MM-DD`, read once by the edge (the CLI's `--today`, the server's clock): rules that judge time read it from here. */
  today?: string;
}

/** The configuration that applies to one plan: the editor's settings and its `.planrc.yaml`, resolved. */
export interface ResolvedConfig {
  /** Configuration layers, weakest first (the editor's settings, then `.planrc.yaml`). */
  layers: readonly PlanConfig[];
  /** `language` from the settings or `.planrc.yaml`, when not `auto`. */
  language: string | undefined;
  maxFileSize: number;
  /** The `.planrc.yaml` that applies, by file name, and what is wrong with it. */
  configFile: string | undefined;
  problems: readonly ConfigProblem[];
}

/**
 * Everything about one version of a plan that the features read: its parse and model, the
 * configuration and language that apply to it, and the plans it links to. Made once per
 * version (and configuration); the check's findings and SMART verdicts come with `check`.
 */
export interface PlanSnapshot extends Analysis {
  /** The name the service knows the plan by: its absolute path, or the URI of an unsaved plan. */
  name: string | undefined;
  text: string;
  config: ResolvedConfig;
  locale: Locale;
  /** The plan's `alignsWith` entries and what became of each. */
  links: readonly PlanLink[];
  /** The models of the linked plans that could be read. */
  linked: readonly PlanModel[];
  /** The plans whose `alignsWith` names this one (from the workspace index), that could be read. */
  backLinked: readonly LinkedPlan[];
  /** Every plan aligned with this one, either way: `figures` points into them by index. */
  aligned: readonly AlignedPlan[];
  /** Over `maxFileSize`: not parsed, not checked, and every feature sees an empty plan. */
  tooLarge: boolean;
  /** The plan's arithmetic (budget, funnel, unit economics, capacity, forecast, actuals), computed once. */
  figures: PlanFigures;
  /** The actuals file the plan names, when it could not be read. */
  actualsNotRead?: { file: string; notRead: FileNotRead };
  /** Today, as the check judges time. */
  today: string | undefined;
  /** The plan's last approval and whether it still holds (the plan at its revision, compared with this version). */
  approval: ApprovalStatus | undefined;
}

/** A snapshot with its check: the findings, and each goal's SMART verdict from the same run of the rules. */
export interface CheckedPlan extends PlanSnapshot {
  findings: Finding[];
  smart: GoalSmartResult[];
}

export interface PlanService {
  /** The snapshot of a plan version. `name` (an absolute path) locates `.planrc.yaml` and `alignsWith` files; omit it for unsaved text. */
  snapshot(text: string, name?: string, options?: CheckOptions): PlanSnapshot;
  /** The snapshot with its check; the rules run once per snapshot. */
  check(text: string, name?: string, options?: CheckOptions): CheckedPlan;
  /** `check` in steps, for a caller that has other work to let through between them (or may drop the check). */
  checkSteps(text: string, name?: string, options?: CheckOptions): Steps<CheckedPlan>;
  /** The size limit of a plan (`maxFileSize` from the settings and `.planrc.yaml`): a host reads no plan file of more bytes. */
  maxFileSize(name?: string, options?: CheckOptions): number;
  /** What `check` says of a plan file of `size` bytes that was not read because it is over `maxFileSize`. */
  checkTooLarge(name: string, size: number, options?: CheckOptions): Pick<CheckedPlan, 'findings' | 'locale'>;
  /** The plans named by a plan's `alignsWith` that can be read, with their absolute paths. */
  linked(snapshot: PlanSnapshot): LinkedPlan[];
  /** Forgets cached configuration files (call when a `.planrc.yaml` changes). */
  invalidateConfig(): void;
  /** Forgets what is known of a file (call when a plan changes on disk, or an open plan linked to others changes). */
  invalidateFile(filePath: string): void;
  /** Lets go of everything kept for a plan (its last parse and snapshot), as when it will not be checked again. */
  forget(name: string): void;
}

interface CachedSnapshot {
  snapshot: PlanSnapshot;
  checked?: CheckedPlan;
  options: CheckOptions;
  configGeneration: number;
  /** Whether the workspace was trusted: a `.planrc.yaml` may raise `maxFileSize` only then. */
  trusted: boolean | undefined;
  /** The generation of each linked file when the snapshot was made. */
  linkGenerations: readonly (readonly [string, number])[];
  /** The index's generation then: a plan that starts or stops linking here changes the snapshot. */
  indexGeneration: number | undefined;
}

export function createPlanService(host: PlanHost): PlanService {
  const analyses = new Map<string, Analysis & { text: string }>();
  const configs = new Map<string, { file: string; config: PlanConfig; problems: ConfigProblem[] } | null>();
  const snapshots = new Map<string, CachedSnapshot>();
  /** A plan's text at a revision, by plan and revision: read once (a commit does not change; a branch name is read again when the plan changes on disk). */
  const revisions = new Map<string, Map<string, RevisionRead>>();
  /** Bumped when a configuration file changes: every snapshot made before may be stale. */
  let configGeneration = 0;
  /** Bumped for a file when it changes: the snapshots of plans linked to it are stale. */
  const fileGenerations = new Map<string, number>();
  const generationOf = (filePath: string) => fileGenerations.get(filePath) ?? 0;

  /** Sets an entry as the most recently used, and lets the least recently used go beyond `host.keep`. */
  function remember<T>(map: Map<string, T>, key: string, value: T): void {
    if (host.keep === undefined) {
      map.set(key, value);
      return;
    }
    map.delete(key);
    map.set(key, value);
    for (const oldest of map.keys()) {
      if (map.size <= host.keep) break;
      map.delete(oldest);
    }
  }

  function analyze(text: string, name: string | undefined, maxFileSize: number): Analysis {
    return runToEnd(analyzeSteps(text, name, maxFileSize));
  }

  function* analyzeSteps(text: string, name: string | undefined, maxFileSize: number): Steps<Analysis> {
    const key = name ?? '';
    const cached = analyses.get(key);
    if (cached && cached.text === text) {
      if (host.keep !== undefined) remember(analyses, key, cached);
      return cached;
    }
    // A plan over the size limit is not analysed by any feature: they all see an empty plan.
    if (text.length > maxFileSize) return EMPTY_ANALYSIS;
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
    // Each stage of a large plan is a pause for the messages waiting (a keystroke drops this version).
    yield;
    const model = buildModel(parsed.value);
    yield;
    const entry = { text, ...analysisOf(parsed, model) };
    // While this parse paused, another request may have analysed a newer version: that one stays.
    if (name !== undefined && analyses.get(key) === cached) remember(analyses, key, entry);
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
  function links(analysis: Analysis, filePath: string | undefined, maxFileSize: number): PlanLink[] {
    if (!filePath || !path.isAbsolute(filePath)) return [];
    const root = host.rootOf?.(filePath) ?? path.dirname(filePath);
    return asArray(analysis.model.data.alignsWith).flatMap((target, index): PlanLink[] => {
      if (typeof target !== 'string') return [];
      const linkedPath = path.resolve(path.dirname(filePath), target);
      if (linkedPath === filePath) return [];
      const relative = path.relative(root, linkedPath);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return [{ index, target, filePath: linkedPath, status: 'outside' }];
      const text = read(linkedPath, { root, maxSize: maxFileSize });
      if (typeof text !== 'string') return [{ index, target, filePath: linkedPath, status: text.problem, size: text.size, limit: maxFileSize, detail: text.detail }];
      const linkedAnalysis = analyze(text, linkedPath, maxFileSize);
      if (!linkedAnalysis.model.kind) return [{ index, target, filePath: linkedPath, status: 'not-a-plan' }];
      return [{ index, target, filePath: linkedPath, status: 'ok', plan: { filePath: linkedPath, text, analysis: linkedAnalysis } }];
    });
  }

  /** The CSV of actuals a plan names, read as every file is: inside the plan's root, within the size limit. */
  function actualsOf(model: PlanModel, name: string | undefined, maxFileSize: number): ActualsText | { file: string; notRead: FileNotRead } | undefined {
    const file = asString(model.data.actuals);
    if (!file || !name || !path.isAbsolute(name)) return undefined;
    const filePath = path.resolve(path.dirname(name), file);
    const root = host.rootOf?.(name) ?? path.dirname(name);
    const relative = path.relative(root, filePath);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { file, notRead: { problem: 'outside' } };
    const text = read(filePath, { root, maxSize: maxFileSize });
    return typeof text === 'string' ? { file, text } : { file, notRead: text };
  }

  /** The plan at the revision its last approval names, read once per plan and revision. */
  function approvedVersion(revision: string | undefined, name: string | undefined, maxFileSize: number): RevisionRead | undefined {
    if (!revision || !name || !path.isAbsolute(name) || !host.readRevision || host.trusted?.() === false) return undefined;
    let byRevision = revisions.get(name);
    if (!byRevision) remember(revisions, name, (byRevision = new Map()));
    let read = byRevision.get(revision);
    if (!read) byRevision.set(revision, (read = host.readRevision(name, revision, maxFileSize)));
    return read;
  }

  /** The plans that name this one in `alignsWith`, read and parsed (those that cannot be are left out: their own check says why). */
  function backLinks(filePath: string, maxFileSize: number): LinkedPlan[] {
    return (host.index?.linkingTo(filePath) ?? []).flatMap((other): LinkedPlan[] => {
      const text = read(other, { root: host.rootOf?.(other), maxSize: maxFileSize });
      if (typeof text !== 'string') return [];
      const analysis = analyze(text, other, maxFileSize);
      return analysis.model.kind ? [{ filePath: other, text, analysis }] : [];
    });
  }

  /** The configuration of a plan: the editor's settings for it and the nearest `.planrc.yaml`. */
  function configuration(name: string | undefined, options: CheckOptions): ResolvedConfig {
    // Only a file has a folder to look for `.planrc.yaml` in (an untitled plan is named by its URI).
    const repository = name && path.isAbsolute(name) ? configFor(path.dirname(name)) : null;
    const setting = repository?.config.language ?? options.settings?.language;
    const ownLimit = options.settings?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const asked = repository?.config.maxFileSize;
    // Checked on every call, not cached with the file: trust can be granted at any time.
    const refused = asked !== undefined && asked > ownLimit && host.trusted?.() === false;
    const problems: ConfigProblem[] = repository?.problems ?? [];
    return {
      layers: [options.settings ?? {}, repository?.config ?? {}],
      language: setting === 'auto' ? undefined : setting,
      maxFileSize: refused ? ownLimit : (asked ?? ownLimit),
      configFile: repository ? path.basename(repository.file) : undefined,
      problems: refused ? [...problems, { messageId: 'config.maxFileSize.untrusted', params: { value: asked, limit: ownLimit } } satisfies ConfigProblem] : problems,
    };
  }

  function cachedFor(text: string, name: string | undefined, options: CheckOptions): CachedSnapshot | undefined {
    const cached = snapshots.get(name ?? '');
    const same = cached && cached.snapshot.text === text && cached.configGeneration === configGeneration && cached.trusted === host.trusted?.()
      && cached.options.settings === options.settings && cached.options.editorLocale === options.editorLocale && cached.options.today === options.today
      && cached.indexGeneration === host.index?.generation
      && cached.linkGenerations.every(([filePath, linkGeneration]) => generationOf(filePath) === linkGeneration);
    return same ? cached : undefined;
  }

  function* snapshotSteps(text: string, name: string | undefined, options: CheckOptions): Steps<CachedSnapshot> {
    const cached = cachedFor(text, name, options);
    if (cached) {
      if (host.keep !== undefined) remember(snapshots, name ?? '', cached);
      return cached;
    }
    const startedAt = configGeneration;
    const before = snapshots.get(name ?? '');
    const config = configuration(name, options);
    const tooLarge = text.length > config.maxFileSize;
    const analysis = tooLarge ? EMPTY_ANALYSIS : yield* analyzeSteps(text, name, config.maxFileSize);
    const planLinks = tooLarge ? [] : links(analysis, name, config.maxFileSize);
    const backLinked = tooLarge || !name ? [] : backLinks(name, config.maxFileSize);
    const linkedModels = planLinks.flatMap((link) => (link.plan ? [link.plan.analysis.model] : []));
    const actuals = tooLarge ? undefined : actualsOf(analysis.model, name, config.maxFileSize);
    const aligned: AlignedPlan[] = [
      ...planLinks.flatMap((link) => (link.plan ? [{ filePath: link.filePath, model: link.plan.analysis.model }] : [])),
      ...backLinked.filter((plan) => !planLinks.some((link) => link.filePath === plan.filePath)).map((plan) => ({ filePath: plan.filePath, model: plan.analysis.model })),
    ];
    const lastApproved = tooLarge ? undefined : lastApproval(approvalsOf(analysis.parsed));
    const approval = approvalStatus(lastApproved, analysis.model.data, approvedVersion(lastApproved?.revision, name, config.maxFileSize), name && path.isAbsolute(name) ? path.basename(name) : undefined);
    yield;
    const figures = planFigures(analysis.model, aligned.map((plan) => plan.model), actuals && 'text' in actuals ? actuals : undefined, figureOptions(config, options), snapshots.get(name ?? '')?.snapshot.figures);
    const snapshot: PlanSnapshot = {
      ...analysis,
      name,
      text,
      config,
      locale: resolveLocale(config.language, tooLarge ? undefined : analysis.model.data.language, options.editorLocale),
      links: planLinks,
      linked: linkedModels,
      backLinked,
      aligned,
      tooLarge,
      figures,
      actualsNotRead: actuals && 'notRead' in actuals ? actuals : undefined,
      today: options.today,
      approval,
    };
    // The actuals file counts as a link: when it changes (`invalidateFile`), the snapshot is made again.
    const actualsPath = actuals && name && path.isAbsolute(name) ? path.resolve(path.dirname(name), actuals.file) : undefined;
    // A revision read for an approval is read again when the plan changes on disk (a tag or branch may have moved).
    const revisionPath = approval && approval.state !== 'unavailable' && approval.state !== 'no-revision' && name ? [name] : [];
    const linkGenerations = [...planLinks.map((link) => link.filePath), ...backLinked.map((plan) => plan.filePath), ...(actualsPath ? [actualsPath] : []), ...revisionPath].map((filePath) => [filePath, generationOf(filePath)] as const);
    const entry: CachedSnapshot = { snapshot, options, configGeneration: startedAt, trusted: host.trusted?.(), linkGenerations, indexGeneration: host.index?.generation };
    // While this one paused, a request may have made the snapshot of a newer version: that one stays.
    if (snapshots.get(name ?? '') === before) remember(snapshots, name ?? '', entry);
    return entry;
  }

  function* checkedSteps(entry: CachedSnapshot): Steps<CheckedPlan> {
    if (entry.checked) return entry.checked;
    const { snapshot } = entry;
    if (snapshot.tooLarge) {
      entry.checked = { ...snapshot, findings: tooLargeFindings(snapshot.text, snapshot.locale, snapshot.config), smart: [] };
      return entry.checked;
    }
    yield;
    const outcome = yield* runChecksSteps({
      parsed: snapshot.parsed,
      model: snapshot.model,
      links: snapshot.links,
      figures: snapshot.figures,
      aligned: snapshot.aligned,
      actualsNotRead: snapshot.actualsNotRead,
      today: snapshot.today,
      approval: snapshot.approval,
      layers: snapshot.config.layers,
      locale: snapshot.locale,
      configProblems: snapshot.config.problems,
      configFile: snapshot.config.configFile,
      onRuleError: host.onRuleError,
    });
    entry.checked ??= { ...snapshot, ...outcome };
    return entry.checked;
  }

  const service: PlanService = {
    snapshot(text, name, options = {}) {
      return runToEnd(snapshotSteps(text, name, options)).snapshot;
    },
    check(text, name, options = {}) {
      return runToEnd(service.checkSteps(text, name, options));
    },
    *checkSteps(text, name, options = {}) {
      return yield* checkedSteps(yield* snapshotSteps(text, name, options));
    },
    linked(snapshot) {
      return snapshot.links.flatMap((link) => (link.plan ? [link.plan] : []));
    },
    maxFileSize(name, options = {}) {
      return configuration(name, options).maxFileSize;
    },
    checkTooLarge(name, size, options = {}) {
      const config = configuration(name, options);
      const locale = resolveLocale(config.language, undefined, options.editorLocale);
      return { locale, findings: tooLargeFindings('', locale, config, size) };
    },
    invalidateConfig() {
      configs.clear();
      configGeneration++;
    },
    invalidateFile(filePath) {
      revisions.delete(filePath);
      fileGenerations.set(filePath, generationOf(filePath) + 1);
    },
    forget(name) {
      service.invalidateFile(name);
      analyses.delete(name);
      snapshots.delete(name);
    },
  };
  return service;
}

const EMPTY_ANALYSIS: Analysis = (() => {
  const parsed = parsePlan('');
  return analysisOf(parsed, buildModel(parsed.value));
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
function tooLargeFindings(text: string, locale: Locale, config: ResolvedConfig, bytes?: number): Finding[] {
  const severityOf = (rule: Rule) => effectiveRule(rule.id, { severity: rule.defaultSeverity, options: {} }, config.layers).severity;
  // Only the first line is looked at: the file is too large to parse for a better place.
  const [start, end] = firstLineRange(text);
  const findings: Finding[] = [];
  const tooLargeSeverity = severityOf(planTooLarge);
  if (tooLargeSeverity !== 'off') {
    const messageId = bytes === undefined ? 'plan/too-large' : 'plan/too-large.notRead';
    findings.push(makeFinding(locale, text, { ruleId: planTooLarge.id, severity: tooLargeSeverity, start, end, messageId, params: { size: bytes ?? text.length, limit: config.maxFileSize } }));
  }
  const configSeverity = severityOf(planConfig);
  if (configSeverity !== 'off') {
    for (const problem of config.problems) {
      const params = { file: config.configFile ?? '', problem: formatMessage(locale, problem.messageId, problem.params) };
      findings.push(makeFinding(locale, text, { ruleId: planConfig.id, severity: configSeverity, start, end, messageId: 'plan/config', params }));
    }
  }
  return findings;
}

/** The options of the figures: today, and the thresholds the rules that judge the figures are configured with. */
function figureOptions(config: ResolvedConfig, options: CheckOptions): FigureOptions {
  const optionsOf = (ruleId: RuleId) => effectiveRule(ruleId, { severity: 'warning', options: {} }, config.layers).options;
  const clvCac = optionsOf('economics/clv-cac');
  const payback = optionsOf('economics/payback');
  const offTrack = optionsOf('kpi/off-track');
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  return {
    today: options.today,
    healthyClvCac: number(clvCac.minimumRatio),
    paybackLimitMonths: number(payback.maxMonths),
    progressThresholds: { onTrack: number(offTrack.onTrack), atRisk: number(offTrack.atRisk) },
  };
}
