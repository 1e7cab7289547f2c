import * as assert from 'assert';
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/**
 * What CI proves about the CLI's npm package: `npm pack` (which builds: `prepare`) gives a
 * tarball that installs into an empty folder outside the repository with nothing from the
 * registry (it has no dependencies: the bundles inline them), and `npx plan-as-code check` and
 * `render` work there on plans that are not the repository's.
 */
describe('the npm package (npm pack)', function () {
  this.timeout(300000);
  let folder: string;
  let project: string;
  let packed: { filename: string; files: { path: string }[] };

  /** npm with its own empty cache and no network: a clean machine. */
  function npm(command: string, args: string[], options: SpawnSyncOptions) {
    const env = {
      ...process.env,
      npm_config_cache: path.join(folder, 'npm-cache'),
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_loglevel: 'error',
      NO_COLOR: '1',
      LANG: 'en_US.UTF-8',
    };
    for (const name of Object.keys(env)) if (/^npm_(?:package|lifecycle)_/.test(name) || name === 'npm_config_prefix') delete env[name as keyof typeof env];
    return spawnSync(command, args, { encoding: 'utf8', env, ...options }) as { status: number | null; stdout: string; stderr: string };
  }

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-npm-'));
    const pack = npm(NPM, ['pack', '--json', '--pack-destination', folder], { cwd: ROOT });
    assert.strictEqual(pack.status, 0, pack.stderr);
    [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
    project = path.join(folder, 'project');
    fs.mkdirSync(path.join(project, 'plans/flawed'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'my-plans', version: '1.0.0', private: true }, null, 2)}\n`);
    const install = npm(NPM, ['install', '--no-save', path.join(folder, packed.filename)], { cwd: project });
    assert.strictEqual(install.status, 0, install.stderr);
    for (const name of ['marketing.plan.yaml', 'sales.plan.yaml', 'actuals-sales.csv']) fs.copyFileSync(path.join(ROOT, 'examples', name), path.join(project, 'plans', name));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('is named and versioned like the extension, public, with no dependencies and only the files it needs', () => {
    assert.strictEqual(packed.filename, `${manifest.name}-${manifest.version}.tgz`);
    assert.ok(!manifest.private, 'not private');
    assert.deepStrictEqual(manifest.dependencies ?? {}, {}, 'no runtime dependencies: the bundles inline them');
    const paths = packed.files.map((file) => file.path);
    for (const needed of ['server/out/cli.js', 'server/out/server.js', 'client/media/preview.css', 'schemas/plan.schema.json', 'docs/rules/smart-measurable.md', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      assert.ok(paths.includes(needed), `${needed} is packed`);
    }
    assert.deepStrictEqual(paths.filter((file) => /^(?:server\/src|client\/src|shared|test|scripts|bench|examples|node_modules)\//.test(file) || file.endsWith('.ts')), []);
  });

  it('installs into an empty folder with nothing else', () => {
    const installed = fs.readdirSync(path.join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepStrictEqual(installed, ['plan-as-code']);
    assert.ok(fs.existsSync(path.join(project, 'node_modules/.bin/plan-as-code')));
  });

  it('runs npx plan-as-code check outside the repository', () => {
    const clean = npm(NPX, ['plan-as-code', 'check', 'plans', '--today', '2026-01-20'], { cwd: project });
    assert.strictEqual(clean.status, 0, clean.stderr);
    assert.match(clean.stdout, /2 plans checked, no problems/);

    fs.copyFileSync(path.join(ROOT, 'examples/flawed/broken-references.plan.yaml'), path.join(project, 'plans/flawed/broken-references.plan.yaml'));
    try {
      const flawed = npm(NPX, ['plan-as-code', 'check', 'plans', '--format', 'sarif'], { cwd: project });
      assert.strictEqual(flawed.status, 1, flawed.stderr);
      const [run] = JSON.parse(flawed.stdout).runs;
      assert.ok(run.results.some((result: { ruleId: string }) => result.ruleId === 'ref/undefined'));
      // The rules' documentation travels with the package.
      const helpUri = new URL(run.tool.driver.rules[0].helpUri);
      assert.ok(fs.existsSync(helpUri), `${helpUri} exists`);
      assert.ok(helpUri.pathname.includes('/node_modules/plan-as-code/'), helpUri.pathname);
    } finally {
      fs.rmSync(path.join(project, 'plans/flawed'), { recursive: true, force: true });
    }

    const missing = npm(NPX, ['plan-as-code', 'check', 'plans/typo.plan.yaml'], { cwd: project });
    assert.deepStrictEqual([missing.status, missing.stderr], [2, 'plan-as-code: no such file: plans/typo.plan.yaml\n']);
  });

  it('runs npx plan-as-code render outside the repository, to a file and to standard output', () => {
    const toFile = npm(NPX, ['plan-as-code', 'render', 'plans/marketing.plan.yaml'], { cwd: project });
    assert.strictEqual(toFile.status, 0, toFile.stderr);
    assert.match(fs.readFileSync(path.join(project, 'plans/marketing.plan.html'), 'utf8'), /^<!DOCTYPE html>.*<style>.*Someș Coffee Roasters/s);
    const toStdout = npm(NPX, ['plan-as-code', 'render', 'plans/sales.plan.yaml', '-o', '-'], { cwd: project });
    assert.strictEqual(toStdout.status, 0, toStdout.stderr);
    assert.match(toStdout.stdout, /^<!DOCTYPE html>.*<\/html>$/s);
  });
});
