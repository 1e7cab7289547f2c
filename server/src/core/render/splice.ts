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

/** Characters compared at once while looking for where two texts part (a comparison of slices, not of characters one by one). */
const BLOCK = 4096;

/** The earlier HTML `before` edited into `after`: the smallest middle that differs. */
export function partEdit(before: string, after: string): PartEdit {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + BLOCK <= shorter && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never between the two halves of a character outside the BMP (an emoji): the edit stays well-formed text.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  const room = shorter - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= room && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - suffix - 1) === after.charCodeAt(after.length - suffix - 1)) suffix++;
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
