import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LineIndex } from '../../server/src/core/base/text';
import { ROOT } from '../helpers';
import { applyLspEdits, LspClient } from './lsp-client';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface LspEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: { code: string }[];
  edit?: { documentChanges: { textDocument: { uri: string; version: number }; edits: LspEdit[] }[] };
  command?: { title: string; command: string; arguments: unknown[] };
}
interface CodeLens {
  range: Range;
  command: { title: string; command: string; arguments?: unknown[] };
}
interface InlayHint {
  position: Position;
  label: string;
  paddingLeft?: boolean;
}

/** The range of the first occurrence of `needle` (after `after`, when given). */
function rangeOf(text: string, needle: string, after = ''): Range {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  assert.ok(offset !== -1, `"${needle}" not found`);
  const lines = new LineIndex(text);
  return { start: lines.position(offset), end: lines.position(offset + needle.length) };
}

function edited(from: string, to: string, text = CLEAN): string {
  assert.ok(text.includes(from), `"${from}" not found`);
  return text.replace(from, to);
}

describe('code actions, code lenses and inlay hints over stdio', function () {
  this.timeout(20000);
  let client: LspClient;
  let folder: string;
  const refreshes: string[] = [];

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-actions-'));
    client = new LspClient();
    client.connection.onRequest('workspace/codeLens/refresh', () => void refreshes.push('codeLens'));
    client.connection.onRequest('workspace/inlayHint/refresh', () => void refreshes.push('inlayHint'));
    const result = (await client.initialize('en', { workspaceEdit: { documentChanges: true }, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } })) as {
      capabilities: Record<string, unknown>;
    };
    assert.deepStrictEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.planAsCode'] });
    assert.deepStrictEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
    assert.strictEqual(result.capabilities.inlayHintProvider, true);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();

  const codeActions = (uri: string, range: Range, diagnostics: unknown[], only?: string[]) =>
    client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>;

  it('offers a diagnostic its fixes, then disabling the rule on the line and the rule documentation', async () => {
    const uri = uriOf('actions.plan.yaml');
    const text = edited('    kpi: cpl\n', '    kpi: cpll\n');
    const published = await client.open(uri, text, 3);
    const diagnostic = published.diagnostics.find((item) => item.code === 'ref/undefined')!;
    const actions = await codeActions(uri, diagnostic.range, [diagnostic]);
    assert.deepStrictEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred ?? false]),
      [
        ['Replace with `cpl`', 'quickfix', false],
        ['Create KPI `cpll`', 'quickfix', false],
        ['Disable `ref/undefined` for this line', 'quickfix', false],
        ['Open the documentation of `ref/undefined`', 'quickfix', false],
      ],
    );
    const [replace, create, disable, docs] = actions;
    assert.deepStrictEqual(replace.diagnostics?.map((item) => item.code), ['ref/undefined']);
    assert.deepStrictEqual(replace.edit!.documentChanges, [{ textDocument: { uri, version: 3 }, edits: [{ range: rangeOf(text, 'cpll'), newText: 'cpl' }] }]);
    const insertAt = rangeOf(text, 'goals:').start;
    assert.deepStrictEqual(create.edit!.documentChanges[0].edits, [
      { range: { start: insertAt, end: insertAt }, newText: '  - id: cpll\n    name: TODO\n    unit: count\n    baseline: 0\n    target: 50\n    frequency: monthly\n    source: TODO\n' },
    ]);
    const lineStart = { line: diagnostic.range.start.line, character: 0 };
    assert.deepStrictEqual(disable.edit!.documentChanges[0].edits, [{ range: { start: lineStart, end: lineStart }, newText: '    # plan-disable-next-line ref/undefined\n' }]);
    assert.deepStrictEqual(docs.command, { title: 'Open the documentation of `ref/undefined`', command: 'planAsCode.openRuleDocs', arguments: ['ref/undefined', 'en'] });
    assert.strictEqual(docs.edit, undefined);
  });

  it('prefers the replacement of an unknown key, and inserts missing sections', async () => {
    const uri = uriOf('preferred.plan.yaml');
    const text = edited('    type: online\n    kpis: [cpl]', '    typ: online\n    kpis: [cpl]').replace(/measurement:\n(  .*\n)+/, '');
    const published = await client.open(uri, text);
    assert.deepStrictEqual(published.diagnostics.map((item) => item.code), ['section/missing', 'schema/unknown-key']);
    const [missing, unknown] = published.diagnostics;
    const unknownActions = await codeActions(uri, unknown.range, [unknown]);
    assert.deepStrictEqual([unknownActions[0].title, unknownActions[0].isPreferred], ['Replace with `type`', true]);
    const sectionActions = await codeActions(uri, missing.range, [missing]);
    assert.strictEqual(sectionActions[0].title, 'Add the `measurement` section');
    const fixed = applyLspEdits(text, sectionActions[0].edit!.documentChanges[0].edits);
    assert.ok(fixed.endsWith('    frequency: quarterly\nmeasurement:\n  kpis: [qualified-leads, cpl]\n  tools: []\n  cadence: monthly\n  reviews: TODO\n'), fixed);
  });

  it('answers `source.fixAll.planAsCode` with every safe fix in one edit, and nothing else', async () => {
    const uri = uriOf('fix-all.plan.yaml');
    const text = edited('currency: EUR', 'currency: eur')
      .replace('    frequency: monthly\n    source: Ads', '    frequency: montly\n    source: Ads')
      .replace('    type: online\n    kpis: [cpl]', '    typ: online\n    kpis: [cpl]')
      .replace('    start: 2026-03-01\n    end: 2026-05-31', '    start: 2026-05-31\n    end: 2026-03-01')
      .replace('    kpi: cpl\n', '    kpi: cpll\n')
      .replace('    deadline: 2026-09-30\n', '');
    const published = await client.open(uri, text);
    assert.strictEqual(published.diagnostics.length, 6);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll, ...others] = await codeActions(uri, whole, [], ['source.fixAll.planAsCode']);
    assert.deepStrictEqual(others, []);
    assert.deepStrictEqual([fixAll.title, fixAll.kind], ['Fix all safe problems in this plan', 'source.fixAll.planAsCode']);
    // The unsafe ones stay: a reference that may be meant as a new KPI, a deadline to choose.
    const fixed = applyLspEdits(text, fixAll.edit!.documentChanges[0].edits);
    assert.strictEqual(fixed, CLEAN.replace('    kpi: cpl\n', '    kpi: cpll\n').replace('    deadline: 2026-09-30\n', ''));
    assert.strictEqual((await codeActions(uri, whole, [], ['source'])).length, 1, '`source` covers it');
    assert.deepStrictEqual(await codeActions(uri, whole, published.diagnostics, ['quickfix']).then((actions) => actions.filter((action) => action.kind !== 'quickfix')), []);
  });

  it("shows each goal's SMART score and the budget on code lenses", async () => {
    const uri = uriOf('lenses.plan.yaml');
    const text = edited('    deadline: 2026-09-30\n', '');
    await client.open(uri, text);
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.deepStrictEqual(lenses, [
      { range: rangeOf(text, 'pipeline'), command: { title: 'SMART 4/5 — not time-bound', command: 'planAsCode.revealRange', arguments: [uri, rangeOf(text, 'pipeline')] } },
      { range: rangeOf(text, 'cheaper-leads', 'goals:'), command: { title: 'SMART 5/5', command: '' } },
      { range: rangeOf(text, 'budget'), command: { title: 'Allocated 100,000 of 100,000 EUR (100 %)', command: '' } },
    ]);
  });

  it('shows shares, ROI and annualised changes as inlay hints in the requested range', async () => {
    const uri = uriOf('hints.plan.yaml');
    await client.open(uri, CLEAN);
    const after = (needle: string, from = '') => rangeOf(CLEAN, needle, from).end;
    const request = (range: Range) => client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range }) as Promise<InlayHint[]>;
    const all = await request({ start: { line: 0, character: 0 }, end: new LineIndex(CLEAN).position(CLEAN.length) });
    assert.deepStrictEqual(all, [
      { position: after('    target: 520', 'goals:'), label: '+40 %/yr', paddingLeft: true },
      { position: after('    target: 50', '- id: cheaper-leads'), label: '−17 %/yr', paddingLeft: true },
      { position: after('amount: 40000'), label: '40 % · ROI 200 %', paddingLeft: true },
      { position: after('amount: 60000'), label: '60 % · ROI 150 %', paddingLeft: true },
    ]);
    const budgetOnly = await request({ start: rangeOf(CLEAN, 'budget:').start, end: rangeOf(CLEAN, 'calendar:').start });
    assert.deepStrictEqual(budgetOnly.map((hint) => hint.label), ['40 % · ROI 200 %', '60 % · ROI 150 %']);
  });

  it('asks the client to refresh lenses and hints when the settings change', async () => {
    refreshes.length = 0;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    for (let wait = 0; wait < 50 && refreshes.length < 2; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepStrictEqual(refreshes.sort(), ['codeLens', 'inlayHint']);
  });
});
