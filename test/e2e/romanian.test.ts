/**
 * Plan as Code in a VS Code whose display language is Romanian (`--locale ro`, the `ro` run of
 * scripts/e2e/run.mjs): the manifest's texts come from package.nls.ro.json, the client's from
 * l10n/bundle.l10n.ro.json, and a plan that says no language of its own is checked, explained,
 * completed and previewed in Romanian.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { activeExtension, find, openPlan, waitForDiagnostics, waitUntil, workspaceFile } from './helpers';

/** What hovers and completions answer, as text. */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

describe('Plan as Code in Romanian', () => {
  let extension: vscode.Extension<unknown>;
  let api: ExtensionApi;

  before(async function () {
    this.timeout(60_000); // the first activation starts the language server
    extension = await activeExtension();
    api = extension.exports as ExtensionApi;
  });

  it('runs in a VS Code whose display language is Romanian', () => {
    assert.strictEqual(vscode.env.language, 'ro');
  });

  it('names its commands and settings in Romanian (package.nls.ro.json)', () => {
    // VS Code gives a localized command title as `{ value, original }`.
    type Localized = string | { value: string };
    const manifest = extension.packageJSON as { contributes: { commands: { command: string; title: Localized; category: Localized }[]; configuration: { properties: Record<string, { markdownDescription: string }> } } };
    const text = (value: Localized) => (typeof value === 'string' ? value : value.value);
    const titles = Object.fromEntries(manifest.contributes.commands.map((command) => [command.command, `${text(command.category)}: ${text(command.title)}`]));
    assert.strictEqual(titles['planAsCode.showPreviewToSide'], 'Plan: Deschideți previzualizarea alături');
    assert.strictEqual(titles['planAsCode.exportHtml'], 'Plan: Exportați în HTML');
    assert.strictEqual(titles['planAsCode.restartServer'], 'Plan: Reporniți serverul de limbaj');
    assert.match(manifest.contributes.configuration.properties['planAsCode.language'].markdownDescription, /^Limba constatărilor/);
  });

  it("says its own messages in Romanian (l10n/bundle.l10n.ro.json)", () => {
    assert.strictEqual(vscode.l10n.t('Open a plan (*.plan.yaml) to preview it.'), 'Deschideți un plan (*.plan.yaml) ca să-l previzualizați.');
    assert.strictEqual(vscode.l10n.t('Exported the plan to {0}.', 'x.html'), 'Planul a fost exportat în x.html.');
  });

  it('checks a plan without `language` in Romanian, the display language', async () => {
    const { document } = await openPlan('flawed/vague-goals.plan.yaml');
    assert.ok(!/^language:/m.test(document.getText()), 'the draft says no language of its own');
    const diagnostics = await waitForDiagnostics(document.uri, (current) => current.some((diagnostic) => /^Obiectivul `/.test(diagnostic.message)), 'diagnostics in Romanian');
    assert.ok(diagnostics.every((diagnostic) => !/\bGoal `|is not|has no\b/.test(diagnostic.message)), diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  });

  it('explains and completes the Romanian example in Romanian', async () => {
    const { document } = await openPlan('ro/marketing.plan.yaml');
    await waitForDiagnostics(document.uri, (current) => current.length === 0, 'the Romanian example to be checked, with no diagnostics');
    const goals = find(document, 'goals:');
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, goals.start.translate(0, 2)));
    assert.match(hover, /obiectiv/i);
    const metric = find(document, 'metric: leads');
    const metricHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, metric.end.translate(0, -2)));
    assert.match(metricHover, /\*\*Clienți potențiali generați\*\*/);

    // A new, empty plan (in the runner's copy of the examples).
    const empty = workspaceFile('nou.plan.yaml');
    await vscode.workspace.fs.writeFile(empty, new Uint8Array());
    const { document: fresh } = await openPlan('nou.plan.yaml');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', fresh.uri, new vscode.Position(0, 0));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('Plan de marketing') && labels.includes('Plan de vânzări'), `whole plans in Romanian: ${labels.join(', ')}`);
  });

  it('previews the Romanian example in Romanian', async () => {
    await openPlan('ro/marketing.plan.yaml');
    await vscode.commands.executeCommand('planAsCode.showPreviewToSide');
    const uri = workspaceFile('ro/marketing.plan.yaml');
    const html = await waitUntil(() => {
      const page = api.preview.getHtml(uri) ?? '';
      return page.includes('Scopuri de afaceri') ? page : undefined;
    }, 'the Romanian headings in the preview', () => (api.preview.getHtml(uri) ?? '').slice(0, 2000));
    assert.match(html, /<html lang="ro">/);
    assert.match(html, /Clienți potențiali generați/);
  });
});
