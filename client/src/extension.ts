/**
 * The VS Code side of Plan as Code: a thin language client.
 *
 * It starts the language server (`server/out/server.js`) for `plan-yaml`
 * documents, forwards changes to plans and `.planrc.yaml` files, and offers two
 * commands. Everything about plans (parsing, rules, reading the `planAsCode`
 * settings through `workspace/configuration`, `.planrc.yaml`) is the server's.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerClientCommands } from './commands';
import { registerPreview, type PreviewApi } from './preview';
import { createRestartPolicy } from './restartPolicy';

const CLIENT_ID = 'planAsCode';
const CLIENT_NAME = 'Plan as Code';

/** Files whose changes the server hears about through `workspace/didChangeWatchedFiles`. */
const WATCHED_FILES = ['**/.planrc.yaml', '**/.planrc.yml', '**/*.plan.yaml', '**/*.plan.yml'];

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): { preview: PreviewApi } {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const restartPolicy = createRestartPolicy({ name: CLIENT_NAME });
  // The client only hooks listeners onto these watchers; they are ours to dispose,
  // and they outlive any one client, so a restart reuses them.
  const watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(output, ...watchers);

  const module = context.asAbsolutePath('server/out/server.js');
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
    // Explicit instead of the library's default: a crashed server is restarted and the user told once.
    errorHandler: {
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
      closed: () => {
        const decision = restartPolicy.closed();
        output.warn(decision.log);
        if (decision.notice) void (decision.restart ? vscode.window.showWarningMessage(decision.notice) : vscode.window.showErrorMessage(decision.notice));
        return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
  };

  /** Starts a client without blocking the caller on the server: a failure is logged, not thrown. */
  const start = (languageClient: LanguageClient): Promise<void> =>
    languageClient.start().catch((error: unknown) => {
      output.error(`The language server could not start: ${describe(error)}`);
    });

  /**
   * A fresh client each time: `LanguageClient.restart()` cannot recover a client
   * whose start failed or that is still starting, while disposing the old client
   * and starting a new one works from every state.
   */
  const restart = async (): Promise<void> => {
    const previous = client;
    const next = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    client = next;
    output.info('Restarting the language server.');
    restartPolicy.reset();
    await previous?.dispose().catch(() => undefined); // the client has logged why, if it failed
    if (client === next) await start(next); // a later restart has taken over otherwise
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('planAsCode.restartServer', restart),
    vscode.commands.registerCommand('planAsCode.showOutput', () => output.show()),
  );
  registerClientCommands(context);

  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  void start(client);
  return { preview: registerPreview(context, () => client) };
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  await stopping?.dispose().catch(() => undefined);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
