import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { yaml } from '../helpers';
import { LspClient, type PublishedDiagnostics } from './lsp-client';

const PLAN = yaml(
  'kind: sales',
  'title: Actuals',
  'period: { start: 2026-01-01, end: 2026-12-31 }',
  'actuals: actuals.csv',
  'summary: A plan that reads its actuals.',
  'kpis:',
  '  - { id: retreats, name: Retreats sold, unit: count, baseline: 0, target: 120, frequency: monthly, source: Bookings }',
);

function findings(published: PublishedDiagnostics): string[] {
  return published.diagnostics.filter((diagnostic) => /^(actuals|kpi\/off-track)/.test(String(diagnostic.code))).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
}

describe('language server: the actuals file a plan names', function () {
  this.timeout(20000);
  let client: LspClient;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-actuals-'));
    client = new LspClient();
    await client.initialize();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('checks the plan again when the file is created, changed or deleted on disk', async () => {
    const uri = pathToFileURL(path.join(folder, 'sales.plan.yaml')).toString();
    const csv = path.join(folder, 'actuals.csv');
    const watched = (type: number) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).toString(), type }] });
    assert.deepStrictEqual(findings(await client.open(uri, PLAN)), ['actuals/csv: The actuals file `actuals.csv` cannot be read: check the path in `actuals` (relative to this plan\'s folder).']);

    // At the target already: on track whatever the day the test runs.
    fs.writeFileSync(csv, 'kpi,period,value\nretreats,2026-01,120\n');
    let next = client.nextDiagnostics(uri);
    await watched(1);
    assert.deepStrictEqual(findings(await next), []);

    fs.writeFileSync(csv, 'kpi,period,value\nretreats,2026-01,120\nvisits,2026-01,9000\n');
    next = client.nextDiagnostics(uri);
    await watched(2);
    assert.deepStrictEqual(findings(await next), ['actuals/csv: `actuals.csv`, line 3: `visits` is not a KPI of this plan: use a KPI `id`. The row is left out.']);

    fs.rmSync(csv);
    next = client.nextDiagnostics(uri);
    await watched(3);
    assert.deepStrictEqual(findings(await next), ['actuals/csv: The actuals file `actuals.csv` cannot be read: check the path in `actuals` (relative to this plan\'s folder).']);
  });
});
