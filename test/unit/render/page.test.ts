/** The page shells (webview and export) and the client's preview logic that runs without VS Code. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as path from 'path';
import { Debouncer, editorLine, isPlanPath, LatestOnly, previewTitle } from '../../../client/src/preview/logic';
import { htmlPathFor, newNonce, standalonePage, webviewPage } from '../../../server/src/core/render/page';
import { ROOT } from '../../helpers';

describe('page shell', () => {
  it('builds the webview page with a strict policy, the extension stylesheet and the nonce’d script', () => {
    const page = webviewPage({
      body: '<main>plan</main>',
      title: 'A <plan>',
      locale: 'ro',
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.css',
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.js',
      nonce: 'abc123',
      state: { uri: 'file:///p/a"b.plan.yaml', locked: false, line: 4 },
    });
    assert.strictEqual(
      page,
      '<!DOCTYPE html><html lang="ro"><head><meta charset="utf-8">' +
        `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net; script-src &#39;nonce-abc123&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">` +
        '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>A &lt;plan&gt;</title>' +
        '<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.css">' +
        '<meta name="plan-preview-state" content="{&quot;uri&quot;:&quot;file:///p/a\\&quot;b.plan.yaml&quot;,&quot;locked&quot;:false,&quot;line&quot;:4}"></head>' +
        '<body class="preview"><div id="plan-root"><main>plan</main></div><script nonce="abc123" src="https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.js"></script></body></html>',
    );
  });

  it('builds a self-contained export: the stylesheet inlined and allowed by its hash, no script, no request', () => {
    const css = 'body { color: red; }';
    const page = standalonePage({ body: '<main>plan</main>', title: 'Plan', locale: 'en', css });
    const hash = createHash('sha256').update(css).digest('base64');
    assert.strictEqual(
      page,
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
        `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">` +
        '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Plan</title><style>body { color: red; }</style></head>' +
        '<body class="export"><div id="plan-root"><main>plan</main></div></body></html>',
    );
    assert.throws(() => standalonePage({ body: '', title: '', locale: 'en', css: 'a{}</style><script>' }), /<\/style/);
  });

  it('makes a fresh nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    assert.strictEqual(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
  });

  it('exports next to the plan by default', () => {
    assert.strictEqual(htmlPathFor('/p/marketing.plan.yaml'), '/p/marketing.plan.html');
    assert.strictEqual(htmlPathFor('/p/sales.plan.yml'), '/p/sales.plan.html');
    assert.strictEqual(htmlPathFor('C:\\p\\Q1.PLAN.YAML'), 'C:\\p\\Q1.PLAN.html');
    assert.strictEqual(htmlPathFor('/p/notes.yaml'), '/p/notes.html');
    assert.strictEqual(htmlPathFor('/p/plan'), '/p/plan.html');
  });
});

describe('preview client logic', () => {
  it('debounces: only the last of a burst runs, once the burst pauses', async () => {
    const debouncer = new Debouncer(30);
    const runs: number[] = [];
    for (let i = 1; i <= 5; i++) debouncer.schedule(() => runs.push(i));
    assert.strictEqual(debouncer.pending, true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.deepStrictEqual(runs, [5]);
    assert.strictEqual(debouncer.pending, false);
    debouncer.schedule(() => runs.push(6));
    debouncer.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepStrictEqual(runs, [5]);
  });

  it('keeps only the latest of overlapping renders', () => {
    const tickets = new LatestOnly();
    const first = tickets.next();
    const second = tickets.next();
    assert.strictEqual(tickets.isLatest(first), false);
    assert.strictEqual(tickets.isLatest(second), true);
  });

  it('titles the preview in the plan’s language and marks a locked one', () => {
    assert.strictEqual(previewTitle('en', 'marketing.plan.yaml', false), 'Preview marketing.plan.yaml');
    assert.strictEqual(previewTitle('ro', 'vanzari.plan.yaml', true), '[Blocat] Previzualizare vanzari.plan.yaml');
  });

  it('turns the webview’s lines into editor lines and recognises plans', () => {
    assert.deepStrictEqual([editorLine(3.7, 10), editorLine(3.97, 10), editorLine(-2, 10), editorLine(40, 10), editorLine(Number.NaN, 10)], [3, 4, 0, 9, 0]);
    assert.ok(isPlanPath('/a/b.plan.yaml') && isPlanPath('/a/b.PLAN.yml'));
    assert.ok(!isPlanPath('/a/b.yaml') && !isPlanPath('/a/plan.yaml.txt'));
  });

  it('type-checks the webview script (browser globals, client/media/tsconfig.json)', function () {
    this.timeout(60000);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'client/media')], { encoding: 'utf8' });
    assert.strictEqual(result.status, 0, result.stdout + result.stderr);
  });
});
