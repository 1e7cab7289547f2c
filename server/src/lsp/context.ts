import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  type Connection,
  type InitializeParams,
  type Position,
  type Range,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES, validateRules, type ConfigProblem, type PlanConfig } from '../core/check/config';
import { PlanIndex } from '../core/workspace/plan-index';
import { formatMessage } from '../core/base/messages';
import { parseDate } from '../core/model/model';
import { createPlanService, type CheckedPlan, type PlanHost, type PlanService, type PlanSnapshot } from '../core/workspace/service';
import type { FileNotRead, ReadLimits } from '../core/base/files';
import { CheckTracker } from './checks';
import { runWhenIdle } from './slices';
import { Comparisons } from './comparisons';
import { warmUp } from './warmup';
import { diagnosticsOf } from './diagnostic-list';
import type { ServerHost } from './host';
import { isoDateAt } from '../core/analysis/calendar';
import { DidGrantWorkspaceTrustNotification, type InitializationOptions } from '../../../shared/protocol';

/** How long after start the workspace is searched for plans: the plans open at start are checked first. */
const INDEX_DELAY_MS = 200;

/** The settings of every plan when the client cannot be asked for them. */
const NO_SETTINGS: PlanConfig = {};

/** What every feature of the server shares: the connection, the open documents and the plan service. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: PlanService;
  /** Plans in compare mode: the older text each is compared with, and its diff (`planAsCode/compare`). */
  comparisons: Comparisons;
  /** Every plan of the workspace folders, open or closed; open plans by their editor text. */
  index: PlanIndex;
  /** Settles when the workspace folders have been searched for plans once. */
  indexed(): Promise<void>;
  /** Calls `listener` each time workspace folders have been searched and their plans indexed (e.g. to check open plans again: plans that name them are known now). */
  onIndexed(listener: () => void): void;
  /** Indexes one plan file as it is on disk (created or changed), or forgets it (deleted, unreadable). */
  reindexFile(filePath: string): Promise<void>;
  /** The editor's display language, from `initialize`. */
  editorLocale(): string | undefined;
  /** Today, `YYYY-MM-DD`: the client's `today` (`InitializationOptions`), else the server's clock. The date checks judge time by (actuals against their path, `plan/stale`). Every check of a plan passes it, so that they share one snapshot. */
  today(): string;
  /** The `planAsCode` settings for a document (cached until they change). */
  settingsFor(uri: string): Promise<PlanConfig>;
  /** Drops cached settings: of one document, or all when the configuration changed. */
  forgetSettings(uri?: string): void;
  /** Calls `listener` when the configuration changed (all cached settings were dropped, or the workspace became trusted) or files the plans read arrived late (the browser's host), e.g. to re-check plans. */
  onSettingsChanged(listener: () => void): void;
  /**
   * The document's snapshot (parse, model, configuration, language, linked plans), shared with
   * every other request on the same version; under the plan's own settings once they are known.
   */
  snapshotOf(document: TextDocument, settings?: PlanConfig): PlanSnapshot;
  /** The document's snapshot with its check: the same one the published diagnostics came from when the version was checked. */
  checkedOf(document: TextDocument, settings?: PlanConfig): CheckedPlan;
  /**
   * A plan file that is not open, read as every file the core asks for: a regular file, inside
   * its workspace folder, of at most `maxFileSize` bytes; else why it was not read.
   */
  readPlanFile(filePath: string, settings: PlanConfig): string | FileNotRead;
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

/**
 * The host of this server: one per process (Node.js) or worker (browser), given by the entry to
 * `createServerContext`, so that every feature names files the same way.
 */
let host: ServerHost | undefined;

function currentHost(): ServerHost {
  if (!host) throw new Error('The server has no host: createServerContext was not called.');
  return host;
}

/** The path of a document: a file's, or a path in the folder the URI names (see `ServerHost.pathOf`). */
export function filePathOf(uri: string): string | undefined {
  return currentHost().pathOf(uri);
}

/** The URI of a path that `filePathOf` gave, or that the core derived from one. */
export function uriOfPath(filePath: string): string {
  return currentHost().uriOf(filePath);
}

/** A file that no editor has open (for a request that can wait for it); undefined when it cannot be read. */
export function fetchFile(filePath: string): Promise<string | undefined> {
  return currentHost().fetchFile(filePath);
}

/** Where a documentation page of the extension is, as a URI (e.g. a rule's page, for its diagnostics). */
export function docsUriOf(relativePath: string): string | undefined {
  return currentHost().docsUri(relativePath);
}

export function createServerContext(connection: Connection, documents: TextDocuments<TextDocument>, serverHost: ServerHost): ServerContext & {
  initialize(params: InitializeParams): void;
  initialized(): void;
} {
  host = serverHost;
  let editorLocale: string | undefined;
  let canPullConfiguration = false;
  let supportsFolderChanges = false;
  const settingsCache = new Map<string, Promise<PlanConfig>>();
  /** The settings of each plan once fetched, for requests that do not wait for them. */
  const knownSettings = new Map<string, PlanConfig>();
  const loggedCrashes = new Set<string>();
  /** Folders the plans' links must stay in. */
  let workspaceFolders: string[] = [];
  let workspaceTrusted = true;
  /** A day set by the client (`InitializationOptions.today`), instead of the clock. */
  let fixedToday: string | undefined;
  const settingsListeners: (() => void)[] = [];

  /** The deepest workspace folder that holds a file. */
  function rootOf(filePath: string): string | undefined {
    return workspaceFolders.filter((folder) => !path.relative(folder, filePath).startsWith('..')).sort((a, b) => b.length - a.length)[0];
  }

  const index = new PlanIndex();
  let indexing: Promise<void> = Promise.resolve();
  const indexedListeners: (() => void)[] = [];

  const planHost: PlanHost = {
    index,
    readFile(filePath, limits) {
      const open = documents.get(serverHost.uriOf(filePath));
      if (open) return open.getText();
      return serverHost.readFile(filePath, limits);
    },
    rootOf,
    trusted: () => workspaceTrusted,
    readRevision: serverHost.readRevision,
    onRuleError(ruleId, error) {
      if (loggedCrashes.has(ruleId)) return;
      loggedCrashes.add(ruleId);
      connection.console.error(`Rule ${ruleId} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  };
  const core = createPlanService(planHost);
  // Older versions of open plans (compare mode) are checked apart, so that the editor's snapshots stay cached.
  const versions = createPlanService(planHost);
  const comparisons = new Comparisons(versions);

  // What the service forgets, the host forgets too (the browser's host keeps the files it was sent).
  const service: PlanService = {
    ...core,
    invalidateConfig() {
      serverHost.forget?.();
      core.invalidateConfig();
      versions.invalidateConfig();
    },
    invalidateFile(filePath) {
      serverHost.forget?.(filePath);
      core.invalidateFile(filePath);
      versions.invalidateFile(filePath);
    },
  };
  // Files read after a check asked for them: it ran without them, so every plan is checked again.
  serverHost.onDidRead?.((filePaths) => {
    for (const filePath of filePaths) {
      if ((CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(filePath))) {
        core.invalidateConfig();
        versions.invalidateConfig();
      } else {
        core.invalidateFile(filePath);
        versions.invalidateFile(filePath);
      }
    }
    for (const listener of settingsListeners) listener();
  });

  function toPlanConfig(value: unknown): PlanConfig {
    const settings = (value ?? {}) as { rules?: unknown; language?: unknown; maxFileSize?: unknown };
    const config: PlanConfig = {};
    if (settings.rules && typeof settings.rules === 'object' && !Array.isArray(settings.rules)) {
      const problems: ConfigProblem[] = [];
      config.rules = validateRules(settings.rules as Record<string, unknown>, problems);
      for (const problem of problems) connection.console.warn(`planAsCode.rules: ${formatMessage(editorLocale?.toLowerCase().startsWith('ro') ? 'ro' : 'en', problem.messageId, problem.params)}`);
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

  async function reindexFile(filePath: string): Promise<void> {
    // One file at a time, between other requests.
    await new Promise((resolve) => setImmediate(resolve));
    indexFile(filePath);
  }

  function indexFile(filePath: string): void {
    const uri = serverHost.uriOf(filePath);
    const open = documents.get(uri);
    const read = open ? open.getText() : readClosedPlan(filePath, knownSettings.get(uri) ?? NO_SETTINGS);
    if (typeof read === 'string' || read instanceof Uint8Array) index.set(filePath, read);
    else index.delete(filePath);
  }

  /** A plan no editor has open, as `readPlanFile` reads it: in bytes where the host can (the index decodes only what it needs). */
  function readClosedPlan(filePath: string, settings: PlanConfig): string | Uint8Array | FileNotRead | undefined {
    return serverHost.readBytes ? serverHost.readBytes(filePath, limitsOf(filePath, settings)) : context.readPlanFile(filePath, settings);
  }

  /** Where a plan file must stay and how large it may be: in its workspace folder, within its `maxFileSize`. */
  function limitsOf(filePath: string, settings: PlanConfig): ReadLimits {
    return { root: rootOf(filePath), maxSize: service.maxFileSize(filePath, { settings }) };
  }

  /**
   * Searches workspace folders for plans and indexes them in slices (`runWhenIdle`), so that
   * requests are answered meanwhile; each slice waits until no open plan has a check pending:
   * the first diagnostics of the plans open, and those after each keystroke, go first.
   */
  async function indexFolders(folders: readonly string[]): Promise<void> {
    for (const folder of folders) {
      const excluded = await filesExcluded(folder);
      const files = (await serverHost.listPlans?.(folder, excluded)) ?? [];
      if (files.length === 0) continue;
      // The first slice too waits for the checks of the plans opened at start.
      await new Promise((resolve) => setImmediate(resolve));
      await context.checks.idle();
      await runWhenIdle(indexSteps(files), () => context.checks.idle());
    }
    for (const listener of indexedListeners) listener();
  }

  function* indexSteps(files: readonly string[]): Generator<void> {
    for (const filePath of files) {
      // An open plan is indexed by its editor text (diagnostics keep it current).
      if (index.has(filePath)) continue;
      indexFile(filePath);
      yield;
    }
  }

  /** VS Code's `files.exclude` for a folder, as globs. */
  async function filesExcluded(folder: string): Promise<string[]> {
    if (!canPullConfiguration) return [];
    try {
      const exclude = (await connection.workspace.getConfiguration({ scopeUri: serverHost.uriOf(folder), section: 'files.exclude' })) as Record<string, unknown> | null;
      return Object.entries(exclude ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
    } catch {
      return [];
    }
  }

  const context: ReturnType<typeof createServerContext> = {
    connection,
    documents,
    service,
    comparisons,
    index,
    indexed: () => indexing,
    onIndexed(listener) {
      indexedListeners.push(listener);
    },
    reindexFile,
    checks: new CheckTracker(),
    initialize(params) {
      serverHost.initialize?.(params);
      const options = params.initializationOptions as InitializationOptions | undefined;
      workspaceTrusted = options?.workspaceTrusted !== false;
      fixedToday = parseDate(options?.today) === undefined ? undefined : options?.today;
      editorLocale = params.locale;
      const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
      workspaceFolders = folders.map(filePathOf).filter((folder): folder is string => folder !== undefined);
      canPullConfiguration = params.capabilities.workspace?.configuration === true;
      supportsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
    },
    initialized() {
      if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planAsCode' });
      if (supportsFolderChanges) {
        connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
          const gone = removed.map((folder) => filePathOf(folder.uri)).filter((folder): folder is string => folder !== undefined);
          const come = added.map((folder) => filePathOf(folder.uri)).filter((folder): folder is string => folder !== undefined);
          workspaceFolders = [...workspaceFolders.filter((folder) => !gone.includes(folder)), ...come];
          for (const folder of gone) index.deleteUnder(folder);
          indexing = indexing.then(() => indexFolders(come));
          void indexing.then(() => forgetSettings());
        });
      }
      // Plans open at start are checked first; the search for the others waits its turn.
      indexing = new Promise<void>((resolve) => setTimeout(resolve, INDEX_DELAY_MS)).then(() => indexFolders(workspaceFolders));
      // Compile the schemas and warm the parser, the rules and the making of diagnostics up now, while the
      // editor is still opening the plan, rather than on its first check; it pauses while a plan has a check pending (warmup.ts).
      void warmUp(service, () => context.checks.idle(), () => documents.all().length > 0, (uri, text, plan) => {
        diagnosticsOf(TextDocument.create(uri, 'plan-yaml', 0, text), 0, plan.findings, plan.locale, docsUriOf);
      });
    },
    forgetSettings,
    onSettingsChanged(listener) {
      settingsListeners.push(listener);
    },
    editorLocale: () => editorLocale,
    today: () => fixedToday ?? isoDateAt(Date.now()),
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
    readPlanFile(filePath, settings) {
      return serverHost.readFile(filePath, limitsOf(filePath, settings)) ?? { problem: 'missing' };
    },
    snapshotOf(document, settings = knownSettings.get(document.uri) ?? (canPullConfiguration ? undefined : NO_SETTINGS)) {
      return service.snapshot(document.getText(), planNameOf(document.uri), { settings, editorLocale, today: context.today() });
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
  const { settled } = serverHost;
  if (settled) {
    // A check about to start waits for the files the host is still reading (the browser's host).
    const settingsOf = context.settingsFor;
    context.settingsFor = (uri) => Promise.all([settingsOf(uri), settled.call(serverHost)]).then(([settings]) => settings);
  }
  return context;
}
