import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { localizedManifest, memoryService, ROOT } from '../helpers';
import { complete } from '../../server/src/core/features/complete';
import { formatMessage } from '../../server/src/core/base/messages';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** The manifest as VS Code shows it in English (its texts come from package.nls.json). */
const manifest = localizedManifest();
/** What typing in an empty plan completes to a whole plan (`marketing-plan`, `sales-plan`). */
const wholePlans = complete({ text: '', offset: 0, analysis: memoryService().snapshot('', '/p.plan.yaml'), linked: [], t: (id, params) => formatMessage('en', id, params) })
  .filter((item) => item.kind === 'snippet')
  .map((item) => item.filterText!.split(' ').at(-1)!);

/** GitHub's anchor for a heading. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

/** The markdown files users and contributors read: the README and docs/ (rule pages included). */
function markdownFiles(): string[] {
  const docs = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? docs(path.join(dir, entry.name)) : entry.name.endsWith('.md') ? [path.join(dir, entry.name)] : []));
  return ['README.md', 'README.ro.md', 'CHANGELOG.md', ...docs('docs'), ...docs('walkthrough')];
}

describe('the README, for users', () => {
  it('says on its first screen how to install the extension from a .vsix, both ways, and how to get the CLI', () => {
    const firstScreen = readme.split('\n').slice(0, 40).join('\n');
    const vsix = `${manifest.name}-${manifest.version}.vsix`;
    assert.ok(firstScreen.includes(`code --install-extension ${vsix}`), 'the command');
    assert.match(firstScreen, /Extensions\*\* view .*→ \*\*…\*\*[^]*→ \*\*Install from VSIX…\*\*/, 'the Extensions view way');
    assert.ok(firstScreen.includes('npm install --save-dev plan-as-code'), 'the CLI from npm');
    assert.ok(firstScreen.includes(`./${manifest.name}-${manifest.version}.tgz`), 'the CLI from a release');
    assert.ok(firstScreen.includes('npx plan-as-code check'));
  });

  it('comes to writing a plan before it speaks of LSP, SARIF or Extension Development Hosts', () => {
    const beforePlan = readme.slice(0, readme.indexOf('## Your first plan'));
    assert.ok(beforePlan.length > 0);
    for (const jargon of ['LSP', 'SARIF', 'Extension Development Host', 'language server', 'stdio']) assert.ok(!beforePlan.includes(jargon), jargon);
  });

  it('names Plan: New Plan…, the walkthrough and the snippets that write a whole plan', () => {
    assert.match(readme, /\*\*Plan: New Plan…\*\*/);
    assert.match(readme, /Get started with Plan as Code/);
    assert.strictEqual(manifest.contributes.walkthroughs[0].title, 'Get started with Plan as Code');
    assert.deepStrictEqual(wholePlans, ['marketing-plan', 'sales-plan']);
    for (const name of wholePlans) assert.ok(readme.includes(`\`${name}\``), name);
  });

  it('checks plans in CI with the Action and pre-commit', () => {
    assert.match(readme, /uses: plan-as-code\/plan-as-code@v1\n\s+with:\n\s+mode: check/);
    assert.match(readme, /repo: https:\/\/github\.com\/plan-as-code\/plan-as-code\n\s+rev: v[\d.]+\n\s+hooks:\n\s+- id: plan-as-code/);
    assert.ok(manifest.repository.url.includes('github.com/plan-as-code/plan-as-code'), 'the repository the Action and the hook name');
  });

  it('keeps the commands CI and reviewers look for, the prerequisites, and the way to the developer docs', () => {
    assert.ok(readme.includes('npm install && npm start'));
    assert.match(readme, /^npm test\b/m);
    assert.match(readme, /Node\.js 20 or later/);
    assert.match(readme, /Chromium for the browser and end-to-end tests/);
    const development = readme.slice(readme.indexOf('## Development'));
    for (const doc of ['docs/development.md', 'docs/performance.md', 'docs/security.md']) assert.ok(development.includes(`](${doc})`), doc);
    assert.ok(readme.split('\n').length < 300, 'a README, not a report');
  });

  it('has links that lead somewhere, in the README and every document', () => {
    for (const file of markdownFiles()) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const headings = new Set([...text.matchAll(/^#+ (.+)$/gm)].map((match) => slug(match[1])));
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [file2, anchor] = target.split('#');
        const resolved = file2 ? path.join(ROOT, path.dirname(file), file2) : path.join(ROOT, file);
        assert.ok(fs.existsSync(resolved), `${file}: ${target} exists`);
        if (anchor && resolved.endsWith('.md')) {
          const targetHeadings = file2 ? new Set([...fs.readFileSync(resolved, 'utf8').matchAll(/^#+ (.+)$/gm)].map((match) => slug(match[1]))) : headings;
          assert.ok(targetHeadings.has(anchor), `${file}: ${target} names a heading`);
        }
      }
    }
  });

  it('names files of the repository that exist, in the developer docs', () => {
    for (const file of ['docs/development.md', 'docs/performance.md', 'docs/security.md']) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const [, named] of text.matchAll(/`((?:server|client|shared|test|bench|scripts|schemas|examples)\/[\w./-]*)`/g)) {
        if (named.includes('<') || /\/out\//.test(named) || named.startsWith('bench/results/')) continue;
        assert.ok(fs.existsSync(path.join(ROOT, named)), `${file}: ${named} exists`);
      }
    }
  });
});
