/**
 * Commands that the language server puts in code actions and code lenses
 * (`shared/commands.ts` names them); they run in the editor.
 */
import * as vscode from 'vscode';
import { OPEN_RULE_DOCS, REVEAL_RANGE, ruleDocsPath } from '../../shared/commands';

/** A rule id as the rules name themselves (`smart/measurable`); anything else is no page of ours. */
const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;

interface LspPosition {
  line: number;
  character: number;
}

function isPosition(value: unknown): value is LspPosition {
  const position = value as Partial<LspPosition> | undefined;
  return typeof position?.line === 'number' && typeof position.character === 'number';
}

export function registerClientCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_RULE_DOCS, async (ruleId: unknown, locale: unknown) => {
      if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return;
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, ...ruleDocsPath(ruleId, locale === 'ro' ? 'ro' : 'en').split('/')));
    }),
    vscode.commands.registerCommand(REVEAL_RANGE, async (uri: unknown, range: unknown) => {
      const { start, end } = (range ?? {}) as { start?: unknown; end?: unknown };
      if (typeof uri !== 'string' || !isPosition(start) || !isPosition(end)) return;
      const selection = new vscode.Range(start.line, start.character, end.line, end.character);
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
}
