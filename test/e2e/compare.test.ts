/**
 * *Plan: Compare with…* in a real VS Code, with its Git extension, on a repository made for the
 * test in a temporary folder of the workspace: a plan committed, then edited. Compared with HEAD, the preview
 * shows what changed since the commit, and a hover on the changed target shows its old value;
 * the preview's button leaves compare mode. With Git disabled (the suite's setting) the command
 * says so and changes nothing.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeExtension, waitUntil, workspaceFile } from './helpers';

const COMPARE = 'planAsCode.compareWith';

interface PreviewHook {
  preview?: { getHtml(uri?: vscode.Uri): string | undefined; leaveCompare(uri: vscode.Uri): Promise<void> };
}

describe('Compare with…', function () {
  this.timeout(60_000);
  let hook: PreviewHook['preview'];
  let repository = '';
  let plan: vscode.Uri;
  /** The user's `git.enabled` before the tests (the runners set false), put back after them. */
  let gitEnabled: boolean | undefined;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repository, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' } });

  before(async function () {
    const extension = await activeExtension();
    hook = (extension.exports as PreviewHook | undefined)?.preview;
    if (!vscode.extensions.getExtension('vscode.git')) this.skip(); // a VS Code without its Git extension
    try {
      execFileSync('git', ['--version']);
    } catch {
      this.skip();
    }
    gitEnabled = vscode.workspace.getConfiguration('git').inspect<boolean>('enabled')?.globalValue;
    // Inside the workspace folder: the Git extension opens the repositories in it (not those outside, unasked).
    repository = fs.mkdtempSync(path.join(workspaceFile('.').fsPath, 'compare-'));
    const example = fs.readFileSync(workspaceFile('marketing.plan.yaml').fsPath, 'utf8');
    fs.writeFileSync(path.join(repository, 'marketing.plan.yaml'), example.replace(/    target: 1600\n/g, '    target: 1500\n'));
    git('init', '-q', '-b', 'main');
    git('add', 'marketing.plan.yaml');
    git('commit', '-q', '-m', 'The plan as approved');
    fs.writeFileSync(path.join(repository, 'marketing.plan.yaml'), example);
    plan = vscode.Uri.file(path.join(repository, 'marketing.plan.yaml'));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('git').update('enabled', gitEnabled, vscode.ConfigurationTarget.Global);
    if (repository) fs.rmSync(repository, { recursive: true, force: true });
  });

  it('says that it needs Git when Git is disabled, and changes nothing', async function () {
    // The VS Code server runner disables Git (scripts/e2e/code-server.mjs); another may not.
    if (vscode.workspace.getConfiguration('git').get('enabled') !== false) this.skip();
    await vscode.window.showTextDocument(plan, { preview: false, viewColumn: vscode.ViewColumn.One });
    assert.strictEqual(await vscode.commands.executeCommand(COMPARE, plan, 'HEAD'), 'Comparing with an older version needs Git, but the Git extension is disabled (setting git.enabled).');
  });

  it('shows the changes since HEAD in the preview and the old value on hover, and leaves compare mode', async () => {
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    const editor = await vscode.window.showTextDocument(plan, { preview: false, viewColumn: vscode.ViewColumn.One });
    // The Git extension starts once it is enabled, and then finds the repository of the open plan.
    const gitApi = () => {
      const exports = vscode.extensions.getExtension<{ enabled: boolean; getAPI(version: 1): { state: string; repositories: { rootUri: vscode.Uri }[]; getRepository(uri: vscode.Uri): unknown; openRepository?(root: vscode.Uri): Promise<unknown> } }>('vscode.git')?.exports;
      return exports?.enabled ? exports.getAPI(1) : undefined;
    };
    await waitUntil(
      async () => {
        const api = gitApi();
        if (api?.state !== 'initialized') return undefined;
        return api.getRepository(plan) ?? (await api.openRepository?.(vscode.Uri.file(repository)));
      },
      'the Git extension to know the repository',
      () => `git: ${JSON.stringify({ state: gitApi()?.state, repositories: gitApi()?.repositories.map((repo) => repo.rootUri.fsPath) })}`,
    );
    assert.strictEqual(await vscode.commands.executeCommand(COMPARE, plan, 'HEAD'), true, 'compare mode with HEAD');

    const html = () => hook?.getHtml(plan) ?? '';
    const shown = await waitUntil(() => (html().includes('compare-banner') ? html() : undefined), 'the compare rendering in the preview', () => html().slice(0, 2000));
    assert.match(shown, /Compared with <strong>HEAD \([0-9a-f]{7}\)<\/strong>/);
    assert.match(shown, /<li>Sales-qualified leads target \+6\.7 %<\/li>/);
    assert.match(shown, /<del class="diff-old" title="Before \(HEAD \([0-9a-f]{7}\)\): 1,500">1,500<\/del> <ins class="diff-new">1,600<\/ins>/);

    // The leads KPI's target: the hover says what it was.
    const document = editor.document;
    const kpi = document.getText().indexOf('    metric: leads\n    baseline: 1150\n    target: 1600');
    const position = document.positionAt(kpi + '    metric: leads\n    baseline: 1150\n    target: 16'.length);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', plan, position);
    const texts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
    assert.ok(texts.some((text) => text.startsWith('**Before** (HEAD (') && text.includes('): 1,500 · +100 (+6.7 %)')), texts.join('\n---\n'));

    // Leaving compare mode (what the preview's button does) shows the plan as it is again.
    await hook!.leaveCompare(plan);
    await waitUntil(() => (!html().includes('compare-banner') && html().includes('Someș Coffee Roasters') ? true : undefined), 'the plain rendering again', () => html().slice(0, 2000));
    const after = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', plan, position);
    assert.ok(!after.some((hover) => hover.contents.some((content) => (typeof content === 'string' ? content : content.value).includes('**Before**'))), 'no previous value outside compare mode');
  });

  it('refuses a revision that does not exist, and a plan that did not exist at the revision', async () => {
    assert.strictEqual(await vscode.commands.executeCommand(COMPARE, plan, 'no-such-revision'), 'There is no revision no-such-revision in this repository.');
    const added = vscode.Uri.file(path.join(repository, 'new.plan.yaml'));
    fs.writeFileSync(added.fsPath, 'kind: sales\ntitle: New\n');
    const message = await vscode.commands.executeCommand<string>(COMPARE, added, 'HEAD');
    assert.match(message, /^compare-\w+\/new\.plan\.yaml does not exist at HEAD \([0-9a-f]{7}\): there is nothing to compare it with\.$/);
  });
});
