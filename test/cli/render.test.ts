import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';
import { run } from './run';

describe('plan-as-code render', function () {
  this.timeout(20000);
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-render-'));
    for (const name of ['marketing.plan.yaml', 'sales.plan.yaml', 'actuals-sales.csv']) fs.copyFileSync(path.join(ROOT, 'examples', name), path.join(folder, name));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('writes a self-contained HTML document next to the plan by default', () => {
    const result = run(['render', 'marketing.plan.yaml'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout, 'Wrote marketing.plan.html (0 errors, 0 warnings)\n');
    const html = fs.readFileSync(path.join(folder, 'marketing.plan.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    assert.match(html, /<title>Someș Coffee Roasters — marketing plan 2026<\/title><style>/);
    assert.match(html, /<section class="section section-budget" data-line="\d+" id="section-budget">/);
    // Self-contained: the stylesheet is inside, and nothing refers to another file or host.
    assert.doesNotMatch(html, /<link|<script|<img|src=|@import|url\(/);
    assert.deepStrictEqual([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]).filter((href) => !href.startsWith('#section-')), []);
  });

  it('writes where -o says, in the plan’s language', () => {
    const plan = fs.readFileSync(path.join(folder, 'sales.plan.yaml'), 'utf8').replace('language: en', 'language: ro');
    fs.writeFileSync(path.join(folder, 'sales.plan.yaml'), plan);
    fs.mkdirSync(path.join(folder, 'out'));
    const result = run(['render', 'sales.plan.yaml', '-o', 'out/board.html'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /^A fost scris out\/board\.html \(0 erori, 0 avertismente\)\n$/, 'said in the plan’s language too');
    const html = fs.readFileSync(path.join(folder, 'out/board.html'), 'utf8');
    assert.match(html, /<html lang="ro">/);
    assert.match(html, /Structura echipei de vânzări/);
    assert.ok(!fs.existsSync(path.join(folder, 'sales.plan.html')));
  });

  it('still writes a broken plan, and exits 1', () => {
    fs.writeFileSync(path.join(folder, 'broken.plan.yaml'), 'kind: marketing\ntitle: Broken\nsummary: [\n');
    const result = run(['render', 'broken.plan.yaml', '--output', 'broken.html'], folder);
    assert.strictEqual(result.status, 1);
    assert.match(result.stderr, /broken\.plan\.yaml has YAML syntax errors/);
    assert.match(fs.readFileSync(path.join(folder, 'broken.html'), 'utf8'), /<h1>Broken<\/h1>/);
  });

  it('exits 2 without exactly one readable plan', () => {
    const none = run(['render'], folder);
    assert.strictEqual(none.status, 2);
    assert.match(none.stderr, /render takes one plan file/);
    assert.match(none.stderr, /plan-as-code render FILE \[-o out\.html\]/);
    assert.strictEqual(run(['render', 'a.plan.yaml', 'b.plan.yaml'], folder).status, 2);
    const missing = run(['render', 'missing.plan.yaml'], folder);
    assert.strictEqual(missing.status, 2);
    assert.strictEqual(missing.stderr, 'plan-as-code: no such file: missing.plan.yaml\n');
    const folderGiven = run(['render', '.'], folder);
    assert.deepStrictEqual([folderGiven.status, folderGiven.stderr], [2, 'plan-as-code: . is a folder: render takes one plan file\n']);
  });

  it('writes the document to standard output for -o - (and /dev/stdout, even into a pipe), the summary to standard error', () => {
    const targets = process.platform === 'linux' ? ['-', '/dev/stdout'] : ['-'];
    for (const target of targets) {
      const result = run(['render', 'marketing.plan.yaml', '-o', target], folder);
      assert.strictEqual(result.status, 0, result.stderr);
      assert.match(result.stdout, /^<!DOCTYPE html><html lang="en">.*<\/html>$/s, target);
      assert.strictEqual(result.stderr, 'Rendered marketing.plan.yaml (0 errors, 0 warnings)\n', target);
    }
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), ['actuals-sales.csv', 'marketing.plan.yaml', 'sales.plan.yaml']);
  });

  it('says in one line why the document cannot be written, and exits 2', () => {
    for (const [output, reason] of [['missing/board.html', 'no such file or folder (ENOENT)'], ['.', 'it is a folder (EISDIR)']]) {
      const result = run(['render', 'marketing.plan.yaml', '-o', output], folder);
      assert.deepStrictEqual([result.status, result.stdout, result.stderr], [2, '', `plan-as-code: cannot write ${output}: ${reason}\n`]);
    }
  });
});
