/**
 * What the client shares with the core to show plans: the page shell around rendered plans
 * (webview and exported file), HTML escaping, and the message catalog for the client's own texts.
 */
export { formatMessage, resolveLocale } from '../server/src/core/base/messages';
export type { Locale } from '../server/src/core/base/types';
export { text as escapeHtml } from '../server/src/core/render/html';
export { htmlPathFor, MEDIA, newNonce, standalonePage, webviewPage } from '../server/src/core/render/page';
export { shiftLines } from '../server/src/core/render/context';
export { applyPartEdit } from '../server/src/core/render/splice';
