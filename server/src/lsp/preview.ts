import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError, ErrorCodes, LSPErrorCodes } from 'vscode-languageserver/node';
import { renderBrokenNotice, renderTextSteps } from '../core/render';
import { RenderRequest } from '../../../shared/protocol';
import type { CheckedPlan } from '../core/workspace/service';
import { fetchFile, filePathOf, planNameOf, type Feature, type ServerContext } from './context';
import { runInSlices } from './slices';

/** How long a render request waits for the version it names to arrive. */
const VERSION_WAIT_MS = 2000;

/**
 * `planAsCode/render`: the plan rendered for the preview. The server keeps the last good
 * rendering of each open document, so that a broken YAML shows it under a notice instead of a
 * half-read plan.
 */
export const preview: Feature = {
  register(context) {
    const { connection, documents } = context;
    const lastGood = new Map<string, string>();

    connection.onRequest(RenderRequest.type, async (params, token): Promise<RenderRequest.Result> => {
      const document = await documentAt(context, params.uri, params.version);
      const filePath = filePathOf(params.uri);
      const opened = document?.getText();
      const settings = await context.settingsFor(params.uri);
      // A plan that is not open is read as every file the core reads (never a device, nothing too large).
      let text = opened ?? (filePath ? context.readPlanFile(filePath, settings) : undefined);
      // A host that reads through the client (the browser) may need a moment for a plan it has not seen.
      if (filePath && typeof text !== 'string' && text?.problem === 'missing') text = (await fetchFile(filePath)) ?? text;
      if (typeof text !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `No plan at ${params.uri}${text ? ` (${text.problem})` : ''}`);
      const name = planNameOf(params.uri);
      const options = { settings, editorLocale: context.editorLocale(), today: context.today() };
      // Compare mode (an open plan with a base): the diff against the base, from the core, marked in the rendering.
      const base = params.compare && document ? context.comparisons.baseOf(params.uri) : undefined;
      const compareWith = base !== undefined ? (plan: CheckedPlan) => context.comparisons.of(params.uri, plan, name, options)?.input : undefined;
      // A large plan is rendered in slices, so that typing and other requests are answered meanwhile.
      const rendered = await runInSlices(renderTextSteps(context.service, text, name, options, compareWith), () => token.isCancellationRequested);
      if (!rendered) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The render was cancelled.');
      const version = document?.version ?? null;
      const result: RenderRequest.Result = { html: rendered.html, version, title: rendered.title, locale: rendered.locale, ok: rendered.ok, ...(base !== undefined ? { compare: { base } } : {}) };
      // The last good rendering is kept per mode: a broken plan in compare mode shows its last comparison.
      const key = `${base !== undefined ? 'compare' : 'plain'} ${params.uri}`;
      if (rendered.ok || rendered.findings.some((finding) => finding.ruleId === 'plan/too-large')) {
        if (document) lastGood.set(key, rendered.html);
        return result;
      }
      const notice = renderBrokenNotice({ ...rendered.plan, smart: [] });
      return { ...result, html: `${notice}${lastGood.get(key) ?? rendered.html}` };
    });

    documents.onDidClose(({ document }) => {
      lastGood.delete(`plain ${document.uri}`);
      lastGood.delete(`compare ${document.uri}`);
    });
  },
};

/** The open document, once it has reached `version` (or after a short wait, whatever it has). */
async function documentAt(context: ServerContext, uri: string, version: number | undefined): Promise<TextDocument | undefined> {
  const current = context.documents.get(uri);
  if (!current || version === undefined || current.version >= version) return current;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(context.documents.get(uri));
    }, VERSION_WAIT_MS);
    const listener = context.documents.onDidChangeContent(({ document }) => {
      if (document.uri !== uri || document.version < version) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(document);
    });
  });
}
