import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError, ErrorCodes, LSPErrorCodes } from 'vscode-languageserver/node';
import { RenderMemo, renderBrokenNotice, renderTextSteps, shiftLines } from '../core/render';
import { editBetween, lengthOf, sameHtml, type RenderedPart } from '../core/render/splice';
import { RenderRequest } from '../../../shared/protocol';
import type { CheckedPlan } from '../core/workspace/service';
import { fetchFile, filePathOf, planNameOf, type Feature, type ServerContext } from './context';
import { runInSlices } from './slices';

/** How long a render request waits for the version it names to arrive. */
const VERSION_WAIT_MS = 2000;

/** A part of a rendered body with its id, and whether it is an earlier part moved down or up. */
interface BodyPart {
  id: string;
  part: RenderedPart;
  moved?: { from: string; lines: number };
}

/** A rendered body in parts. */
interface Body {
  open: string;
  parts: BodyPart[];
}

/** What the server keeps of an open plan's renderings. */
interface Rendering {
  /** Memoised parts of the last rendering: the next one renders only what changed. */
  memo: RenderMemo;
  /** The id and HTML of each part by its key, in the last rendering. */
  ids: Map<string, BodyPart>;
  /** The last rendering of a well-formed plan, shown under a notice while the YAML is broken. */
  lastGood?: Body;
}

/**
 * `planAsCode/render`: the plan rendered for the preview. The server keeps the last good
 * rendering of each open document, so that a broken YAML shows it under a notice instead of a
 * half-read plan; and the parts of the last rendering, so that after a keystroke only the
 * parts that changed are rendered again, and sent again (`have`).
 */
export const preview: Feature = {
  register(context) {
    const { connection, documents } = context;
    const renderings = new Map<string, Rendering>();
    let nextId = 0;

    connection.onRequest(RenderRequest.type, async (params, token): Promise<RenderRequest.Result> => {
      const document = await documentAt(context, params.uri, params.version, params.length);
      const filePath = filePathOf(params.uri);
      const opened = document?.getText();
      const settings = await context.settingsFor(params.uri);
      // A plan that is not open is read as every file the core reads (never a device, nothing too large).
      let text = opened ?? (filePath ? context.readPlanFile(filePath, settings) : undefined);
      // A host that reads through the client (the browser) may need a moment for a plan it has not seen.
      if (filePath && typeof text !== 'string' && text?.problem === 'missing') text = (await fetchFile(filePath)) ?? text;
      if (typeof text !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `No plan at ${params.uri}${text ? ` (${text.problem})` : ''}`);
      // After a keystroke the check of that version is on its way: the service keeps it, and the rendering reads it rather than a second check.
      if (document) await context.checks.settled(params.uri);
      const name = planNameOf(params.uri);
      const options = { settings, editorLocale: context.editorLocale(), today: context.today() };
      // Compare mode (an open plan with a base): the diff against the base, from the core, marked in the rendering.
      const base = params.compare && document ? context.comparisons.baseOf(params.uri) : undefined;
      const compareWith = base !== undefined ? (plan: CheckedPlan) => context.comparisons.of(params.uri, plan, name, options)?.input : undefined;
      // Each mode keeps its own renderings (a broken plan in compare mode shows its last comparison).
      const key = `${base !== undefined ? 'compare' : 'plain'} ${params.uri}`;
      const rendering: Rendering | undefined = document ? (renderings.get(key) ?? { memo: new RenderMemo(), ids: new Map() }) : undefined;
      // A large plan is rendered in slices, so that typing and other requests are answered meanwhile.
      const rendered = await runInSlices(renderTextSteps(context.service, text, name, options, { memo: rendering?.memo, compareWith }), () => token.isCancellationRequested);
      if (!rendered) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The render was cancelled.');
      const version = document?.version ?? null;
      const result = { version, title: rendered.title, locale: rendered.locale, ok: rendered.ok, ...(base !== undefined ? { compare: { base } } : {}) };
      // A plan too large to render: a notice, whole.
      if (rendered.parts.length === 0) return { ...result, html: rendered.html };
      // The parts of the last rendering, by key: a changed part goes to a client that holds its earlier HTML as an edit of it.
      const earlier = rendering?.ids;
      const body = withIds(rendered, rendering);
      if (rendering && document && documents.get(params.uri)) renderings.set(key, rendering);
      const have = new Set(params.have);
      let notice = '';
      let shown = body;
      if (!rendered.ok) {
        notice = renderBrokenNotice({ ...rendered.plan, smart: [] });
        shown = rendering?.lastGood ?? body;
      } else if (rendering) {
        rendering.lastGood = body;
      }
      const html = params.have ? '' : `${notice}${shown.open}${shown.parts.map(({ part }) => part.html).join('')}</main>`;
      const parts = shown.parts.map(({ id, part, moved }): RenderRequest.Part => {
        if (have.has(id)) return { id };
        if (moved && have.has(moved.from)) return { id, moved };
        const before = earlier?.get(part.key);
        if (before && have.has(before.id)) {
          const edit = editBetween(before.part, part);
          // Worth it for a large part with a small change (a card in a section of thousands): else the part, whole.
          if (edit.html.length < lengthOf(part) / 2) return { id, edit: { from: before.id, ...edit } };
        }
        return { id, html: part.html };
      });
      return { ...result, html, body: { notice, open: shown.open, parts } };
    });

    /** Each part of a rendering with its id: the one it had last time (or in the last good rendering) if its HTML is the same, else a new one. */
    function withIds(rendered: { open: string; parts: readonly RenderedPart[] }, rendering: Rendering | undefined): Body {
      const ids = new Map<string, BodyPart>();
      const good = new Map(rendering?.lastGood?.parts.map((body) => [body.part.key, body]));
      const parts = rendered.parts.map((part) => {
        const last = rendering?.ids.get(part.key);
        const old = [last, good.get(part.key)].find((candidate) => candidate && sameHtml(candidate.part, part));
        const body: BodyPart = old ?? { id: `p${++nextId}`, part, moved: last && movedFrom(last, part) };
        ids.set(part.key, body);
        return body;
      });
      if (rendering) rendering.ids = ids;
      return { open: rendered.open, parts };
    }

    documents.onDidClose(({ document }) => {
      renderings.delete(`plain ${document.uri}`);
      renderings.delete(`compare ${document.uri}`);
    });
  },
};

/** The first `data-line` of some rendered HTML. */
const FIRST_LINE = / data-line="(\d+)"/;

/** Whether `part` is an earlier part with its source lines moved (lines added or taken out above it), and by how many. */
function movedFrom(earlier: BodyPart, part: RenderedPart): { from: string; lines: number } | undefined {
  const [was, now] = [firstLine(earlier.part), firstLine(part)];
  if (was === undefined || now === undefined || was === now) return undefined;
  const lines = now - was;
  const [before, after] = [earlier.part.pieces ?? [earlier.part.html], part.pieces ?? [part.html]];
  if (before.length !== after.length) return undefined;
  for (let index = 0; index < before.length; index++) if (shiftLines(before[index], lines) !== after[index]) return undefined;
  return { from: earlier.id, lines };
}

/** The first `data-line` of a part, found in its pieces in turn (a piece is whole elements or the text between them). */
function firstLine(part: RenderedPart): number | undefined {
  for (const piece of part.pieces ?? [part.html]) {
    const found = FIRST_LINE.exec(piece);
    if (found) return Number(found[1]);
  }
  return undefined;
}

/**
 * The open document, once it has reached `version` with a text of `length` (or after a short
 * wait, whatever it has). The length tells an unsaved document from another that had its name
 * and version before it was closed, when the client's notice of the new one is still on its way.
 */
async function documentAt(context: ServerContext, uri: string, version: number | undefined, length: number | undefined): Promise<TextDocument | undefined> {
  const reached = (document: TextDocument) => version === undefined || (document.version >= version && (length === undefined || document.version > version || document.getText().length === length));
  const current = context.documents.get(uri);
  // A client that names the text it shows has it open: the server is told of it shortly.
  if (current ? reached(current) : length === undefined) return current;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(context.documents.get(uri));
    }, VERSION_WAIT_MS);
    const listener = context.documents.onDidChangeContent(({ document }) => {
      if (document.uri !== uri || !reached(document)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(document);
    });
  });
}
