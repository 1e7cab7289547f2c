/**
 * One benchmark session: a fresh server, one plan, and what an editor user does with it (open,
 * type, hover, go to definition, outline, rename, preview, complete), each timed.
 */
import { pathToFileURL } from 'url';
import { EditorRequests, type FollowUpMetric } from './editor-requests';
import { ClientDocument, LspSession, sleep, type ServerSpec } from './lsp-driver';

/** How many samples of each kind a session takes. */
export interface SampleCounts {
  bursts: number;
  hovers: number;
  definitions: number;
  symbols: number;
  renames: number;
  renders: number;
  completionsAfterKeystroke: number;
  /** Completion positions on a settled document (half inside a goal's `kpi:`, half keys at an empty line in a KPI). */
  completions: number;
}

export type MetricKey = 'open' | 'keystroke' | 'completion' | 'completionAfterKeystroke' | 'hover' | 'definition' | 'symbols' | 'rename' | 'renderFirst' | 'render' | 'memory' | 'memoryWithPreview' | FollowUpMetric;

export interface SessionResult {
  samples: Partial<Record<MetricKey, number[]>>;
  /** Diagnostics published after didOpen (a sanity check that the server really checked the plan). */
  diagnosticsAtOpen: number;
  /** Completion items at the measured positions (0 everywhere would mean the positions are wrong). */
  completionItems: number;
  /** Requests the editor would send after a keystroke that this server does not offer. */
  notOffered: FollowUpMetric[];
}

/** What the session may ask: the peer only where it offers the same feature. */
export interface ServerUnderTest extends ServerSpec {
  /** Metrics this server is not measured on (with the reason, for the report). */
  skip: Partial<Record<MetricKey, string>>;
}

/** Typed into a goal's statement, one character every `KEY_INTERVAL_MS`. */
const WORD = ' quickly';
const KEY_INTERVAL_MS = 30;
/** A pause between steps, so that one step's work does not bleed into the next one's timing. */
const SETTLE_MS = 250;

interface ItemSpot {
  statementLine: number;
  kpiLine?: number;
  targetLine?: number;
  lastLine: number;
}

/** The top-level section `key`: its first and one-past-last line. */
function sectionLines(lines: string[], key: string): [number, number] {
  const start = lines.indexOf(`${key}:`);
  if (start === -1) return [0, 0];
  let end = start + 1;
  while (end < lines.length && !/^[A-Za-z]/.test(lines[end])) end++;
  return [start + 1, end];
}

/** The items of the `goals` (or `kpis`) section, with the lines the scenario edits or points at. */
function listItems(document: ClientDocument, section = 'goals'): ItemSpot[] {
  const lines = document.lines();
  const [start, end] = sectionLines(lines, section);
  const goals: ItemSpot[] = [];
  for (let line = start; line < end; line++) {
    const text = lines[line];
    if (text.startsWith('  - ')) goals.push({ statementLine: line, lastLine: line });
    const goal = goals.at(-1);
    if (!goal) continue;
    if (text.startsWith('    statement: ')) goal.statementLine = line;
    if (/^    kpi: [a-z]/.test(text)) goal.kpiLine = line;
    if (text.startsWith('    target: ')) goal.targetLine = line;
    if (text.trim()) goal.lastLine = line;
  }
  return goals;
}

/** `count` items spread over `items`, shifted by `round` so that every round picks other ones. */
function spread<T>(items: T[], count: number, round: number): T[] {
  if (!items.length) return [];
  return Array.from({ length: count }, (_, index) => items[Math.floor(((index + 0.37 * (round + 1)) * items.length) / count) % items.length]);
}

function lineEnd(document: ClientDocument, line: number): number {
  return document.offsetOfLine(line) + document.lines()[line].length;
}

/** Enter at the end of `line` inside a list item: a new line, indented as the item's keys. */
function newLineAfter(document: ClientDocument, line: number): { start: number; end: number; text: string } {
  const end = lineEnd(document, line);
  return { start: end, end, text: '\n    ' };
}

export async function runSession(server: ServerUnderTest, filePath: string, text: string, counts: SampleCounts, round: number): Promise<SessionResult> {
  const session = new LspSession(server);
  const document = new ClientDocument(pathToFileURL(filePath).toString(), text);
  const samples: SessionResult['samples'] = {};
  const record = (metric: MetricKey, ms: number) => (samples[metric] ??= []).push(ms);
  const measured = (metric: MetricKey, count: number) => count > 0 && server.skip[metric] === undefined;
  const textDocument = { uri: document.uri };
  let completionItems = 0;
  try {
    await session.initialize(pathToFileURL(filePath.replace(/\/[^/]*$/, '')).toString());
    // Let the server pull its settings before the document arrives, as in an editor window.
    await sleep(300);
    const opened = await session.open(document);
    record('open', opened.ms);
    await sleep(SETTLE_MS);

    // Bursts of typing: a word into a goal's statement, then wait for the last version's diagnostics.
    // The editor's own requests (semantic tokens, code lens...) go out meanwhile as VS Code sends
    // them, unawaited; each burst ends once they are answered too.
    const editor = new EditorRequests(session, document);
    try {
      for (const goal of spread(listItems(document), counts.bursts, round)) {
        let offset = lineEnd(document, goal.statementLine);
        let lastSent = 0;
        for (const [index, char] of [...WORD].entries()) {
          if (index > 0) await sleep(KEY_INTERVAL_MS);
          session.change(document, [{ start: offset, end: offset, text: char }]);
          lastSent = performance.now();
          offset++;
          editor.changed(document.positionAt(offset));
        }
        const publish = await session.diagnosticsOf(document, lastSent);
        record('keystroke', publish.at - lastSent);
        await editor.idle();
        for (const [metric, ms] of Object.entries(editor.latencySince(lastSent)) as [FollowUpMetric, number][]) record(metric, ms);
        await sleep(SETTLE_MS);
      }
    } finally {
      editor.dispose();
    }

    const withKpi = listItems(document).filter((goal) => goal.kpiLine !== undefined);
    if (measured('hover', counts.hovers)) {
      const positions = [
        ...spread(withKpi, Math.ceil(counts.hovers / 2), round).map((goal) => ({ line: goal.kpiLine!, character: 11 })),
        ...spread(listItems(document).filter((goal) => goal.targetLine !== undefined), Math.floor(counts.hovers / 2), round).map((goal) => ({ line: goal.targetLine!, character: 6 })),
      ];
      for (const position of positions) record('hover', (await session.time('textDocument/hover', { textDocument, position })).ms);
    }
    if (measured('definition', counts.definitions) && session.supports('definitionProvider')) {
      for (const goal of spread(withKpi, counts.definitions, round)) {
        record('definition', (await session.time('textDocument/definition', { textDocument, position: { line: goal.kpiLine!, character: 11 } })).ms);
      }
    }
    if (measured('symbols', counts.symbols)) {
      for (let index = 0; index < counts.symbols; index++) record('symbols', (await session.time('textDocument/documentSymbol', { textDocument })).ms);
    }
    if (measured('rename', counts.renames) && session.supports('renameProvider')) {
      const lines = document.lines();
      const [start, end] = sectionLines(lines, 'kpis');
      const kpiLines = Array.from({ length: end - start }, (_, index) => start + index).filter((line) => lines[line].startsWith('  - id: '));
      for (const line of spread(kpiLines, counts.renames, round)) {
        const id = lines[line].slice('  - id: '.length);
        record('rename', (await session.time('textDocument/rename', { textDocument, position: { line, character: 10 }, newName: `${id}-renamed` })).ms);
      }
    }
    await sleep(SETTLE_MS);

    // Completion as it pops up while typing: Enter at the end of a KPI, then completion at once.
    if (measured('completionAfterKeystroke', counts.completionsAfterKeystroke)) {
      for (let index = 0; index < counts.completionsAfterKeystroke; index++) {
        // Each Enter adds a line: look the KPIs up again.
        const kpi = spread(listItems(document, 'kpis'), counts.completionsAfterKeystroke, round + 2)[index];
        session.change(document, [newLineAfter(document, kpi.lastLine)]);
        const sent = performance.now();
        const { ms, result } = await session.time('textDocument/completion', { textDocument, position: { line: kpi.lastLine + 1, character: 4 }, context: { triggerKind: 1 } });
        record('completionAfterKeystroke', ms);
        completionItems += itemsOf(result);
        await session.diagnosticsOf(document, sent);
        await sleep(SETTLE_MS);
      }
    }

    // Completion on a settled document: empty `kpi:` values of goals and empty lines inside KPIs, made
    // in one edit, then completion at each of them.
    if (measured('completion', counts.completions)) {
      // Goals have every key already: the empty lines go into KPIs, which lack `unit`, `direction` and `formula`.
      const kpiLines = new Set(spread(listItems(document).filter((goal) => goal.kpiLine !== undefined), Math.ceil(counts.completions / 2), round + 3).map((goal) => goal.kpiLine!));
      const blankAfter = new Set(spread(listItems(document, 'kpis'), Math.floor(counts.completions / 2), round + 4).map((kpi) => kpi.lastLine));
      const edits = [
        ...[...kpiLines].map((line) => ({ start: document.offsetOfLine(line) + '    kpi: '.length, end: lineEnd(document, line), text: '' })),
        ...[...blankAfter].map((line) => newLineAfter(document, line)),
      ];
      const sent = performance.now();
      session.change(document, edits);
      await session.diagnosticsOf(document, sent);
      await sleep(SETTLE_MS);
      const after = document.lines();
      const positions = after.flatMap((line, index) => (line === '    kpi: ' ? [{ line: index, character: 9 }] : line === '    ' ? [{ line: index, character: 4 }] : []));
      for (const position of positions) {
        const { ms, result } = await session.time('textDocument/completion', { textDocument, position, context: { triggerKind: 1 } });
        record('completion', ms);
        completionItems += itemsOf(result);
      }
    }
    // The peak so far is the like-for-like one: the peer has no preview.
    record('memory', session.peakMemory().peakMiB);
    await sleep(SETTLE_MS);

    // The preview: opened (a whole rendering), then a keystroke and at once the render request
    // for that version, as the preview asks it: naming the parts it holds, so that only the parts
    // that changed come back (client/src/preview/panel.ts).
    if (measured('render', counts.renders)) {
      const render = (have?: string[]) => session.connection.sendRequest('planAsCode/render', { uri: document.uri, version: document.version, have }) as Promise<{ body?: { parts: { id: string }[] } }>;
      const opened = performance.now();
      let held = (await render()).body?.parts.map((part) => part.id) ?? [];
      record('renderFirst', performance.now() - opened);
      await sleep(SETTLE_MS);
      for (const goal of spread(listItems(document), counts.renders, round + 1)) {
        const offset = lineEnd(document, goal.statementLine);
        session.change(document, [{ start: offset, end: offset, text: 's' }]);
        const start = performance.now();
        const result = await render(held);
        record('render', performance.now() - start);
        held = result.body?.parts.map((part) => part.id) ?? [];
        await session.diagnosticsOf(document, start);
        await sleep(SETTLE_MS);
      }
    }

    record('memoryWithPreview', session.peakMemory().peakMiB);
    return { samples, diagnosticsAtOpen: opened.count, completionItems, notOffered: EditorRequests.notOffered(session) };
  } catch (error) {
    throw new Error(`${server.name}: ${error instanceof Error ? error.message : String(error)}\n${session.stderr}`);
  } finally {
    await session.stop();
  }
}

function itemsOf(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const items = (result as { items?: unknown[] } | null)?.items;
  return Array.isArray(items) ? items.length : 0;
}
