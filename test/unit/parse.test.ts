import * as assert from 'assert';
import { nodeAt, parsePlan } from '../../server/src/core/parse';
import { LineIndex } from '../../server/src/core/text';
import { yaml } from '../helpers';

describe('parsePlan and its source map', () => {
  const text = yaml(
    'kind: marketing   # a comment',
    'title: "Plan # one"',
    'goals:',
    '  - id: pipeline',
    '    kpi: [leads, cpl]',
    '  - id: brand',
    '    statement: |',
    '      # not a comment',
    '      Grow',
  );
  const parsed = parsePlan(text);

  it('gives the plan as data', () => {
    assert.deepStrictEqual(parsed.value, {
      kind: 'marketing',
      title: 'Plan # one',
      goals: [{ id: 'pipeline', kpi: ['leads', 'cpl'] }, { id: 'brand', statement: '# not a comment\nGrow\n' }],
    });
    assert.deepStrictEqual(parsed.syntax, []);
  });

  it('resolves a path to its key and value ranges', () => {
    const node = nodeAt(parsed.root, ['goals', 0, 'kpi', 1])!;
    assert.strictEqual(text.slice(node.start, node.end), 'cpl');
    const id = nodeAt(parsed.root, ['goals', 1, 'id'])!;
    assert.strictEqual(text.slice(id.keyStart, id.keyEnd), 'id');
    assert.strictEqual(text.slice(id.start, id.end), 'brand');
    assert.strictEqual(nodeAt(parsed.root, ['goals', 5]), undefined);
    assert.strictEqual(nodeAt(parsed.root, ['goals', 5], true), nodeAt(parsed.root, ['goals']));
  });

  it('keeps keys in source order', () => {
    assert.deepStrictEqual(parsed.root?.keys?.map((key) => key.key), ['kind', 'title', 'goals']);
  });

  it('finds comments but not # inside quotes', () => {
    assert.deepStrictEqual(parsed.comments.map((comment) => comment.text).slice(0, 1), ['a comment']);
    assert.ok(!parsed.comments.some((comment) => comment.text.startsWith('one')));
  });

  it('keeps what parses around a syntax error', () => {
    const broken = parsePlan('kind: sales\ntitle: [open\nperiod:\n  start: 2026-01-01\n');
    assert.ok(broken.syntax.length >= 1);
    assert.strictEqual((broken.value as { kind: string }).kind, 'sales');
  });

  it('reports later documents', () => {
    const two = parsePlan('kind: sales\n---\nkind: marketing\n');
    assert.strictEqual(two.extraDocuments.length, 1);
    assert.strictEqual((two.value as { kind: string }).kind, 'sales');
  });

  it('expands aliases and points into the anchor', () => {
    const aliased = 'x-owners: &owners [Ana, Radu]\nteam: *owners\n';
    const result = parsePlan(aliased);
    assert.deepStrictEqual((result.value as { team: string[] }).team, ['Ana', 'Radu']);
    const node = nodeAt(result.root, ['team'])!;
    assert.strictEqual(aliased.slice(node.start, node.end), '*owners');
  });

  it('measures columns in UTF-16 code units, as editors do', () => {
    const emoji = 'title: "🚀 Lansare în România"\nkind: x\n';
    const lines = new LineIndex(emoji);
    const node = nodeAt(parsePlan(emoji).root, ['kind'])!;
    assert.deepStrictEqual(lines.position(node.start), { line: 1, character: 6 });
    assert.strictEqual(lines.offset(1, 6), node.start);
  });

  it('handles CRLF line endings', () => {
    const crlf = 'kind: sales\r\ntitle: Plan\r\n';
    const node = nodeAt(parsePlan(crlf).root, ['title'])!;
    assert.strictEqual(crlf.slice(node.start, node.end), 'Plan');
    assert.deepStrictEqual(new LineIndex(crlf).position(node.start), { line: 1, character: 7 });
  });
});
