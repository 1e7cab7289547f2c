/**
 * Plan as Code in VS Code for the Web (vscode.dev, github.dev, a VS Code server's web worker
 * extension host): the same client as `extension.ts`, with the language server in a web worker
 * (`server/out/browser.js`) instead of a Node.js process. The worker cannot read files: the
 * client reads the ones it asks for (`planAsCode/readFile`) with `vscode.workspace.fs`.
 * Commands, quick fixes and the preview are the desktop's own modules.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, CloseAction, ErrorAction, LanguageClient, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { DidGrantWorkspaceTrustNotification, ReadFileRequest, type InitializationOptions } from '../../shared/protocol';
import { registerClientCommands } from './commands';
import { registerPreview, type PreviewApi } from './preview';
import { createRestartPolicy } from './restartPolicy';

/** The extension host's own `Worker` (the project compiles without the DOM library). */
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

interface ServerWorker {
  terminate(): void;
}

const CLIENT_ID = 'planAsCode';
const CLIENT_NAME = 'Plan as Code';

/** Files whose changes the server hears about through `workspace/didChangeWatchedFiles`. */
const WATCHED_FILES = ['**/.planrc.yaml', '**/.planrc.yml', '**/*.plan.yaml', '**/*.plan.yml'];

/** Larger files are not handed to the server: it would not check a plan that size anyway. */
const MAX_READ_BYTES = 32 * 1024 * 1024;

/** The current client; a restart replaces it. */
let client: Promise<LanguageClient> | undefined;

/** The worker of each client: stopped with it (a worker does not end when its server exits). */
const workers = new WeakMap<LanguageClient, ServerWorker>();

async function stop(languageClient: LanguageClient): Promise<void> {
  try {
    await languageClient.dispose();
  } finally {
    workers.get(languageClient)?.terminate();
  }
}

/** What `activate` returns: hooks for tests, no API for other extensions. */
export interface BrowserExtensionApi {
  preview: PreviewApi;
  /** Every message shown to the user about the language server, in order. */
  readonly notices: readonly string[];
}

/** `planAsCode/readFile`: a file in one of the workspace folders, as text; null otherwise. */
async function readFile({ uri }: ReadFileRequest.Params): Promise<string | null> {
  try {
    const target = vscode.Uri.parse(uri, true);
    if (!vscode.workspace.getWorkspaceFolder(target)) return null;
    const stat = await vscode.workspace.fs.stat(target);
    if ((stat.type & vscode.FileType.File) === 0 || stat.size > MAX_READ_BYTES) return null;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  } catch {
    return null;
  }
}

/**
 * A worker running the language server. VS Code for the Web serves extensions over `https:`,
 * from where the extension host starts workers; a VS Code server serves them as
 * `vscode-remote:`, from where it refuses to ("Creating workers from remote extensions is
 * currently not supported"): the worker then starts from the bundle's text.
 */
async function startWorker(serverMain: vscode.Uri): Promise<ServerWorker> {
  if (serverMain.scheme === 'https' || serverMain.scheme === 'http') return new Worker(serverMain.toString(true), { name: CLIENT_NAME });
  const code = await vscode.workspace.fs.readFile(serverMain);
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), { name: CLIENT_NAME });
}

export function activate(context: vscode.ExtensionContext): BrowserExtensionApi {
  const notices: string[] = [];
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const restartPolicy = createRestartPolicy({ name: CLIENT_NAME, t: (message, args) => vscode.l10n.t(message, args) });
  const watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(output, ...watchers);
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'server/out/browser.js');

  const createClient = (): LanguageClient => {
    const clientOptions: LanguageClientOptions = {
      // Every scheme: a repository opened in the browser is `vscode-vfs:`, `file:` (a local
      // folder in vscode.dev), `vscode-remote:` (a VS Code server), and so on.
      documentSelector: [{ language: 'plan-yaml' }],
      synchronize: { fileEvents: watchers },
      outputChannel: output,
      initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted, extensionUri: context.extensionUri.toString() }),
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
    // Transports, not the worker: the library tells a worker by `instanceof Worker`, which the
    // extension host's own `Worker` (a wrapper) fails.
    const transports = async (): Promise<MessageTransports> => {
      workers.get(languageClient)?.terminate(); // the one a restart after an error replaces
      const worker = await startWorker(serverMain);
      workers.set(languageClient, worker);
      return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    };
    const languageClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, transports, clientOptions);
    languageClient.onRequest(ReadFileRequest.type, readFile);
    return languageClient;
  };

  const start = (languageClient: LanguageClient): Promise<void> =>
    languageClient.start().catch((error: unknown) => {
      output.error(vscode.l10n.t('The language server could not start: {0}', error instanceof Error ? error.message : String(error)));
    });

  /** A fresh client (and worker) each time, as on the desktop. */
  const restart = async (): Promise<void> => {
    const previous = client;
    const next = Promise.resolve(createClient());
    client = next;
    output.info(vscode.l10n.t('Restarting the language server.'));
    restartPolicy.reset();
    await previous?.then(stop).catch(() => undefined);
    if (client === next) await next.then(start);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('planAsCode.restartServer', restart),
    vscode.commands.registerCommand('planAsCode.showOutput', () => output.show()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      client?.then((current) => current.sendNotification(DidGrantWorkspaceTrustNotification.type)).catch(() => undefined);
    }),
  );
  registerClientCommands(context);

  client = Promise.resolve(createClient());
  void client.then(start);
  const preview = registerPreview(context, () => client);
  return { preview, notices };
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  await stopping?.then(stop).catch(() => undefined);
}
