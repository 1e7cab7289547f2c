import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';
import { CLI, run, TEST_TODAY } from './run';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');

describe('plan-as-code CLI', function () {
  this.timeout(20000);
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cli-'));
    fs.mkdirSync(path.join(folder, 'plans'));
    fs.writeFileSync(path.join(folder, 'plans/clean.plan.yaml'), CLEAN);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  function write(name: string, text: string): void {
    fs.writeFileSync(path.join(folder, name), text);
  }

  it('exits 0 and says so on clean plans', () => {
    const result = run(['check', 'plans'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /1 plan checked, no problems/);
  });

  it('prints stylish findings with positions and rule ids, and exits 1 on errors', () => {
    write('plans/flawed.plan.yaml', CLEAN.replace('    kpi: cpl\n', '    kpi: cpll\n'));
    const result = run(['check', 'plans'], folder);
    assert.strictEqual(result.status, 1);
    const line = CLEAN.split('\n').findIndex((l) => l === '    kpi: cpl') + 1;
    assert.match(result.stdout, /plans\/flawed\.plan\.yaml/);
    assert.match(result.stdout, new RegExp(`${line}:10\\s+error\\s+\`cpll\` is not defined.*ref/undefined`));
    assert.match(result.stdout, /1 problem \(1 error, 0 warnings\) in 2 plans/);
  });

  it('exits 0 on warnings unless --max-warnings is exceeded', () => {
    write('plans/warn.plan.yaml', CLEAN.replace('    deadline: 2026-09-30\n', ''));
    assert.strictEqual(run(['check', 'plans'], folder).status, 0);
    assert.strictEqual(run(['check', 'plans', '--max-warnings', '1'], folder).status, 0);
    const over = run(['check', 'plans', '--max-warnings', '0'], folder);
    assert.strictEqual(over.status, 1);
    assert.match(over.stderr, /1 warning, more than the --max-warnings 0 allowed/);
  });

  it('writes JSON with 1-based positions', () => {
    write('plans/warn.plan.yaml', CLEAN.replace('    deadline: 2026-09-30\n', ''));
    const result = run(['check', 'plans/warn.plan.yaml', '--format', 'json'], folder);
    const report = JSON.parse(result.stdout);
    assert.strictEqual(report.length, 1);
    assert.strictEqual(report[0].warningCount, 1);
    const [finding] = report[0].findings;
    assert.strictEqual(finding.ruleId, 'smart/time-bound');
    assert.strictEqual(finding.line, CLEAN.split('\n').findIndex((l) => l === '  - id: pipeline') + 1);
    assert.strictEqual(finding.column, 9);
  });

  it('writes SARIF 2.1.0 that names every rule and locates every result', () => {
    write('plans/flawed.plan.yaml', CLEAN.replace('    kpi: cpl\n', '    kpi: cpll\n'));
    run(['check', 'plans', '--format', 'sarif', '--output', 'out.sarif'], folder);
    const sarif = JSON.parse(fs.readFileSync(path.join(folder, 'out.sarif'), 'utf8'));
    assert.strictEqual(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    const rules = runResult.tool.driver.rules;
    assert.ok(rules.some((rule: { id: string }) => rule.id === 'smart/achievable'));
    const [result] = runResult.results;
    assert.strictEqual(result.ruleId, 'ref/undefined');
    assert.strictEqual(rules[result.ruleIndex].id, 'ref/undefined');
    assert.strictEqual(result.level, 'error');
    const location = result.locations[0].physicalLocation;
    assert.strictEqual(location.artifactLocation.uri, 'plans/flawed.plan.yaml');
    assert.strictEqual(location.artifactLocation.uriBaseId, 'SRCROOT');
    assert.deepStrictEqual(Object.keys(location.region).sort(), ['endColumn', 'endLine', 'startColumn', 'startLine']);
  });

  it('reads .planrc.yaml above the plans', () => {
    write('plans/warn.plan.yaml', CLEAN.replace('    deadline: 2026-09-30\n', ''));
    write('.planrc.yaml', 'rules:\n  smart/time-bound: error\n');
    assert.strictEqual(run(['check', 'plans'], folder).status, 1);
    write('.planrc.yaml', 'rules:\n  smart/time-bound: off\n');
    assert.match(run(['check', 'plans'], folder).stdout, /no problems/);
  });

  it('reports configuration mistakes on the plan', () => {
    write('.planrc.yaml', 'rules:\n  smart/time-bound: loud\n');
    const result = run(['check', 'plans'], folder);
    assert.match(result.stdout, /\.planrc\.yaml: the severity of `smart\/time-bound` must be one of `off`, `hint`, `information`, `warning`, `error`.*plan\/config/);
  });

  it('expands globs and reports --quiet errors only', () => {
    write('plans/warn.plan.yml', CLEAN.replace('    deadline: 2026-09-30\n', ''));
    const result = run(['check', 'plans/*.plan.yml', '--quiet'], folder);
    assert.strictEqual(result.status, 0);
    assert.match(result.stdout, /no problems/);
    assert.match(run(['check', 'plans/*.plan.yml'], folder).stdout, /smart\/time-bound/);
  });

  it('exits 2 with one line on usage errors and when no plans are found', () => {
    fs.mkdirSync(path.join(folder, 'empty'));
    const cases: [string[], RegExp][] = [
      [['check', 'empty'], /^plan-as-code: no plan files \(\*\.plan\.yaml, \*\.plan\.yml\) found in empty$/],
      [['check', 'plans/*.plan.yml'], /^plan-as-code: no plan files .* found in plans\/\*\.plan\.yml$/],
      [['check', '--format', 'xml'], /^plan-as-code: unknown format “xml” \(plan-as-code --help shows the usage\)$/],
      [['lint'], /^plan-as-code: unknown command “lint”/],
      [['check', '--max-warnings', 'many'], /^plan-as-code: --max-warnings takes a whole number/],
      [['check', '--output'], /^plan-as-code: option --output needs a value/],
      [['check', '--colour'], /^plan-as-code: unknown option --colour/],
    ];
    for (const [args, message] of cases) {
      const result = run(args, folder);
      assert.strictEqual(result.status, 2, args.join(' '));
      assert.strictEqual(result.stdout, '', args.join(' '));
      assert.match(result.stderr, /^[^\n]*\n$/, `one line for ${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr.trim(), message);
    }
  });

  it('names a path that does not exist, and one that cannot be written, in one line with exit 2', () => {
    const cases: [string[], string][] = [
      [['check', 'nowhere'], 'plan-as-code: no such file: nowhere\n'],
      [['check', 'plans', 'plans/typo.plan.yaml'], 'plan-as-code: no such file: plans/typo.plan.yaml\n'],
      [['check', 'plans', '-o', 'missing/report.txt'], 'plan-as-code: cannot write missing/report.txt: no such file or folder (ENOENT)\n'],
      [['check', 'plans', '-o', 'plans'], 'plan-as-code: cannot write plans: it is a folder (EISDIR)\n'],
    ];
    for (const [args, expected] of cases) {
      const result = run(args, folder);
      assert.deepStrictEqual({ status: result.status, stderr: result.stderr }, { status: 2, stderr: expected }, args.join(' '));
    }
  });

  it('writes the report to standard output for -o -', () => {
    write('plans/warn.plan.yaml', CLEAN.replace('    deadline: 2026-09-30\n', ''));
    const result = run(['check', 'plans', '--format', 'json', '-o', '-'], folder);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(JSON.parse(result.stdout).length, 2);
    assert.ok(!fs.existsSync(path.join(folder, '-')));
  });

  it('prints help and version', () => {
    assert.match(run(['--help'], folder).stdout, /Usage: plan-as-code check/);
    assert.strictEqual(run(['--version'], folder).stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('judges plans against --today, else against the computer\'s date', () => {
    write('plans/old.plan.yaml', CLEAN.replace(/2026-/g, '2020-'));
    const ended = run(['check', 'plans/old.plan.yaml', '--today', '2021-03-01'], folder);
    assert.strictEqual(ended.status, 0);
    assert.match(ended.stdout, /information\s+The plan period ended on 2020-12-31, 60 days before today \(2021-03-01\).*plan\/stale/);
    assert.match(run(['check', 'plans/old.plan.yaml', '--today', '2020-02-01'], folder).stdout, /no problems/);
    const real = spawnSync(process.execPath, [CLI, 'check', 'plans/old.plan.yaml'], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
    assert.match(real.stdout, /The plan period ended on 2020-12-31/);
    const bad = run(['check', 'plans', '--today', '1 March 2021'], folder);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /--today takes a date YYYY-MM-DD, such as \d{4}-\d{2}-\d{2}, not "1 March 2021"/);
  });

  it('lists what matters first: errors, then warnings, then notes, each in the order of the plan', () => {
    write('plans/mixed.plan.yaml', CLEAN.replace('    deadline: 2026-09-30\n', '').replace('    kpi: cpl\n', '    kpi: cpll\n'));
    const lines = run(['check', 'plans/mixed.plan.yaml'], folder).stdout.split('\n').filter((line) => /^\s+\d+:\d+/.test(line));
    assert.deepStrictEqual(lines.map((line) => /(error|warning)/.exec(line)?.[1]), ['error', 'warning']);
    assert.ok(Number(/^\s+(\d+):/.exec(lines[0])![1]) > Number(/^\s+(\d+):/.exec(lines[1])![1]), 'the error is further down the plan than the warning');
  });

  it('answers messages in the language of LANG', () => {
    write('plans/warn.plan.yaml', CLEAN.replace('language: en\n', '').replace('    deadline: 2026-09-30\n', ''));
    const result = spawnSync(process.execPath, [CLI, 'check', 'plans', '--today', TEST_TODAY], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'ro_RO.UTF-8', LC_ALL: '' } });
    assert.match(result.stdout, /avertisment {2}Obiectivul `pipeline` nu are `deadline`/);
    assert.match(result.stdout, /✖ 1 constatare \(0 erori, 1 avertisment\) în 2 planuri/, 'plans in two languages: the summary speaks the terminal\'s');
  });
});
