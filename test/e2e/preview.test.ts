/** The preview: a webview beside the plan, whose HTML the extension hands to tests through its exports. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, find, openPlan, replace, waitFor, waitUntil } from './helpers';

const SHOW_TO_SIDE = 'planAsCode.showPreviewToSide';

/** What the extension's `activate` returns for tests. */
interface PreviewHook {
  preview?: { getHtml(uri?: vscode.Uri): string | undefined };
}

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
}

describe('Preview', () => {
  let hook: PreviewHook['preview'];

  before(async function () {
    const extension = await activeExtension();
    const commands = (extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
    // The preview arrives with its own change; until the manifest contributes it there is nothing to test.
    if (!commands.some((command) => command.command === SHOW_TO_SIDE)) this.skip();
    hook = (extension.exports as PreviewHook | undefined)?.preview;
    assert.ok(hook, 'the extension exports `preview.getHtml()` for tests');
  });

  it('opens beside the plan with its title and SMART badges, and follows edits', async () => {
    const { document } = await openPlan('marketing.plan.yaml');
    const before = new Set(webviewTabs());
    await vscode.commands.executeCommand(SHOW_TO_SIDE);
    // The tab is titled once the first rendering arrives.
    const tab = await waitFor(
      [vscode.window.tabGroups.onDidChangeTabs],
      () => webviewTabs().find((candidate) => !before.has(candidate) && /marketing/.test(candidate.label)),
      'a preview tab named after the plan',
      () => `tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => JSON.stringify(t.label))).join(', ')}`,
    );
    assert.notStrictEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the preview opens beside the plan');

    const html = () => hook?.getHtml(document.uri) ?? '';
    const first = await waitUntil(() => (html().includes('Someș Coffee Roasters') ? html() : undefined), 'the plan title in the preview', () => html().slice(0, 2000));
    assert.match(first, /class="[^"]*smart-letter/, 'the goals show SMART badges');

    const title = find(document, 'marketing plan 2026');
    await replace(document, title, 'marketing plan 2026 (edited in the test)');
    await waitUntil(() => html().includes('(edited in the test)'), 'the preview to show the edited title');
  });
});
