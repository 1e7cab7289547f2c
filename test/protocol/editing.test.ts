import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';
import { positionOf, serverForSuite } from './lsp-client';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

interface Item {
  label: string;
  kind: number;
  insertTextFormat: number;
  textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  documentation?: { kind: string; value: string };
}

describe('completion and hover over stdio', function () {
  this.timeout(20000);
  const server = serverForSuite('plan-editing-');

  it('announces completion and hover', () => {
    assert.ok(server.capabilities.completionProvider);
    assert.strictEqual(server.capabilities.hoverProvider, true);
  });

  it('completes KPI ids inside `kpi:` with a text edit over the typed word', async () => {
    const text = CLEAN.replace('    kpi: cpl\n', '    kpi: cp\n');
    const uri = server.uriOf('complete.plan.yaml');
    await server.client.open(uri, text);
    const position = positionOf(text, '    kpi: cp\n', 11);
    const items = (await server.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as Item[];
    assert.deepStrictEqual(items.map((item) => item.label), ['qualified-leads', 'cpl']);
    assert.strictEqual(items[1].kind, 18, 'Reference');
    assert.deepStrictEqual(items[1].textEdit, { range: { start: { line: position.line, character: 9 }, end: position }, newText: 'cpl' });
  });

  it('completes a SMART goal skeleton as a snippet', async () => {
    const text = CLEAN.replace('goals:\n', 'goals:\n  - \n');
    const uri = server.uriOf('skeleton.plan.yaml');
    await server.client.open(uri, text);
    const items = (await server.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'goals:\n  - \n', 11) })) as Item[];
    const goal = items.find((item) => item.kind === 15)!;
    assert.strictEqual(goal.label, 'New SMART goal');
    assert.strictEqual(goal.insertTextFormat, 2, 'Snippet');
    assert.match(goal.textEdit.newText, /^id: \$\{1:new-goal\}\n  statement: /);
  });

  it('hovers a KPI reference with its definition, in markdown', async () => {
    const uri = server.uriOf('hover.plan.yaml');
    await server.client.open(uri, CLEAN);
    const position = positionOf(CLEAN, '    kpi: qualified-leads\n', 12);
    const result = (await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as { contents: { kind: string; value: string }; range: unknown };
    assert.strictEqual(result.contents.kind, 'markdown');
    assert.match(result.contents.value, /^\*\*Marketing-qualified leads\*\* `qualified-leads`\n\n400 → 520 count/);
    assert.deepStrictEqual(result.range, { start: { line: position.line, character: 9 }, end: { line: position.line, character: 24 } });
  });

  it("hovers an allocation's expected return with its ROI from the plan's figures", async () => {
    const uri = server.uriOf('hover.plan.yaml');
    const position = positionOf(CLEAN, 'expectedReturn: 120000', 18);
    const result = (await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as { contents: { kind: string; value: string } };
    // (120,000 − 40,000) ÷ 40,000.
    assert.strictEqual(result.contents.value, '**ROI** 200 %: (120,000 − 40,000) ÷ 40,000.');
  });

  it('marks references to undefined ids with a semantic token', async () => {
    const text = CLEAN.replace('    kpi: cpl\n', '    kpi: cpll\n');
    const uri = server.uriOf('tokens.plan.yaml');
    await server.client.open(uri, text);
    const tokens = (await server.client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
    const at = positionOf(text, 'cpll');
    assert.deepStrictEqual(tokens.data, [at.line, at.character, 4, 0, 0]);
    const clean = (await server.client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: server.uriOf('hover.plan.yaml') } })) as { data: number[] };
    assert.deepStrictEqual(clean.data, []);
  });

  it('explains a finding on its subject with the plan\'s numbers, judged on the client\'s day', async () => {
    const text = CLEAN.replace('    target: 520\n    deadline: 2026-09-30', '    target: 2000\n    deadline: 2026-09-30');
    const uri = server.uriOf('explain.plan.yaml');
    await server.client.open(uri, text);
    const position = positionOf(text, 'target: 2000', 9);
    const result = (await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as { contents: { value: string } };
    assert.match(result.contents.value, /^`smart\/achievable`: A goal is achievable when .* Here 400 → 2,000 by 2026-09-30 is a change of 400 % in 0\.75 years, so 535 % a year\./);
    // The client's `today` (2026-01-15) is the day: the goal's deadline has not passed.
    assert.doesNotMatch(result.contents.value, /plan\/stale/);
  });

  it('answers null where there is nothing to say', async () => {
    const uri = server.uriOf('hover.plan.yaml');
    const result = await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(CLEAN, 'Grow qualified demand', 3) });
    assert.strictEqual(result, null);
  });
});
