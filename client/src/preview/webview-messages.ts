/**
 * Messages between the preview's webview script (`client/media/preview.ts`) and the extension
 * (`client/src/preview/`), with `postMessage`. Types only: both sides import them. The messages
 * between the client and the language server are in `shared/protocol.ts`.
 */

/** What the webview keeps across reloads (`setState`) and the serializer restores. */
export interface PreviewState {
  /** The plan the preview shows. */
  uri: string;
  /** A locked preview stays on its plan; an unlocked one follows the active plan editor. */
  locked: boolean;
  /** The source line at the top of the preview. */
  line?: number;
}

/** Webview → extension. */
export type FromWebview =
  /** The script is running and listens for messages. */
  | { type: 'ready' }
  /** The user scrolled the preview: this source line is now at its top (may be fractional). */
  | { type: 'scroll'; line: number }
  /** Double-click on a block, or a click on a finding: show this source line in the editor. */
  | { type: 'reveal'; line: number }
  /** A patch named a part the webview does not show: send the whole rendering. */
  | { type: 'resync' }
  /** The user clicked *Leave compare mode* at the top of a compare rendering. */
  | { type: 'leaveCompare' };

/** Extension → webview. */
export type ToWebview =
  /** A new rendering of the same plan: swap the body, keep the scroll position. `parts`: the ids of `<main>`'s children. */
  | { type: 'update'; html: string; ok: boolean; parts?: string[] }
  /**
   * A new rendering given by its parts (`RenderRequest.Part`): `<main>`'s children that the
   * webview shows already are kept (those without `html`), those `moved` get their `data-line`
   * moved, the others are made from their HTML; the notice above the plan replaced. Keeps the
   * scroll position.
   */
  | { type: 'patch'; ok: boolean; notice: string; open: string; parts: { id: string; html?: string; moved?: { from: string; lines: number } }[] }
  /** The editor scrolled: bring this source line to the top of the preview. */
  | { type: 'scrollTo'; line: number };
