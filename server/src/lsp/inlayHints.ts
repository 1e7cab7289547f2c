import type { InlayHint } from 'vscode-languageserver/node';
import { planHints } from '../core/features/hints';
import type { Feature } from './context';

/**
 * Hints after budget allocations (share of the total, ROI), goal targets (annualised change),
 * the CLV and CAC targets (CLV : CAC, payback) and the team and its quotas (capacity), only
 * inside the requested range. Refreshed when the settings change (they choose the language).
 */
function inlayHintsFeature(): Feature {
  let refreshSupport = false;
  return {
    capabilities(params) {
      refreshSupport = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
      return { inlayHintProvider: true };
    },
    register(context) {
      const { connection } = context;
      context.onSettingsChanged(() => {
        if (refreshSupport) connection.languages.inlayHint.refresh().catch(() => undefined);
      });
      connection.languages.inlayHint.on(async ({ textDocument, range }): Promise<InlayHint[]> => {
        const settled = await context.settledDocument(textDocument.uri);
        if (!settled) return [];
        const { document, settings } = settled;
        const hints = planHints({ ...context.snapshotOf(document, settings), start: context.toOffset(document, range.start), end: context.toOffset(document, range.end) });
        return hints.map((hint) => ({ position: document.positionAt(hint.offset), label: hint.label, paddingLeft: true }));
      });
    },
  };
}

export const inlayHints = inlayHintsFeature();
