import { setFlagsFromString } from 'v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ProcessIdRequest } from '../../../shared/protocol';
import { nodeHost } from '../node/host';
import { serve } from './serve';

// V8 lets the heap of a program that allocates fast grow to several times what it keeps alive
// before it collects: a keystroke in a 100,000-line plan allocates tens of megabytes, most of it
// garbage once the next one comes, and the server peaked at 500 MiB while holding about 100.
// Growing by half at most keeps it near 320 MiB, for more frequent collections (what they cost
// is measured in docs/performance.md).
setFlagsFromString('--heap-growing-percent=50');

/** The language server in Node.js (the desktop and the VS Code server): it reads plans from the file system. */
const connection = createConnection(ProposedFeatures.all);
serve(connection, nodeHost());
connection.onRequest(ProcessIdRequest.type, () => process.pid);

process.on('uncaughtException', (error) => {
  connection.console.error(`Unexpected error: ${error.stack ?? error.message}`);
});

connection.listen();
