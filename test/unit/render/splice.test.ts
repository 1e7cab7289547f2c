import * as assert from 'assert';
import fc from 'fast-check';
import { applyPartEdit, partEdit } from '../../../server/src/core/render/splice';

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
