import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';
import { ProcessIdRequest } from '../../../shared/protocol';
import { codeActions } from './codeActions';
import { codeLens } from './codeLens';
import { createServerContext, type Feature } from './context';
import { diagnostics } from './diagnostics';
import { editing } from './editing';
import { inlayHints } from './inlayHints';
import { preview } from './preview';
import { semanticTokens } from './semanticTokens';
import { navigation } from './navigation';

/** Every feature of the server; each announces its capabilities and installs its handlers. */
const FEATURES: Feature[] = [diagnostics, editing, semanticTokens, navigation, codeActions, codeLens, inlayHints, preview];

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const context = createServerContext(connection, documents);

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
connection.onRequest(ProcessIdRequest.type, () => process.pid);

for (const feature of FEATURES) feature.register(context);

process.on('uncaughtException', (error) => {
  connection.console.error(`Unexpected error: ${error.stack ?? error.message}`);
});

documents.listen(connection);
connection.listen();
