import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { validateRules, type ConfigProblem, type PlanConfig } from '../core/config';
import { formatMessage } from '../core/messages';
import { ruleDocsPath } from '../core/docs';
import { createPlanService } from '../core/service';
import type { Finding, Severity } from '../core/types';

/** Typing bursts are coalesced: a check starts this long after the last keystroke. */
const DEBOUNCE_MS = 60;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let editorLocale: string | undefined;
let canPullConfiguration = false;
const settingsCache = new Map<string, Promise<PlanConfig>>();
const timers = new Map<string, NodeJS.Timeout>();
/** For each open plan, the files its `alignsWith` names, so that editing one re-checks the other. */
const links = new Map<string, string[]>();
const loggedCrashes = new Set<string>();

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
  onRuleError(ruleId, error) {
    if (loggedCrashes.has(ruleId)) return;
    loggedCrashes.add(ruleId);
    connection.console.error(`Rule ${ruleId} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  },
});

connection.onInitialize((params: InitializeParams) => {
  editorLocale = params.locale;
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
    },
    serverInfo: { name: 'plan-as-code' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planAsCode' });
  }
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  revalidateAll();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  for (const change of changes) {
    const filePath = toPath(change.uri);
    if (!filePath) continue;
    if (/\.planrc\.ya?ml$/.test(filePath)) service.invalidateConfig();
    else service.invalidateFile(filePath);
  }
  revalidateAll();
});

documents.onDidChangeContent(({ document }) => schedule(document.uri));
documents.onDidClose(({ document }) => {
  clearTimeout(timers.get(document.uri));
  timers.delete(document.uri);
  settingsCache.delete(document.uri);
  links.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

function schedule(uri: string): void {
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      void validate(uri);
    }, DEBOUNCE_MS),
  );
}

function revalidateAll(): void {
  for (const document of documents.all()) schedule(document.uri);
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const settings = await settingsFor(uri);
  const current = documents.get(uri);
  // A newer version arrived while the settings were fetched: its own check is scheduled.
  if (!current || current.version !== version) return;
  const filePath = toPath(uri);
  try {
    const { findings } = service.check(current.getText(), filePath, { settings, editorLocale });
    void connection.sendDiagnostics({ uri, version, diagnostics: findings.map((finding) => toDiagnostic(current, finding)) });
  } catch (error) {
    connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  if (filePath) recheckLinkedPlans(uri, filePath);
}

/** Plans that align with the one just checked see its new ids and periods. */
function recheckLinkedPlans(uri: string, filePath: string): void {
  const { model } = service.analyze(documents.get(uri)!.getText(), filePath);
  const targets = (Array.isArray(model.data.alignsWith) ? model.data.alignsWith : [])
    .filter((target): target is string => typeof target === 'string')
    .map((target) => path.resolve(path.dirname(filePath), target));
  links.set(uri, targets);
  for (const [other, otherTargets] of links) {
    if (other !== uri && otherTargets.includes(filePath) && !timers.has(other)) schedule(other);
  }
}

function settingsFor(uri: string): Promise<PlanConfig> {
  if (!canPullConfiguration) return Promise.resolve({});
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'planAsCode' })
      .then(toPlanConfig, () => ({}));
    settingsCache.set(uri, settings);
  }
  return settings;
}

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

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const extensionRoot = path.resolve(__dirname, '..', '..');

function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    source: 'plan',
    code: finding.ruleId,
    codeDescription: { href: pathToFileURL(path.join(extensionRoot, ruleDocsPath(finding.ruleId))).toString() },
    message: finding.message,
  };
}

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

process.on('uncaughtException', (error) => {
  connection.console.error(`Unexpected error: ${error.stack ?? error.message}`);
});

documents.listen(connection);
connection.listen();
