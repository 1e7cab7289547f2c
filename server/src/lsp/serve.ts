import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments, TextDocumentSyncKind, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import { codeActions } from './codeActions';
import { codeLens } from './codeLens';
import { compare } from './compare';
import { createServerContext, type Feature, type ServerContext } from './context';
import { diagnostics } from './diagnostics';
import { editing } from './editing';
import type { ServerHost } from './host';
import { inlayHints } from './inlayHints';
import { preview } from './preview';
import { semanticTokens } from './semanticTokens';
import { navigation } from './navigation';

/** Every feature of the server; each announces its capabilities and installs its handlers. */
const FEATURES: Feature[] = [diagnostics, editing, semanticTokens, navigation, codeActions, codeLens, inlayHints, preview, compare];

/**
 * The language server on a connection, with a host for what depends on where it runs: the same
 * for the Node.js server (`server.ts`) and the web worker (`server/src/browser/server.ts`).
 * `beforeFeatures` runs between the context and the features (a host's own listeners then
 * come first). The caller adds what is its own and then listens on the connection.
 */
export function serve(connection: Connection, host: ServerHost, beforeFeatures?: (context: ServerContext) => void): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const context = createServerContext(connection, documents, host);

  connection.onInitialize((params) => {
    context.initialize(params);
    const capabilities: ServerCapabilities = {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    for (const feature of FEATURES) Object.assign(capabilities, feature.capabilities?.(params));
    return { capabilities, serverInfo: { name: 'plan-as-code' } };
  });
  connection.onInitialized(() => context.initialized());

  beforeFeatures?.(context);
  for (const feature of FEATURES) feature.register(context);
  documents.listen(connection);
  return context;
}
