/**
 * The VS Code side of Plan as Code: a thin language client.
 *
 * It starts the language server (`server/out/server.js`) for `plan-yaml`
 * documents, forwards changes to plans and `.planrc.yaml` files, and offers its
 * commands (restart, output, preview, *New Plan…*). Everything about plans (parsing, rules, reading the `planAsCode`
 * settings through `workspace/configuration`, `.planrc.yaml`) is the server's.
 *
 * Activation does not wait for the server: the language client library (most of this
 * bundle) is loaded and the server started after `activate` has returned, and what needs
 * the client (the preview, the Restart command) waits for it.
 */
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { DidGrantWorkspaceTrustNotification, ProcessIdRequest, type InitializationOptions } from '../../shared/protocol';
import { registerClientCommands } from './commands';
import { registerNewPlan } from './newPlan';
import { registerPreview, type PreviewApi } from './preview';
import { createRestartPolicy } from './restartPolicy';

const CLIENT_ID = 'planAsCode';
const CLIENT_NAME = 'Plan as Code';

/**
 * Files whose changes the server hears about through `workspace/didChangeWatchedFiles`: plans,
 * their configuration, and the actuals files plans name (`actuals: x.csv`).
 */
const WATCHED_FILES = ['**/.planrc.yaml', '**/.planrc.yml', '**/*.plan.yaml', '**/*.plan.yml', '**/*.csv'];

/** The current client, once the client library has loaded; a restart replaces it. */
let client: Promise<LanguageClient> | undefined;

/** When this module had been evaluated, with the bundled dependencies it loads at once. */
const loaded = performance.now();

/** What `activate` returns: hooks for the end-to-end tests and the activation benchmark, no API for other extensions. */
export interface ExtensionApi {
  preview: PreviewApi;
  /** The process id of the running language server (it is asked). */
  serverProcessId(): Promise<number>;
  /** Every message shown to the user about the language server, in order. */
  readonly notices: readonly string[];
  /**
   * When activation happened, in `performance.now()` of the extension host: this module
   * evaluated, `activate` entered, `activate` returned. The benchmark adds when VS Code
   * began compiling the bundle, which only an observer outside the bundle can see.
   */
  readonly activation: { loaded: number; activateStart: number; activateEnd: number };
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStart = performance.now();
  const notices: string[] = [];
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const restartPolicy = createRestartPolicy({ name: CLIENT_NAME, t: (message, args) => vscode.l10n.t(message, args) });
  // The client only hooks listeners onto these watchers; they are ours to dispose,
  // and they outlive any one client, so a restart reuses them.
  const watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(output, ...watchers);
  const module = context.asAbsolutePath('server/out/server.js');

  // Evaluated once activation has returned; the import is what keeps it off that path.
  const library = import('vscode-languageclient/node');
  const createClient = async (): Promise<LanguageClient> => {
    const { CloseAction, ErrorAction, LanguageClient, TransportKind } = await library;
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'plan-yaml' },
        { scheme: 'untitled', language: 'plan-yaml' },
      ],
      synchronize: { fileEvents: watchers },
      outputChannel: output,
      // A function: a restarted server learns whether the workspace has been trusted meanwhile.
      // `PLAN_AS_CODE_TODAY` (the end-to-end runs set it) fixes the day plans are judged against.
      initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted, today: process.env.PLAN_AS_CODE_TODAY || undefined }),
      // Explicit instead of the library's default: a crashed server is restarted and the user told once.
      errorHandler: {
        error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
        closed: () => {
          const decision = restartPolicy.closed();
          output.warn(decision.log);
          if (decision.notice) {
            notices.push(decision.notice);
            void (decision.restart ? vscode.window.showWarningMessage(decision.notice) : vscode.window.showErrorMessage(decision.notice));
          }
          return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  };

  /** Only a broken build gets here: the client library is bundled. */
  const failedToLoad = (error: unknown): void => output.error(vscode.l10n.t('The language client could not load: {0}', describe(error)));

  /** Starts a client without blocking the caller on the server: a failure is logged, not thrown. */
  const start = (languageClient: LanguageClient): Promise<void> =>
    languageClient.start().catch((error: unknown) => {
      output.error(vscode.l10n.t('The language server could not start: {0}', describe(error)));
    });

  /**
   * A fresh client each time: `LanguageClient.restart()` cannot recover a client
   * whose start failed or that is still starting, while disposing the old client
   * and starting a new one works from every state.
   */
  const restart = async (): Promise<void> => {
    const previous = client;
    const next = createClient();
    client = next;
    output.info(vscode.l10n.t('Restarting the language server.'));
    restartPolicy.reset();
    await previous?.then((old) => old.dispose()).catch(() => undefined); // the client has logged why, if it failed
    if (client === next) await next.then(start, failedToLoad); // a later restart has taken over otherwise
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('planAsCode.restartServer', restart),
    vscode.commands.registerCommand('planAsCode.showOutput', () => output.show()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      // A client that is not running starts with the trust in its initialization options.
      client?.then((current) => current.sendNotification(DidGrantWorkspaceTrustNotification.type)).catch(() => undefined);
    }),
  );
  registerClientCommands(context);
  registerNewPlan(context);

  client = createClient();
  void client.then(start, failedToLoad);
  const preview = registerPreview(context, () => client);
  // `npm start` (scripts/start.mjs) opens a plan in the extension under development and asks for its preview beside it.
  const startPlan = process.env.PLAN_START_PREVIEW;
  if (context.extensionMode === vscode.ExtensionMode.Development && startPlan) void showWithPreview(vscode.Uri.file(startPlan)).catch((error: unknown) => output.warn(`npm start: ${describe(error)}`));
  const activation = { loaded, activateStart, activateEnd: performance.now() };
  return {
    preview,
    serverProcessId: async () => {
      if (!client) throw new Error(vscode.l10n.t('The language server is not running.'));
      return (await client).sendRequest(ProcessIdRequest.type);
    },
    notices,
    activation,
  };
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  await stopping?.then((old) => old.dispose()).catch(() => undefined);
}

/** Shows a plan in the editor with its preview beside it. */
async function showWithPreview(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('planAsCode.showPreviewToSide', uri);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
