import * as assert from 'assert';
import * as fs from 'fs';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { generatePlan } from '../../bench/generate';
import { parseDocuments, Walker } from '../../server/src/core/parse/parse';
import { parseFast } from '../../server/src/core/parse/fast';
import { split } from '../../server/src/core/parse/incremental';
import { hostileText, runs, SEED } from '../fuzz/arbitraries';
import { ROOT } from '../helpers';

/** What the `yaml` library and `Walker` make of a text: the reference the fast path must match. */
function viaLibrary(text: string, base: number) {
  const [doc, ...others] = parseDocuments(text);
  if (!doc || others.length > 0 || doc.errors.length > 0 || doc.warnings.length > 0) return 'the library reports a problem';
  if (!doc.contents) return { value: undefined, source: undefined };
  const walker = new Walker(doc, (offset) => offset + base);
  const built = walker.build(doc.contents, undefined);
  return walker.linked ? 'anchors or aliases' : built;
}

/** Whether the fast path accepted the text; when it did, it must agree with the library exactly. */
function agrees(text: string, base = 0): boolean {
  const fast = parseFast(text, base);
  if (fast === undefined) return false;
  assert.deepStrictEqual(fast, viaLibrary(text, base), `fast path differs from the library on ${JSON.stringify(text)}`);
  return true;
}

// Scalars chosen to sit on the edges of the subset: core-schema look-alikes, indicators, quotes, comments.
const scalarText = fc.constantFrom('plain words', 'x: y', 'a #b', 'a#b', "it's", 'say "hi"', 'back\\slash', '-5', '+12', '0x1F', '0o17', '1e3', '1.', '.5', '1_000', '.inf', '-.inf', '.nan', 'true', 'False', 'Null', '~', '', ' lead', 'trail ', 'http://x.ro/a?b=1', '#x', '[a]', '{a}', 'a,b', 'a]b', 'ăîșț 👩‍💻', '- a', '-a', '? x', ':x', '! x', '&a', '*a', '|', '>', '@x', '`x', '%x', '2026-01-01', 'end:', 'a: ', 'x\ny', '42', '3.14', 'yes');
const keyText = fc.constantFrom('id', 'name', 'kpi', 'a-b', 'x.y', 'k_1', '_k', 'true', 'Null', '1', 'a b', '"q"', "'s'", '<<', 'id');
const blockLines = fc.array(fc.constantFrom('first line', '# not a comment', '', '  more indented', 'a: b', '- item', 'trailing  ', 'ăîșț'), { minLength: 1, maxLength: 5 });

type Tree = { kind: 'scalar'; text: string; style: 'plain' | 'single' | 'double' } | { kind: 'block'; header: string; lines: string[] } | { kind: 'map'; entries: [string, Tree][]; flow: boolean } | { kind: 'seq'; items: Tree[]; flow: boolean; sameIndent: boolean };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('scalar' as const), text: scalarText, style: fc.constantFrom('plain' as const, 'plain' as const, 'single' as const, 'double' as const) }),
    fc.record({ kind: fc.constant('block' as const), header: fc.constantFrom('|', '|-', '>', '>-', '|+', '|2', '| # c'), lines: blockLines }),
    fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(keyText, tie('node')), { minLength: 1, maxLength: 4 }), flow: fc.boolean() }),
    fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 4 }), flow: fc.boolean(), sameIndent: fc.boolean() }),
  ),
})).node;

const decoration = fc.record({
  comment: fc.constantFrom('', '', ' # note', '  #x', '#tight'),
  blankLine: fc.constantFrom('', '', '\n', '\n   \n', '\n# between\n', '\n      # deep comment\n'),
});

/** Writes a tree as YAML text in the style each node asks for (not always valid YAML: that is the point). */
function render(node: Tree, indent: number, decorations: { comment: string; blankLine: string }[], counter: { at: number }): string {
  const next = () => decorations[counter.at++ % decorations.length];
  const pad = ' '.repeat(indent);
  switch (node.kind) {
    case 'scalar':
      return node.style === 'single' ? `'${node.text.replace(/'/g, "''")}'` : node.style === 'double' ? `"${node.text}"` : node.text;
    case 'block':
      return `${node.header}\n${node.lines.map((line) => (line === '' ? '' : pad + '  ' + line)).join('\n')}`;
    case 'map':
      if (node.flow) return `{ ${node.entries.map(([key, value]) => `${key}: ${render(value, indent, decorations, counter)}`).join(', ')} }`;
      return node.entries
        .map(([key, value], index) => {
          const { comment, blankLine } = next();
          const nested = value.kind === 'map' && !value.flow;
          const list = value.kind === 'seq' && !value.flow;
          const inner = nested || list ? `\n${' '.repeat(list && value.sameIndent ? indent : indent + 2)}${render(value, list && value.sameIndent ? indent : indent + 2, decorations, counter)}` : ` ${render(value, indent, decorations, counter)}${comment}`;
          return `${index > 0 ? blankLine + '\n' + pad : ''}${key}:${inner}`;
        })
        .join('');
    case 'seq':
      if (node.flow) return `[${node.items.map((item) => render(item, indent, decorations, counter)).join(', ')}]`;
      return node.items
        .map((item, index) => {
          const { comment, blankLine } = next();
          const body = item.kind === 'map' && !item.flow ? render(item, indent + 2, decorations, counter) : item.kind === 'seq' && !item.flow ? `\n${pad}  ${render(item, indent + 2, decorations, counter)}` : `${render(item, indent + 2, decorations, counter)}${comment}`;
          return `${index > 0 ? blankLine + '\n' + pad : ''}- ${body}`;
        })
        .join('');
  }
}

const yamlText = fc.tuple(tree, fc.array(decoration, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\n', '\r\n'), fc.constantFrom('', '\n', '\n# end\n', '  ')).map(([node, decorations, newline, ending]) => {
  const body = node.kind === 'map' || node.kind === 'seq' ? render(node, 0, decorations, { at: 0 }) : `value: ${render(node, 0, decorations, { at: 0 })}`;
  return (body + ending).replace(/\n/g, newline);
});

/** One character put in or taken out somewhere. */
const mutated = fc.tuple(yamlText, fc.nat(), fc.constantFrom('', ' ', '-', ':', '#', "'", '"', '\n', '[', '{', ',', 'x', '\t', '\r')).map(([text, position, insert]) => {
  const at = position % (text.length + 1);
  return insert === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + insert + text.slice(at);
});

describe('fast parse of plain block YAML', () => {
  it('matches the library on every example and fixture, whole and in pieces', () => {
    let accepted = 0;
    for (const file of globSync(['examples/**/*.plan.yaml', 'test/**/*.yaml'], { cwd: ROOT, absolute: true })) {
      const text = fs.readFileSync(file, 'utf8');
      agrees(text);
      for (const piece of split(text) ?? []) if (agrees(text.slice(piece.start, piece.end), piece.start)) accepted++;
    }
    assert.ok(accepted > 1000, `only ${accepted} pieces took the fast path`);
  });

  it('takes the fast path for every piece of generated plans of both kinds', () => {
    for (const kind of ['marketing', 'sales'] as const) {
      const text = generatePlan(kind, 2000);
      const pieces = split(text)!;
      const rejected = pieces.filter((piece) => !agrees(text.slice(piece.start, piece.end), piece.start));
      assert.deepStrictEqual(rejected.map((piece) => text.slice(piece.start, piece.start + 60)), [], kind);
    }
  });

  it('matches the library on generated YAML of every style', () => {
    let accepted = 0;
    fc.assert(
      fc.property(yamlText, (text) => {
        if (agrees(text)) accepted++;
      }),
      { seed: SEED + 1, numRuns: runs(3000) },
    );
    // The generator must reach the subset often, or the property proves little.
    assert.ok(accepted > runs(3000) / 10, `only ${accepted} texts took the fast path`);
  });

  it('matches the library on YAML with a character put in or taken out', () => {
    fc.assert(fc.property(mutated, (text) => void agrees(text)), { seed: SEED + 2, numRuns: runs(3000) });
  });

  it('matches the library on hostile text', () => {
    fc.assert(fc.property(hostileText, (text) => void agrees(text, 17)), { seed: SEED + 3, numRuns: runs(1500) });
  });

  it('reads scalars as the core schema does', () => {
    const text = ['a: -0', 'b: 0o17', 'c: 0x1F', 'd: 1e3', 'e: .inf', 'f: -.Inf', 'g: .nan', 'h: ~', 'i: TRUE', 'j: 01', 'k: +.5', 'l: 1_000', 'm: 2026-01-01', "n: 'x''y'", 'o: [1, "2", c d]', 'p: { q: r, s: [t] }', 'u: |\n  one\n\n  two\n\n', 'v: >-\n  one\n  two\n\n  three\n'].join('\n');
    assert.ok(agrees(text));
    const { value } = parseFast(text)! as { value: Record<string, unknown> };
    assert.ok(Object.is(value.a, -0));
    assert.deepStrictEqual([value.b, value.c, value.d, value.e, value.f, value.h, value.i, value.j, value.k, value.l, value.m, value.n], [15, 31, 1000, Infinity, -Infinity, null, true, 1, 0.5, '1_000', '2026-01-01', "x'y"]);
    assert.deepStrictEqual([value.o, value.p, value.u, value.v], [[1, '2', 'c d'], { q: 'r', s: ['t'] }, 'one\n\ntwo\n', 'one two\nthree']);
    assert.ok(Number.isNaN(value.g));
  });

  it('leaves to the library what it does not handle', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !tag x\n', 'a: "esc\\n"\n', 'a: multi\n  line\n', 'a:\n\tb: 1\n', 'a: 1\na: 2\n', 'a: [1,\n  2]\n', '? a\n: b\n', 'a: |+\n  x\n', '"quoted key": 1\n', '--- \na: 1\n']) {
      assert.strictEqual(parseFast(text), undefined, JSON.stringify(text));
    }
  });
});
