/** The `planAsCode.rules` setting, changed the way the Settings editor changes it. */
import * as vscode from 'vscode';
import { codeOf, openPlan, waitForDiagnostics } from './helpers';

const RULE = 'smart/specific';

describe('Settings', () => {
  const rules = () => vscode.workspace.getConfiguration('planAsCode');

  after(async () => {
    await rules().update('rules', undefined, vscode.ConfigurationTarget.Global);
  });

  it('changes the severity of a rule, and turns it off', async () => {
    const { document } = await openPlan('flawed/vague-goals.plan.yaml');
    const ofRule = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((d) => codeOf(d) === RULE);
    const all = (severity: vscode.DiagnosticSeverity) => (diagnostics: vscode.Diagnostic[]) => ofRule(diagnostics).length > 0 && ofRule(diagnostics).every((d) => d.severity === severity);
    await waitForDiagnostics(document.uri, all(vscode.DiagnosticSeverity.Warning), `${RULE} as warnings`);

    await rules().update('rules', { [RULE]: 'error' }, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(document.uri, all(vscode.DiagnosticSeverity.Error), `${RULE} as errors`);

    await rules().update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0 && ofRule(diagnostics).length === 0, `${RULE} to be gone`);

    await rules().update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(document.uri, all(vscode.DiagnosticSeverity.Warning), `${RULE} as warnings again`);
  });
});
