import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { yaml } from '../helpers';
import { LspClient } from './lsp-client';

interface SymbolInformation {
  name: string;
  kind: number;
  containerName?: string;
  location: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

const MARKETING = yaml(
  'kind: marketing',
  'title: Brightloom marketing',
  'period: {start: 2026-01-01, end: 2026-12-31}',
  'objectives:',
  '  - id: grow-clinics',
  '    statement: Grow the clinic segment',
  'goals:',
  '  - id: clinic-leads',
  '    statement: Generate 520 qualified leads from clinics through monthly webinars',
  '    supports: [grow-clinics]',
);
/** Never opened: the server knows it from the workspace index only. */
const SALES = yaml(
  'kind: sales',
  'title: Brightloom sales',
  'period: {start: 2026-01-01, end: 2026-12-31}',
  'alignsWith:',
  '  - marketing.plan.yaml',
  'goals:',
  '  - id: clinic-revenue',
  '    statement: Sign 40 clinics for 400,000 EUR of revenue through demos',
  '    supports: [grow-clinics]',
);
/** Never opened either, and read as bytes: a Romanian plan in a folder with diacritics, with CRLF line ends and an emoji before its goal's id. */
const ROMANIAN = yaml(
  'kind: sales',
  'title: Vânzări 🚀 – clinici din România',
  'alignsWith:',
  '  - ../marketing.plan.yaml',
  'goals:',
  '  - statement: Semnăm 40 de clinici „noi” 🏥 prin demonstrații, până în decembrie',
  '    id: demo-romania',
  '    supports: [grow-clinics]',
).replace(/\n/g, '\r\n');

/** Polls until `check` holds (the workspace is indexed in the background), at most 10 s. */
async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (check(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the workspace index (server over stdio)', () => {
  let folder = '';
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const symbols = (query: string) => client.connection.sendRequest('workspace/symbol', { query }) as Promise<SymbolInformation[]>;

  before(async () => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-index-')));
    fs.writeFileSync(path.join(folder, 'marketing.plan.yaml'), MARKETING);
    fs.mkdirSync(path.join(folder, 'sales'));
    fs.writeFileSync(path.join(folder, 'sales/sales.plan.yaml'), SALES.replace('- marketing.plan.yaml', '- ../marketing.plan.yaml'));
    fs.mkdirSync(path.join(folder, 'vânzări'));
    fs.writeFileSync(path.join(folder, 'vânzări/vânzări.plan.yaml'), ROMANIAN);
    for (const skipped of ['node_modules/pkg', '.git', 'build']) {
      fs.mkdirSync(path.join(folder, skipped), { recursive: true });
      fs.writeFileSync(path.join(folder, skipped, 'hidden.plan.yaml'), SALES.replace('clinic-revenue', 'hidden-goal').replace('- marketing.plan.yaml', '- ../marketing.plan.yaml'));
    }
    client = new LspClient();
    client.settings = {};
    // `files.exclude` of the folder leaves out build/.
    client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'files.exclude' ? { '**/build': true } : client.settings)));
    await client.initialize('en', { workspaceFolders: true }, undefined, [pathToFileURL(folder).toString()]);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('lists every plan’s goals and sections, open or not, leaving out node_modules, .git and files.exclude', async () => {
    const found = await eventually(() => symbols('clinic'), (list) => list.some((symbol) => symbol.name === 'clinic-revenue'));
    assert.deepStrictEqual(found.map((symbol) => `${symbol.name} (${symbol.containerName}) ${path.relative(folder, new URL(symbol.location.uri).pathname)}:${symbol.location.range.start.line + 1}`).sort(), [
      'clinic-leads (goals) marketing.plan.yaml:8',
      'clinic-revenue (goals) sales/sales.plan.yaml:7',
    ]);
    const sections = await symbols('period');
    assert.strictEqual(sections.length, 2, 'one period section per plan');
  });

  it('places the symbols of a closed plan with diacritics, an emoji and CRLF line ends where an editor shows them', async () => {
    const [goal] = await eventually(() => symbols('demo-romania'), (list) => list.length === 1);
    const line = ROMANIAN.split('\r\n').findIndex((text) => text.includes('demo-romania'));
    const character = ROMANIAN.split('\r\n')[line].indexOf('demo-romania');
    assert.deepStrictEqual(goal.location, { uri: uriOf('vânzări/vânzări.plan.yaml'), range: { start: { line, character }, end: { line, character: character + 'demo-romania'.length } } });
    const title = await symbols('title');
    assert.ok(title.some((symbol) => symbol.location.uri === uriOf('vânzări/vânzări.plan.yaml') && symbol.location.range.start.line === 1));
  });

  it('finds references in a plan that links here and is not open', async () => {
    const uri = uriOf('marketing.plan.yaml');
    await client.open(uri, MARKETING);
    const position = { line: 4, character: 10 };
    const references = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } })) as { uri: string }[];
    assert.deepStrictEqual(references.map((location) => path.relative(folder, fileURLToPath(location.uri))).sort(), ['marketing.plan.yaml', 'sales/sales.plan.yaml', 'vânzări/vânzări.plan.yaml']);
  });

  it('renames into the closed plan in the same workspace edit', async () => {
    const uri = uriOf('marketing.plan.yaml');
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 4, character: 10 }, newName: 'grow-private-clinics' })) as { changes?: Record<string, unknown[]> };
    assert.deepStrictEqual(Object.keys(edit.changes ?? {}).map((target) => path.relative(folder, fileURLToPath(target))).sort(), ['marketing.plan.yaml', 'sales/sales.plan.yaml', 'vânzări/vânzări.plan.yaml']);
  });

  it('follows plans created, changed and deleted on disk', async () => {
    const added = path.join(folder, 'events.plan.yaml');
    fs.writeFileSync(added, MARKETING.replace('clinic-leads', 'clinic-events'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).toString(), type: 1 }] });
    assert.ok((await eventually(() => symbols('clinic-events'), (list) => list.length === 1)).length === 1, 'a created plan is indexed');
    fs.rmSync(added);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).toString(), type: 3 }] });
    assert.deepStrictEqual(await eventually(() => symbols('clinic-events'), (list) => list.length === 0), [], 'a deleted plan is forgotten');
  });

  it('re-checks an open plan when a plan that links to it changes on disk', async () => {
    const uri = uriOf('marketing.plan.yaml');
    const next = client.nextDiagnostics(uri);
    fs.writeFileSync(path.join(folder, 'sales/sales.plan.yaml'), SALES.replace('- marketing.plan.yaml', '- ../marketing.plan.yaml').replace('clinic-revenue', 'clinic-renewals'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('sales/sales.plan.yaml'), type: 2 }] });
    const published = await next;
    assert.strictEqual(published.uri, uri);
  });
});

describe('a plan opened before the workspace is indexed (server over stdio)', () => {
  it('is checked again once indexed, with the plans that name it and are not open', async () => {
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-index-late-')));
    const client = new LspClient();
    try {
      fs.writeFileSync(path.join(folder, 'marketing.plan.yaml'), MARKETING.replace('title: Brightloom marketing', 'title: Brightloom marketing\ncurrency: EUR'));
      // Closed, never opened: only the index says it names the marketing plan; its currency differs.
      fs.writeFileSync(path.join(folder, 'sales.plan.yaml'), SALES.replace('title: Brightloom sales', 'title: Brightloom sales\ncurrency: RON'));
      await client.initialize('en', { workspaceFolders: true }, undefined, [pathToFileURL(folder).toString()]);
      const uri = pathToFileURL(path.join(folder, 'marketing.plan.yaml')).toString();
      const codes = (published: { diagnostics: { code: string }[] }) => published.diagnostics.map((diagnostic) => diagnostic.code);
      // Opened at once: checked before the workspace is searched, without the sales plan.
      const first = await client.open(uri, fs.readFileSync(path.join(folder, 'marketing.plan.yaml'), 'utf8'));
      assert.ok(!codes(first).includes('align/currency'), codes(first).join(', '));
      const again = await Promise.race([client.nextDiagnostics(uri), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10_000))]);
      assert.ok(again, 'checked again once the workspace was indexed');
      assert.ok(codes(again).includes('align/currency'), codes(again).join(', '));
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
