/**
 * `planAsCode/compare` over stdio: an open plan compared with an older text (as the client reads
 * it from git) is rendered in compare mode when the preview asks for it, a hover on a changed
 * value shows its previous value, and leaving compare mode (or closing the plan) ends both.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { CompareRequest, RenderRequest } from '../../shared/protocol';
import { MARKETING_FILE, olderMarketing } from '../fixtures/compare';
import { positionOf, serverForSuite } from './lsp-client';

const NEWER = fs.readFileSync(MARKETING_FILE, 'utf8');
const OLDER = olderMarketing(NEWER);

describe('planAsCode/compare', function () {
  this.timeout(20000);
  const server = serverForSuite('plan-compare-');
  const request = <P, R>(type: { method: string }, params: P) => server.client.connection.sendRequest(type.method, params) as Promise<R>;
  const compare = (params: CompareRequest.Params) => request<CompareRequest.Params, CompareRequest.Result>(CompareRequest, params);
  const render = (params: RenderRequest.Params) => request<RenderRequest.Params, RenderRequest.Result>(RenderRequest, params);
  const hover = async (uri: string, text: string, needle: string, delta: number) => {
    const result = (await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta) })) as { contents: { value: string } } | null;
    return result?.contents.value;
  };
  /** `target: 1600` of the leads KPI: its value. */
  const LEADS_TARGET = '    metric: leads\n    baseline: 1150\n    target: 1600';

  it('renders an open plan in compare mode with its base, and plainly when not asked to', async () => {
    const uri = server.uriOf('marketing.plan.yaml');
    await server.client.open(uri, NEWER, 1);
    assert.deepStrictEqual(await compare({ uri, base: { name: 'HEAD', text: OLDER } }), { ok: true });

    const compared = await render({ uri, version: 1, compare: true });
    assert.deepStrictEqual(compared.compare, { base: 'HEAD' });
    assert.strictEqual(compared.ok, true);
    assert.match(compared.html, /^<main class="plan plan-marketing plan-compare" lang="en"><section class="compare-banner" aria-label="Changes">/);
    assert.match(compared.html, /<p class="compare-title">Compared with <strong>HEAD<\/strong><\/p>/);
    assert.match(compared.html, /<li>Sales-qualified leads target \+6\.7 %<\/li>/);
    assert.match(compared.html, /<del class="diff-old" title="Before \(HEAD\): 1,500">1,500<\/del> <ins class="diff-new">1,600<\/ins>/);
    assert.match(compared.html, /<article class="card goal diff-removed" data-diff="removed"/, 'the removed goal is shown');

    // The export (and a preview outside compare mode) renders the plan as it is.
    const plain = await render({ uri, version: 1 });
    assert.strictEqual(plain.compare, undefined);
    assert.doesNotMatch(plain.html, /compare-banner|diff-old|data-diff/);
  });

  it('shows the previous value of a changed value on hover, and nothing more on an unchanged one', async () => {
    const uri = server.uriOf('marketing.plan.yaml');
    const changed = await hover(uri, NEWER, LEADS_TARGET, LEADS_TARGET.length - 2);
    assert.strictEqual(changed, '**Before** (HEAD): 1,500 · +100 (+6.7 %)');
    const deadline = '    target: 260\n    deadline: 2026-09-30';
    assert.strictEqual(await hover(uri, NEWER, deadline, deadline.length - 3), '**Before** (HEAD): 2026-06-30 · +92 days');
    assert.ok((await hover(uri, NEWER, '  - id: newsletter-opens', 10))?.startsWith('**Added** since HEAD.'));
    const unchanged = await hover(uri, NEWER, '    baseline: 1150', 15);
    assert.ok(unchanged === undefined || !unchanged.includes('**Before**'), unchanged);
  });

  it('follows the edits of the plan', async () => {
    const uri = server.uriOf('marketing.plan.yaml');
    const edited = NEWER.replace(LEADS_TARGET, LEADS_TARGET.replace('1600', '1700'));
    await server.client.change(uri, 2, [{ text: edited }]);
    const result = await render({ uri, version: 2, compare: true });
    assert.match(result.html, /<del class="diff-old" title="Before \(HEAD\): 1,500">1,500<\/del> <ins class="diff-new">1,700<\/ins>/);
    assert.match(result.html, /Sales-qualified leads target \+13\.3 %/);
  });

  it('refuses a base that does not parse, in the plan\'s language, and keeps no base', async () => {
    const uri = server.uriOf('marketing.plan.yaml');
    const result = await compare({ uri, base: { name: 'a1b2c3d', text: 'kind: marketing\ntitle: "unterminated\n' } });
    assert.strictEqual(result.ok, false);
    assert.match((result as { message: string }).message, /^The plan at a1b2c3d does not parse \(line 2, column 8\): .+\. It cannot be compared\.$/);
    const rendered = await render({ uri, version: 2, compare: true });
    assert.strictEqual(rendered.compare, undefined);
    assert.doesNotMatch(rendered.html, /compare-banner/);
  });

  it('leaves compare mode when asked, and when the plan is closed', async () => {
    const uri = server.uriOf('marketing.plan.yaml');
    assert.deepStrictEqual(await compare({ uri, base: { name: 'main', text: OLDER } }), { ok: true });
    assert.match((await render({ uri, version: 2, compare: true })).html, /Compared with <strong>main<\/strong>/);
    assert.deepStrictEqual(await compare({ uri, base: null }), { ok: true });
    assert.doesNotMatch((await render({ uri, version: 2, compare: true })).html, /compare-banner/);
    const edited = NEWER.replace(LEADS_TARGET, LEADS_TARGET.replace('1600', '1700'));
    assert.ok(!(await hover(uri, edited, LEADS_TARGET.replace('1600', '1700'), LEADS_TARGET.length - 2))?.includes('**Before**'));

    await compare({ uri, base: { name: 'main', text: OLDER } });
    await server.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.client.open(uri, NEWER, 3);
    assert.doesNotMatch((await render({ uri, version: 3, compare: true })).html, /compare-banner/);
  });

  it('compares a Romanian plan in Romanian', async () => {
    const uri = server.uriOf('ro.plan.yaml');
    await server.client.open(uri, NEWER.replace('language: en', 'language: ro'), 1);
    await compare({ uri, base: { name: 'HEAD', text: OLDER.replace('language: en', 'language: ro') } });
    const result = await render({ uri, version: 1, compare: true });
    assert.match(result.html, /<p class="compare-title">Comparație cu <strong>HEAD<\/strong><\/p>/);
    assert.match(result.html, />Ieșiți din modul de comparare</);
    assert.match(result.html, /title="Înainte \(HEAD\): 1\.500">1\.500<\/del>/);
  });
});
