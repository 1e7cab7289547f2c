import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { cursorAt, ROOT, yaml } from '../helpers';
import { generatePlan } from '../../bench/generate';
import { applyLspEdits, LspClient, serverForSuite } from './lsp-client';

type Position = { line: number; character: number };
type Range = { start: Position; end: Position };
interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}

const EXAMPLE = path.join(ROOT, 'examples/marketing.plan.yaml');

/** A marketing plan aligned with a sales plan whose objective it supports. */
const MARKETING = yaml(
  'kind: marketing',
  'title: Brightloom marketing',
  'period: {start: 2026-01-01, end: 2026-12-31}',
  'alignsWith: [sales.plan.yaml]',
  'kpis:',
  '  - id: leads',
  '    name: Qualified leads',
  'goals:',
  '  - id: pipeline',
  '    statement: Generate 520 qualified leads from clinics through monthly webinars',
  '    kpi: leads',
  '    supports: [win-cl|inics]',
);
const SALES = yaml(
  'kind: sales',
  'title: Brightloom sales',
  'period: {start: 2026-01-01, end: 2026-12-31}',
  'alignsWith: [marketing.plan.yaml]',
  'objectives:',
  '  - id: win-clinics',
  '    statement: Win 40 private clinics',
  'goals:',
  '  - id: clinic-revenue',
  '    statement: Sign 40 clinics for 400,000 EUR of revenue through demos',
  '    supports: [win-clinics]',
);

function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

describe('navigation over stdio', function () {
  this.timeout(20000);
  let client: LspClient;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-navigation-'));
    client = new LspClient();
    const result = (await client.initialize('en', { workspaceEdit: { documentChanges: true } })) as { capabilities: Record<string, unknown> };
    const { capabilities } = result;
    assert.deepStrictEqual(
      [capabilities.foldingRangeProvider, capabilities.definitionProvider, capabilities.referencesProvider, capabilities.documentHighlightProvider, capabilities.renameProvider],
      [true, true, true, true, { prepareProvider: true }],
    );
    assert.ok(capabilities.documentSymbolProvider);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Writes plans into a sub-folder of the temp folder; returns their URIs. */
  function write(sub: string, files: Record<string, string>): Record<string, string> {
    fs.mkdirSync(path.join(folder, sub), { recursive: true });
    const uris: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) {
      fs.writeFileSync(path.join(folder, sub, name), text);
      uris[name] = pathToFileURL(path.join(folder, sub, name)).toString();
    }
    return uris;
  }

  const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;

  it('outlines examples/marketing.plan.yaml', async () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const uri = pathToFileURL(EXAMPLE).toString();
    await client.open(uri, text);
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepStrictEqual(symbols.map((symbol) => symbol.name), [
      'kind', 'version', 'title', 'owner', 'period', 'currency', 'language', 'alignsWith', 'summary', 'objectives', 'market', 'personas',
      'kpis', 'goals', 'positioning', 'strategies', 'mix', 'budget', 'calendar', 'channels', 'content', 'measurement',
    ]);
    const kpis = symbols.find((symbol) => symbol.name === 'kpis')!;
    assert.strictEqual(kpis.kind, 2, 'a section is a module');
    assert.strictEqual(kpis.detail, '9 items');
    assert.deepStrictEqual(kpis.selectionRange, range(107, 0, 107, 4));
    assert.deepStrictEqual(kpis.range, range(107, 0, 179, 24), 'from the key to the last KPI, trailing line break left out');
    const [leads] = kpis.children!;
    assert.deepStrictEqual([leads.name, leads.detail, leads.kind], ['Sales-qualified leads', 'leads', 16]);
    assert.deepStrictEqual(leads.selectionRange, range(108, 8, 108, 13));
    const calendar = symbols.find((symbol) => symbol.name === 'calendar')!;
    assert.deepStrictEqual(calendar.children!.map((activity) => activity.kind), Array(7).fill(24), 'activities are events');
    const swot = symbols.find((symbol) => symbol.name === 'market')!.children!.find((symbol) => symbol.name === 'swot')!;
    assert.deepStrictEqual(swot.children!.map((quadrant) => quadrant.name), ['strengths', 'weaknesses', 'opportunities', 'threats']);
    const allocations = symbols.find((symbol) => symbol.name === 'budget')!.children!.find((symbol) => symbol.name === 'allocations')!;
    assert.deepStrictEqual(allocations.children!.map((allocation) => allocation.name), ['linkedin-ads', 'website', 'webinars', 'newsletter', 'instagram', 'office-tastings', 'hr-events']);
  });

  it('folds examples/marketing.plan.yaml', async () => {
    const uri = pathToFileURL(EXAMPLE).toString();
    const folds = await request<{ startLine: number; endLine: number; kind?: string }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepStrictEqual(folds[0], { startLine: 0, endLine: 2, kind: 'comment' });
    assert.ok(folds.some((fold) => fold.startLine === 7 && fold.endLine === 9), 'period');
    assert.ok(folds.some((fold) => fold.startLine === 14 && fold.endLine === 26), 'the summary block');
    assert.ok(folds.some((fold) => fold.startLine === 107 && fold.endLine === 179), 'kpis');
    assert.ok(folds.every((fold) => fold.endLine > fold.startLine));
  });

  it('goes to a definition in a plan named by alignsWith that is not open', async () => {
    const { text, position } = cursorAt(MARKETING);
    const uris = write('definition', { 'marketing.plan.yaml': text, 'sales.plan.yaml': SALES.replace('|', '') });
    await client.open(uris['marketing.plan.yaml'], text);
    const locations = await request<{ uri: string; range: Range }[]>('textDocument/definition', { textDocument: { uri: uris['marketing.plan.yaml'] }, position });
    assert.deepStrictEqual(locations, [{ uri: uris['sales.plan.yaml'], range: range(5, 8, 5, 19) }]);
    // On the definition itself: itself.
    const own = await request<{ uri: string; range: Range }[]>('textDocument/definition', { textDocument: { uri: uris['marketing.plan.yaml'] }, position: { line: 5, character: 10 } });
    assert.deepStrictEqual(own, [{ uri: uris['marketing.plan.yaml'], range: range(5, 8, 5, 13) }]);
  });

  describe('with two linked plans open', () => {
    let uris: Record<string, string>;
    const marketing = MARKETING.replace('|', '');

    before(async () => {
      uris = write('linked', { 'marketing.plan.yaml': marketing, 'sales.plan.yaml': SALES, 'unrelated.plan.yaml': SALES.replace('alignsWith: [marketing.plan.yaml]\n', '') });
      await client.open(uris['marketing.plan.yaml'], marketing, 3);
      await client.open(uris['sales.plan.yaml'], SALES, 5);
    });

    it('finds the references in both plans, with the declaration when asked', async () => {
      const params = (includeDeclaration: boolean) => ({ textDocument: { uri: uris['sales.plan.yaml'] }, position: { line: 5, character: 12 }, context: { includeDeclaration } });
      const withDeclaration = await request<{ uri: string; range: Range }[]>('textDocument/references', params(true));
      assert.deepStrictEqual(withDeclaration, [
        { uri: uris['sales.plan.yaml'], range: range(5, 8, 5, 19) },
        { uri: uris['sales.plan.yaml'], range: range(10, 15, 10, 26) },
        { uri: uris['marketing.plan.yaml'], range: range(11, 15, 11, 26) },
      ]);
      const without = await request<{ uri: string; range: Range }[]>('textDocument/references', params(false));
      assert.deepStrictEqual(without, withDeclaration.slice(1));
    });

    it('highlights the definition (write) and references (read) in the document', async () => {
      const highlights = await request<{ range: Range; kind: number }[]>('textDocument/documentHighlight', { textDocument: { uri: uris['marketing.plan.yaml'] }, position: { line: 10, character: 11 } });
      assert.deepStrictEqual(highlights, [
        { range: range(5, 8, 5, 13), kind: 3 },
        { range: range(10, 9, 10, 14), kind: 2 },
      ]);
    });

    it('prepares a rename on an id, and refuses elsewhere with a message', async () => {
      const prepared = await request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uris['marketing.plan.yaml'] }, position: { line: 11, character: 20 } });
      assert.deepStrictEqual(prepared, { range: range(11, 15, 11, 26), placeholder: 'win-clinics' });
      await assert.rejects(request('textDocument/prepareRename', { textDocument: { uri: uris['marketing.plan.yaml'] }, position: { line: 1, character: 10 } }), /Only an id can be renamed/);
    });

    it('renames across both plans in one versioned workspace edit, and no other file', async () => {
      const edit = await request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uris['marketing.plan.yaml'] }, position: { line: 11, character: 20 }, newName: 'win-private-clinics' });
      assert.strictEqual(edit.changes, undefined);
      assert.deepStrictEqual(edit.documentChanges!.map((change) => change.textDocument), [
        { uri: uris['marketing.plan.yaml'], version: 3 },
        { uri: uris['sales.plan.yaml'], version: 5 },
      ]);
      const [marketingEdit, salesEdit] = edit.documentChanges!;
      assert.strictEqual(applyLspEdits(marketing, marketingEdit.edits), marketing.replace('[win-clinics]', '[win-private-clinics]'));
      assert.strictEqual(applyLspEdits(SALES, salesEdit.edits), SALES.replace(/win-clinics/g, 'win-private-clinics'));
    });

    it('refuses a name that is not kebab-case or that the section already has', async () => {
      const at = { textDocument: { uri: uris['sales.plan.yaml'] }, position: { line: 5, character: 12 } };
      await assert.rejects(request('textDocument/rename', { ...at, newName: 'Win Clinics' }), (error: Error) => {
        assert.strictEqual(error.message, '`Win Clinics` is not a valid id: ids are lowercase kebab-case, such as `win-clinics`.');
        return true;
      });
      const sales = SALES.replace('statement: Win 40 private clinics\n', 'statement: Win 40 private clinics\n  - id: keep-clinics\n    statement: Keep clinics\n');
      await client.change(uris['sales.plan.yaml'], 6, [{ text: sales }]);
      await assert.rejects(request('textDocument/rename', { ...at, newName: 'keep-clinics' }), /An item of `objectives` in sales\.plan\.yaml is already called `keep-clinics`/);
    });
  });

  it('answers with `changes` to a client without versioned edits, and refuses in its language', async () => {
    const romanian = new LspClient();
    try {
      await romanian.initialize('ro');
      const { text, position } = cursorAt(MARKETING);
      const uris = write('plain', { 'marketing.plan.yaml': text, 'sales.plan.yaml': SALES });
      await romanian.open(uris['marketing.plan.yaml'], text);
      const edit = (await romanian.connection.sendRequest('textDocument/rename', { textDocument: { uri: uris['marketing.plan.yaml'] }, position, newName: 'clinics' })) as WorkspaceEdit;
      assert.strictEqual(edit.documentChanges, undefined);
      assert.deepStrictEqual(Object.keys(edit.changes!).sort(), [uris['marketing.plan.yaml'], uris['sales.plan.yaml']].sort());
      assert.strictEqual(applyLspEdits(SALES, edit.changes![uris['sales.plan.yaml']]), SALES.replace(/win-clinics/g, 'clinics'));
      await assert.rejects(
        romanian.connection.sendRequest('textDocument/rename', { textDocument: { uri: uris['marketing.plan.yaml'] }, position, newName: 'Clinici' }),
        /nu este un id valid/,
      );
    } finally {
      await romanian.stop();
    }
  });
});

describe('requests while a large plan is checked', () => {
  const server = serverForSuite('plan-settle-');

  it('answers the outline of a plan after the diagnostics of the version it was asked about', async () => {
    const uri = server.uriOf('large.plan.yaml');
    await server.client.open(uri, generatePlan('sales', 20000));
    const order: string[] = [];
    const published = server.client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]).then(() => order.push('diagnostics'));
    const outline = server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).then((symbols) => order.push(`outline of ${(symbols as unknown[]).length} sections`));
    await Promise.all([published, outline]);
    assert.strictEqual(order[0], 'diagnostics');
    assert.match(order[1], /^outline of [1-9]\d* sections$/);
  });
});

describe('an untitled plan', function () {
  this.timeout(30000);

  it('is checked and answered without reading a .planrc.yaml from wherever the server runs', async () => {
    // A .planrc.yaml in the server's working directory that would make every plan too large.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-untitled-'));
    fs.writeFileSync(path.join(folder, '.planrc.yaml'), 'maxFileSize: 10\n');
    const client = new LspClient(folder);
    try {
      await client.initialize();
      const uri = 'untitled:Untitled-1';
      const text = 'kind: sales\ntitle: Draft\nperiod: {start: 2026-01-01, end: 2026-12-31}\ngoals:\n  - id: g\n    statement: Grow\n';
      const published = await client.open(uri, text);
      assert.ok(!published.diagnostics.some((diagnostic) => diagnostic.code === 'plan/too-large'), 'checked');
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
      assert.ok(symbols.length >= 3, `an outline of ${symbols.length} entries`);
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
