/**
 * Encodings and line endings through the protocol: CRLF, a byte order mark, tabs, and UTF-16
 * columns past emoji and Romanian diacritics; and the CLI on a file that is not UTF-8.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { serverForSuite, type PublishedDiagnostics } from '../protocol/lsp-client';
import { run } from '../cli/run';

const PLAN = [
  'kind: marketing',
  'title: Plan',
  'period: {start: 2026-01-01, end: 2026-12-31}',
  'kpis: [{id: leads, name: Leads, metric: leads, target: 10, frequency: monthly, source: CRM}]',
  'goals:',
  '  - {id: g, statement: "Creștem vânzările 🚀 cu 20 % prin 👩‍💻 și țintă", kpi: nope, owner: Ana}',
].join('\n');

/** The diagnostic of a rule, and the text it covers on its line (lines split as the protocol splits them). */
function covered(text: string, published: PublishedDiagnostics, code: string): { line: number; character: number; text: string } {
  const diagnostic = published.diagnostics.find((candidate) => candidate.code === code);
  assert.ok(diagnostic, `a ${code} diagnostic among ${published.diagnostics.map((candidate) => candidate.code).join(', ')}`);
  const { start, end } = diagnostic.range;
  assert.strictEqual(start.line, end.line, 'on one line');
  const line = text.split(/\r\n|\r|\n/)[start.line];
  return { line: start.line, character: start.character, text: line.slice(start.character, end.character) };
}

describe('encodings and line endings through the server', function () {
  this.timeout(20000);
  const suite = serverForSuite('plan-encodings-');

  it('counts columns in UTF-16 past emoji and Romanian diacritics', async () => {
    const published = await suite.client.open(suite.uriOf('utf16.plan.yaml'), PLAN);
    const at = covered(PLAN, published, 'ref/undefined');
    assert.deepStrictEqual(at, { line: 5, character: PLAN.split('\n')[5].indexOf('nope'), text: 'nope' });
    assert.ok(at.character > 60, 'past the surrogate pairs and the joined emoji');
  });

  it('reads CRLF line endings as the LF plan, line for line', async () => {
    const crlf = `${PLAN.split('\n').join('\r\n')}\r\n`;
    const lf = await suite.client.open(suite.uriOf('lf.plan.yaml'), `${PLAN}\n`);
    const published = await suite.client.open(suite.uriOf('crlf.plan.yaml'), crlf);
    assert.deepStrictEqual(published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]), lf.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]));
    assert.strictEqual(covered(crlf, published, 'ref/undefined').text, 'nope');
  });

  it('ignores a byte order mark, and keeps columns right on its line', async () => {
    const bom = `\uFEFF${PLAN}\n`;
    const published = await suite.client.open(suite.uriOf('bom.plan.yaml'), bom);
    assert.ok(!published.diagnostics.some((diagnostic) => diagnostic.code === 'yaml/syntax' || diagnostic.code.startsWith('schema/')), 'the BOM is not part of the plan');
    assert.strictEqual(covered(bom, published, 'ref/undefined').text, 'nope');
  });

  it('reports a tab used for indentation clearly, on the tab, and still checks the rest', async () => {
    const tabbed = PLAN.replace('\n  - {id: g', '\n\t- {id: g');
    const published = await suite.client.open(suite.uriOf('tab.plan.yaml'), tabbed);
    const tab = published.diagnostics.find((diagnostic) => diagnostic.code === 'yaml/syntax');
    assert.ok(tab, 'a yaml/syntax diagnostic');
    assert.match(tab.message, /tab/i);
    assert.deepStrictEqual(tab.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } });
    assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'kpi/unused'), 'the rest of the plan is still checked');
  });
});

describe('the CLI on a file that is not UTF-8', () => {
  it('says which byte is not UTF-8 and where, and checks the plan all the same', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-latin1-'));
    try {
      // "Plan de vânzări" in Latin-1 has no ă: "Plan de vânzare" with â as the single byte 0xE2.
      const text = 'kind: sales\ntitle: Plan de v\u00e2nzare\nperiod: {start: 2026-01-01, end: 2026-12-31}\n';
      fs.writeFileSync(path.join(folder, 'latin1.plan.yaml'), Buffer.from(text, 'latin1'));
      const result = run(['check', 'latin1.plan.yaml', '--format', 'json'], folder);
      assert.match(result.stderr, /latin1\.plan\.yaml is not UTF-8: byte 0xE2 at line 2, column 17 .*save the file as UTF-8/);
      assert.strictEqual(JSON.parse(result.stdout)[0].filePath.endsWith('latin1.plan.yaml'), true, 'the plan is still checked');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
