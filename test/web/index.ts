/**
 * The extension in VS Code's web worker extension host (what vscode.dev and github.dev run),
 * started by `scripts/e2e/web.mjs` in a VS Code server with the extension under development
 * forced to the web (`extensionDevelopmentKind=web`). It runs in a web worker: no Node.js, no
 * mocha, so a few plain checks, reported line by line through the console.
 *
 * The workspace holds `web/marketing.plan.yaml` (a plan with mistakes, linked to
 * `../sales.plan.yaml`, under a `.planrc.yaml`) and `web/expected.json`: what the CLI, in
 * Node.js, finds in that plan reading the same files from disk.
 */
import * as vscode from 'vscode';

/** Marks this suite's lines among everything the workbench logs. */
const TAG = '[plan-web] ';
const TIMEOUT_MS = 30_000;

interface Expected {
  ruleId: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const SEVERITY: Record<vscode.DiagnosticSeverity, Expected['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function same(actual: unknown, expected: unknown, message: string): void {
  const [a, b] = [JSON.stringify(actual, null, 1), JSON.stringify(expected, null, 1)];
  check(a === b, `${message}\nactual:   ${a}\nexpected: ${b}`);
}

/** Resolves with `value()` once it is truthy, checked when `event` fires (and at once). */
function when<T>(event: vscode.Event<unknown>, value: () => T | undefined, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = value();
    if (now) return resolve(now);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no ${what} within ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    const listener = event(() => {
      const found = value();
      if (!found) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(found);
    });
  });
}

/** Fires every 100 ms: for what has no event of its own (the preview's HTML). */
function ticks(): vscode.Event<void> {
  return (listener) => {
    const interval = setInterval(() => listener(), 100);
    return { dispose: () => clearInterval(interval) };
  };
}

export async function run(): Promise<void> {
  const log = (line: string) => console.log(`${TAG}${line}`);
  let passed = 0;
  let failed = 0;
  const test = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
      passed++;
      log(`  ✔ ${name}`);
    } catch (error) {
      failed++;
      log(`  ✖ ${name}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const folder = vscode.workspace.workspaceFolders![0].uri;
  const plan = vscode.Uri.joinPath(folder, 'web/marketing.plan.yaml');
  const expected = (JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'web/expected.json')))) as { findings: Expected[] }[])[0].findings;
  let api: { preview: { getHtml(uri?: vscode.Uri): string | undefined } } | undefined;
  log('Plan as Code in the web worker extension host');

  await test('runs in a web worker, with the browser entry and its language server', async () => {
    check(typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string', 'this is not Node.js');
    const extension = vscode.extensions.getExtension('plan-as-code.plan-as-code');
    check(extension, 'the extension is installed');
    api = await extension.activate();
    check(api && !('serverProcessId' in api), 'the browser entry activated (its API has no server process id)');
  });

  await test('gives a plan with a linked plan and a .planrc.yaml the diagnostics the CLI gives it', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plan));
    const diagnostics = await when(vscode.languages.onDidChangeDiagnostics, () => {
      const found = vscode.languages.getDiagnostics(plan).filter((diagnostic) => diagnostic.source === 'plan');
      return found.length > 0 ? found : undefined;
    }, 'diagnostics');
    const actual = diagnostics.map((diagnostic): Expected => ({
      ruleId: typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code),
      severity: SEVERITY[diagnostic.severity],
      message: diagnostic.message,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
    }));
    same(actual, expected, 'the same findings as the CLI');
    check(!actual.some((finding) => finding.ruleId === 'align/period'), 'the linked plan was read');
    check(actual.some((finding) => finding.ruleId === 'kpi/unused' && finding.severity === 'warning'), "the repository's .planrc.yaml applies");
    const target = typeof diagnostics[0].code === 'object' ? diagnostics[0].code.target : undefined;
    check(target?.path.endsWith(`/docs/rules/${actual[0].ruleId.replace('/', '-')}.md`), `the diagnostic links to its rule's page: ${target?.toString()}`);
  });

  await test('completes KPI ids', async () => {
    const document = await vscode.workspace.openTextDocument(plan);
    const offset = document.getText().indexOf('kpi: lead ') + 'kpi: lead'.length;
    check(offset > 'kpi: lead'.length, 'the plan has `kpi: lead`');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', plan, document.positionAt(offset));
    // The server's own items are references; the editor adds the document's words as text.
    const labels = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    check(labels.includes('leads'), `the server offers 'leads': ${labels.join(', ')}`);
  });

  await test('shows the preview', async () => {
    await vscode.commands.executeCommand('planAsCode.showPreview', plan);
    const html = await when(ticks(), () => {
      const shown = api?.preview.getHtml(plan);
      return shown?.includes('section-') ? shown : undefined;
    }, 'rendered preview');
    check(html.includes('Munte &amp; Mare Travel'), 'the preview shows the plan');
    // Whether the webview shows it, only the page around the workbench can see: the runner looks
    // into the webview's frame when asked, takes a screenshot and writes down what it saw.
    const answer = vscode.Uri.joinPath(folder, 'web/preview-seen.txt');
    log('@look-at-preview');
    const deadline = Date.now() + TIMEOUT_MS;
    while (!(await vscode.workspace.fs.stat(answer).then(() => true, () => false))) {
      check(Date.now() < deadline, `no look at the webview within ${TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seen = new TextDecoder().decode(await vscode.workspace.fs.readFile(answer));
    check(seen === 'rendered', `the webview shows the rendered plan: ${seen}`);
  });

  await test('says that comparing with an older version needs the Git extension, which the web does not have', async () => {
    const git = vscode.extensions.getExtension('vscode.git');
    const answer = await vscode.commands.executeCommand<boolean | string>('planAsCode.compareWith', plan, 'HEAD');
    log(`  compare with HEAD: ${String(answer)} (Git extension ${git ? 'listed' : 'absent'})`);
    if (git) check(typeof answer === 'string' || answer === true, `an answer from the Git extension: ${String(answer)}`);
    else check(answer === 'Comparing with an older version needs the Git extension of VS Code, which is not available here (for example in VS Code for the Web).', `the message: ${String(answer)}`);
  });

  log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${passed + failed} checks failed`);
}
