/**
 * The preview's script, in the webview (bundled to preview.js, loaded with the page's nonce).
 * Scroll sync both ways through the `data-line` of rendered blocks, double-click to reveal a
 * line, findings that reveal their line, the button that leaves compare mode, and body swaps
 * that keep the scroll position: a whole new body, or a patch that replaces only the parts
 * (sections) that changed.
 * It never evaluates or inserts anything but the HTML the renderer produced.
 */
import type { FromWebview, PreviewState, ToWebview } from '../src/preview/webview-messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('plan-root') ?? document.body;
const initial = document.querySelector<HTMLMetaElement>('meta[name="plan-preview-state"]')?.content;
const given: PreviewState = { uri: '', locked: false, ...(initial ? (JSON.parse(initial) as Partial<PreviewState>) : {}) };
// A webview rebuilt after being hidden keeps its own state: its scroll line is newer than the page's.
const kept = vscode.getState() as Partial<PreviewState> | undefined;
let state: PreviewState = kept?.uri === given.uri && typeof kept.line === 'number' ? { ...given, line: kept.line } : given;

interface Block {
  line: number;
  element: HTMLElement;
}

let cache: Block[] | undefined;

/** Rendered blocks with their source lines, in document order. */
function blocks(): Block[] {
  cache ??= [...root.querySelectorAll<HTMLElement>('[data-line]')]
    .map((element) => ({ element, line: Number(element.dataset.line) }))
    .filter((block) => Number.isFinite(block.line));
  return cache;
}

function top(element: Element): number {
  return element.getBoundingClientRect().top + window.scrollY;
}

/** The page offset showing a source line: at the innermost block at or before it, moved towards the next one. */
function offsetOfLine(line: number): number | undefined {
  let previous: Block | undefined;
  let next: Block | undefined;
  for (const block of blocks()) {
    if (block.line <= line && (!previous || block.line >= previous.line)) previous = block;
    if (block.line > line && (!next || block.line < next.line)) next = block;
  }
  if (!previous) return next ? top(next.element) : undefined;
  const from = top(previous.element);
  if (!next || next.line === previous.line) return from;
  const to = top(next.element);
  // Blocks are not always in source order (the KPI table, say): only interpolate downwards.
  if (to <= from) return from;
  return from + ((line - previous.line) / (next.line - previous.line)) * (to - from);
}

/** The source line at a page offset: the last block starting above it, moved towards the next one. */
function lineAtOffset(offset: number): number | undefined {
  let previous: { block: Block; top: number } | undefined;
  let next: { block: Block; top: number } | undefined;
  for (const block of blocks()) {
    const blockTop = top(block.element);
    if (blockTop <= offset && (!previous || blockTop >= previous.top)) previous = { block, top: blockTop };
    if (blockTop > offset && (!next || blockTop < next.top)) next = { block, top: blockTop };
  }
  if (!previous) return next?.block.line;
  if (!next || next.block.line <= previous.block.line || next.top === previous.top) return previous.block.line;
  return previous.block.line + ((offset - previous.top) / (next.top - previous.top)) * (next.block.line - previous.block.line);
}

/** Scroll events caused by the script itself are not reported back to the editor. */
let ownScrolls = 0;

function scrollToOffset(offset: number): void {
  const target = Math.max(0, Math.round(offset));
  if (Math.abs(window.scrollY - target) < 1) return;
  ownScrolls++;
  window.scrollTo(0, target);
}

function scrollToLine(line: number): void {
  const offset = offsetOfLine(line);
  if (offset !== undefined) scrollToOffset(offset - 8);
  saveLine(line);
}

function saveLine(line: number): void {
  state = { ...state, line };
  vscode.setState(state);
}

let scrollPending = false;
window.addEventListener(
  'scroll',
  () => {
    if (ownScrolls > 0) {
      ownScrolls--;
      return;
    }
    if (scrollPending) return;
    scrollPending = true;
    requestAnimationFrame(() => {
      scrollPending = false;
      const line = lineAtOffset(window.scrollY + 8);
      if (line === undefined) return;
      saveLine(line);
      vscode.postMessage({ type: 'scroll', line });
    });
  },
  { passive: true },
);

/** The ids of the parts shown, in the order of `<main>`'s children (none known: a patch asks for the whole body). */
let partIds: string[] = (root.dataset.parts ?? '').split(' ').filter(Boolean);

/** The element that some renderer HTML makes (parsed, never run: a template's content is inert). */
function elementOf(html: string): Element | undefined {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild ?? undefined;
}

/** A part whose source moved by `lines` (lines added or taken out above it): its blocks' `data-line` moved alike. */
function moveLines(element: Element, lines: number): void {
  for (const block of [element, ...element.querySelectorAll<HTMLElement>('[data-line]')]) {
    const line = (block as HTMLElement).dataset?.line;
    if (line !== undefined) (block as HTMLElement).dataset.line = String(Number(line) + lines);
  }
}

/**
 * Applies a patch: the parts the page shows already are kept (moved where they now go, not
 * parsed again), the others made from their HTML. False if the page does not hold what the
 * patch assumes; it is left as it was.
 */
function patch(message: Extract<ToWebview, { type: 'patch' }>): boolean {
  const main = root.querySelector(':scope > main');
  if (!main || main.children.length !== partIds.length) return false;
  const shown = new Map(partIds.map((id, index) => [id, main.children[index]]));
  const children: Element[] = [];
  for (const part of message.parts) {
    const element = part.html !== undefined ? elementOf(part.html) : shown.get(part.moved?.from ?? part.id);
    if (!element) return false;
    if (part.moved) moveLines(element, part.moved.lines);
    children.push(element);
  }
  // The <main> tag's own attributes: the plan's template and language.
  const opened = elementOf(`${message.open}</main>`);
  for (const name of ['class', 'lang']) {
    const value = opened?.getAttribute(name);
    if (value === null || value === undefined) main.removeAttribute(name);
    else if (main.getAttribute(name) !== value) main.setAttribute(name, value);
  }
  main.replaceChildren(...children);
  const notice = message.notice ? elementOf(message.notice) : undefined;
  root.replaceChildren(...(notice ? [notice] : []), main);
  partIds = message.parts.map((part) => part.id);
  return true;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'update') {
    const offset = window.scrollY;
    root.innerHTML = message.html;
    partIds = message.parts ?? [];
    cache = undefined;
    scrollToOffset(offset);
  } else if (message.type === 'patch') {
    const offset = window.scrollY;
    if (!patch(message)) {
      vscode.postMessage({ type: 'resync' });
      return;
    }
    cache = undefined;
    scrollToOffset(offset);
  } else if (message.type === 'scrollTo') {
    scrollToLine(message.line);
  }
});

/** The source line of the block under an element. */
function lineOf(target: EventTarget | null): number | undefined {
  const block = target instanceof Element ? target.closest<HTMLElement>('[data-line]') : null;
  const line = Number(block?.dataset.line);
  return block && Number.isFinite(line) ? line : undefined;
}

document.addEventListener('dblclick', (event) => {
  const line = lineOf(event.target);
  if (line !== undefined) vscode.postMessage({ type: 'reveal', line });
});

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('[data-action="leave-compare"]')) {
    vscode.postMessage({ type: 'leaveCompare' });
    return;
  }
  const marker = target?.closest<HTMLElement>('[data-reveal]');
  if (marker) {
    const line = Number(marker.dataset.reveal);
    if (Number.isFinite(line)) vscode.postMessage({ type: 'reveal', line });
    return;
  }
  const anchor = target?.closest<HTMLAnchorElement>('a[href^="#"]');
  if (anchor) {
    event.preventDefault();
    document.getElementById(decodeURIComponent(anchor.hash.slice(1)))?.scrollIntoView();
  }
});

vscode.setState(state);
if (state.line !== undefined) scrollToLine(state.line);
vscode.postMessage({ type: 'ready' });
