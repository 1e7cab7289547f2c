import { CompareRequest } from '../../../shared/protocol';
import { planNameOf, type Feature } from './context';

/**
 * `planAsCode/compare`: an open plan enters compare mode with the older text the client read
 * from git (or leaves it). The preview then renders the plan's changes since that text and a
 * hover on a changed value shows its previous value (`comparisons.ts` keeps the state).
 */
export const compare: Feature = {
  register(context) {
    const { connection, documents } = context;

    connection.onRequest(CompareRequest.type, async (params): Promise<CompareRequest.Result> => {
      if (params.base === null) {
        context.comparisons.clear(params.uri);
        return { ok: true };
      }
      const settings = await context.settingsFor(params.uri);
      return context.comparisons.set(params.uri, params.base, planNameOf(params.uri), { settings, editorLocale: context.editorLocale(), today: context.today() });
    });

    documents.onDidClose(({ document }) => context.comparisons.clear(document.uri));
  },
};
