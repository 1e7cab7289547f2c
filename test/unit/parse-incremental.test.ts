import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { parseIncrementally, type ChunkedParse } from '../../server/src/core/parse/incremental';
import { parsePlan, type SourceNode } from '../../server/src/core/parse/parse';
import { ROOT } from '../helpers';

/** Every node's ranges, by path, to compare two source maps. */
function flatten(node: SourceNode | undefined, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (!node) return out;
  if (node.keys) out.set(`${prefix} keys`, node.keys.map((key) => `${key.key}@${key.start}-${key.end}`).join(' '));
  for (const [segment, child] of node.children ?? []) {
    const key = `${prefix}/${segment}`;
    out.set(key, `${child.keyStart ?? ''}-${child.keyEnd ?? ''} ${child.start}-${child.end}`);
    flatten(child, key, out);
  }
  return out;
}

function assertSameParse(text: string, name: string, previous?: ChunkedParse) {
  const pieces = parseIncrementally(text, previous, 0);
  const whole = parsePlan(text);
  if (!pieces) return undefined;
  assert.deepStrictEqual(pieces.value, whole.value, `${name}: the same data`);
  assert.deepStrictEqual(flatten(pieces.root), flatten(whole.root), `${name}: the same source map`);
  assert.deepStrictEqual(pieces.syntax, whole.syntax, `${name}: no syntax problems`);
  return pieces;
}

const NOTHING_TO_REUSE = { chunks: [] } as unknown as ChunkedParse;

const plans = globSync(['examples/**/*.plan.yaml', 'test/scenarios/**/*.plan.yaml', 'test/fixtures/*.plan.yaml'], { cwd: ROOT, absolute: true }).sort();

describe('incremental parsing of large plans', () => {
  it('gives the same data and source map as a whole parse, for every example and scenario it takes', () => {
    let taken = 0;
    for (const file of plans) {
      const text = fs.readFileSync(file, 'utf8');
      // Cut from a whole parse, and parsed piece by piece (nothing to reuse).
      if (assertSameParse(text, path.relative(ROOT, file))) taken++;
      assertSameParse(text, `${path.relative(ROOT, file)} in pieces`, NOTHING_TO_REUSE);
    }
    assert.ok(taken >= 20, `only ${taken} plans were parsed in pieces`);
  });

  it('declines what pieces could get wrong', () => {
    const declined = [
      'kind: sales\nx: &a 1\ny: *a\n',
      'kind: sales\n---\nkind: marketing\n',
      'kind: sales\ntitle: [unclosed\n',
      'kind: sales\nkind: marketing\n',
      '  kind: sales\n',
      'kind: sales\nperiod:\n\tstart: 2026-01-01\n',
      '- a\n- b\n',
    ];
    for (const text of declined) assert.strictEqual(parseIncrementally(text, undefined, 0), undefined, JSON.stringify(text));
    assert.strictEqual(parseIncrementally('kind: sales\n', undefined), undefined, 'small plans are parsed whole');
  });

  it('reuses unchanged pieces after an edit, shifted, and still matches a whole parse', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/marketing.plan.yaml'), 'utf8');
    const first = assertSameParse(text, 'original')!;
    const at = text.indexOf('statement:', text.indexOf('goals:'));
    const edited = `${text.slice(0, at + 11)}Really ${text.slice(at + 11)}`;
    const second = assertSameParse(edited, 'edited', first)!;
    const reused = second.chunks.filter((chunk) => first.chunks.includes(chunk)).length;
    assert.ok(reused > second.chunks.length / 3, `pieces before the edit are the same objects (${reused} of ${second.chunks.length})`);
    const later = second.chunks.find((chunk) => chunk.start > at + 20)!;
    assert.strictEqual(edited.slice(later.start, later.start + later.text.length), later.text, 'pieces after the edit are shifted');
    const deleted = `${edited.slice(0, at)}${edited.slice(edited.indexOf('\n', at) + 1)}`;
    assertSameParse(deleted, 'a line deleted', second);
  });

  it('matches a whole parse after any series of edits, each reusing the pieces of the one before', function () {
    // 150 series of edits of the 400-line sales example, each parsed whole and in pieces: seconds on a busy machine.
    this.timeout(60000);
    const text = fs.readFileSync(path.join(ROOT, 'examples/sales.plan.yaml'), 'utf8');
    const edit = fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom('', 'x', 'Q3 ', '\n', '\n    ', '\n  - id: new\n    name: New\n', '# note\n', ': ', '- ', '"', '\t'));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let current = text;
        let previous = assertSameParse(current, 'before the edits');
        for (const [position, length, insert] of edits) {
          const at = position % (current.length + 1);
          current = current.slice(0, at) + insert + current.slice(at + length);
          previous = assertSameParse(current, `after ${edits.length} edits`, previous) ?? previous;
        }
      }),
      { seed: 5, numRuns: 150 },
    );
  });

  it('keeps list items apart so that an edit in one reparses only that one', () => {
    const items = Array.from({ length: 50 }, (_, i) => `  - id: goal-${i}\n    statement: Goal number ${i}\n`).join('');
    const text = `kind: marketing\ntitle: T\ngoals:\n${items}kpis: []\n`;
    const parsed = assertSameParse(text, 'list')!;
    assert.strictEqual(parsed.chunks.filter((chunk) => chunk.section === 'goals').length, 50);
  });
});
