import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT } from '../helpers';
import { git } from '../cli/git';
import { LspClient } from './lsp-client';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

describe('language server: approvals read from git', function () {
  this.timeout(30000);
  let client: LspClient;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-approvals-lsp-'));
    git(folder, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(folder, 'marketing.plan.yaml'), CLEAN);
    git(folder, 'add', '-A');
    git(folder, 'commit', '-q', '-m', 'Plan');
    client = new LspClient();
    await client.initialize();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('publishes plan/approval-stale when a target changed after the approved commit, and nothing once it is back', async () => {
    const revision = git(folder, 'rev-parse', 'HEAD').trim();
    const approvals = `approvals:\n  - by: Maria Pop\n    role: CMO\n    date: 2026-02-20\n    revision: ${revision}\n`;
    const uri = pathToFileURL(path.join(folder, 'marketing.plan.yaml')).toString();
    const stale = CLEAN.replace('total: 100000', 'total: 125000') + approvals;
    const published = await client.open(uri, stale);
    const found = published.diagnostics.filter((diagnostic) => diagnostic.code === 'plan/approval-stale');
    assert.equal(found.length, 1);
    assert.equal(found[0].source, 'plan');
    assert.match(found[0].message, new RegExp(`revision \`${revision}\`, but since then the budget went from 100,000 EUR to 125,000 EUR`));
    assert.equal(found[0].range.start.line, stale.split('\n').findIndex((line) => line.includes('Maria Pop')));

    const back = await client.change(uri, 2, [{ text: CLEAN + approvals }]);
    assert.deepStrictEqual(back.diagnostics.filter((diagnostic) => diagnostic.code === 'plan/approval-stale'), []);
  });
});
