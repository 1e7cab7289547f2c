import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { serve } from '../lsp/serve';
import { browserHost } from './host';

/**
 * The language server in a web worker (VS Code for the Web: vscode.dev, github.dev): the same
 * server as in Node.js over the same core, with a host that asks the client for files. The
 * client starts this bundle (`server/out/browser.js`) with `new Worker(…)` and talks to it
 * with `postMessage`.
 */
declare const self: { close(): void };
// The worker's own, not Node.js's (whose types the project compiles with).
declare const MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: unknown): void } };

// The server yields to incoming messages with `setImmediate` between slices of work; a worker
// has none. A MessageChannel task runs after the messages already waiting, without the 4 ms
// that nested `setTimeout`s are held back.
if (typeof globalThis.setImmediate !== 'function') {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  const setImmediate = (callback: () => void) => {
    queue.push(callback);
    channel.port2.postMessage(undefined);
  };
  Object.assign(globalThis, { setImmediate });
}

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));
const host = browserHost(connection);
serve(connection, host, (context) => host.attach(context));
// As the Node.js server's process ends on `exit`, so does this worker.
connection.onExit(() => self.close());
connection.listen();
