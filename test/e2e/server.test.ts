/**
 * The language server's process in a real VS Code: the activation hook the benchmark reads, and
 * a server killed the hard way, which the client restarts, telling the user once.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import { activeExtension, find, hasDiagnostic, openPlan, replace, waitForDiagnostics, waitUntil } from './helpers';

const RESTARTED = /language server stopped unexpectedly and was restarted/;

describe('Language server process', () => {
  let api: ExtensionApi;

  before(async () => {
    api = (await activeExtension()).exports as ExtensionApi;
  });

  it('reports when its activation happened, for npm run bench:activation', () => {
    const { loaded, activateStart, activateEnd } = api.activation;
    assert.ok(loaded > 0 && loaded <= activateStart && activateStart <= activateEnd && activateEnd <= performance.now(), `in order, in this host's time: ${JSON.stringify(api.activation)}`);
  });

  /** Kills the server (SIGKILL: no shutdown, as in a crash) and waits until another process answers. */
  async function crash(): Promise<number> {
    const killed = await api.serverProcessId();
    process.kill(killed, 'SIGKILL');
    return waitUntil(
      async () => {
        try {
          const pid = await api.serverProcessId();
          return pid !== killed && pid;
        } catch {
          return undefined; // the connection is down until the client has restarted the server
        }
      },
      `a language server other than process ${killed}`,
      () => `notices: ${JSON.stringify(api.notices)}`,
    );
  }

  it('restarts a crashed server, which checks edits and answers hovers again, and tells the user once', async () => {
    const { document } = await openPlan('marketing.plan.yaml');
    await waitForDiagnostics(document.uri, (current) => current.length === 0, 'the complete example to be checked, with no diagnostics');
    assert.deepStrictEqual(api.notices, [], 'nothing was shown before the crash');

    const first = await crash();
    assert.strictEqual(api.notices.length, 1, `one message after the crash: ${JSON.stringify(api.notices)}`);
    assert.match(api.notices[0], RESTARTED);

    const reference = find(document, 'kpi: leads');
    const value = reference.with({ start: reference.start.translate(0, 'kpi: '.length) });
    await replace(document, value, 'leadz');
    await waitForDiagnostics(document.uri, (current) => hasDiagnostic(current, 'ref/undefined', value.start.line), 'ref/undefined on the edited reference, from the restarted server');

    const cost = find(document, 'kpi: cost-per-lead');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, cost.end.translate(0, -2));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /`cost-per-lead`/, 'the restarted server hovers a KPI reference');

    const second = await crash();
    assert.notStrictEqual(second, first);
    assert.strictEqual(api.notices.length, 1, `no second message for the second crash: ${JSON.stringify(api.notices)}`);
    await replace(document, value.with({ end: value.start.translate(0, 'leadz'.length) }), 'leads');
    await waitForDiagnostics(document.uri, (current) => current.length === 0, 'the fixed reference to be clean again, after the second restart');
  });

  it('replaces the server on Plan: Restart Language Server, leaving no process behind and saying nothing', async () => {
    const { document } = await openPlan('marketing.plan.yaml');
    const notices = api.notices.length;
    const before = await api.serverProcessId();
    await vscode.commands.executeCommand('planAsCode.restartServer');
    const after = await api.serverProcessId();
    assert.notStrictEqual(after, before);
    await waitUntil(() => !isRunning(before), `the previous server (process ${before}) to exit`);
    const reference = find(document, 'kpi: leads');
    await replace(document, reference.with({ start: reference.end }), 'z');
    await waitForDiagnostics(document.uri, (current) => hasDiagnostic(current, 'ref/undefined', reference.start.line), 'ref/undefined from the new server');
    assert.strictEqual(api.notices.length, notices, 'a restart the user asked for is not announced');
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
