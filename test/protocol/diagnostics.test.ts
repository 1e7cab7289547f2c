import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { ROOT } from '../helpers';
import { LspClient, positionOf, type PublishedDiagnostics } from './lsp-client';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

function codes(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map((diagnostic) => diagnostic.code);
}

describe('language server over stdio', function () {
  this.timeout(20000);
  let client: LspClient;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-protocol-'));
    client = new LspClient();
    const result = (await client.initialize()) as { capabilities: { textDocumentSync: number } };
    assert.strictEqual(result.capabilities.textDocumentSync, 2, 'incremental sync');
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  function uriOf(name: string): string {
    return pathToFileURL(path.join(folder, name)).toString();
  }

  it('publishes nothing for a clean plan, with the document version', async () => {
    const published = await client.open(uriOf('clean.plan.yaml'), CLEAN, 7);
    assert.strictEqual(published.version, 7);
    assert.deepStrictEqual(published.diagnostics, []);
  });

  it('publishes diagnostics with rule codes, ranges, severities and documentation links', async () => {
    const text = CLEAN.replace('    deadline: 2026-09-30', '    deadline: 2027-09-30').replace('    kpi: cpl\n', '    kpi: cpll\n');
    const published = await client.open(uriOf('flawed.plan.yaml'), text);
    assert.deepStrictEqual(codes(published), ['smart/time-bound', 'ref/undefined']);
    const [deadline, reference] = published.diagnostics;
    assert.deepStrictEqual(reference.range.start, { ...positionOf(text, 'cpll') });
    assert.deepStrictEqual(reference.range.end, { ...positionOf(text, 'cpll'), character: positionOf(text, 'cpll').character + 4 });
    assert.strictEqual(reference.severity, 1);
    assert.strictEqual(reference.source, 'plan');
    assert.match(reference.message, /did you mean `cpl`\?/i);
    assert.deepStrictEqual(deadline.range.start, positionOf(text, '2027-09-30'));
    assert.strictEqual(deadline.severity, 2);
    const docs = fileURLToPath(deadline.codeDescription!.href);
    assert.ok(fs.existsSync(docs), `${docs} exists`);
  });

  it('re-checks on every edit and drops fixed problems', async () => {
    const uri = uriOf('edited.plan.yaml');
    const broken = CLEAN.replace('    owner: Radu Marin\n', '');
    const first = await client.open(uri, broken, 1);
    assert.deepStrictEqual(codes(first), ['smart/specific']);
    const at = positionOf(broken, '    supports: [clinic-demand]\nmarket');
    const fixed = await client.change(uri, 2, [{ range: { start: at, end: at }, text: '    owner: Radu Marin\n' }]);
    assert.deepStrictEqual(codes(fixed), []);
  });

  it("ends a burst of keystrokes with the last version's diagnostics, never an older version's after it", async () => {
    const uri = uriOf('burst.plan.yaml');
    await client.open(uri, CLEAN, 1);
    // Every other version lacks the goal's owner: a check of it published last would show a finding the plan no longer has.
    const flawed = CLEAN.replace('    owner: Radu Marin\n', '');
    const published: number[] = [];
    for (let version = 2; version <= 6; version++) void client.nextDiagnostics(uri, version).then(() => published.push(version));
    const last = client.nextDiagnostics(uri, 6);
    for (let version = 2; version <= 6; version++) {
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: version % 2 === 0 ? CLEAN : flawed }] });
    }
    assert.deepStrictEqual(codes(await last), []);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(published.at(-1), 6, `published in the order ${published.join(', ')}`);
    assert.deepStrictEqual(published, [...published].sort((a, b) => a - b), 'in the order of the versions');
  });

  it('reports broken YAML and keeps serving', async () => {
    const uri = uriOf('broken.plan.yaml');
    const published = await client.open(uri, 'kind: marketing\ntitle: [unclosed\nperiod: {start: 2026-01-01}\n');
    assert.ok(codes(published).includes('yaml/syntax'));
    const again = await client.open(uriOf('after-broken.plan.yaml'), CLEAN);
    assert.deepStrictEqual(codes(again), []);
  });

  it('applies settings changes without a reload', async () => {
    const uri = uriOf('settings.plan.yaml');
    const text = CLEAN.replace('    deadline: 2026-09-30\n', '');
    assert.deepStrictEqual(codes(await client.open(uri, text)), ['smart/time-bound']);
    client.settings = { rules: { 'smart/time-bound': 'error' } };
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.strictEqual((await next).diagnostics[0].severity, 1);
    client.settings = { rules: { 'smart/*': 'off' } };
    const off = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual(codes(await off), []);
    client.settings = {};
  });

  it('reads .planrc.yaml and follows its changes', async () => {
    const uri = uriOf('planrc.plan.yaml');
    const text = CLEAN.replace('    deadline: 2026-09-30\n', '');
    const config = path.join(folder, '.planrc.yaml');
    fs.writeFileSync(config, 'rules:\n  smart/time-bound: hint\n');
    // The editor's file watcher reports the new file, as VS Code's would.
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 1 }] });
    const published = await client.open(uri, text);
    assert.strictEqual(published.diagnostics[0].severity, 4);
    fs.writeFileSync(config, 'rules:\n  smart/time-bound: off\n');
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 2 }] });
    assert.deepStrictEqual(codes(await next), []);
    fs.rmSync(config);
    const restored = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 3 }] });
    assert.deepStrictEqual(codes(await restored), ['smart/time-bound']);
  });

  it('resolves references into an aligned plan that is open, and re-checks when it changes', async () => {
    const salesUri = uriOf('sales.plan.yaml');
    const sales = 'kind: sales\ntitle: Sales\nperiod: {start: 2026-01-01, end: 2026-12-31}\nobjectives:\n  - id: win-clinics\n    statement: Win clinics\n';
    await client.open(salesUri, sales);
    const marketingUri = uriOf('aligned.plan.yaml');
    const marketing = CLEAN.replace('language: en\n', 'language: en\nalignsWith: [sales.plan.yaml]\n').replace('supports: [clinic-demand]\n  - id: cheaper', 'supports: [win-clinics]\n  - id: cheaper');
    assert.deepStrictEqual(codes(await client.open(marketingUri, marketing)), []);
    const recheck = client.nextDiagnostics(marketingUri);
    const at = positionOf(sales, 'win-clinics');
    await client.change(salesUri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 11 } }, text: 'win-offices' }]);
    assert.deepStrictEqual(codes(await recheck), ['ref/undefined']);
  });

  it('clears diagnostics when a plan is closed', async () => {
    const uri = uriOf('flawed.plan.yaml');
    const cleared = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepStrictEqual((await cleared).diagnostics, []);
  });

  it('speaks the editor language', async () => {
    const romanian = new LspClient();
    try {
      await romanian.initialize('ro');
      const published = await romanian.open(uriOf('ro.plan.yaml'), CLEAN.replace('language: en\n', '').replace('    deadline: 2026-09-30\n', ''));
      assert.match(published.diagnostics[0].message, /nu are `deadline`/);
    } finally {
      await romanian.stop();
    }
  });
});
