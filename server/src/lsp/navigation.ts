import * as path from 'path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentHighlightKind,
  FoldingRangeKind,
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
  type DocumentSymbol,
  type SymbolInformation,
  type Location,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { foldingRanges } from '../core/features/folding';
import { formatMessage } from '../core/base/messages';
import {
  createPlanWorkspace,
  documentHighlights,
  findDefinitions,
  findReferences,
  idOccurrences,
  isRefusal,
  prepareRename,
  renameId,
  type PlanFile,
  type PlanLocation,
  type Refusal,
} from '../core/features/references';
import { documentSymbols, type PlanSymbol, type PlanSymbolKind } from '../core/features/symbols';
import { LineIndex } from '../core/base/text';
import type { IndexedSymbol } from '../core/workspace/plan-index';
import { filePathOf, uriOfPath, type Feature, type ServerContext } from './context';

const SYMBOL_KIND: Record<PlanSymbolKind, SymbolKind> = {
  module: SymbolKind.Module,
  namespace: SymbolKind.Namespace,
  object: SymbolKind.Object,
  struct: SymbolKind.Struct,
  array: SymbolKind.Array,
  property: SymbolKind.Property,
  number: SymbolKind.Number,
  event: SymbolKind.Event,
  file: SymbolKind.File,
};

const WORKSPACE_SYMBOL_KIND: Record<IndexedSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  goal: SymbolKind.Event,
  kpi: SymbolKind.Number,
};

/** A pause in the typing this long, and the version's check done, before its ids are indexed. */
const INDEX_AFTER_MS = 150;

/**
 * Outline, folding, go to definition, find references, rename and highlights. The core works
 * on plans and offsets; here documents become plans, and offsets become ranges of the right
 * file (an open document's, else the text the service read from disk).
 */
function navigationFeature(): Feature {
  /** Whether the client applies `documentChanges` (versioned edits); else a rename answers with `changes`. */
  let versionedEdits = false;
  return {
    capabilities(params) {
      versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
      return {
        documentSymbolProvider: { label: 'Plan' },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        workspaceSymbolProvider: true,
      };
    },
    register(context) {
      const { connection, documents } = context;

      // Index each version's ids once typing pauses, so that the first navigation request does not wait for it.
      const indexing = new Map<string, NodeJS.Timeout>();
      documents.onDidChangeContent(({ document }) => {
        clearTimeout(indexing.get(document.uri));
        indexing.set(document.uri, setTimeout(async () => {
          indexing.delete(document.uri);
          // The check makes the version's snapshot in slices; indexing reads it once it is there.
          await context.checks.settled(document.uri);
          const current = documents.get(document.uri);
          if (current && current.version === document.version) idOccurrences(context.snapshotOf(current));
        }, INDEX_AFTER_MS));
      });
      documents.onDidClose(({ document }) => {
        clearTimeout(indexing.get(document.uri));
        indexing.delete(document.uri);
      });

      connection.onDocumentSymbol(async ({ textDocument }) => {
        const settled = await context.settledDocument(textDocument.uri);
        if (!settled) return null;
        const { document, settings } = settled;
        const { parsed, locale } = context.snapshotOf(document, settings);
        const toSymbol = (symbol: PlanSymbol): DocumentSymbol => ({
          name: symbol.name,
          detail: symbol.detail,
          kind: SYMBOL_KIND[symbol.kind],
          range: context.toRange(document, symbol.start, symbol.end),
          selectionRange: context.toRange(document, symbol.selectionStart, symbol.selectionEnd),
          children: symbol.children.map(toSymbol),
        });
        return documentSymbols(parsed, locale).map(toSymbol);
      });

      // Every plan's sections, goals and KPIs, open or closed, from the workspace index.
      connection.onWorkspaceSymbol(({ query }): SymbolInformation[] => {
        const lines = new Map<string, LineIndex>();
        return context.index.symbols(query).map((symbol) => {
          let index = lines.get(symbol.filePath);
          if (!index) {
            index = new LineIndex(context.index.textOf(symbol.filePath) ?? '');
            lines.set(symbol.filePath, index);
          }
          return {
            name: symbol.name,
            kind: WORKSPACE_SYMBOL_KIND[symbol.kind],
            containerName: symbol.container ?? path.basename(symbol.filePath),
            location: { uri: uriOfPath(symbol.filePath), range: { start: index.position(symbol.start), end: index.position(symbol.end) } },
          };
        });
      });

      connection.onFoldingRanges(async ({ textDocument }) => {
        await context.checks.settled(textDocument.uri);
        const document = documents.get(textDocument.uri);
        if (!document) return null;
        return foldingRanges(context.snapshotOf(document).parsed).map((fold) => ({
          startLine: fold.startLine,
          endLine: fold.endLine,
          kind: fold.kind === 'comment' ? FoldingRangeKind.Comment : undefined,
        }));
      });

      connection.onDefinition(({ textDocument, position }) => {
        const request = requestFor(context, textDocument.uri);
        if (!request) return null;
        return findDefinitions(request.plan, context.toOffset(request.document, position), request.workspace).map(request.location);
      });

      connection.onReferences(({ textDocument, position, context: { includeDeclaration } }) => {
        const request = requestFor(context, textDocument.uri);
        if (!request) return null;
        return findReferences(request.plan, context.toOffset(request.document, position), request.workspace, includeDeclaration).map(request.location);
      });

      connection.onDocumentHighlight(({ textDocument, position }) => {
        const request = requestFor(context, textDocument.uri);
        if (!request) return null;
        return documentHighlights(request.plan, context.toOffset(request.document, position), request.workspace).map((place) => ({
          range: context.toRange(request.document, place.start, place.end),
          kind: place.role === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
        }));
      });

      connection.onPrepareRename(async ({ textDocument, position }) => {
        const request = requestFor(context, textDocument.uri);
        if (!request) return null;
        const result = prepareRename(request.plan, context.toOffset(request.document, position));
        if (isRefusal(result)) throw await refusalError(context, request.document, result);
        return { range: context.toRange(request.document, result.start, result.end), placeholder: result.placeholder };
      });

      connection.onRenameRequest(async ({ textDocument, position, newName }) => {
        const request = requestFor(context, textDocument.uri);
        if (!request) return null;
        const result = renameId(request.plan, context.toOffset(request.document, position), newName, request.workspace);
        if (isRefusal(result)) throw await refusalError(context, request.document, result);
        const files = result.map(({ plan, edits }) => ({
          uri: request.uriOf(plan),
          version: request.documentOf(plan)?.version ?? null,
          edits: edits.map((edit): TextEdit => ({ range: request.range(plan, edit.start, edit.end), newText: edit.newText })),
        }));
        const edit: WorkspaceEdit = versionedEdits
          ? { documentChanges: files.map((file): TextDocumentEdit => ({ textDocument: { uri: file.uri, version: file.version }, edits: file.edits })) }
          : { changes: Object.fromEntries(files.map((file) => [file.uri, file.edits])) };
        return edit;
      });
    },
  };
}

export const navigation = navigationFeature();

/** A refusal, worded in the plan's language, as the error the editor shows. */
async function refusalError(context: ServerContext, document: TextDocument, refusal: Refusal): Promise<ResponseError<void>> {
  const { locale } = context.snapshotOf(document, await context.settingsFor(document.uri));
  return new ResponseError(LSPErrorCodes.RequestFailed, formatMessage(locale, refusal.messageId, refusal.params));
}

/** What one cross-file request needs: the plan asked about, the plans around it, and how to locate places in them. */
function requestFor(context: ServerContext, uri: string) {
  const document = context.documents.get(uri);
  if (!document) return undefined;
  const open = new Map<string, { document: TextDocument; plan: PlanFile }>();
  for (const candidate of context.documents.all()) {
    // Unsaved documents are known by their URI, as `snapshotOf` knows them.
    const filePath = filePathOf(candidate.uri) ?? candidate.uri;
    open.set(filePath, { document: candidate, plan: { filePath, text: candidate.getText(), analysis: context.snapshotOf(candidate) } });
  }
  const plan = open.get(filePathOf(uri) ?? uri)!.plan;
  /** A plan by path: open, else as the index read it from disk. */
  const planAt = (filePath: string): PlanFile | undefined => {
    const opened = open.get(filePath);
    if (opened) return opened.plan;
    const text = context.index.textOf(filePath);
    return text === undefined ? undefined : { filePath, text, analysis: context.service.snapshot(text, filePath) };
  };
  const linkedOf = (target: PlanFile) => context.service.linked(context.service.snapshot(target.text, target.filePath));
  const linkingTo = (target: PlanFile) => context.index.linkingTo(target.filePath).flatMap((other) => planAt(other) ?? []);
  const workspace = createPlanWorkspace(linkedOf, linkingTo);
  const lineIndexes = new Map<string, LineIndex>();

  const documentOf = (target: PlanFile) => open.get(target.filePath)?.document;
  const uriOf = (target: PlanFile) => documentOf(target)?.uri ?? (path.isAbsolute(target.filePath) ? uriOfPath(target.filePath) : target.filePath);
  /** A range in a plan: the open document's own conversion, else lines of the text the service read. */
  const range = (target: PlanFile, start: number, end: number): Range => {
    const opened = documentOf(target);
    if (opened && opened.getText() === target.text) return context.toRange(opened, start, end);
    let lines = lineIndexes.get(target.filePath);
    if (!lines) {
      lines = new LineIndex(target.text);
      lineIndexes.set(target.filePath, lines);
    }
    return { start: lines.position(start), end: lines.position(end) };
  };
  const location = (place: PlanLocation): Location => ({ uri: uriOf(place.plan), range: range(place.plan, place.start, place.end) });
  return { document, plan, workspace, documentOf, uriOf, range, location };
}
