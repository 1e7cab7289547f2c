import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';
import { git, GIT_ENV } from './git';
import { CLI } from './run';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: GIT_ENV, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The approval findings of `check --format json`. */
function approvalFindings(cwd: string, file: string): { message: string; line: number }[] {
  const result = cli(cwd, 'check', file, '--format', 'json', '--today', '2026-03-01');
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const report = JSON.parse(result.stdout) as { findings: { ruleId: string; message: string; line: number }[] }[];
  return report.flatMap((entry) => entry.findings).filter((finding) => finding.ruleId === 'plan/approval-stale');
}

describe('approvals in a git repository (CLI)', function () {
  this.timeout(60000);
  let root: string;
  let plan: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-approvals-'));
    fs.mkdirSync(path.join(root, 'plans'));
    plan = path.join(root, 'plans', 'marketing.plan.yaml');
    git(root, 'init', '-q', '-b', 'main');
    fs.writeFileSync(plan, CLEAN);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'Plan for 2026');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const approve = (revision: string) => `\napprovals:\n  - by: Maria Pop\n    role: CMO\n    date: 2026-02-20\n    revision: ${revision}\n`;

  it('holds after the approval is recorded, and goes stale, visibly, when a target changes after it', () => {
    const approved = git(root, 'rev-parse', 'HEAD').trim();
    fs.writeFileSync(plan, CLEAN + approve(approved));
    git(root, 'commit', '-q', '-am', 'Approved by the CMO');
    assert.deepStrictEqual(approvalFindings(root, 'plans/marketing.plan.yaml'), []);

    fs.writeFileSync(plan, CLEAN.replace('    target: 520\n    deadline', '    target: 650\n    deadline') + approve(approved));
    const [finding, ...rest] = approvalFindings(root, 'plans/marketing.plan.yaml');
    assert.deepStrictEqual(rest, []);
    assert.equal(finding.message, `Approved by Maria Pop on 2026-02-20 at revision \`${approved}\`, but since then the target of goal \`pipeline\` went from 520 to 650. Ask for the approval again, and record it with the commit that holds these changes.`);

    // The preview (and `render`) shows the approval as stale.
    const rendered = cli(root, 'render', 'plans/marketing.plan.yaml', '-o', '-', '--today', '2026-03-01');
    assert.equal(rendered.status, 0, rendered.stderr);
    assert.match(rendered.stdout, /approval-stale">Stale: changed since/);
  });

  it('finds an approval by tag, and says when the revision does not exist or the plan is not in git', () => {
    git(root, 'tag', 'board-2026');
    fs.writeFileSync(plan, CLEAN.replace('total: 100000', 'total: 110000') + approve('board-2026'));
    assert.match(approvalFindings(root, 'plans/marketing.plan.yaml')[0].message, /the budget went from 100,000 EUR to 110,000 EUR/);

    fs.writeFileSync(plan, CLEAN + approve('deadbee'));
    assert.match(approvalFindings(root, 'plans/marketing.plan.yaml')[0].message, /revision `deadbee`, which this repository does not have/);

    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-no-git-'));
    try {
      fs.writeFileSync(path.join(outside, 'marketing.plan.yaml'), CLEAN + approve('abc1234'));
      assert.match(approvalFindings(outside, 'marketing.plan.yaml')[0].message, /not in a git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('says when the plan was not at its path in the approved revision (moved since)', () => {
    const before = git(root, 'rev-parse', 'HEAD').trim();
    fs.mkdirSync(path.join(root, 'plans', '2026'));
    git(root, 'mv', 'plans/marketing.plan.yaml', 'plans/2026/marketing.plan.yaml');
    git(root, 'commit', '-q', '-m', 'Move');
    fs.writeFileSync(path.join(root, 'plans/2026/marketing.plan.yaml'), CLEAN + approve(before));
    assert.match(approvalFindings(root, 'plans/2026/marketing.plan.yaml')[0].message, /was not at `marketing\.plan\.yaml` in it/);
  });
});
