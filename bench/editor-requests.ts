/**
 * The requests VS Code sends on its own while the user types, besides didChange: semantic tokens,
 * code lenses, inlay hints for the visible lines, document symbols (the outline, breadcrumbs and
 * sticky scroll share one request per version), folding ranges, code actions for the lightbulb
 * and document links, each only to a server that declares the feature. Nothing waits for them:
 * they compete with the diagnostics of the last keystroke, as in the editor.
 *
 * When VS Code sends them (VS Code 1.100: src/vs/editor/contrib/{semanticTokens,codelens,
 * inlayHints,folding,codeAction,links}/browser and src/vs/workbench/contrib/codeEditor/browser/outline):
 * semantic tokens are throttled (the first change of a quiet spell schedules a request 300 ms
 * later and later changes do not postpone it; one request runs at a time, and changes made while
 * it runs schedule the next; full/delta with the last resultId if the server offers deltas); the
 * others are debounced, every change restarting the wait: folding ranges 200 ms, code lenses
 * 250 ms, document symbols 350 ms, document links 1,000 ms, inlay hints 1,250 ms while typing,
 * code actions 250 ms after the cursor moves and again after diagnostics arrive.
 *
 * Simplified: VS Code adapts each delay to the feature's recent durations (the average of the
 * last six, kept between the feature's minimum and maximum); the delays here are the minimums,
 * where that average settles for requests faster than them. A request of a debounced feature still
 * running when the next one goes out is cancelled. Left out: code lens resolve and semantic tokens
 * by range (neither server offers them), completion as you type (measured on its own as completion
 * right after a keystroke), document highlights (VS Code does not ask them when typing moves the
 * cursor), and the lightbulb's skipping of a cursor after whitespace (a burst ends on a letter).
 */
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { sleep, TIMEOUT_MS, type ClientDocument, type Diagnostic, type LspSession, type Position } from './lsp-driver';

export type FollowUpMetric =
  | 'semanticTokensAfterKeystroke'
  | 'codeLensAfterKeystroke'
  | 'inlayHintsAfterKeystroke'
  | 'symbolsAfterKeystroke'
  | 'foldingAfterKeystroke'
  | 'codeActionsAfterKeystroke'
  | 'linksAfterKeystroke';

/** LSP's RequestCancelled and ContentModified: answers VS Code drops without a word. */
const DROPPED = new Set([-32800, -32801]);

/** Lines on screen: inlay hints are asked for them, one screen above and below, and 30 lines more each way. */
const VISIBLE_LINES = 40;

interface RequestContext {
  session: LspSession;
  document: ClientDocument;
  cursor: Position;
  /** The feature's previous result (semantic tokens deltas refer to it). */
  previous: unknown;
}

interface FollowUp {
  metric: FollowUpMetric;
  offered(session: LspSession): boolean;
  /** VS Code's minimum delay after a change, in ms. */
  delay: number;
  mode: 'throttle' | 'debounce';
  /** Asked again when the document's diagnostics arrive (the lightbulb follows the markers). */
  afterDiagnostics?: boolean;
  request(context: RequestContext): { method: string; params: unknown };
}

function semanticTokensFull(session: LspSession): { delta?: boolean } | boolean | undefined {
  return (session.capabilities.semanticTokensProvider as { full?: { delta?: boolean } | boolean } | undefined)?.full;
}

function touches(range: Diagnostic['range'], position: Position): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(range.start, position) && before(position, range.end);
}

const FOLLOW_UPS: FollowUp[] = [
  {
    metric: 'semanticTokensAfterKeystroke',
    offered: (session) => Boolean(semanticTokensFull(session)),
    delay: 300,
    mode: 'throttle',
    request: ({ session, document, previous }) => {
      const full = semanticTokensFull(session);
      const resultId = (previous as { resultId?: string } | null | undefined)?.resultId;
      return typeof full === 'object' && full.delta && resultId !== undefined
        ? { method: 'textDocument/semanticTokens/full/delta', params: { textDocument: { uri: document.uri }, previousResultId: resultId } }
        : { method: 'textDocument/semanticTokens/full', params: { textDocument: { uri: document.uri } } };
    },
  },
  {
    metric: 'foldingAfterKeystroke',
    offered: (session) => session.supports('foldingRangeProvider'),
    delay: 200,
    mode: 'debounce',
    request: ({ document }) => ({ method: 'textDocument/foldingRange', params: { textDocument: { uri: document.uri } } }),
  },
  {
    metric: 'codeLensAfterKeystroke',
    offered: (session) => session.supports('codeLensProvider'),
    delay: 250,
    mode: 'debounce',
    request: ({ document }) => ({ method: 'textDocument/codeLens', params: { textDocument: { uri: document.uri } } }),
  },
  {
    metric: 'codeActionsAfterKeystroke',
    offered: (session) => session.supports('codeActionProvider'),
    delay: 250,
    mode: 'debounce',
    afterDiagnostics: true,
    // The extension host passes the diagnostics that touch the range; triggerKind 2: automatic.
    request: ({ session, document, cursor }) => ({
      method: 'textDocument/codeAction',
      params: {
        textDocument: { uri: document.uri },
        range: { start: cursor, end: cursor },
        context: { diagnostics: session.latestDiagnostics(document.uri).filter((diagnostic) => touches(diagnostic.range, cursor)), triggerKind: 2 },
      },
    }),
  },
  {
    metric: 'symbolsAfterKeystroke',
    offered: (session) => session.supports('documentSymbolProvider'),
    delay: 350,
    mode: 'debounce',
    request: ({ document }) => ({ method: 'textDocument/documentSymbol', params: { textDocument: { uri: document.uri } } }),
  },
  {
    metric: 'linksAfterKeystroke',
    offered: (session) => session.supports('documentLinkProvider'),
    delay: 1000,
    mode: 'debounce',
    request: ({ document }) => ({ method: 'textDocument/documentLink', params: { textDocument: { uri: document.uri } } }),
  },
  {
    metric: 'inlayHintsAfterKeystroke',
    offered: (session) => session.supports('inlayHintProvider'),
    delay: 1250,
    mode: 'debounce',
    request: ({ document, cursor }) => {
      const lines = document.lines();
      const reach = VISIBLE_LINES / 2 + VISIBLE_LINES + 30;
      const last = Math.min(lines.length - 1, cursor.line + reach);
      const range = { start: { line: Math.max(0, cursor.line - reach), character: 0 }, end: { line: last, character: lines[last].length } };
      return { method: 'textDocument/inlayHint', params: { textDocument: { uri: document.uri }, range } };
    },
  },
];

/** One feature's timer and requests. */
class Scheduled {
  private timer: NodeJS.Timeout | undefined;
  private running: CancellationTokenSource | undefined;
  private changedWhileRunning = false;
  private previous: unknown;
  /** Requests answered (not cancelled): when each was sent, and how long it took. */
  readonly answered: { sent: number; ms: number }[] = [];
  failure: Error | undefined;

  constructor(
    readonly spec: FollowUp,
    private readonly context: () => Omit<RequestContext, 'previous'>,
  ) {}

  trigger(): void {
    if (this.spec.mode === 'throttle') {
      if (this.running) this.changedWhileRunning = true;
      this.timer ??= setTimeout(() => this.run(), this.spec.delay);
    } else {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(), this.spec.delay);
    }
  }

  busy(): boolean {
    return this.timer !== undefined || this.running !== undefined;
  }

  private run(): void {
    this.timer = undefined;
    if (this.spec.mode === 'throttle' && this.running) return;
    this.running?.cancel();
    const source = new CancellationTokenSource();
    this.running = source;
    this.changedWhileRunning = false;
    const context = this.context();
    const { method, params } = this.spec.request({ ...context, previous: this.previous });
    const sent = performance.now();
    context.session.connection
      .sendRequest(method, params, source.token)
      .then(
        (result) => {
          if (source.token.isCancellationRequested) return;
          this.previous = result;
          this.answered.push({ sent, ms: performance.now() - sent });
        },
        (error: unknown) => {
          if (!(error instanceof ResponseError && DROPPED.has(error.code)) && !source.token.isCancellationRequested) {
            this.failure ??= new Error(`${method}: ${error instanceof Error ? error.message : String(error)}`);
          }
        },
      )
      .finally(() => {
        if (this.running !== source) return;
        this.running = undefined;
        if (this.changedWhileRunning) this.trigger();
      });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running?.cancel();
    this.running = undefined;
  }
}

/** The editor's own requests for one open document, driven by the keystrokes sent to it. */
export class EditorRequests {
  private readonly features: Scheduled[];
  private cursor: Position = { line: 0, character: 0 };
  private readonly stopListening: () => void;

  constructor(session: LspSession, document: ClientDocument) {
    this.features = FOLLOW_UPS.filter((spec) => spec.offered(session)).map((spec) => new Scheduled(spec, () => ({ session, document, cursor: this.cursor })));
    this.stopListening = session.onPublish((publish) => {
      if (publish.uri !== document.uri) return;
      for (const feature of this.features) if (feature.spec.afterDiagnostics) feature.trigger();
    });
  }

  /** The follow-up metrics a server cannot have: it does not declare the feature. */
  static notOffered(session: LspSession): FollowUpMetric[] {
    return FOLLOW_UPS.filter((spec) => !spec.offered(session)).map((spec) => spec.metric);
  }

  /** After a didChange that left the cursor at `cursor`. */
  changed(cursor: Position): void {
    this.cursor = cursor;
    for (const feature of this.features) feature.trigger();
  }

  /** Resolves once no request is waiting for its delay or for its answer. */
  async idle(): Promise<void> {
    const deadline = performance.now() + TIMEOUT_MS;
    while (this.features.some((feature) => feature.busy())) {
      if (performance.now() > deadline) throw new Error(`the editor's requests after a keystroke not answered within ${TIMEOUT_MS / 1000} s`);
      await sleep(20);
    }
    const failed = this.features.find((feature) => feature.failure);
    if (failed) throw failed.failure;
  }

  /** For each feature, how long the first request sent at or after `since` took to be answered. */
  latencySince(since: number): Partial<Record<FollowUpMetric, number>> {
    const latency: Partial<Record<FollowUpMetric, number>> = {};
    for (const feature of this.features) {
      const first = feature.answered.filter((request) => request.sent >= since).sort((a, b) => a.sent - b.sent)[0];
      if (first) latency[feature.spec.metric] = first.ms;
    }
    return latency;
  }

  dispose(): void {
    this.stopListening();
    for (const feature of this.features) feature.dispose();
  }
}
