import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { LineIndex } from '../../server/src/core/base/text';
import type { InitializationOptions } from '../../shared/protocol';
import { ROOT } from '../helpers';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: number;
    code: string;
    source: string;
    message: string;
    codeDescription?: { href: string };
  }[];
}

/** Drives the real server (`node server/out/server.js --stdio`) as an editor would. */
/** The day the server judges plans on in these tests (`InitializationOptions.today`). */
const PROTOCOL_TODAY = '2026-01-15';

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  /** What `workspace/configuration` answers for section `planAsCode`. */
  settings: Record<string, unknown> = {};
  stderr = '';
  private readonly published: PublishedDiagnostics[] = [];
  private waiters: { predicate: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];

  /** `cwd`: the server's working directory (this process's by default). */
  constructor(cwd?: string) {
    this.process = spawn(process.execPath, [path.join(ROOT, 'server/out/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.predicate(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    this.connection.listen();
  }

  /** `workspace` adds client capabilities, e.g. `{ workspaceEdit: { documentChanges: true } }`; `folders`: the workspace folders' URIs. */
  async initialize(locale = 'en', workspace: Record<string, unknown> = {}, initializationOptions?: InitializationOptions, folders?: string[]): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      ...(folders ? { workspaceFolders: folders.map((uri, index) => ({ uri, name: `folder-${index}` })) } : {}),
      locale,
      // Plans are judged against a fixed day, never the real one: the tests mean the same every day.
      initializationOptions: { today: PROTOCOL_TODAY, ...initializationOptions },
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...workspace } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next diagnostics published for `uri` (optionally for a given version) from now on. */
  nextDiagnostics(uri: string, version?: number): Promise<PublishedDiagnostics> {
    return new Promise((resolve) => {
      this.waiters.push({ predicate: (p) => p.uri === uri && (version === undefined || p.version === version), resolve });
    });
  }

  open(uri: string, text: string, version = 1): Promise<PublishedDiagnostics> {
    const next = this.nextDiagnostics(uri, version);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plan-yaml', version, text } });
    return next;
  }

  change(uri: string, version: number, changes: unknown[]): Promise<PublishedDiagnostics> {
    const next = this.nextDiagnostics(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return next;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

/**
 * A server and a temporary folder for one suite (call it inside `describe`): started and
 * initialized before the suite's tests, stopped and removed after them.
 */
export function serverForSuite(
  folderPrefix: string,
  workspaceCapabilities: Record<string, unknown> = {},
  initializationOptions?: InitializationOptions,
): { readonly client: LspClient; readonly folder: string; readonly capabilities: Record<string, unknown>; uriOf(name: string): string } {
  let client: LspClient | undefined;
  let folder = '';
  let capabilities: Record<string, unknown> = {};
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
    client = new LspClient();
    ({ capabilities } = (await client.initialize('en', workspaceCapabilities, initializationOptions)) as { capabilities: Record<string, unknown> });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return {
    get client() {
      if (!client) throw new Error('the server starts in the suite’s before hook');
      return client;
    },
    get folder() {
      return folder;
    },
    get capabilities() {
      return capabilities;
    },
    uriOf: (name) => pathToFileURL(path.join(folder, name)).toString(),
  };
}

/** The line and UTF-16 column where `needle` starts in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset === -1) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** An LSP text edit: a range of lines and UTF-16 columns, and its replacement. */
export interface LspTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** The text after applying LSP edits (non-overlapping, in any order), as an editor would. */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const lines = new LineIndex(text);
  return edits
    .map((edit) => ({ start: lines.offset(edit.range.start.line, edit.range.start.character), end: lines.offset(edit.range.end.line, edit.range.end.character), newText: edit.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}
