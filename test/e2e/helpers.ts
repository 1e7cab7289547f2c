/**
 * Helpers of the end-to-end suite, which runs inside VS Code's extension host.
 * Everything waits on an event (or, for the preview's HTML, on a condition) with
 * a deadline, never on a fixed sleep.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'plan-as-code.plan-as-code';
export const LANGUAGE_ID = 'plan-yaml';

/** How long one wait may take before it fails with what it saw. */
const DEADLINE_MS = 20_000;

/** The extension under test, activated. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  await extension.activate();
  return extension;
}

/** A file of the workspace the runners open: a fresh copy of `examples/`. */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Opens a plan of the workspace in an editor. */
export async function openPlan(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
}

/** A diagnostic's code as a string (`smart/specific`), whether or not it links to its documentation. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return String(typeof code === 'object' ? code.value : code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(no diagnostics)';
  return diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} [${vscode.DiagnosticSeverity[d.severity]}] ${d.message}`).join('\n');
}

/**
 * Resolves once `test` holds, checking now and whenever one of `events` fires; fails after
 * the deadline with `what` and, from `explain`, what was seen last.
 */
export function waitFor<R>(
  events: readonly vscode.Event<unknown>[],
  test: () => Promise<R | undefined | false> | R | undefined | false,
  what: string,
  explain: () => string = () => '',
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let done = false;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
      settle();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${DEADLINE_MS} ms waiting for ${what}\n${explain()}`))), DEADLINE_MS);
    const check = async (): Promise<void> => {
      if (done) return;
      try {
        const result = await test();
        if (result !== undefined && result !== false) finish(() => resolve(result));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const subscriptions = events.map((event) => event(() => void check()));
    void check();
  });
}

/** Waits until the diagnostics of `uri` satisfy `test`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, test: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri);
  return waitFor(
    [vscode.languages.onDidChangeDiagnostics],
    () => (test(current()) ? current() : undefined),
    `${what} in ${vscode.workspace.asRelativePath(uri)}`,
    () => `diagnostics now:\n${describeDiagnostics(current())}`,
  );
}

/** Whether some diagnostic has `code` and starts on `line` (0-based). */
export function hasDiagnostic(diagnostics: readonly vscode.Diagnostic[], code: string, line?: number): boolean {
  return diagnostics.some((d) => codeOf(d) === code && (line === undefined || d.range.start.line === line));
}

/**
 * Waits for state that has no event of its own (the preview's HTML): checked whenever a
 * document, the tabs or the diagnostics change, and every 100 ms in between.
 */
export async function waitUntil<R>(test: () => Promise<R | undefined | false> | R | undefined | false, what: string, explain?: () => string): Promise<R> {
  const ticks = new vscode.EventEmitter<void>();
  const interval = setInterval(() => ticks.fire(), 100);
  try {
    return await waitFor([ticks.event, vscode.workspace.onDidChangeTextDocument, vscode.window.tabGroups.onDidChangeTabs, vscode.languages.onDidChangeDiagnostics], test, what, explain);
  } finally {
    clearInterval(interval);
    ticks.dispose();
  }
}

/** Replaces `range` in the document through a WorkspaceEdit (not saved). */
export async function replace(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit of ${vscode.workspace.asRelativePath(document.uri)} was refused`);
}

/** The range of the first occurrence of `needle` on the first line that contains it (after `fromLine`). */
export function find(document: vscode.TextDocument, needle: string, fromLine = 0): vscode.Range {
  for (let line = fromLine; line < document.lineCount; line++) {
    const character = document.lineAt(line).text.indexOf(needle);
    if (character >= 0) return new vscode.Range(line, character, line, character + needle.length);
  }
  assert.fail(`${JSON.stringify(needle)} is not in ${vscode.workspace.asRelativePath(document.uri)}`);
}

/** Puts every edited document back to its text on disk, so that each test starts from the examples as shipped. */
export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!document.isDirty, `${vscode.workspace.asRelativePath(document.uri)} is still modified after revert`);
  }
}
