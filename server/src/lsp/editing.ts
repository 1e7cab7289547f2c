import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import { complete, type Completion } from '../core/features/complete';
import { hover } from '../core/features/hover';
import { formatMessage } from '../core/base/messages';
import { previousValueHover } from '../core/features/diff/paths';
import { planNameOf, type Feature } from './context';

const KIND: Record<Completion['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  metric: CompletionItemKind.Constant,
  date: CompletionItemKind.Value,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

/** Completion and hover: what the plan's templates, its KPI catalog and its own ids offer at the cursor (and, in compare mode, what a value was). */
export const editing: Feature = {
  capabilities: () => ({
    completionProvider: { triggerCharacters: [' ', ':', '[', ','] },
    hoverProvider: true,
  }),
  register(context) {
    const { connection, documents } = context;

    connection.onCompletion(async ({ textDocument, position }) => {
      const document = documents.get(textDocument.uri);
      if (!document) return [];
      const settings = await context.settingsFor(document.uri);
      const snapshot = context.snapshotOf(document, settings);
      const { locale } = snapshot;
      const completions = complete({
        text: document.getText(),
        offset: context.toOffset(document, position),
        analysis: snapshot,
        linked: snapshot.linked,
        t: (id, params) => formatMessage(locale, id, params),
        locale,
      });
      return completions.map((completion): CompletionItem => ({
        label: completion.label,
        kind: KIND[completion.kind],
        detail: completion.detail,
        documentation: completion.documentation ? { kind: MarkupKind.Markdown, value: completion.documentation } : undefined,
        sortText: completion.sortText,
        filterText: completion.filterText,
        insertTextFormat: completion.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: context.toRange(document, completion.start, completion.end), newText: completion.insertText },
      }));
    });

    connection.onHover(async ({ textDocument, position }) => {
      const document = documents.get(textDocument.uri);
      if (!document) return null;
      const settings = await context.settingsFor(document.uri);
      const snapshot = context.snapshotOf(document, settings);
      const { locale } = snapshot;
      const result = hover({
        analysis: snapshot,
        offset: context.toOffset(document, position),
        linked: snapshot.linked,
        t: (id, params) => formatMessage(locale, id, params),
        smart: () => context.checkedOf(document, settings).smart,
        findings: () => context.checkedOf(document, settings).findings,
        figures: snapshot.figures,
        locale,
      });
      const offset = context.toOffset(document, position);
      // Compare mode: a changed value's previous value comes first.
      const comparison = context.comparisons.baseOf(document.uri) === undefined
        ? undefined
        : context.comparisons.of(document.uri, context.checkedOf(document, settings), planNameOf(document.uri), { settings, editorLocale: context.editorLocale(), today: context.today() });
      const previous = comparison && previousValueHover(snapshot.parsed.root, offset, comparison.index, locale, comparison.input.base, comparison.input.diff.currency);
      if (previous) {
        const contents = result ? `${previous.contents}\n\n---\n\n${result.contents}` : previous.contents;
        const [start, end] = result ? [result.start, result.end] : [previous.start, previous.end];
        return { contents: { kind: MarkupKind.Markdown, value: contents }, range: context.toRange(document, start, end) };
      }
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: context.toRange(document, result.start, result.end) };
    });
  },
};
