import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver/node';
import { planLenses } from '../core/features/lens';
import { REVEAL_RANGE } from '../../../shared/commands';
import type { Feature } from './context';

/**
 * A lens on each goal with its SMART score (clicking it selects the first failing letter's
 * finding) and one on `budget` with the share allocated. Refreshed when the settings change.
 */
function codeLensFeature(): Feature {
  let refreshSupport = false;
  return {
    capabilities(params) {
      refreshSupport = params.capabilities.workspace?.codeLens?.refreshSupport === true;
      return { codeLensProvider: { resolveProvider: false } };
    },
    register(context) {
      const { connection } = context;
      context.onSettingsChanged(() => {
        if (refreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      });
      connection.onCodeLens(async ({ textDocument }): Promise<CodeLens[]> => {
        const settled = await context.settledDocument(textDocument.uri);
        if (!settled) return [];
        const { document, settings } = settled;
        const lenses = planLenses(context.checkedOf(document, settings));
        return lenses.map((lens) => ({
          range: context.toRange(document, lens.start, lens.end),
          // A lens with nothing to reveal is a label: an empty command id is not clickable.
          command: lens.target
            ? { title: lens.title, command: REVEAL_RANGE, arguments: [document.uri, context.toRange(document, lens.target.start, lens.target.end)] }
            : { title: lens.title, command: '' },
        }));
      });
    },
  };
}

export const codeLens = codeLensFeature();
