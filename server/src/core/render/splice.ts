import { sharedEnds } from '../base/text';
import { sameItems } from '../base/lists';
/**
 * A part of a rendered body (a section, the status): one element. A part that shows a long
 * list (a section's cards, the status's problems) is kept as `pieces`: the text around the
 * list and each item's HTML, the same strings the memo kept. Its whole HTML (megabytes for a
 * plan of thousands of goals) is joined only when asked for; an edit between two renderings
 * is found by comparing the pieces.
 */
export interface RenderedPart {
  /** Names the part from one rendering to the next (`section-goals`). */
  readonly key: string;
  readonly html: string;
  /** `html` in pieces, when it shows a list. */
  readonly pieces?: readonly string[];
}

/**
 * Where a list's pieces go in a part's HTML while it is rendered: `SLOT`, the list's number,
 * `SLOT`. A plan's text never brings this character into the HTML (`text()` and markdown-it
 * replace it).
 */
export const SLOT = '\u0000';

/** A part from its HTML with slots and the lists they stand for (numbered in the order they were made). */
export function partOf(key: string, html: string, lists: readonly (readonly string[])[]): RenderedPart {
  if (lists.length === 0) return { key, html };
  const pieces: string[] = [];
  const cut = html.split(SLOT);
  for (let index = 0; index < cut.length; index++) {
    // Odd entries are the lists' numbers.
    if (index % 2 === 1) for (const piece of lists[Number(cut[index])]) pieces.push(piece);
    else if (cut[index] !== '') pieces.push(cut[index]);
  }
  let joined: string | undefined;
  return {
    key,
    pieces,
    get html() {
      return (joined ??= pieces.join(''));
    },
  };
}

/** The length of a part's HTML, without joining its pieces. */
export function lengthOf(part: RenderedPart): number {
  if (!part.pieces) return part.html.length;
  let length = 0;
  for (const piece of part.pieces) length += piece.length;
  return length;
}

/** Whether two parts have the same HTML (parts in pieces: the same pieces). */
export function sameHtml(a: RenderedPart, b: RenderedPart): boolean {
  return a.pieces && b.pieces ? sameItems(a.pieces, b.pieces) : a.html === b.html;
}

/** The HTML of `after` as an edit of that of `before`; for parts in pieces, found among the pieces that differ. */
export function editBetween(before: RenderedPart, after: RenderedPart): PartEdit {
  const [was, now] = [before.pieces, after.pieces];
  if (!was || !now) return partEdit(before.html, after.html);
  const shorter = Math.min(was.length, now.length);
  let first = 0;
  let start = 0;
  while (first < shorter && was[first] === now[first]) start += was[first++].length;
  let last = 0;
  while (last < shorter - first && was[was.length - 1 - last] === now[now.length - 1 - last]) last++;
  const middle = partEdit(was.slice(first, was.length - last).join(''), now.slice(first, now.length - last).join(''));
  return { start: start + middle.start, end: start + middle.end, html: middle.html };
}

/**
 * A rendered part as an edit of its earlier HTML: the text between what the two share at the
 * start and at the end. A keystroke in one goal of thousands changes one card in a section of
 * megabytes; the preview gets that card's text, not the section again.
 */
export interface PartEdit {
  /** Where the changed text starts and ends in the earlier HTML. */
  start: number;
  end: number;
  /** What replaces it. */
  html: string;
}

/** The earlier HTML `before` edited into `after`: the smallest middle that differs. */
export function partEdit(before: string, after: string): PartEdit {
  let { prefix, suffix } = sharedEnds(before, after);
  // Never between the two halves of a character outside the BMP (an emoji): the edit stays well-formed text.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, html: after.slice(prefix, after.length - suffix) };
}

/** The HTML an edit makes of the earlier HTML. */
export function applyPartEdit(before: string, edit: PartEdit): string {
  return before.slice(0, edit.start) + edit.html + before.slice(edit.end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
