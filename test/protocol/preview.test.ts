/** `planAsCode/render` over stdio: the preview's rendering, the last good one while the YAML is broken. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { RenderRequest } from '../../shared/protocol';
import { applyPartEdit } from '../../server/src/core/render/splice';
import { shiftLines } from '../../shared/preview';
import { ROOT } from '../helpers';
import { serverForSuite } from './lsp-client';

const MARKETING = fs.readFileSync(path.join(ROOT, 'examples/marketing.plan.yaml'), 'utf8');

describe('planAsCode/render', function () {
  this.timeout(20000);
  const server = serverForSuite('plan-preview-');
  const { uriOf } = server;
  const renderOf = (params: RenderRequest.Params) => server.client.connection.sendRequest(RenderRequest.method, params) as Promise<RenderRequest.Result>;

  it('renders an open plan at its version, with its title and language', async () => {
    const uri = uriOf('marketing.plan.yaml');
    await server.client.open(uri, MARKETING, 3);
    const result = await renderOf({ uri, version: 3 });
    assert.strictEqual(result.ok, true);
    assert.strictEqual(result.version, 3);
    assert.strictEqual(result.title, 'Someș Coffee Roasters — marketing plan 2026');
    assert.strictEqual(result.locale, 'en');
    assert.match(result.html, /^<main class="plan plan-marketing" lang="en">/);
    assert.match(result.html, /<h1>Someș Coffee Roasters — marketing plan 2026<\/h1>/);
  });

  it('answers with the last good rendering and a notice while the YAML is broken, then recovers', async () => {
    const uri = uriOf('marketing.plan.yaml');
    const edited = MARKETING.replace('marketing plan 2026', 'marketing plan 2026 (v2)');
    await server.client.change(uri, 4, [{ text: edited }]);
    const good = await renderOf({ uri, version: 4 });
    assert.match(good.html, /<h1>Someș Coffee Roasters — marketing plan 2026 \(v2\)<\/h1>/);

    const broken = edited.replace('title: Someș Coffee Roasters — marketing plan 2026 (v2)', 'title: "Someș (v3)\nsummary: [');
    await server.client.change(uri, 5, [{ text: broken }]);
    const result = await renderOf({ uri, version: 5 });
    assert.strictEqual(result.ok, false);
    assert.strictEqual(result.version, 5);
    assert.match(result.html, /^<div class="notice notice-broken" role="status"><p><strong>The plan has a YAML syntax error.<\/strong>/);
    assert.match(result.html, /data-reveal="\d+"/, 'the notice points at the error');
    assert.match(result.html, /<h1>Someș Coffee Roasters — marketing plan 2026 \(v2\)<\/h1>/, 'the last good version is shown');

    await server.client.change(uri, 6, [{ text: MARKETING }]);
    const fixed = await renderOf({ uri, version: 6 });
    assert.strictEqual(fixed.ok, true);
    assert.doesNotMatch(fixed.html, /notice-broken/);
  });

  it('sends only the parts that changed to a client that holds the others, and they put together the whole body', async () => {
    const uri = uriOf('parts.plan.yaml');
    await server.client.open(uri, MARKETING, 1);
    const first = await renderOf({ uri, version: 1 });
    assert.ok(first.body && first.body.parts.every((part) => part.html !== undefined), 'everything the first time');
    assert.strictEqual(`${first.body.notice}${first.body.open}${first.body.parts.map((part) => part.html).join('')}</main>`, first.html);
    const held = new Map(first.body.parts.map((part) => [part.id, part.html!]));
    const putTogether = (result: RenderRequest.Result) =>
      `${result.body!.notice}${result.body!.open}${result.body!.parts.map((part) => part.html ?? (part.moved ? shiftLines(held.get(part.moved.from)!, part.moved.lines) : part.edit ? applyPartEdit(held.get(part.edit.from)!, part.edit) : held.get(part.id))).join('')}</main>`;

    // A word typed into a goal's statement: the goals section changes, the header and the market do not.
    const at = MARKETING.indexOf('\n', MARKETING.indexOf('    statement:', MARKETING.indexOf('\ngoals:')));
    const typed = `${MARKETING.slice(0, at)} quickly${MARKETING.slice(at)}`;
    await server.client.change(uri, 2, [{ text: typed }]);
    const patch = await renderOf({ uri, version: 2, have: [...held.keys()] });
    assert.strictEqual(patch.html, '', 'no whole body when the client holds parts');
    const sent = patch.body!.parts.filter((part) => part.html !== undefined || part.edit);
    assert.ok(sent.length > 0 && sent.length <= 4, `${sent.length} parts sent of ${patch.body!.parts.length}`);
    assert.ok(!sent.some((part) => part.html?.includes('id="section-market"')), 'the market section did not change');
    // The goals section, a large part with a small change, travels as that change.
    const goalsPart = first.body.parts.find((part) => part.html!.includes('id="section-goals"'))!;
    const goalsEdit = sent.find((part) => part.edit?.from === goalsPart.id)?.edit;
    assert.ok(goalsEdit && goalsEdit.html.length < 200 && goalsEdit.html.includes('quickly'), JSON.stringify(goalsEdit));
    const whole = await renderOf({ uri, version: 2 });
    assert.strictEqual(putTogether(patch), whole.html);
    for (const part of whole.body!.parts) held.set(part.id, part.html!);

    // A line added near the top: the parts below it come as moves of the ones the client holds.
    const moved = typed.replace('\nperiod:', '\n# a note\nperiod:');
    await server.client.change(uri, 3, [{ text: moved }]);
    const shifted = await renderOf({ uri, version: 3, have: [...held.keys()] });
    const moves = shifted.body!.parts.filter((part) => part.moved);
    assert.ok(moves.length >= 10 && moves.every((part) => part.moved!.lines === 1), `${moves.length} parts moved by a line`);
    assert.ok(shifted.body!.parts.filter((part) => part.html !== undefined).length <= 3, 'hardly any HTML travels');
    assert.strictEqual(putTogether(shifted), (await renderOf({ uri, version: 3 })).html);
    await server.client.change(uri, 4, [{ text: typed }]);
    for (const part of (await renderOf({ uri, version: 4 })).body!.parts) held.set(part.id, part.html!);

    // Broken YAML: the notice above the last good parts, which the client holds.
    await server.client.change(uri, 5, [{ text: typed.replace('title: ', 'title: "') }]);
    const broken = await renderOf({ uri, version: 5, have: [...held.keys()] });
    assert.strictEqual(broken.ok, false);
    assert.match(broken.body!.notice, /^<div class="notice notice-broken"/);
    assert.deepStrictEqual(broken.body!.parts.filter((part) => part.html !== undefined), [], 'the last good rendering is held already');
    assert.strictEqual(putTogether(broken), (await renderOf({ uri, version: 5 })).html);
  });

  it('waits for a version it has not seen yet', async () => {
    const uri = uriOf('wait.plan.yaml');
    await server.client.open(uri, MARKETING, 1);
    const pending = renderOf({ uri, version: 2 });
    void server.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: MARKETING.replace('marketing plan 2026', 'later') }] });
    const result = await pending;
    assert.strictEqual(result.version, 2);
    assert.match(result.html, /<h1>Someș Coffee Roasters — later<\/h1>/);
  });

  it('renders an unsaved plan opened under the name of one just closed, not the closed one', async () => {
    const opened = MARKETING.replace('marketing plan 2026', 'the new plan');
    // The preview of the new document asks before the server is told that the old one closed, or after; same name, same version.
    for (const [index, closedFirst] of [false, true].entries()) {
      const uri = `untitled:Untitled-${7 + index}`;
      await server.client.open(uri, MARKETING.replace('marketing plan 2026', 'the closed plan'), 1);
      const close = () => server.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      if (closedFirst) void close();
      const pending = renderOf({ uri, version: 1, length: opened.length });
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (!closedFirst) void close();
      void server.client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plan-yaml', version: 1, text: opened } });
      const result = await pending;
      assert.match(result.html, /<h1>Someș Coffee Roasters — the new plan<\/h1>/, `closed ${closedFirst ? 'before' : 'after'} the request`);
    }
  });

  it('reads a plan that is not open from disk', async () => {
    const file = path.join(server.folder, 'closed.plan.yaml');
    fs.writeFileSync(file, MARKETING.replace('language: en', 'language: ro'));
    const result = await renderOf({ uri: pathToFileURL(file).toString() });
    assert.strictEqual(result.version, null);
    assert.strictEqual(result.locale, 'ro');
    assert.match(result.html, /Rezumat/);
  });

  it('fails clearly for a plan that does not exist', async () => {
    await assert.rejects(renderOf({ uri: uriOf('missing.plan.yaml') }), /No plan at/);
  });
});
