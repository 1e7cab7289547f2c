/**
 * The real server after a batch of hostile documents: each is opened, edited and asked every
 * request the editor makes; every published range lies inside its document, and afterwards the
 * server still answers every request on a clean plan. The stderr of the server names no crash.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';
import { serverForSuite, type PublishedDiagnostics } from '../protocol/lsp-client';
import { hostileText, runs, SEED } from './arbitraries';

type Range = PublishedDiagnostics['diagnostics'][number]['range'];

/** Lines as the protocol counts them: `\r\n`, `\r` and `\n` all end one. */
const lspLines = (text: string) => text.split(/\r\n|\r|\n/);

/** Fails unless an LSP range lies inside the text (UTF-16 columns). */
function assertInside(text: string, range: Range, what: string): void {
  const lines = lspLines(text);
  const ok = (position: Range['start']) => position.line >= 0 && position.line < lines.length && position.character >= 0 && position.character <= lines[position.line].length;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ok(range.start) && ok(range.end) && ordered, `${what}: ${JSON.stringify(range)} is outside the document`);
}

/** The requests an editor sends about a document at a position. */
function requests(uri: string, position: { line: number; character: number }): [string, unknown][] {
  const textDocument = { uri };
  return [
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/definition', { textDocument, position }],
    ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
    ['textDocument/documentHighlight', { textDocument, position }],
    ['textDocument/codeLens', { textDocument }],
    ['textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } } }],
    ['textDocument/semanticTokens/full', { textDocument }],
    ['planAsCode/render', { uri }],
    ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
  ];
}

/** Documents through the server: slower than the core, so a tenth of a long run's cases. */
const BATCH = runs(300, 0.1);

describe('fuzz: the server after hostile documents', function () {
  // The long run (`npm run fuzz`, FUZZ_RUNS) takes as long as its budget needs.
  this.timeout(process.env.FUZZ_RUNS ? 0 : 120000);
  const suite = serverForSuite('plan-fuzz-server-');
  const texts = fc.sample(hostileText, { seed: SEED, numRuns: BATCH });

  it(`answers every request on ${BATCH} hostile documents and publishes ranges inside them (seed ${SEED})`, async () => {
    const { client } = suite;
    let failures = 0;
    const exercise = async (text: string, index: number) => {
      const uri = suite.uriOf(`fuzz-${index}.plan.yaml`);
      const published = await client.open(uri, text);
      for (const diagnostic of published.diagnostics) assertInside(text, diagnostic.range, `diagnostic ${diagnostic.code} of document ${index}`);
      const lines = lspLines(text);
      const line = Math.floor(lines.length / 2);
      const position = { line, character: Math.floor(lines[line].length / 2) };
      // A request may be refused (an error response), but must be answered.
      await Promise.all(requests(uri, position).map(([method, params]) => client.connection.sendRequest(method, params).catch(() => failures++)));
      // An edit that cuts the document in half, as a paste or an undo would.
      const rest = text.slice(0, Math.floor(text.length / 2));
      const edited = await client.change(uri, 2, [{ text: rest }]);
      for (const diagnostic of edited.diagnostics) assertInside(rest, diagnostic.range, `diagnostic ${diagnostic.code} of edited document ${index}`);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    };
    // Ten documents at a time, as a workspace full of plans would arrive.
    for (let from = 0; from < texts.length; from += 10) await Promise.all(texts.slice(from, from + 10).map((text, offset) => exercise(text, from + offset)));
    assert.strictEqual(failures, 0, 'no request was refused with an error');

    const clean = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');
    const uri = suite.uriOf('after.plan.yaml');
    assert.deepStrictEqual((await client.open(uri, clean)).diagnostics, [], 'a clean plan is still clean');
    for (const [method, params] of requests(uri, { line: 3, character: 2 })) await client.connection.sendRequest(method, params);
    assert.doesNotMatch(client.stderr, /Unexpected error|crashed|failed/i, 'the server logged no crash');
  });
});
