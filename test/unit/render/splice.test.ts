import * as assert from 'assert';
import fc from 'fast-check';
import { applyPartEdit, editBetween, lengthOf, partEdit, partOf, sameHtml, SLOT } from '../../../server/src/core/render/splice';

/** Texts that share long runs (cards of a section), with characters outside the BMP. */
const html = fc.array(fc.constantFrom('<article class="card">', '</article>', 'Leads', 'Clienți noi', '📈', 'x'.repeat(5000), 'y'), { maxLength: 30 }).map((parts) => parts.join(''));

describe('a part as an edit of its earlier HTML', () => {
  it('makes the later HTML again from the earlier one', () => {
    fc.assert(
      fc.property(html, html, (before, after) => {
        const edit = partEdit(before, after);
        assert.strictEqual(applyPartEdit(before, edit), after);
        assert.ok(edit.start <= edit.end && edit.end <= before.length);
      }),
      { numRuns: 500 },
    );
  });

  it('holds only what changed, and never half a character', () => {
    const card = (word: string) => `<article class="card">${'z'.repeat(3000)} ${word}</article>`;
    const before = Array.from({ length: 400 }, (_, index) => card(`goal-${index}`)).join('');
    const after = before.replace('goal-200<', 'goal-200 quickly<');
    const edit = partEdit(before, after);
    assert.deepStrictEqual(edit, { start: before.indexOf('goal-200<') + 'goal-200'.length, end: before.indexOf('goal-200<') + 'goal-200'.length, html: ' quickly' });
    const emoji = partEdit('a📈b', 'a📉b');
    assert.strictEqual(emoji.html, '📉', 'the whole character, both halves');
  });
});

/** Pieces of a part: a few shared strings (a kept card is the same string from one rendering to the next), some changed. */
const card = fc.constantFrom('<article>a</article>', '<article>b</article>', '<article>📈</article>', `<article>${'z'.repeat(3000)}</article>`, '');
const pieces = fc.array(card, { maxLength: 40 });

describe('a part kept in pieces', () => {
  it('is its skeleton with each slot replaced by its list', () => {
    const part = partOf('section-goals', `<section><h2>Goals</h2><div>${SLOT}0${SLOT}</div><ul>${SLOT}1${SLOT}</ul></section>`, [['<a>1</a>', '<a>2</a>'], ['<li>x</li>']]);
    assert.strictEqual(part.html, '<section><h2>Goals</h2><div><a>1</a><a>2</a></div><ul><li>x</li></ul></section>');
    assert.strictEqual(lengthOf(part), part.html.length);
    assert.deepStrictEqual(partOf('toc', '<nav></nav>', []), { key: 'toc', html: '<nav></nav>' });
  });

  it('is edited into a later part by the pieces that differ, which rebuilds the later HTML', () => {
    fc.assert(
      fc.property(pieces, fc.array(fc.tuple(fc.nat(), card), { maxLength: 6 }), (cards, changes) => {
        const later = cards.slice();
        for (const [at, replacement] of changes) later.splice(at % (later.length + 1), replacement === '' ? 1 : 0, ...(replacement === '' ? [] : [replacement]));
        const before = partOf('p', `<div>${SLOT}0${SLOT}</div>`, [cards]);
        const after = partOf('p', `<div>${SLOT}0${SLOT}</div>`, [later]);
        const edit = editBetween(before, after);
        assert.strictEqual(applyPartEdit(before.html, edit), after.html);
        if (sameHtml(before, after)) assert.strictEqual(before.html, after.html);
        // Against a part that is not in pieces, too.
        assert.strictEqual(applyPartEdit(before.html, editBetween(before, { key: 'p', html: after.html })), after.html);
      }),
      { numRuns: 500 },
    );
  });

  it('sends one card of thousands without joining the others', () => {
    const cards = Array.from({ length: 2000 }, (_, index) => `<article>${'z'.repeat(1000)} goal-${index}</article>`);
    const later = cards.slice();
    later[1500] = later[1500].replace('goal-1500', 'goal-1500 quickly');
    const edit = editBetween(partOf('p', `<div>${SLOT}0${SLOT}</div>`, [cards]), partOf('p', `<div>${SLOT}0${SLOT}</div>`, [later]));
    assert.strictEqual(edit.html, ' quickly');
    assert.strictEqual(edit.start, '<div>'.length + cards.slice(0, 1500).join('').length + cards[1500].indexOf('</article>'));
  });
});
