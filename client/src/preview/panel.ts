import * as vscode from 'vscode';
import { applyPartEdit, escapeHtml as text, MEDIA, newNonce, resolveLocale, shiftLines, webviewPage, type Locale } from '../../../shared/preview';
import type { RenderRequest } from '../../../shared/protocol';
import { baseName, Debouncer, LatestOnly, previewTitle, RENDER_DEBOUNCE_MS } from './logic';
import type { FromWebview, PreviewState, ToWebview } from './webview-messages';

export const PREVIEW_VIEW_TYPE = 'planAsCode.preview';

/** What a preview needs from its manager. */
export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  render(params: RenderRequest.Params): Promise<RenderRequest.Result>;
  /** The preview scrolled: `line` is at its top. */
  onScroll(preview: PlanPreview, line: number): void;
  /** The user asked to see `line` in the editor. */
  onReveal(preview: PlanPreview, line: number): void;
  /** Whether a plan is in compare mode (`Plan: Compare with…`). */
  comparing(uri: vscode.Uri): boolean;
  /** The user clicked *Leave compare mode* in the preview. */
  onLeaveCompare(preview: PlanPreview): void;
}

/** Webview options: scripts on, resources only from the extension's media folder. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, enableFindWidget: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, ...MEDIA.folder.split('/'))] };
}

/** One preview panel showing one plan, re-rendered as the plan changes. */
export class PlanPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly debouncer = new Debouncer(RENDER_DEBOUNCE_MS);
  private readonly tickets = new LatestOnly();
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private locale: Locale = resolveLocale(undefined, undefined, vscode.env.language);
  private nonce = newNonce();
  /** The body shown now, whether it rendered a well-formed plan, and whether it was posted after the page was built. */
  private body: string | undefined;
  /** The HTML of the body's parts, by id (`RenderRequest.Part`): the server leaves out those the preview holds. */
  private partHtml = new Map<string, string>();
  /** The ids of the parts of the body shown now, and of those the webview shows (it may be behind, or rebuilt). */
  private partIds: string[] = [];
  private webviewParts = new Set<string>();
  private ok = true;
  private pageBuilt = false;
  private posted = false;
  private title = '';
  private line: number | undefined;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resourceUri: vscode.Uri,
    private lockedState: boolean,
    private readonly host: PreviewHost,
    line?: number,
  ) {
    this.line = line;
    panel.webview.options = webviewOptions(host.extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.updateTitle();
    void this.render(true);
  }

  get resource(): vscode.Uri {
    return this.resourceUri;
  }

  get locked(): boolean {
    return this.lockedState;
  }

  set locked(locked: boolean) {
    this.lockedState = locked;
    this.updateTitle();
    void this.render(true);
  }

  /** Shows another plan (an unlocked preview follows the active editor). */
  show(resource: vscode.Uri): void {
    if (resource.toString() === this.resourceUri.toString()) return;
    this.resourceUri = resource;
    this.line = undefined;
    this.body = undefined;
    this.partHtml.clear();
    this.updateTitle();
    void this.render(true);
  }

  /** Renders the plan again at once (e.g. on entering or leaving compare mode). */
  rerender(): void {
    this.debouncer.cancel();
    void this.render(false);
  }

  /** The plan changed: render its latest version once typing pauses. */
  refresh(): void {
    this.debouncer.schedule(() => void this.render(false));
  }

  scrollTo(line: number): void {
    this.line = line;
    this.post({ type: 'scrollTo', line });
  }

  /** The page the preview shows now (the shell with the latest body), for tests. */
  html(): string | undefined {
    return this.body === undefined ? undefined : this.page(this.body);
  }

  private page(body: string): string {
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, ...file.split('/'))).toString();
    const state: PreviewState = { uri: this.resourceUri.toString(), locked: this.lockedState, line: this.line };
    return webviewPage({ body, title: this.title, locale: this.locale, cspSource: webview.cspSource, styleUri: media(MEDIA.style), scriptUri: media(MEDIA.script), nonce: this.nonce, state, parts: this.partIds });
  }

  /**
   * Asks the server for a rendering: only the parts that changed since the ones this preview
   * holds (all of them when `whole`, or when the answer names a part it no longer holds).
   */
  private async fetch(resource: vscode.Uri, whole: boolean): Promise<{ result: RenderRequest.Result; body: string; held: Map<string, string> }> {
    // Opening the document makes the language client send it to the server.
    const document = await vscode.workspace.openTextDocument(resource);
    const result = await this.host.render({ uri: resource.toString(), version: document.version, length: document.getText().length, have: whole ? undefined : [...this.partHtml.keys()], ...(this.host.comparing(resource) ? { compare: true } : {}) });
    if (!result.body) return { result, body: result.html, held: new Map() };
    const { notice, open, parts } = result.body;
    const htmlOf = (part: RenderRequest.Part) => {
      if (part.html !== undefined) return part.html;
      if (part.moved) {
        const from = this.partHtml.get(part.moved.from);
        return from === undefined ? undefined : shiftLines(from, part.moved.lines);
      }
      if (part.edit) {
        const from = this.partHtml.get(part.edit.from);
        return from === undefined ? undefined : applyPartEdit(from, part.edit);
      }
      return this.partHtml.get(part.id);
    };
    const held = new Map<string, string>();
    for (const part of parts) {
      const html = htmlOf(part);
      // A part this preview no longer holds: the whole rendering, then.
      if (html === undefined) return this.fetch(resource, true);
      held.set(part.id, html);
    }
    return { result, body: `${notice}${open}${[...held.values()].join('')}</main>`, held };
  }

  private async render(full: boolean): Promise<void> {
    const ticket = this.tickets.next();
    const resource = this.resourceUri;
    let body: string;
    let ok = false;
    let patch: RenderRequest.Result['body'];
    let held = new Map<string, string>();
    try {
      const fetched = await this.fetch(resource, full || !this.pageBuilt);
      ({ body, held } = fetched);
      patch = fetched.result.body;
      ok = fetched.result.ok;
      this.locale = fetched.result.locale;
      this.title = fetched.result.title;
    } catch (error) {
      body = `<div class="notice" role="alert"><p>${text(vscode.l10n.t('The preview could not be rendered: {0}', error instanceof Error ? error.message : String(error)))}</p></div>`;
    }
    if (this.disposed || !this.tickets.isLatest(ticket) || resource !== this.resourceUri) return;
    this.updateTitle();
    this.body = body;
    this.ok = ok;
    // Keeps the HTML of the parts shown now (those of older renderings are not asked about again).
    const ids = [...held.keys()];
    if (patch) this.partHtml = held;
    this.partIds = ids;
    if (full || !this.pageBuilt) {
      this.nonce = newNonce();
      this.panel.webview.html = this.page(body);
      this.pageBuilt = true;
      this.posted = false;
    } else if (patch && this.webviewParts.size > 0) {
      // Only the parts the webview does not show already travel to it; one it shows with its lines moved, as a move.
      this.post({
        type: 'patch',
        ok,
        notice: patch.notice,
        open: patch.open,
        parts: ids.map((id, index) => {
          const moved = patch.parts[index].moved;
          return this.webviewParts.has(id) ? { id } : moved && this.webviewParts.has(moved.from) ? { id, moved } : { id, html: this.partHtml.get(id)! };
        }),
      });
      this.posted = true;
    } else {
      this.post({ type: 'update', html: body, ok, parts: ids });
      this.posted = true;
    }
    this.webviewParts = new Set(ids);
  }

  private receive(message: FromWebview): void {
    if (message.type === 'ready' || message.type === 'resync') {
      // A hidden webview is rebuilt from the page it was first given: bring it up to date.
      if ((this.posted || message.type === 'resync') && this.body !== undefined) this.post({ type: 'update', html: this.body, ok: this.ok, parts: this.partIds });
      this.webviewParts = new Set(this.partIds);
    } else if (message.type === 'scroll') {
      this.line = message.line;
      this.host.onScroll(this, message.line);
    } else if (message.type === 'reveal') {
      this.host.onReveal(this, message.line);
    } else if (message.type === 'leaveCompare') {
      this.host.onLeaveCompare(this);
    }
  }

  private post(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private updateTitle(): void {
    this.panel.title = previewTitle(this.locale, baseName(this.resourceUri.path), this.lockedState);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.debouncer.cancel();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }
}
