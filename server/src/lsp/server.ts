import { setFlagsFromString } from 'v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ProcessIdRequest } from '../../../shared/protocol';
import { nodeHost } from '../node/host';
import { capHeapGrowth, growYoungGenerationAtOnce } from './heap';
import { serve } from './serve';

growYoungGenerationAtOnce(setFlagsFromString);

/** The language server in Node.js (the desktop and the VS Code server): it reads plans from the file system. */
const connection = createConnection(ProposedFeatures.all);
const { documents, checks } = serve(connection, nodeHost());
// Over stdio the server sees each chunk of a message as it comes (over IPC, Node.js hands whole messages only).
if (process.argv.includes('--stdio')) process.stdin.on('data', () => checks.input());
capHeapGrowth(documents, setFlagsFromString);
connection.onRequest(ProcessIdRequest.type, () => process.pid);

process.on('uncaughtException', (error) => {
  connection.console.error(`Unexpected error: ${error.stack ?? error.message}`);
});

connection.listen();
