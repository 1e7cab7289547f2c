/**
 * Every custom message between the Plan as Code client and its language server: the one place
 * that names them, says which way they go, and types their params and results. Both the client
 * (`client/src`) and the server (`server/src/lsp`) import from here; add a message here first.
 *
 * Standard LSP messages (diagnostics, configuration, ...) are not repeated here.
 */
import { NotificationType0, RequestType, RequestType0 } from 'vscode-jsonrpc';

/**
 * `planAsCode/render` (client → server, request): the plan of an open document rendered as the
 * body of a board-ready HTML document, for the preview and the export.
 *
 * The server renders the latest version it has (it has seen every change the client sent
 * before the request). When the YAML does not parse, it answers with the last good rendering
 * of that document (or, without one, what could be read) under a notice, and `ok: false`.
 * A document that is not open is read from disk (`version: null`).
 */
export namespace RenderRequest {
  export const method = 'planAsCode/render';
  export const direction = 'clientToServer';

  export interface Params {
    /** The plan document's URI. */
    uri: string;
    /** The version the client shows; the server renders this one or a newer one. */
    version?: number;
    /**
     * The length of the text the client shows, in UTF-16 code units: the server waits for a text
     * of that length at that version. An unsaved document closed and another opened under the
     * same name (`untitled:Untitled-1`) starts again at version 1.
     */
    length?: number;
    /**
     * The ids of the parts (`Result.body`) of earlier renderings that the client holds: the
     * answer leaves their HTML out, and `html` empty. A preview sends it after a keystroke,
     * so that only what changed travels.
     */
    have?: string[];
    /**
     * Render in compare mode when the plan has a base to compare with (`planAsCode/compare`):
     * the changes since the base marked in place and summarised on top. The preview asks for
     * it; the export does not.
     */
    compare?: boolean;
  }

  /** One part of the rendered body: one element, named by an id that changes whenever its HTML does. */
  export interface Part {
    id: string;
    /** Left out when the client said it holds the part (`Params.have`), or when it is `moved` or an `edit`. */
    html?: string;
    /**
     * The part is one the client holds (`from`) but for its source lines, moved by `lines`
     * (lines added or taken out above it): every `data-line="n"` in it is `n + lines`.
     */
    moved?: { from: string; lines: number };
    /**
     * The part is one the client holds (`from`) with the text from `start` to `end` (UTF-16
     * offsets in its HTML) replaced by `html`: a large part with a small change (one card of a
     * long list) travels as that change.
     */
    edit?: { from: string; start: number; end: number; html: string };
  }

  export interface Result {
    /** The rendered body: HTML from the renderer, with every plan text escaped. Empty when `have` was given. */
    html: string;
    /**
     * The body in parts, when it renders the plan (not for a plan too large to render): the
     * notice above the plan while its YAML is broken (or ''), then `open` (`<main …>`) holding the
     * parts in order (the header, the status, the contents, each section), then `</main>`.
     */
    body?: { notice: string; open: string; parts: Part[] };
    /** The document version rendered, or null when the plan was read from disk. */
    version: number | null;
    /** The plan's title, as text. */
    title: string;
    /** The language of the headings (`en` or `ro`). */
    locale: 'en' | 'ro';
    /** False when the YAML is broken: `html` is then the last good rendering plus a notice. */
    ok: boolean;
    /** Present when `html` is a compare rendering: the name of the base it was compared with. */
    compare?: { base: string };
  }

  export const type = new RequestType<Params, Result, void>(method);
}

/**
 * `planAsCode/compare` (client → server, request): sets (or, with `base: null`, clears) the older
 * text that an open plan is compared with: the plan at `HEAD`, at the merge base with the
 * default branch, at a branch or at a commit, which the client reads through VS Code's git
 * extension. While a plan has a base, `planAsCode/render` with `compare: true` renders it in
 * compare mode (the semantic diff of `plan-as-code diff`, from the core), and a hover on a
 * changed value shows its previous value. Closing the plan clears its base.
 *
 * The answer says whether the base can be compared: not when its YAML does not parse or it is
 * over `maxFileSize` (`ok: false` with a message in the plan's language, and the plan keeps no
 * base).
 */
export namespace CompareRequest {
  export const method = 'planAsCode/compare';
  export const direction = 'clientToServer';

  export interface Params {
    /** The plan document's URI (an open document). */
    uri: string;
    /** The older text and its name as the user chose it (`HEAD`, `main`, `a1b2c3d`); null leaves compare mode. */
    base: { name: string; text: string } | null;
  }

  export type Result = { ok: true } | { ok: false; message: string };

  export const type = new RequestType<Params, Result, void>(method);
}

/**
 * The `initializationOptions` of `initialize` (client → server). An editor that sends none
 * (or has no notion of workspace trust) gets a trusted workspace, as the CLI does.
 */
export interface InitializationOptions {
  /**
   * False in an untrusted workspace (VS Code's restricted mode): a `.planrc.yaml` may then
   * lower `maxFileSize` but not raise it, so that a repository cannot make the server parse
   * huge files.
   */
  workspaceTrusted?: boolean;
  /**
   * The day plans are judged against (`plan/stale`, actuals), `YYYY-MM-DD`, instead of the
   * computer's date: for tests and for reproducing a check. The desktop client passes the
   * `PLAN_AS_CODE_TODAY` environment variable of the extension host here (the end-to-end runs
   * set it). The server passes it, or the date it reads once per check, as `CheckOptions.today`.
   */
  today?: string;
  /**
   * The extension's own folder, as a URI: where the rule pages that diagnostics link to are.
   * The web worker build needs it (it cannot know where it was loaded from); the Node.js
   * server links to its own folder.
   */
  extensionUri?: string;
}

/**
 * `planAsCode/didGrantWorkspaceTrust` (client → server, notification): the user trusted the
 * workspace after the server started. The server re-checks the open plans with the
 * repository's `maxFileSize`. (VS Code reloads the window when trust is withdrawn.)
 */
export namespace DidGrantWorkspaceTrustNotification {
  export const method = 'planAsCode/didGrantWorkspaceTrust';
  export const direction = 'clientToServer';
  export const type = new NotificationType0(method);
}

/**
 * `planAsCode/processId` (client → server, request): the server's process id, so that the
 * end-to-end tests can make it crash and watch the client restart it.
 */
export namespace ProcessIdRequest {
  export const method = 'planAsCode/processId';
  export const direction = 'clientToServer';
  export const type = new RequestType0<number, void>(method);
}

/**
 * `planAsCode/readFile` (server → client, request): the text of a file that no editor has open,
 * for a server that cannot read files itself (the web worker build, in VS Code for the Web):
 * a plan named by `alignsWith`, or a `.planrc.yaml`. The client reads it with
 * `vscode.workspace.fs` and answers null when it is missing, is not a file, or lies outside the
 * workspace folders.
 */
export namespace ReadFileRequest {
  export const method = 'planAsCode/readFile';
  export const direction = 'serverToClient';

  export interface Params {
    /** The file's URI. */
    uri: string;
  }

  export const type = new RequestType<Params, string | null, void>(method);
}
