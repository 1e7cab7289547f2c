import { SemanticTokensBuilder } from 'vscode-languageserver/node';
import { SEMANTIC_TOKEN_TYPES, semanticTokens as tokensOf } from '../core/features/semantic';
import type { Feature } from './context';

/** Semantic tokens for what only the server knows: references to ids that are not defined. */
export const semanticTokens: Feature = {
  capabilities: () => ({
    semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] }, full: true },
  }),
  register(context) {
    context.connection.languages.semanticTokens.on(async ({ textDocument }) => {
      await context.checks.settled(textDocument.uri);
      const document = context.documents.get(textDocument.uri);
      const builder = new SemanticTokensBuilder();
      if (!document) return builder.build();
      const snapshot = context.snapshotOf(document);
      for (const token of tokensOf(snapshot, snapshot.linked)) {
        const start = document.positionAt(token.start);
        builder.push(start.line, start.character, token.end - token.start, SEMANTIC_TOKEN_TYPES.indexOf(token.type), 0);
      }
      return builder.build();
    });
  },
};
