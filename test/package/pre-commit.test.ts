import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { ROOT } from '../helpers';

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, string>[];
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('runs the CLI this package installs, as a node hook', () => {
    assert.strictEqual(hooks.length, 1);
    const [hook] = hooks;
    assert.strictEqual(hook.id, 'plan-as-code');
    assert.strictEqual(hook.language, 'node');
    assert.strictEqual(hook.entry, 'plan-as-code check');
    const [binary] = hook.entry.split(' ');
    assert.ok(manifest.bin[binary], `${binary} is a bin of package.json`);
    // pre-commit installs the repository with npm (`npm install -g git+file://…`): the build runs on install,
    // installing its tools first when npm has not (npm/cli#8440). Checked by hand with pre-commit try-repo.
    assert.strictEqual(manifest.scripts.prepare, 'node scripts/prepare.mjs');
    const prepare = fs.readFileSync(path.join(ROOT, 'scripts/prepare.mjs'), 'utf8');
    assert.match(prepare, /scripts\/build\.mjs/);
    assert.match(prepare, /'install', '--no-save', '--include=dev'/);
  });

  it('runs on plans only', () => {
    const files = new RegExp(hooks[0].files);
    for (const plan of ['plans/marketing.plan.yaml', 'sales.plan.yml', 'examples/flawed/vague-goals.plan.yaml']) assert.match(plan, files);
    for (const other of ['.planrc.yaml', 'config.yaml', 'plan.yaml', 'marketing.plan.yaml.bak', 'README.md']) assert.doesNotMatch(other, files);
  });

  it('is the one the README and the walkthrough tell users to add', () => {
    for (const file of ['README.md', 'walkthrough/ci.md']) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      assert.match(text, /- id: plan-as-code\b/, file);
      assert.match(text, new RegExp(`rev: v${manifest.version.replace(/\./g, '\\.')}\\b`), file);
    }
  });
});
