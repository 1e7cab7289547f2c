/**
 * Drives a language server over stdio as an editor does (initialize with a workspace that
 * answers `workspace/configuration`, didOpen, incremental didChange keystrokes, requests) and
 * times what the user waits for. Works with any server: ours and yaml-language-server alike.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface ServerSpec {
  /** Short name, used in tables and in the JSON result. */
  name: string;
  /** The script Node runs, and its arguments. */
  args: string[];
  /** The languageId of opened documents. */
  languageId: string;
  /** What `workspace/configuration` answers, by section (`null` for others). */
  settings: Record<string, unknown>;
  /** The `initializationOptions` of `initialize`. */
  initializationOptions?: unknown;
}

export interface Position {
  line: number;
  character: number;
}

export interface Diagnostic {
  range: { start: Position; end: Position };
}

export interface Publish {
  uri: string;
  version?: number;
  at: number;
  count: number;
  diagnostics: Diagnostic[];
}

/** How long without a new publish before an unversioned server counts as done. */
const QUIET_MS = 500;
/** No single wait may hang the run. */
export const TIMEOUT_MS = 180_000;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** VmHWM (peak resident memory) and VmRSS of a process, in MiB, from /proc. */
export function memoryOf(pid: number): { peakMiB: number; rssMiB: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** An open document as the client sees it: text and version, kept in step with every change sent. */
export class ClientDocument {
  version = 1;
  constructor(
    readonly uri: string,
    public text: string,
  ) {}

  positionAt(offset: number): Position {
    let line = 0;
    let lineStart = 0;
    for (let at = this.text.indexOf('\n'); at !== -1 && at < offset; at = this.text.indexOf('\n', at + 1)) {
      line++;
      lineStart = at + 1;
    }
    return { line, character: offset - lineStart };
  }

  /** Lines of the current text (recomputed on demand: positions are looked up between edits). */
  lines(): string[] {
    return this.text.split('\n');
  }

  offsetOfLine(line: number): number {
    let offset = 0;
    for (let index = 0; index < line; index++) offset = this.text.indexOf('\n', offset) + 1;
    return offset;
  }
}

export class LspSession {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  capabilities: Record<string, unknown> = {};
  stderr = '';
  private readonly publishes: Publish[] = [];
  private listeners: (() => void)[] = [];
  /** Peak and current memory, sampled while the session runs (VmHWM is the kernel's own peak). */
  private memory = { peakMiB: 0, rssMiB: 0 };
  private readonly poller: NodeJS.Timeout;

  constructor(readonly spec: ServerSpec) {
    // BENCH_SERVER_NODE_ARGS: options for the server's Node.js, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles`.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.process = spawn(process.execPath, [...nodeArgs, ...spec.args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section !== undefined && item.section in spec.settings ? spec.settings[item.section] : null)),
    );
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/semanticTokens/refresh', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/diagnostic/refresh']) {
      this.connection.onRequest(method, () => null);
    }
    this.connection.onNotification(() => undefined);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.publishes.push({ uri: params.uri, version: params.version, at: performance.now(), count: params.diagnostics.length, diagnostics: params.diagnostics });
      for (const listener of this.listeners) listener();
    });
    this.connection.listen();
    this.poller = setInterval(() => this.sampleMemory(), 50);
  }

  private sampleMemory(): void {
    const sample = this.process.pid === undefined ? undefined : memoryOf(this.process.pid);
    if (!sample) return;
    this.memory = { peakMiB: Math.max(this.memory.peakMiB, sample.peakMiB, sample.rssMiB), rssMiB: sample.rssMiB };
  }

  /** Peak resident memory of the server so far, in MiB. */
  peakMemory(): { peakMiB: number; rssMiB: number } {
    this.sampleMemory();
    return { ...this.memory };
  }

  supports(capability: string): boolean {
    return Boolean(this.capabilities[capability]);
  }

  /** Calls `listener` on every publish from now on; returns the function that stops it. */
  onPublish(listener: (publish: Publish) => void): () => void {
    const each = () => listener(this.publishes.at(-1)!);
    this.listeners.push(each);
    return () => (this.listeners = this.listeners.filter((other) => other !== each));
  }

  /** The diagnostics last published for `uri`, as the editor's markers hold them. */
  latestDiagnostics(uri: string): Diagnostic[] {
    return this.publishes.filter((publish) => publish.uri === uri).at(-1)?.diagnostics ?? [];
  }

  async initialize(rootUri: string): Promise<void> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      locale: 'en',
      initializationOptions: this.spec.initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          definition: { linkSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          rename: { prepareSupport: true },
          // What the editor asks after each keystroke (editor-requests.ts), declared as VS Code does.
          semanticTokens: {
            requests: { full: { delta: true }, range: true },
            tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable', 'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string', 'number', 'regexp', 'operator', 'decorator'],
            tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'],
            formats: ['relative'],
          },
          codeLens: {},
          inlayHint: {},
          foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
          documentLink: { tooltipSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] } }, isPreferredSupport: true },
        },
      },
    })) as { capabilities: Record<string, unknown> };
    this.capabilities = result.capabilities;
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves once `predicate` holds for the publishes so far (checked on every new one). */
  private until<T>(check: () => T | undefined, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((listener) => listener !== listener_);
        reject(new Error(`${this.spec.name}: no ${what} within ${TIMEOUT_MS / 1000} s`));
      }, TIMEOUT_MS);
      const listener_ = () => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((listener) => listener !== listener_);
        resolve(value);
      };
      this.listeners.push(listener_);
      listener_();
    });
  }

  /**
   * When the diagnostics of `document`'s current version arrived: the publish that names that
   * version, or, from a server that does not send versions, the last publish after `since`
   * once the server has been quiet for a while (it then reflects the latest text).
   */
  async diagnosticsOf(document: ClientDocument, since: number): Promise<Publish> {
    const version = document.version;
    const first = await this.until(() => this.publishes.find((p) => p.uri === document.uri && p.at >= since && (p.version === undefined || p.version === version)), `diagnostics for version ${version}`);
    if (first.version !== undefined) return first;
    for (;;) {
      const last = this.publishes.filter((p) => p.uri === document.uri && p.at >= since).at(-1)!;
      const quietFor = performance.now() - last.at;
      if (quietFor >= QUIET_MS) return last;
      await sleep(QUIET_MS - quietFor);
    }
  }

  /** didOpen; resolves with the milliseconds until the first diagnostics, and their count. */
  async open(document: ClientDocument): Promise<{ ms: number; count: number }> {
    const start = performance.now();
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: document.uri, languageId: this.spec.languageId, version: document.version, text: document.text } });
    const publish = await this.until(() => this.publishes.find((p) => p.uri === document.uri && p.at >= start), 'diagnostics after didOpen');
    return { ms: publish.at - start, count: publish.count };
  }

  /** One didChange with the given edits (offsets in the current text, applied from the last one back). */
  change(document: ClientDocument, edits: { start: number; end: number; text: string }[]): void {
    const contentChanges = [...edits]
      .sort((a, b) => b.start - a.start)
      .map((edit) => {
        const change = { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, text: edit.text };
        document.text = document.text.slice(0, edit.start) + edit.text + document.text.slice(edit.end);
        return change;
      });
    document.version++;
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: document.uri, version: document.version }, contentChanges });
  }

  /** Milliseconds a request takes, and its result. */
  async time<T = unknown>(method: string, params: unknown): Promise<{ ms: number; result: T }> {
    const start = performance.now();
    const result = (await this.connection.sendRequest(method, params)) as T;
    return { ms: performance.now() - start, result };
  }

  async stop(): Promise<void> {
    clearInterval(this.poller);
    try {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      await Promise.race([this.connection.sendRequest('shutdown').then(() => this.connection.sendNotification('exit')), sleep(3000)]);
      // Given the time to exit by itself, the server writes the profile it was asked for.
      await Promise.race([exited, sleep(3000)]);
    } catch {
      // The server is killed below anyway.
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}
