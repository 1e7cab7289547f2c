import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createPlanService, type PlanHost } from '../../server/src/core/workspace/service';
import { RenderMemo, renderPlan, renderTextSteps } from '../../server/src/core/render';
import { runToEnd } from '../../server/src/core/base/steps';
import type { RevisionRead } from '../../server/src/core/base/files';
import { replaceOnce, ROOT } from '../helpers';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');
const FILE = '/repo/plans/marketing.plan.yaml';

const APPROVALS = `approvals:
  - by: Ion Ionescu
    role: CEO
    date: 2026-01-10
    revision: v2026.1
  - by: Maria Pop
    role: CMO
    date: 2026-02-20
    revision: abc1234
`;

const edit = replaceOnce;

/** A host over memory whose repository holds `revisions` of the plan; records the revisions asked for. */
function host(revisions: Record<string, RevisionRead>, asked: string[] = [], trusted = true): PlanHost {
  return {
    readFile: () => undefined,
    trusted: () => trusted,
    readRevision(filePath, revision) {
      asked.push(revision);
      assert.equal(filePath, FILE);
      return revisions[revision] ?? { problem: 'unknown-revision', shallow: false };
    },
  };
}

function approvalFindings(text: string, revisions: Record<string, RevisionRead>, options: { trusted?: boolean; locale?: string } = {}) {
  const checked = createPlanService(host(revisions, [], options.trusted)).check(text, FILE, { editorLocale: options.locale });
  return { checked, findings: checked.findings.filter((finding) => finding.ruleId === 'plan/approval-stale') };
}

const APPROVED = CLEAN + APPROVALS;

describe('approvals (plan/approval-stale)', () => {
  it('holds when the approved revision has the same targets, budgets and deadlines, whatever else changed', () => {
    const reworded = edit(APPROVED, 'Increase qualified leads 30 % through monthly clinic webinars', 'Increase qualified leads 30 % through two clinic webinars a month');
    const { checked, findings } = approvalFindings(reworded, { abc1234: { text: CLEAN, commit: 'abc1234'.padEnd(40, '0') } });
    assert.deepStrictEqual(findings, []);
    assert.equal(checked.approval?.state, 'holds');
    assert.equal(checked.approval?.approval.by, 'Maria Pop', 'the latest approval by date counts');
  });

  it('goes stale when a target, a deadline and the budget changed, naming each with its old and new value', () => {
    let changed = edit(APPROVED, '    target: 520\n    deadline: 2026-09-30', '    target: 600\n    deadline: 2026-12-15');
    changed = edit(changed, 'total: 100000', 'total: 120000');
    changed = edit(changed, 'amount: 60000', 'amount: 80000');
    const { findings } = approvalFindings(changed, { abc1234: { text: CLEAN, commit: 'a'.repeat(40) } });
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'information');
    assert.equal(
      finding.message,
      'Approved by Maria Pop on 2026-02-20 at revision `abc1234`, but since then the target of goal `pipeline` went from 520 to 600, the deadline of goal `pipeline` went from 2026-09-30 to 2026-12-15 and the budget went from 100,000 EUR to 120,000 EUR. Ask for the approval again, and record it with the commit that holds these changes.',
    );
    assert.deepStrictEqual(finding.path, ['approvals', 1]);
    assert.equal(APPROVED.slice(0, finding.start).split('\n').length, APPROVED.split('\n').findIndex((line) => line.includes('Maria Pop')) + 1, 'on the last approval');
  });

  it('says when a goal was added or removed, and money moved between channels with the total unchanged', () => {
    let changed = edit(APPROVED, 'amount: 40000', 'amount: 30000');
    changed = edit(changed, 'amount: 60000', 'amount: 70000');
    const { findings } = approvalFindings(changed, { abc1234: { text: CLEAN, commit: 'b'.repeat(40) } });
    assert.match(findings[0].message, /10,000 EUR moved from `webinars` to `linkedin`/);
    const withoutGoal = edit(CLEAN, 'goals:\n  - id: pipeline', 'goals:\n  - id: pipeline-old');
    const { findings: renamed } = approvalFindings(APPROVED, { abc1234: { text: withoutGoal, commit: 'c'.repeat(40) } });
    // A renamed id with the same content is the same goal: nothing approved changed.
    assert.deepStrictEqual(renamed, []);
  });

  it('counts beyond three changes instead of listing them all', () => {
    let changed = APPROVED;
    for (const [from, to] of [['target: 520\n    frequency', 'target: 530\n    frequency'], ['target: 520\n    deadline: 2026-09-30', 'target: 530\n    deadline: 2026-10-31'], ['total: 100000', 'total: 90000']] as const) changed = edit(changed, from, to);
    const { findings } = approvalFindings(changed, { abc1234: { text: CLEAN, commit: 'd'.repeat(40) } });
    assert.match(findings[0].message, /and 1 more changes\. Ask/);
  });

  it('is silent on a draft, where the host cannot read revisions, and in an untrusted workspace (git is not run there)', () => {
    const changed = edit(APPROVED, 'total: 100000', 'total: 120000');
    const revisions = { abc1234: { text: CLEAN, commit: 'e'.repeat(40) } };
    assert.deepStrictEqual(approvalFindings(`status: draft\n${changed}`, revisions).findings, []);
    const asked: string[] = [];
    const untrusted = createPlanService(host(revisions, asked, false)).check(changed, FILE);
    assert.deepStrictEqual(untrusted.findings.filter((finding) => finding.ruleId === 'plan/approval-stale'), []);
    assert.deepStrictEqual(asked, []);
    assert.equal(untrusted.approval?.state, 'unavailable');
    const noGit = createPlanService({ readFile: () => undefined }).check(changed, FILE);
    assert.equal(noGit.approval?.state, 'unavailable');
  });

  it('reads a revision once per plan, not on every keystroke, and again after the plan changed on disk', () => {
    const asked: string[] = [];
    const service = createPlanService(host({ abc1234: { text: CLEAN, commit: 'f'.repeat(40) } }, asked));
    service.check(APPROVED, FILE);
    service.check(APPROVED + '# typing\n', FILE);
    service.check(APPROVED + '# typing more\n', FILE);
    assert.deepStrictEqual(asked, ['abc1234']);
    service.invalidateFile(FILE);
    service.check(APPROVED + '# saved\n', FILE);
    assert.deepStrictEqual(asked, ['abc1234', 'abc1234']);
  });

  it('says why an approval cannot be checked: no revision, an unknown one (shallow clone or not), a plan absent then, no repository', () => {
    const noRevision = approvalFindings(edit(APPROVED, '    revision: abc1234\n', ''), {}).findings;
    assert.match(noRevision[0].message, /names no `revision`.*`git log -1 --format=%h -- marketing\.plan\.yaml`/);
    assert.match(approvalFindings(APPROVED, {}).findings[0].message, /revision `abc1234`, which this repository does not have/);
    assert.match(approvalFindings(APPROVED, { abc1234: { problem: 'unknown-revision', shallow: true } }).findings[0].message, /git fetch --unshallow/);
    assert.match(approvalFindings(APPROVED, { abc1234: { problem: 'absent', commit: '1'.repeat(40) } }).findings[0].message, /was not at `marketing\.plan\.yaml` in it/);
    assert.match(approvalFindings(APPROVED, { abc1234: { problem: 'no-repository' } }).findings[0].message, /not in a git repository/);
    const unknown = approvalFindings(APPROVED, {}).findings[0];
    assert.deepStrictEqual(unknown.path, ['approvals', 1, 'revision']);
  });

  it('speaks Romanian in a Romanian plan', () => {
    const changed = edit(APPROVED.replace('language: en', 'language: ro'), 'total: 100000', 'total: 120000');
    const { findings } = approvalFindings(changed, { abc1234: { text: CLEAN, commit: '2'.repeat(40) } });
    assert.equal(
      findings[0].message,
      'Aprobat de Maria Pop la 2026-02-20 în revizia `abc1234`, dar de atunci bugetul s-a schimbat din 100.000 EUR în 120.000 EUR. Cereți din nou aprobarea și înregistrați-o cu commitul care conține aceste schimbări.',
    );
  });

  it('shows the approvals in the preview, with whether the last one still holds', () => {
    const changed = edit(APPROVED, 'total: 100000', 'total: 120000');
    const stale = approvalFindings(changed, { abc1234: { text: CLEAN, commit: '3'.repeat(40) } }).checked;
    const html = renderPlan(stale).html;
    assert.match(html, /<section[^>]*id="section-approvals"/);
    assert.match(html, /Ion Ionescu[\s\S]*approval-superseded[\s\S]*Maria Pop[\s\S]*approval-stale">Stale: changed since/);
    assert.match(html, /the budget went from 100,000 EUR to 120,000 EUR/, 'the finding is listed under the approval');
    const holds = approvalFindings(APPROVED, { abc1234: { text: CLEAN, commit: '4'.repeat(40) } }).checked;
    assert.match(renderPlan(holds).html, /approval-holds">Holds: nothing approved has changed/);
    assert.doesNotMatch(renderPlan(createPlanService({ readFile: () => undefined }).check(CLEAN, FILE)).html, /section-approvals/);
  });

  it('renders the approvals again when only their state changed (the preview reuses unchanged parts)', () => {
    const revisions: Record<string, RevisionRead> = { abc1234: { text: CLEAN, commit: '5'.repeat(40) } };
    const service = createPlanService(host(revisions));
    const memo = new RenderMemo();
    assert.match(runToEnd(renderTextSteps(service, APPROVED, FILE, {}, { memo })).html, /approval-holds/);
    // The approved revision now reads differently (e.g. the tag was moved): the plan text is the same.
    revisions.abc1234 = { text: edit(CLEAN, 'total: 100000', 'total: 90000'), commit: '6'.repeat(40) };
    service.invalidateFile(FILE);
    const again = runToEnd(renderTextSteps(service, APPROVED, FILE, {}, { memo })).html;
    assert.match(again, /approval-stale/);
    assert.doesNotMatch(again, /approval-holds/);
  });

  it('reads a commit id of digits as written, not as the number YAML makes of it (1234567, 0012345)', () => {
    for (const revision of ['1234567', '0012345']) {
      const asked: string[] = [];
      const text = APPROVED.replace('revision: abc1234', `revision: ${revision}`);
      const checked = createPlanService(host({ [revision]: { text: CLEAN, commit: '7'.repeat(40) } }, asked)).check(text, FILE);
      assert.deepStrictEqual(asked, [revision]);
      assert.equal(checked.approval?.state, 'holds');
      assert.deepStrictEqual(checked.findings.filter((finding) => finding.ruleId.startsWith('schema/')), [], 'a digits-only revision is valid');
    }
  });
});
