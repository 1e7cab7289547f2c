/**
 * The only way plan text reaches the rendered HTML. Everything from a plan goes through
 * `text()` (element content and attribute values alike): it cannot produce markup,
 * an attribute, a URL or CSS. Class names, tag names and attribute names are never taken
 * from a plan; they come from the renderer's own constants.
 */

/**
 * Bidirectional embedding, override and isolate controls (the "Trojan source" characters)
 * and C0/C1 control characters other than tab and newlines. They are shown as U+FFFD:
 * visible, and unable to reorder what is displayed around them.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Plan text with the characters that could disguise it replaced. */
export function clean(value: string): string {
  return value.replace(UNSAFE_CHARACTERS, '\uFFFD');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content or a quoted attribute value. */
export function text(value: string | number): string {
  return clean(String(value)).replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/** A message for an attribute or plain text: its `code` marks become quotes. */
export function plain(message: string): string {
  return message.replace(/`([^`]+)`/g, '‘$1’');
}

/** Escaped text in which `code` spans (as messages write them) become `<code>` elements. */
export function inlineCode(value: string): string {
  return text(value).replace(/`([^`]+)`/g, '<code>$1</code>');
}

export type Attributes = Record<string, string | number | boolean | undefined>;

/** ` name="value"` pairs; `true` gives a bare attribute, `false` and `undefined` leave it out. */
export function attributes(values: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${text(value)}"`;
  }
  return out;
}

/** Class names joined, falsy ones left out. */
export function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
