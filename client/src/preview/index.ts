/**
 * The plan preview in VS Code: commands to open it (in place or to the side), lock it to a plan,
 * compare the plan with an older version from git (compare mode) and export the plan to a
 * self-contained HTML file; a serializer so that previews survive a
 * window reload; scroll sync with the editor. Rendering is the language server's
 * (`planAsCode/render`); this side only shows the result.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { htmlPathFor, MEDIA, standalonePage } from '../../../shared/preview';
import { CompareRequest, RenderRequest } from '../../../shared/protocol';
import { CannotCompare, olderVersion, type OlderVersion } from './git';
import { editorLine, isPlanPath } from './logic';
import { PlanPreview, PREVIEW_VIEW_TYPE, webviewOptions, type PreviewHost } from './panel';
import type { PreviewState } from './webview-messages';

/** What the extension's API exposes of the preview, for end-to-end tests. */
export interface PreviewApi {
  /** The HTML page a preview shows now: the preview of `uri`, else the active (or last opened) one; undefined without one. */
  getHtml(uri?: vscode.Uri): string | undefined;
  /** What the preview's *Leave compare mode* button does, for a plan. */
  leaveCompare(uri: vscode.Uri): Promise<void>;
}

/** After the preview scrolls the editor, the editor's own scroll events are not sent back for this long. */
const ECHO_MS = 300;

class PreviewManager implements PreviewHost, vscode.Disposable {
  private readonly previews = new Set<PlanPreview>();
  /** The unlocked preview, which follows the active plan editor. */
  private dynamic: PlanPreview | undefined;
  private active: PlanPreview | undefined;
  private editorScrolledByPreviewUntil = 0;
  /** Plans in compare mode (their URIs): the server keeps what each is compared with. */
  private readonly compared = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly extensionUri: vscode.Uri,
    private readonly client: () => Promise<BaseLanguageClient> | undefined,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isPlan(editor.document)) this.dynamic?.show(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        for (const preview of this.previewsOf(document.uri)) preview.refresh();
      }),
      // The server forgets a closed plan's comparison.
      vscode.workspace.onDidCloseTextDocument((document) => this.compared.delete(document.uri.toString())),
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor, visibleRanges }) => {
        if (Date.now() < this.editorScrolledByPreviewUntil || visibleRanges.length === 0) return;
        for (const preview of this.previewsOf(textEditor.document.uri)) preview.scrollTo(visibleRanges[0].start.line);
      }),
    );
  }

  /** Waits for the client when the server is still starting (the preview may be restored before it is). */
  async render(params: RenderRequest.Params): Promise<RenderRequest.Result> {
    return (await this.languageClient()).sendRequest(RenderRequest.type, params);
  }

  comparing(uri: vscode.Uri): boolean {
    return this.compared.has(uri.toString());
  }

  /**
   * *Plan: Compare with…*: the plan at a revision the user picks (HEAD, the merge base with the
   * default branch, a branch, a commit; `revision` skips the choice) is sent to the server, and
   * the plan's preview shows what changed since. Returns true when compare mode started, the
   * message the user was shown when it could not, false when the user cancelled.
   */
  async compareWith(resource: vscode.Uri | undefined, revision?: string): Promise<boolean | string> {
    const uri = resource ?? activePlanUri() ?? (this.active ?? this.dynamic)?.resource;
    if (!uri) {
      const message = vscode.l10n.t('Open a plan (*.plan.yaml) to compare it with an older version.');
      void vscode.window.showInformationMessage(message);
      return message;
    }
    let older: OlderVersion | undefined;
    try {
      older = await olderVersion(uri, revision);
    } catch (error) {
      if (!(error instanceof CannotCompare)) throw error;
      void vscode.window.showWarningMessage(error.message);
      return error.message;
    }
    if (!older) return false;
    // Opening the document makes the language client send it to the server, which compares open plans only.
    await vscode.workspace.openTextDocument(uri);
    const result = await (await this.languageClient()).sendRequest(CompareRequest.type, { uri: uri.toString(), base: older });
    if (!result.ok) {
      void vscode.window.showErrorMessage(result.message);
      return result.message;
    }
    this.compared.add(uri.toString());
    const shown = this.previewsOf(uri);
    if (shown.length === 0) this.showPreview(uri, true);
    for (const preview of this.previewsOf(uri)) {
      preview.panel.reveal(undefined, true);
      preview.rerender();
    }
    return true;
  }

  onLeaveCompare(preview: PlanPreview): void {
    void this.leaveCompare(preview.resource);
  }

  async leaveCompare(uri: vscode.Uri): Promise<void> {
    this.compared.delete(uri.toString());
    await this.languageClient().then((client) => client.sendRequest(CompareRequest.type, { uri: uri.toString(), base: null })).catch(() => undefined);
    for (const preview of this.previewsOf(uri)) preview.rerender();
  }

  /** The language client; waits for it when the server is still starting. */
  private async languageClient(): Promise<BaseLanguageClient> {
    const client = this.client();
    if (!client) throw new Error(vscode.l10n.t('The Plan as Code language server is not running.'));
    return client;
  }

  private previewsOf(uri: vscode.Uri): PlanPreview[] {
    return [...this.previews].filter((preview) => preview.resource.toString() === uri.toString());
  }

  /** Opens (or reveals) the preview of a plan: the one following the active editor, unless it is locked. */
  showPreview(resource: vscode.Uri | undefined, toSide: boolean): void {
    const uri = resource ?? activePlanUri();
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a plan (*.plan.yaml) to preview it.'));
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    if (this.dynamic) {
      this.dynamic.show(uri);
      this.dynamic.panel.reveal(column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, '', { viewColumn: column, preserveFocus: toSide }, webviewOptions(this.extensionUri));
    this.adopt(panel, uri, false);
  }

  /** Takes charge of a panel: a new one, or one restored after a reload. */
  adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, locked: boolean, line?: number): PlanPreview {
    const preview = new PlanPreview(panel, uri, locked, this, line);
    this.previews.add(preview);
    if (!locked) this.replaceDynamic(preview);
    this.active = preview;
    panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.active = preview;
    });
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.dynamic === preview) this.dynamic = undefined;
      if (this.active === preview) this.active = undefined;
    });
    return preview;
  }

  /** There is one following preview: a second one (unlocking, restoring) replaces it. */
  private replaceDynamic(preview: PlanPreview): void {
    if (this.dynamic && this.dynamic !== preview) this.dynamic.dispose();
    this.dynamic = preview;
  }

  toggleLock(): void {
    const preview = this.active ?? this.dynamic;
    if (!preview) return;
    preview.locked = !preview.locked;
    if (preview.locked) {
      if (this.dynamic === preview) this.dynamic = undefined;
    } else {
      this.replaceDynamic(preview);
    }
  }

  onScroll(preview: PlanPreview, line: number): void {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === preview.resource.toString());
    if (!editor) return;
    this.editorScrolledByPreviewUntil = Date.now() + ECHO_MS;
    const target = editorLine(line, editor.document.lineCount);
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
  }

  async onReveal(preview: PlanPreview, line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(preview.resource);
    const visible = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === preview.resource.toString());
    const column = visible?.viewColumn ?? (preview.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column });
    const target = editorLine(line, document.lineCount);
    const position = new vscode.Position(target, document.lineAt(target).firstNonWhitespaceCharacterIndex);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * Writes the plan as one self-contained HTML file: next to the plan by default, where the
   * user chooses in the save dialog (`target` skips the dialog, for tests). Returns the file.
   */
  async exportHtml(resource: vscode.Uri | undefined, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri = resource ?? activePlanUri() ?? (this.active ?? this.dynamic)?.resource;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a plan (*.plan.yaml) to preview it.'));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const result = await this.render({ uri: uri.toString(), version: document.version });
    const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...MEDIA.style.split('/'))));
    const html = standalonePage({ body: result.html, title: result.title, locale: result.locale, css });
    const file =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: uri.scheme === 'file' ? vscode.Uri.file(htmlPathFor(uri.fsPath)) : undefined,
        filters: { HTML: ['html'] },
        saveLabel: vscode.l10n.t('Export'),
      }));
    if (!file) return undefined;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(html));
    if (!target) {
      const open = vscode.l10n.t('Open');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported the plan to {0}.', vscode.workspace.asRelativePath(file)), open);
      if (choice === open) await vscode.env.openExternal(file);
    }
    return file;
  }

  html(uri?: vscode.Uri): string | undefined {
    const preview = uri ? this.previewsOf(uri)[0] : (this.active ?? this.dynamic ?? [...this.previews].at(-1));
    return preview?.html();
  }

  dispose(): void {
    for (const preview of this.previews) preview.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function isPlan(document: vscode.TextDocument): boolean {
  return document.languageId === 'plan-yaml' || isPlanPath(document.uri.path);
}

function activePlanUri(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document) return isPlan(document) ? document.uri : undefined;
  // No text editor has the focus (the walkthrough, the Problems view): the plan in view, if there is one.
  return vscode.window.visibleTextEditors.find((editor) => isPlan(editor.document))?.document.uri;
}

/** A command's resource argument when it names a plan (menus pass the editor's or the explorer's resource). */
function planArgument(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri && isPlanPath(value.path) ? value : undefined;
}

/** Registers the preview's commands and serializer; returns the test hook of the extension's API. */
export function registerPreview(context: vscode.ExtensionContext, client: () => Promise<BaseLanguageClient> | undefined): PreviewApi {
  const manager = new PreviewManager(context.extensionUri, client);
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand('planAsCode.showPreview', (uri?: unknown) => manager.showPreview(planArgument(uri), false)),
    vscode.commands.registerCommand('planAsCode.showPreviewToSide', (uri?: unknown) => manager.showPreview(planArgument(uri), true)),
    vscode.commands.registerCommand('planAsCode.togglePreviewLock', () => manager.toggleLock()),
    vscode.commands.registerCommand('planAsCode.compareWith', (uri?: unknown, revision?: unknown) => manager.compareWith(planArgument(uri), typeof revision === 'string' ? revision : undefined)),
    vscode.commands.registerCommand('planAsCode.exportHtml', (uri?: unknown, target?: unknown) => manager.exportHtml(planArgument(uri), target instanceof vscode.Uri ? target : undefined)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined) {
        if (!state?.uri) {
          panel.dispose();
          return;
        }
        manager.adopt(panel, vscode.Uri.parse(state.uri), state.locked === true, state.line);
      },
    }),
  );
  return { getHtml: (uri) => manager.html(uri), leaveCompare: (uri) => manager.leaveCompare(uri) };
}
