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
  /** The user clicked *Leave compare mode* at the top of a compare rendering. */
  | { type: 'leaveCompare' };

/** Extension → webview. */
export type ToWebview =
  /** A new rendering of the same plan: swap the body, keep the scroll position. */
  | { type: 'update'; html: string; ok: boolean }
  /** The editor scrolled: bring this source line to the top of the preview. */
  | { type: 'scrollTo'; line: number };
