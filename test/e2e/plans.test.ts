/**
 * The example plans in a real VS Code: language, diagnostics as the flawed draft's
 * `# expect:` comments list them, and their disappearance when the plan is fixed.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, codeOf, describeDiagnostics, find, hasDiagnostic, LANGUAGE_ID, openPlan, replace, waitForDiagnostics, workspaceFile } from './helpers';

const VAGUE_GOALS = 'flawed/vague-goals.plan.yaml';
const EXPECT = /#\s*expect:\s*([^#]*)$/;
/** The scalar a finding on a line covers: the value after the key, without a trailing comment. */
const LINE_VALUE = /^\s*(?:-\s+)?[\w-]+:\s+(.*?)\s*(?:#.*)?$/;

/** `line: rule/id` for every rule the `# expect:` comments list (0-based lines), sorted. */
function expectedFindings(document: vscode.TextDocument): string[] {
  const expected: string[] = [];
  for (let line = 0; line < document.lineCount; line++) {
    const codes = EXPECT.exec(document.lineAt(line).text)?.[1] ?? '';
    for (const code of codes.split(',').map((part) => part.trim()).filter(Boolean)) expected.push(`${line}: ${code}`);
  }
  return expected.sort();
}

function actualFindings(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}: ${codeOf(d)}`).sort();
}

describe('Plan as Code in VS Code', () => {
  before(async function () {
    this.timeout(60_000); // the first activation starts the language server
    await activeExtension();
  });

  it('runs the extension this run is meant to test', async () => {
    const extension = await activeExtension();
    // The runners say where the extension must come from: the working tree or the installed .vsix.
    const expected = process.env.PLAN_E2E_EXTENSION_PATH;
    if (expected) assert.strictEqual(extension.extensionUri.fsPath, expected);
    assert.strictEqual(extension.isActive, true);
  });

  it('opens the example plans with the plan-yaml language', async () => {
    for (const file of ['marketing.plan.yaml', 'sales.plan.yaml', VAGUE_GOALS]) {
      const document = await vscode.workspace.openTextDocument(workspaceFile(file));
      assert.strictEqual(document.languageId, LANGUAGE_ID, file);
    }
  });

  it("shows the flawed draft's expected diagnostics, on the values they are about", async () => {
    const { document } = await openPlan(VAGUE_GOALS);
    const expected = expectedFindings(document);
    assert.ok(expected.length >= 10, `the example lists its expected findings (${expected.length} found)`);
    const diagnostics = await waitForDiagnostics(document.uri, (current) => actualFindings(current).join() === expected.join(), 'the diagnostics of the `# expect:` comments');
    for (const diagnostic of diagnostics) {
      const { start, end } = diagnostic.range;
      const value = LINE_VALUE.exec(document.lineAt(start.line).text)?.[1];
      assert.strictEqual(end.line, start.line, `${codeOf(diagnostic)} spans one line`);
      assert.strictEqual(document.getText(diagnostic.range), value, `${codeOf(diagnostic)} on line ${start.line + 1} covers the value`);
      assert.strictEqual(diagnostic.source, 'plan');
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning, describeDiagnostics([diagnostic]));
      assert.ok(diagnostic.message.length > 20, `${codeOf(diagnostic)} explains itself`);
    }
  });

  it('clears a diagnostic when an edit fixes the plan, without saving', async () => {
    const { document } = await openPlan(VAGUE_GOALS);
    const deadline = find(document, '2027-03-31');
    await waitForDiagnostics(document.uri, (current) => hasDiagnostic(current, 'smart/time-bound', deadline.start.line), 'smart/time-bound on the late deadline');
    await replace(document, deadline, '2026-12-15');
    await waitForDiagnostics(document.uri, (current) => current.length > 0 && !hasDiagnostic(current, 'smart/time-bound', deadline.start.line), 'smart/time-bound to go away');
    assert.ok(document.isDirty, 'the fix is not saved');

    // And the reverse: breaking a complete goal reports it.
    const kpi = find(document, 'kpi: leads', find(document, 'id: leads-smart').start.line);
    await replace(document, kpi, 'kpi: nowhere');
    await waitForDiagnostics(document.uri, (current) => hasDiagnostic(current, 'ref/undefined', kpi.start.line), 'ref/undefined for the unknown KPI');
  });

  it('offers the KPI ids when completing inside `kpi:`', async () => {
    const { document } = await openPlan(VAGUE_GOALS);
    const value = find(document, 'kpi: leads');
    const at = value.start.translate(0, 'kpi: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const id of ['leads', 'cost-per-lead', 'brand-awareness', 'pilots']) assert.ok(labels.includes(id), `completion offers KPI ${id}; it offers: ${labels.join(', ')}`);
  });

  it('shows a KPI when hovering its id', async () => {
    const { document } = await openPlan(VAGUE_GOALS);
    const reference = find(document, 'kpi: cost-per-lead');
    const at = reference.start.translate(0, 'kpi: '.length + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /Cost per qualified lead/, `the hover names the KPI:\n${text}`);
    assert.match(text, /100/, `the hover shows the KPI's target:\n${text}`);
  });
});
