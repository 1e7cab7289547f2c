/**
 * The web worker build of the language server (`server/out/browser.js`, what VS Code for the
 * Web runs) in headless Chromium: a page starts it in a Worker, and this suite speaks LSP to it
 * through the page, as the browser client would. The same plan, with a linked plan and a
 * `.planrc.yaml` that only the client can read, must get the same diagnostics as from the
 * Node.js server (`server/out/server.js`) reading them from disk.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Disposable, type Message, type MessageConnection } from 'vscode-jsonrpc/node';
import { generatePlan } from '../../bench/generate';
import { ReadFileRequest, RenderRequest, type InitializationOptions } from '../../shared/protocol';
import { ROOT } from '../helpers';
import { LspClient, positionOf, type PublishedDiagnostics } from '../protocol/lsp-client';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

declare const window: any;

const ORIGIN = 'https://plan-web.test';
const BUNDLE = path.join(ROOT, 'server/out/browser.js');
/** Where the browser client says the extension is: the rule pages that diagnostics link to are under it. */
const EXTENSION_URI = `${ORIGIN}/extension`;
/** The repository as VS Code for the Web names it (`@vscode/test-web` mounts folders so). */
const FOLDER_URI = 'vscode-test-web://mount/repo';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');
const SALES = 'kind: sales\ntitle: Sales\nperiod: {start: 2026-01-01, end: 2026-12-31}\nobjectives:\n  - id: win-clinics\n    statement: Win clinics\n';
/** A plan with mistakes whose check needs its linked plan (`win-clinics`) and the repository's `.planrc.yaml` (time-bound is an error there). */
const MARKETING = CLEAN.replace('language: en\n', 'language: en\nalignsWith: [sales.plan.yaml]\n')
  .replace('supports: [clinic-demand]\n  - id: cheaper', 'supports: [win-clinics]\n  - id: cheaper')
  .replace('    deadline: 2026-09-30', '    deadline: 2027-09-30')
  .replace('    kpi: cpl\n', '    kpi: cpll\n');
/** The repository, by path inside it. */
const FILES: Record<string, string> = {
  '.planrc.yaml': 'rules:\n  smart/time-bound: error\n',
  'plans/sales.plan.yaml': SALES,
  'plans/marketing.plan.yaml': MARKETING,
};

/** Messages to and from the worker, through the page: the page posts them, this side sees them. */
class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  receive(message: Message): void {
    this.callback?.(message);
  }
}

class PageWriter extends AbstractMessageWriter {
  /** In order: one message is posted after the other. */
  private queue: Promise<void> = Promise.resolve();
  constructor(private readonly page: Page) {
    super();
  }
  write(message: Message): Promise<void> {
    this.queue = this.queue.then(() => this.page.evaluate((sent) => window.planToServer(sent), message as unknown));
    return this.queue;
  }
  end(): void {}
}

/** A diagnostic as JSON has it (the worker's messages are structured clones, which keep undefined), without its link. */
const strip = ({ codeDescription: _, ...rest }: PublishedDiagnostics['diagnostics'][number]) => JSON.parse(JSON.stringify(rest)) as unknown;

describe('language server in a web worker (Chromium)', function () {
  this.timeout(60000);
  let browser: Browser | undefined;
  let page: Page;
  let connection: MessageConnection;
  let folder: string;
  const published: PublishedDiagnostics[] = [];
  let waiters: { uri: string; resolve: (published: PublishedDiagnostics) => void }[] = [];
  const asked: string[] = [];
  const workerErrors: string[] = [];

  const uriOf = (name: string) => `${FOLDER_URI}/${name}`;
  const nextDiagnostics = (uri: string) => new Promise<PublishedDiagnostics>((resolve) => waiters.push({ uri, resolve }));

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      // Only here is a missing browser a skip: the preview's Chromium tests say how to install it.
      console.warn(`    (skipped: ${CHROMIUM} is missing; apt-get install -y chromium)`);
      this.skip();
    }
    assert.ok(fs.existsSync(BUNDLE), `${path.relative(ROOT, BUNDLE)} is missing: run npm run build`);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-web-'));
    for (const [name, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext();
    await context.route(`${ORIGIN}/**`, (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname === '/server/out/browser.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(BUNDLE, 'utf8') });
      // The worker's only page: what starts it and passes its messages on.
      if (pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Plan as Code server</title>' });
      return route.fulfill({ status: 404, body: '' });
    });
    page = await context.newPage();
    page.on('pageerror', (error) => workerErrors.push(error.message));
    page.on('worker', (worker) => worker.on('console', (message) => message.type() === 'error' && workerErrors.push(message.text())));
    const reader = new PageReader();
    await page.exposeFunction('planFromServer', (message: Message) => reader.receive(message));
    await page.exposeFunction('planWorkerError', (message: string) => workerErrors.push(message));
    await page.goto(`${ORIGIN}/`);
    await page.evaluate(() => {
      const worker = new window.Worker('/server/out/browser.js', { name: 'Plan as Code' });
      worker.onmessage = (event: { data: unknown }) => window.planFromServer(event.data);
      worker.onerror = (event: { message: string }) => window.planWorkerError(event.message);
      window.planToServer = (message: unknown) => worker.postMessage(message);
    });

    connection = createMessageConnection(reader, new PageWriter(page));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    // What the browser client does with `vscode.workspace.fs`: the repository's files, null when missing.
    connection.onRequest(ReadFileRequest.type, ({ uri }) => {
      asked.push(uri);
      const file = path.join(folder, uri.slice(FOLDER_URI.length + 1));
      return uri.startsWith(`${FOLDER_URI}/`) && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      published.push(params);
      const waiting = waiters.filter((waiter) => waiter.uri === params.uri);
      waiters = waiters.filter((waiter) => waiter.uri !== params.uri);
      for (const waiter of waiting) waiter.resolve(params);
    });
    connection.listen();
    const initializationOptions: InitializationOptions = { workspaceTrusted: true, extensionUri: EXTENSION_URI };
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: FOLDER_URI,
      workspaceFolders: [{ uri: FOLDER_URI, name: 'repo' }],
      locale: 'en',
      initializationOptions,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    connection?.dispose();
    await browser?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('gives a plan the diagnostics the Node.js server gives it, linked plan and .planrc.yaml read through the client', async () => {
    const uri = uriOf('plans/marketing.plan.yaml');
    const opened = nextDiagnostics(uri);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plan-yaml', version: 1, text: MARKETING } });
    // The first diagnostics already count the linked plan and the configuration: they were read before the check.
    const inBrowser = await opened;

    const node = new LspClient();
    let onNode: PublishedDiagnostics;
    try {
      await node.initialize();
      onNode = await node.open(`file://${path.join(folder, 'plans/marketing.plan.yaml')}`, MARKETING);
    } finally {
      await node.stop();
    }

    assert.strictEqual(inBrowser.version, 1);
    assert.deepStrictEqual(inBrowser.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.source]), [
      ['smart/time-bound', 1, 'plan'], // an error: the repository's .planrc.yaml says so
      ['ref/undefined', 1, 'plan'], // cpll; win-clinics is defined, in the linked sales plan
    ]);
    assert.deepStrictEqual(inBrowser.diagnostics.map(strip), onNode.diagnostics.map(strip), 'the same diagnostics as from the Node.js server');
    assert.deepStrictEqual(inBrowser.diagnostics[1].range.start, positionOf(MARKETING, 'cpll'));
    assert.strictEqual(inBrowser.diagnostics[0].codeDescription?.href, `${EXTENSION_URI}/docs/rules/smart-time-bound.md`);
    assert.ok(asked.includes(uriOf('plans/sales.plan.yaml')), `the linked plan was asked for: ${asked.join(', ')}`);
    assert.ok(asked.includes(uriOf('.planrc.yaml')), `the repository's .planrc.yaml was asked for: ${asked.join(', ')}`);
    assert.deepStrictEqual(workerErrors, []);
  });

  it('completes, hovers, fixes and renders the plan in the worker', async () => {
    const uri = uriOf('plans/marketing.plan.yaml');
    const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(MARKETING, 'kpi: qualified-leads', 6) })) as { contents: { value: string } };
    assert.match(hover.contents.value, /Marketing-qualified leads/);
    const [, unknown] = published.filter((params) => params.uri === uri)[0].diagnostics;
    const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown], only: ['quickfix'] } })) as { title: string }[];
    assert.ok(actions.some((action) => /cpl\b/.test(action.title) && !/cpll/.test(action.title)), `a quick fix offers cpl: ${actions.map((action) => action.title).join(', ')}`);
    const items = (await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionOf(MARKETING, 'cpll') })) as { label: string }[] | { items: { label: string }[] };
    const labels = (Array.isArray(items) ? items : items.items).map((item) => item.label);
    assert.ok(labels.includes('cpl') && labels.includes('qualified-leads'), `KPI ids are offered: ${labels.join(', ')}`);

    const rendered = await connection.sendRequest(RenderRequest.type, { uri, version: 1 });
    assert.strictEqual(rendered.ok, true);
    assert.strictEqual(rendered.title, 'Brightloom 2026 marketing plan');
    assert.match(rendered.html, /Become the scheduling app independent clinics ask for by name/);
  });

  it('checks a large plan in slices (the worker has no setImmediate of its own)', async () => {
    const uri = uriOf('plans/large.plan.yaml');
    const opened = nextDiagnostics(uri);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plan-yaml', version: 1, text: generatePlan('sales', 5000) } });
    // A check of 5,000 lines pauses many times; without a setImmediate it would end in plan/internal-error.
    const { diagnostics } = await opened;
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'plan/internal-error'), JSON.stringify(diagnostics.slice(0, 2)));
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('reads a linked plan again when the client says it changed', async () => {
    const uri = uriOf('plans/marketing.plan.yaml');
    fs.writeFileSync(path.join(folder, 'plans/sales.plan.yaml'), SALES.replace('win-clinics', 'win-offices'));
    const recheck = nextDiagnostics(uri);
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('plans/sales.plan.yaml'), type: 2 }] });
    // The first re-check may still see the old text; the one after the new text arrived does not.
    let diagnostics = await recheck;
    while (diagnostics.diagnostics.filter((diagnostic) => diagnostic.code === 'ref/undefined').length < 2) diagnostics = await nextDiagnostics(uri);
    assert.match(diagnostics.diagnostics.map((diagnostic) => diagnostic.message).join('\n'), /`win-clinics` is not defined/);
    assert.deepStrictEqual(workerErrors, []);
  });
});
