/** Quick fixes through VS Code's code action API, applied the way the light bulb applies them. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, find, hasDiagnostic, openPlan, replace, waitForDiagnostics } from './helpers';

describe('Quick fixes', () => {
  it('turns the unknown key `ownr` back into `owner`', async () => {
    const { document } = await openPlan('marketing.plan.yaml');
    const key = find(document, 'owner:');
    await replace(document, key.with({ end: key.end.translate(0, -1) }), 'ownr');
    const diagnostics = await waitForDiagnostics(document.uri, (current) => hasDiagnostic(current, 'schema/unknown-key', key.start.line), 'schema/unknown-key on `ownr`');
    const unknownKey = diagnostics.find((d) => codeOf(d) === 'schema/unknown-key');
    assert.ok(unknownKey);
    assert.strictEqual(document.getText(unknownKey.range), 'ownr');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unknownKey.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    const fix = actions.find((action) => action.edit && /owner/.test(action.title));
    assert.ok(fix?.edit, `a quick fix renames the key; the actions are: ${titles.join(' | ')}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `${fix.title} is a quick fix`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix applies');

    assert.strictEqual(document.lineAt(key.start.line).text.slice(0, 6), 'owner:');
    await waitForDiagnostics(document.uri, (current) => current.length === 0, 'the complete example to have no diagnostics again');
  });
});
