import * as assert from 'assert';
import { nodeAt, parsePlan } from '../../server/src/core/parse/parse';
import { LineIndex } from '../../server/src/core/base/text';
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

  it("applies merge keys, letting the mapping's own keys win", () => {
    const merged = 'x-defaults: &defaults {frequency: monthly, source: CRM}\nkpi:\n  <<: *defaults\n  source: Survey\n';
    const result = parsePlan(merged);
    assert.deepStrictEqual((result.value as { kpi: object }).kpi, { source: 'Survey', frequency: 'monthly' });
    const frequency = nodeAt(result.root, ['kpi', 'frequency'])!;
    assert.strictEqual(merged.slice(frequency.start, frequency.end), 'monthly');
  });

  it('marks a duplicate key whole, and names it', () => {
    const duplicated = 'kind: sales\ntitle: A\ntitle: B\n';
    const [problem] = parsePlan(duplicated).syntax;
    assert.strictEqual(duplicated.slice(problem.start, problem.end), 'title');
    assert.strictEqual(problem.detail, 'title');
  });

  it('re-indents tab-indented lines where they belong and maps offsets back', () => {
    const tabbed = 'period:\n\tstart: 2026-01-01\n  end: 2026-12-31\n';
    const result = parsePlan(tabbed);
    assert.deepStrictEqual(result.value, { period: { start: '2026-01-01', end: '2026-12-31' } });
    assert.deepStrictEqual(result.syntax.map((problem) => [problem.code, problem.start]), [['TAB_AS_INDENT', 8]]);
    const start = nodeAt(result.root, ['period', 'start'])!;
    assert.strictEqual(tabbed.slice(start.start, start.end), '2026-01-01');
    const end = nodeAt(result.root, ['period', 'end'])!;
    assert.strictEqual(tabbed.slice(end.start, end.end), '2026-12-31');
  });

  it('reports an unclosed quote where it opens', () => {
    const unclosed = 'kind: sales\ntitle: "Plan 2026\nperiod: {start: 2026-01-01}\n';
    const problem = parsePlan(unclosed).syntax.find((p) => p.code === 'MISSING_CHAR')!;
    assert.strictEqual(problem.start, unclosed.indexOf('"'));
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
