import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeParams,
  type Position,
  type Range,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import { validateRules, type ConfigProblem, type PlanConfig } from '../core/check/config';
import { formatMessage } from '../core/base/messages';
import { localIsoDate } from '../core/base/dates';
import { parseDate } from '../core/model/model';
import { createPlanService, type CheckedPlan, type PlanService, type PlanSnapshot } from '../core/workspace/service';
import { CheckTracker } from './checks';
import { DidGrantWorkspaceTrustNotification, type InitializationOptions } from '../../../shared/protocol';

/** The settings of every plan when the client cannot be asked for them. */
const NO_SETTINGS: PlanConfig = {};

/** What every feature of the server shares: the connection, the open documents and the plan service. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: PlanService;
  /** The editor's display language, from `initialize`. */
  editorLocale(): string | undefined;
  /** Today's date, `YYYY-MM-DD` (the client's `today`, else `PLAN_AS_CODE_TODAY`, else this computer's): read once per check and passed to the core as `CheckOptions.today`. */
  today(): string;
  /** The `planAsCode` settings for a document (cached until they change). */
  settingsFor(uri: string): Promise<PlanConfig>;
  /** Drops cached settings: of one document, or all when the configuration changed. */
  forgetSettings(uri?: string): void;
  /** Calls `listener` when the configuration changed (all cached settings were dropped, or the workspace became trusted), e.g. to re-check plans. */
  onSettingsChanged(listener: () => void): void;
  /**
   * The document's snapshot (parse, model, configuration, language, linked plans), shared with
   * every other request on the same version; under the plan's own settings once they are known.
   */
  snapshotOf(document: TextDocument, settings?: PlanConfig): PlanSnapshot;
  /** The document's snapshot with its check: the same one the published diagnostics came from when the version was checked. */
  checkedOf(document: TextDocument, settings?: PlanConfig): CheckedPlan;
  /** Which plans have a check pending: requests that can wait let it go first. */
  readonly checks: CheckTracker;
  /**
   * An open plan and its settings for a request that can wait, once the plan's pending check
   * has gone first; undefined if it closed, or changed while the settings were fetched.
   */
  settledDocument(uri: string): Promise<{ document: TextDocument; settings: PlanConfig } | undefined>;
  toRange(document: TextDocument, start: number, end: number): Range;
  toOffset(document: TextDocument, position: Position): number;
}

/**
 * A feature of the server: what it announces in `initialize`, and the handlers it installs.
 * Handlers use offsets from the core and convert at this edge.
 */
export interface Feature {
  capabilities?(params: InitializeParams): ServerCapabilities;
  register(context: ServerContext): void;
}

/**
 * The name the plan service knows an open plan by, so that every request shares its parse: its
 * file path, or the URI of an untitled plan (which has no folder: no `.planrc.yaml`, no links).
 */
export function planNameOf(uri: string): string {
  return filePathOf(uri) ?? uri;
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function createServerContext(connection: Connection, documents: TextDocuments<TextDocument>): ServerContext & {
  initialize(params: InitializeParams): void;
  initialized(): void;
} {
  let editorLocale: string | undefined;
  let canPullConfiguration = false;
  const settingsCache = new Map<string, Promise<PlanConfig>>();
  /** The settings of each plan once fetched, for requests that do not wait for them. */
  const knownSettings = new Map<string, PlanConfig>();
  const loggedCrashes = new Set<string>();
  /** Folders the plans' links must stay in. */
  let workspaceFolders: string[] = [];
  let workspaceTrusted = true;
  /** A day set by the client or the environment, instead of the clock. */
  let fixedToday: string | undefined;
  const settingsListeners: (() => void)[] = [];

  const service = createPlanService({
    readFile(filePath) {
      const open = documents.get(pathToFileURL(filePath).toString());
      if (open) return open.getText();
      try {
        return fs.readFileSync(filePath, 'utf8');
      } catch {
        return undefined;
      }
    },
    rootOf(filePath) {
      // The deepest workspace folder that holds the plan.
      return workspaceFolders.filter((folder) => !path.relative(folder, filePath).startsWith('..')).sort((a, b) => b.length - a.length)[0];
    },
    trusted: () => workspaceTrusted,
    onRuleError(ruleId, error) {
      if (loggedCrashes.has(ruleId)) return;
      loggedCrashes.add(ruleId);
      connection.console.error(`Rule ${ruleId} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  });

  function toPlanConfig(value: unknown): PlanConfig {
    const settings = (value ?? {}) as { rules?: unknown; language?: unknown; maxFileSize?: unknown };
    const config: PlanConfig = {};
    if (settings.rules && typeof settings.rules === 'object' && !Array.isArray(settings.rules)) {
      const problems: ConfigProblem[] = [];
      config.rules = validateRules(settings.rules as Record<string, unknown>, problems);
      for (const problem of problems) connection.console.warn(`planAsCode.rules: ${formatMessage('en', problem.messageId, problem.params)}`);
    }
    if (settings.language === 'auto' || settings.language === 'en' || settings.language === 'ro') config.language = settings.language;
    if (typeof settings.maxFileSize === 'number' && settings.maxFileSize > 0) config.maxFileSize = settings.maxFileSize;
    return config;
  }

  function forgetSettings(uri?: string): void {
    if (uri !== undefined) {
      settingsCache.delete(uri);
      knownSettings.delete(uri);
      return;
    }
    settingsCache.clear();
    knownSettings.clear();
    for (const listener of settingsListeners) listener();
  }

  connection.onNotification(DidGrantWorkspaceTrustNotification.type, () => {
    workspaceTrusted = true;
    // The repository's `maxFileSize` now applies: every plan is checked again, as after a settings change.
    forgetSettings();
  });

  const context: ReturnType<typeof createServerContext> = {
    connection,
    documents,
    service,
    checks: new CheckTracker(),
    initialize(params) {
      const options = params.initializationOptions as InitializationOptions | undefined;
      workspaceTrusted = options?.workspaceTrusted !== false;
      fixedToday = [options?.today, process.env.PLAN_AS_CODE_TODAY].find((day) => parseDate(day) !== undefined);
      editorLocale = params.locale;
      const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
      workspaceFolders = folders.map(filePathOf).filter((folder): folder is string => folder !== undefined);
      canPullConfiguration = params.capabilities.workspace?.configuration === true;
    },
    initialized() {
      if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planAsCode' });
      // Compile the schemas and warm the rules up now, while the editor is still opening the plan,
      // rather than on its first check.
      setImmediate(() => {
        for (const kind of ['marketing', 'sales']) service.check(`kind: ${kind}\ntitle: Warm-up\nperiod: {start: 2026-01-01, end: 2026-12-31}\n`);
      });
    },
    forgetSettings,
    onSettingsChanged(listener) {
      settingsListeners.push(listener);
    },
    editorLocale: () => editorLocale,
    today: () => fixedToday ?? localIsoDate(Date.now()),
    async settledDocument(uri) {
      await context.checks.settled(uri);
      const requested = documents.get(uri);
      if (!requested) return undefined;
      const settings = await context.settingsFor(uri);
      const document = documents.get(uri);
      return document?.version === requested.version ? { document, settings } : undefined;
    },
    settingsFor(uri) {
      if (!canPullConfiguration) {
        // One settings object for every plan: snapshots are shared by settings identity.
        knownSettings.set(uri, NO_SETTINGS);
        return Promise.resolve(NO_SETTINGS);
      }
      let settings = settingsCache.get(uri);
      if (!settings) {
        settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'planAsCode' }).then(toPlanConfig, () => ({}));
        void settings.then((known) => {
          if (settingsCache.get(uri) === settings) knownSettings.set(uri, known);
        });
        settingsCache.set(uri, settings);
      }
      return settings;
    },
    snapshotOf(document, settings = knownSettings.get(document.uri) ?? (canPullConfiguration ? undefined : NO_SETTINGS)) {
      return service.snapshot(document.getText(), planNameOf(document.uri), { settings, editorLocale });
    },
    checkedOf(document, settings = knownSettings.get(document.uri) ?? (canPullConfiguration ? undefined : NO_SETTINGS)) {
      return service.check(document.getText(), planNameOf(document.uri), { settings, editorLocale, today: context.today() });
    },
    toRange(document, start, end) {
      return { start: document.positionAt(start), end: document.positionAt(end) };
    },
    toOffset(document, position) {
      return document.offsetAt(position);
    },
  };
  return context;
}
