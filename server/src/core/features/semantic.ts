import { resolves, type PlanModel } from '../model/model';
import { nodeAt } from '../parse/parse';
import type { Analysis } from '../model/links';

/** Token types the grammar cannot know, in the order of the legend. */
export const SEMANTIC_TOKEN_TYPES = ['undefinedReference'] as const;

export interface SemanticToken {
  start: number;
  end: number;
  type: (typeof SEMANTIC_TOKEN_TYPES)[number];
}

/** References to ids that no plan defines: the grammar colours every reference alike. */
export function semanticTokens(analysis: Analysis, linked: readonly PlanModel[]): SemanticToken[] {
  const plans = [analysis.model, ...linked];
  const tokens: SemanticToken[] = [];
  for (const reference of analysis.model.references) {
    if (resolves(reference, plans)) continue;
    const node = nodeAt(analysis.parsed.root, reference.path);
    if (node && node.end > node.start) tokens.push({ start: node.start, end: node.end, type: 'undefinedReference' });
  }
  return tokens.sort((a, b) => a.start - b.start);
}
