import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';
import { git, GIT_ENV } from './git';
import { CLI } from './run';

const FIXTURES = path.join(ROOT, 'test/fixtures/diff');
const BEFORE = fs.readFileSync(path.join(FIXTURES, 'before.plan.yaml'), 'utf8');
const AFTER = fs.readFileSync(path.join(FIXTURES, 'after.plan.yaml'), 'utf8');
const SALES = fs.readFileSync(path.join(ROOT, 'examples/sales.plan.yaml'), 'utf8').replace('alignsWith: [marketing.plan.yaml]\n', '');

function diff(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'diff', ...args], { cwd, env: GIT_ENV, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(cwd: string, ...args: string[]) {
  const result = diff(cwd, '--format', 'json', ...args);
  assert.strictEqual(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { plans: { file: string; previousFile?: string; status: string; summary: string[]; changes: { section: string; key?: string; kind: string }[] }[] };
}

/** One clear line on stderr, exit status 2, no stack trace. */
function fails(result: { status: number | null; stderr: string }, pattern: RegExp): void {
  assert.strictEqual(result.status, 2, result.stderr);
  assert.match(result.stderr, pattern);
  assert.strictEqual(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}

describe('plan-as-code diff', function () {
  this.timeout(60000);
  let root: string;
  let repo: string;

  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    fs.writeFileSync(path.join(repo, name), text);
  };
  const commit = (message: string) => {
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', message);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-diff-'));
    repo = path.join(root, 'repo');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
    write('plans/marketing.plan.yaml', BEFORE);
    write('plans/sales.plan.yaml', SALES);
    write('README.md', 'Plans\n');
    commit('Plans for 2026');
    git(repo, 'checkout', '-q', '-b', 'feature');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('compares the merge base of HEAD and main with the working tree by default', () => {
    write('plans/marketing.plan.yaml', AFTER);
    const report = json(repo);
    assert.deepStrictEqual(report.plans.map((plan) => [plan.file, plan.status]), [['plans/marketing.plan.yaml', 'changed']]);
    assert.deepStrictEqual(report.plans[0].summary.slice(0, 3), ['Qualified leads target +10 %', 'Website conversion target +0.5 pp', 'budget unchanged in total, 20,000 EUR moved from events to LinkedIn']);
    // The CLI computes SMART for each side.
    assert.ok(report.plans[0].summary.some((phrase) => /^SMART \d+\/2 → \d+\/4$/.test(phrase)), report.plans[0].summary.join('; '));
  });

  it('writes text by default and Markdown on request, from a subfolder too', () => {
    write('plans/marketing.plan.yaml', AFTER);
    const text = diff(path.join(repo, 'plans'));
    assert.strictEqual(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Northwind Coffee — marketing plan 2026 · plans\/marketing\.plan\.yaml\n  Qualified leads target \+10 %;/);
    const markdown = diff(repo, '--format', 'markdown');
    assert.match(markdown.stdout, /^## Plan changes\n\n### Northwind Coffee — marketing plan 2026 · `plans\/marketing\.plan\.yaml`\n\n\*\*Summary:\*\* Qualified leads target \+10 %;/);
    assert.match(markdown.stdout, /^\| `spring-fair` · End \| 2026-04-12 \| 2026-04-14 \| \+2 days \|$/m);
    const output = diff(repo, '--format', 'markdown', '-o', 'diff.md');
    assert.strictEqual(output.stdout, '');
    assert.strictEqual(fs.readFileSync(path.join(repo, 'diff.md'), 'utf8'), markdown.stdout);
  });

  it('compares two revisions, or from the merge base with A...B', () => {
    write('plans/marketing.plan.yaml', AFTER);
    commit('Raise the lead target');
    git(repo, 'checkout', '-q', 'main');
    write('plans/sales.plan.yaml', SALES.replace('target: 4100000', 'target: 4200000'));
    commit('Sales target');
    assert.deepStrictEqual(json(repo, 'main', 'feature').plans.map((plan) => plan.file), ['plans/marketing.plan.yaml', 'plans/sales.plan.yaml']);
    assert.deepStrictEqual(json(repo, 'main...feature').plans.map((plan) => plan.file), ['plans/marketing.plan.yaml']);
    assert.deepStrictEqual(json(repo, 'main..feature').plans.map((plan) => plan.file), ['plans/marketing.plan.yaml', 'plans/sales.plan.yaml']);
    // One revision: against the working tree (here main's own).
    assert.deepStrictEqual(json(repo, 'feature').plans.map((plan) => plan.file), ['plans/marketing.plan.yaml', 'plans/sales.plan.yaml']);
  });

  it('leaves out what the default branch gained once it is merged in', () => {
    write('plans/marketing.plan.yaml', AFTER);
    commit('Raise the lead target');
    git(repo, 'checkout', '-q', 'main');
    write('plans/sales.plan.yaml', SALES.replace('target: 4100000', 'target: 4200000'));
    commit('Sales target');
    git(repo, 'checkout', '-q', 'feature');
    git(repo, 'merge', '-q', '--no-edit', 'main');
    assert.deepStrictEqual(json(repo).plans.map((plan) => plan.file), ['plans/marketing.plan.yaml']);
  });

  it('follows a renamed plan file', () => {
    git(repo, 'mv', 'plans/marketing.plan.yaml', 'plans/marketing-2026.plan.yaml');
    write('plans/marketing-2026.plan.yaml', BEFORE.replace('target: 1000\n    frequency', 'target: 1200\n    frequency'));
    commit('Rename');
    const [plan] = json(repo, 'HEAD~1', 'HEAD').plans;
    assert.deepStrictEqual([plan.file, plan.previousFile, plan.status], ['plans/marketing-2026.plan.yaml', 'plans/marketing.plan.yaml', 'changed']);
    assert.deepStrictEqual(plan.summary, ['file renamed from plans/marketing.plan.yaml', 'Qualified leads target +20 %']);
    const markdown = diff(repo, '--format', 'markdown', 'HEAD~1', 'HEAD');
    assert.match(markdown.stdout, /^### Northwind Coffee — marketing plan 2026 · `plans\/marketing\.plan\.yaml` → `plans\/marketing-2026\.plan\.yaml`$/m);
  });

  it('reports plans added (untracked ones too) and removed', () => {
    fs.rmSync(path.join(repo, 'plans/sales.plan.yaml'));
    write('plans/new.plan.yml', AFTER);
    write('notes.yaml', 'not: a plan\n');
    const report = json(repo);
    assert.deepStrictEqual(report.plans.map((plan) => [plan.file, plan.status, plan.summary.join('; ')]), [
      ['plans/new.plan.yml', 'added', 'New plan'],
      ['plans/sales.plan.yaml', 'removed', 'Plan removed'],
    ]);
    commit('Swap');
    assert.deepStrictEqual(json(repo, 'main', 'HEAD').plans.map((plan) => plan.status), ['added', 'removed']);
  });

  it('restricts the diff to the plans or folders named, and reports a named plan that did not change', () => {
    write('plans/marketing.plan.yaml', AFTER);
    write('other/x.plan.yaml', SALES);
    assert.deepStrictEqual(json(repo, 'main', 'plans').plans.map((plan) => plan.file), ['plans/marketing.plan.yaml']);
    assert.deepStrictEqual(json(repo, 'main', '--', 'other').plans.map((plan) => plan.file), ['other/x.plan.yaml']);
    const unchanged = json(repo, 'plans/sales.plan.yaml');
    assert.deepStrictEqual(unchanged.plans.map((plan) => [plan.file, plan.status]), [['plans/sales.plan.yaml', 'unchanged']]);
    fails(diff(repo, 'main', 'plans/nowhere.plan.yaml'), /^plan-as-code: plans\/nowhere\.plan\.yaml is not a plan at main \([0-9a-f]{7}\) nor in the working tree\n$/);
  });

  it('compares two plan files without git', () => {
    const folder = path.join(root, 'loose');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a.plan.yaml'), BEFORE);
    fs.writeFileSync(path.join(folder, 'b.plan.yaml'), AFTER);
    const report = json(folder, 'a.plan.yaml', 'b.plan.yaml');
    assert.deepStrictEqual(report.plans.map((plan) => [plan.file, plan.previousFile, plan.status]), [['b.plan.yaml', undefined, 'changed']]);
    assert.strictEqual(report.plans[0].summary[0], 'Qualified leads target +10 %');
  });

  it('writes a Romanian plan in Romanian', () => {
    write('plans/marketing.plan.yaml', AFTER.replace('language: en', 'language: ro'));
    const markdown = diff(repo, '--format', 'markdown');
    assert.match(markdown.stdout, /^## Modificări ale planurilor$/m);
    assert.match(markdown.stdout, /\*\*Pe scurt:\*\* Qualified leads: ținta \+10 %; Website conversion: ținta \+0,5 pp; buget neschimbat în total, s-au mutat 20\.000 EUR de la events la LinkedIn;/);
  });

  it('says no plan changed', () => {
    assert.strictEqual(diff(repo).stdout, 'No plan changed.\n');
    assert.deepStrictEqual(json(repo).plans, []);
  });

  describe('bad input', () => {
    it('an unknown revision', () => {
      fails(diff(repo, 'no-such-branch'), /^plan-as-code: unknown revision "no-such-branch"\n$/);
      fails(diff(repo, 'main', 'nope'), /unknown revision "nope"/);
      fails(diff(repo, 'nope...main'), /unknown revision "nope"/);
    });

    it('a folder that is not a git repository', () => {
      const folder = path.join(root, 'plain');
      fs.mkdirSync(folder);
      fails(diff(folder), /^plan-as-code: .*plain is not in a git repository: run plan-as-code diff inside one, or give it two plan files to compare\n$/);
    });

    it('a plan that does not parse on one side', () => {
      write('plans/marketing.plan.yaml', AFTER.replace('    name: Webinars <live>', '    name: "Webinars <live>'));
      const line = AFTER.split('\n').indexOf('    name: Webinars <live>') + 1;
      fails(diff(repo), new RegExp(`^plan-as-code: plans/marketing\\.plan\\.yaml does not parse in the working tree: line ${line}, column 11: .+\\n$`));
      commit('Broken');
      fails(diff(repo, 'main', 'HEAD'), /^plan-as-code: plans\/marketing\.plan\.yaml does not parse at HEAD \([0-9a-f]{7}\): line \d+/);
    });

    it('a shallow clone without the merge base', () => {
      write('plans/marketing.plan.yaml', AFTER);
      commit('Raise the lead target');
      git(repo, 'checkout', '-q', 'main');
      write('README.md', 'Plans of 2026\n');
      commit('Readme');
      const main = git(repo, 'rev-parse', 'HEAD~1').trim();
      const clone = path.join(root, 'shallow');
      git(root, 'clone', '-q', '--depth', '1', '--no-single-branch', `file://${repo}`, clone);
      git(clone, 'checkout', '-q', 'feature');
      fails(diff(clone), /^plan-as-code: HEAD and origin\/main have no merge base in this shallow clone: fetch more history: git fetch --unshallow\n$/);
      fails(diff(clone, main), /unknown revision "[0-9a-f]{40}" \(this is a shallow clone: fetch more history: git fetch --unshallow\)/);
      // Its own commits it can compare.
      assert.strictEqual(diff(clone, 'HEAD').status, 0);
    });

    it('a repository without a default branch or a commit', () => {
      git(repo, 'branch', '-q', '-m', 'main', 'trunk');
      fails(diff(repo), /no default branch to compare with \(origin\/HEAD, main or master\): name the revision/);
      const empty = path.join(root, 'empty');
      fs.mkdirSync(empty);
      git(empty, 'init', '-q', '-b', 'main');
      fails(diff(empty, 'HEAD'), /the repository has no commit yet/);
    });

    it('bad options', () => {
      fails(diff(repo, '--format', 'xml'), /unknown format “xml”: use text, markdown or json/);
      fails(diff(repo, 'a', 'b', 'c', '--', 'x'), /at most two revisions/);
      assert.match(diff(repo, '--help').stdout, /^Usage: plan-as-code diff \[REV_A \[REV_B\]\] \[FILES\.\.\.\]/);
    });
  });
});
