import * as assert from 'assert';

/** Every element the renderer writes; anything else in its output came from a plan. */
const TAGS = new Set([
  'main', 'header', 'section', 'nav', 'article', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'ol', 'ul', 'li',
  'a', 'span', 'strong', 'em', 'code', 'pre', 'blockquote', 'hr', 'br', 's', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'details', 'summary', 'button', 'figure', 'figcaption', 'svg', 'title', 'g', 'rect', 'text', 'line', 'path', 'circle',
]);
const ATTRIBUTES = new Set([
  'class', 'lang', 'data-line', 'data-reveal', 'title', 'aria-label', 'aria-hidden', 'id', 'href', 'rel', 'role', 'type', 'colspan', 'scope',
  'open', 'start', 'viewBox', 'xmlns', 'x', 'y', 'width', 'height', 'rx', 'x1', 'x2', 'y1', 'y2', 'text-anchor', 'd', 'cx', 'cy', 'r',
]);
/** Attributes whose value is text for people (escaped plan text may show there). */
const TEXT_ATTRIBUTES = new Set(['title', 'aria-label']);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*(?:="[^"<>]*")?)*)\s*(\/?)>/g;
const ATTRIBUTE = /\s+([a-zA-Z][a-zA-Z0-9:-]*)(?:="([^"]*)")?/g;

/**
 * Asserts that rendered HTML is only the renderer's own markup: known elements and attributes,
 * safe link targets, no plan text in an attribute other than a tooltip or label, and no
 * bidirectional override left. Every `<` must open a known tag (plan text is escaped).
 */
export function assertInert(html: string): void {
  assert.doesNotMatch(html, /[\u202A-\u202E\u2066-\u2069]/, 'no bidirectional control is left');
  let tags = 0;
  for (const match of html.matchAll(TAG)) {
    tags++;
    const [whole, , name, attributeText] = match;
    assert.ok(TAGS.has(name), `unexpected element <${name}> in ${whole}`);
    for (const [, attribute, value = ''] of attributeText.matchAll(ATTRIBUTE)) {
      assert.ok(ATTRIBUTES.has(attribute), `unexpected attribute ${attribute} in ${whole}`);
      if (attribute === 'href') assert.match(value, /^(?:https?:|mailto:|#section-[a-z]+$)/i, `unsafe link ${whole}`);
      if (attribute === 'id') assert.match(value, /^section-[a-z]+$/, `unexpected id in ${whole}`);
      if (attribute === 'class') assert.match(value, /^[a-z0-9 -]*$/, `unexpected class in ${whole}`);
      if (attribute === 'd') assert.match(value, /^[MLZ0-9 .-]*$/, `a path of anything but numbers in ${whole}`);
      if (!TEXT_ATTRIBUTES.has(attribute) && attribute !== 'href') assert.doesNotMatch(value, /pwned|evil\.test|onerror|javascript/i, `plan text in ${attribute}: ${whole}`);
    }
  }
  assert.strictEqual((html.match(/</g) ?? []).length, tags, 'every < opens a known tag');
}
