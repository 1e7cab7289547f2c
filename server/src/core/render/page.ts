/**
 * The HTML document around a rendered plan, in two variants:
 * - the webview page: stylesheet and script from the extension's media folder (resource URIs
 *   passed in), a strict Content Security Policy, the script allowed by a fresh nonce;
 * - the self-contained page for export: the stylesheet inlined (allowed by its hash), no script,
 *   no request to anywhere.
 * The body is the renderer's output; nothing here takes text from a plan except the escaped title.
 */
import type { Locale } from '../base/types';
import { attributes, text } from './html';
import { sha256Base64, toBase64 } from './sha256';

export interface PageOptions {
  /** The rendered body (`renderPlan(...).html`). */
  body: string;
  title: string;
  locale: Locale;
}

export interface WebviewPageOptions extends PageOptions {
  /** The webview's `cspSource`: where the extension's resources are served from. */
  cspSource: string;
  styleUri: string;
  scriptUri: string;
  /** A fresh nonce for this page; one is made when omitted. */
  nonce?: string;
  /** State for the preview script (JSON), e.g. the plan's URI and the line to show first. */
  state?: unknown;
  /** The ids of the body's parts (the children of its `<main>`), for the script to patch them later. */
  parts?: readonly string[];
}

/** A fresh, unguessable nonce for a `script-src 'nonce-…'` policy. */
export function newNonce(): string {
  // Web Crypto: in Node.js and in the browser (VS Code for the Web) alike.
  return toBase64(globalThis.crypto.getRandomValues(new Uint8Array(18)));
}

/** The policy of the webview page: nothing but the extension's own styles, images and fonts, and the nonce'd script. */
export function webviewPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy of the exported page: its one inline stylesheet, nothing else (no script, image, font or request). */
export function standalonePolicy(css: string): string {
  return ["default-src 'none'", `style-src 'sha256-${sha256Base64(css)}'`, "base-uri 'none'", "form-action 'none'"].join('; ');
}

function head(options: PageOptions, policy: string, styles: string): string {
  return `<head><meta charset="utf-8"><meta${attributes({ 'http-equiv': 'Content-Security-Policy', content: policy })}><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${text(options.title)}</title>${styles}</head>`;
}

export function webviewPage(options: WebviewPageOptions): string {
  const nonce = options.nonce ?? newNonce();
  const styles = `<link${attributes({ rel: 'stylesheet', href: options.styleUri })}>`;
  const state = `<meta${attributes({ name: 'plan-preview-state', content: JSON.stringify(options.state ?? {}) })}>`;
  return `<!DOCTYPE html><html${attributes({ lang: options.locale })}>${head(options, webviewPolicy(options.cspSource, nonce), styles + state)}<body class="preview"><div${attributes({ id: 'plan-root', 'data-parts': options.parts?.join(' ') })}>${options.body}</div><script${attributes({ nonce, src: options.scriptUri })}></script></body></html>`;
}

export function standalonePage(options: PageOptions & { css: string }): string {
  if (/<\/style/i.test(options.css)) throw new Error('The stylesheet cannot contain "</style".');
  return `<!DOCTYPE html><html${attributes({ lang: options.locale })}>${head(options, standalonePolicy(options.css), `<style>${options.css}</style>`)}<body class="export"><div id="plan-root">${options.body}</div></body></html>`;
}

/** Where the preview's stylesheet and script live, relative to the extension's root. */
export const MEDIA = {
  folder: 'client/media',
  style: 'client/media/preview.css',
  script: 'client/media/preview.js',
} as const;

/** Where an export of a plan goes by default: next to it, `.plan.yaml` (or `.yaml`) replaced by `.plan.html` (`.html`). */
export function htmlPathFor(planPath: string): string {
  const match = /(\.plan)?\.ya?ml$/i.exec(planPath);
  return match ? `${planPath.slice(0, match.index)}${match[1] ?? ''}.html` : `${planPath}.html`;
}
