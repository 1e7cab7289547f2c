import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { localizedManifest, ROOT } from '../helpers';
import { unzip } from './zip';

/** The manifest as VS Code shows it in English (its texts come from package.nls.json). */
const manifest = localizedManifest();

/** Relative links of a markdown text: pictures (`![..](x)`, `<img src>`) and other links. */
function links(markdown: string): { images: string[]; others: string[] } {
  const images = [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g), ...markdown.matchAll(/<img[^>]+src=["']([^"']+)["']/g)].map((match) => match[1]);
  const others = [...markdown.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)].map((match) => match[1]);
  return { images, others };
}

const isRelative = (link: string) => !/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith('#');

describe('the .vsix (npm run package)', function () {
  this.timeout(180000);
  let folder: string;
  let files: Map<string, Buffer>;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-vsix-'));
    const vsix = path.join(folder, 'plan-as-code.vsix');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /code --install-extension .*plan-as-code\.vsix/);
    files = unzip(vsix);
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  const inExtension = (file: string) => files.has(`extension/${path.posix.normalize(file).replace(/^\.\//, '')}`);

  it('holds what the extension runs and shows, and no sources, tests or node_modules', () => {
    for (const file of ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'client/out/extension.js', 'server/out/server.js', 'client/media/preview.css', 'client/media/preview.js', 'language-configuration.json']) {
      assert.ok(inExtension(file), `${file} is in the .vsix`);
    }
    const unwanted = [...files.keys()].filter((file) => /^extension\/(?:node_modules|test|scripts|bench|examples|server\/src|client\/src|shared|\.)/.test(file) || /\.ts$/.test(file));
    assert.deepStrictEqual(unwanted, []);
    for (const file of ['package.nls.json', 'package.nls.ro.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.ro.json', 'README.ro.md', 'docs/rules/ro/smart-achievable.md']) assert.ok(inExtension(file), `${file} is in the .vsix`);
    // Every rule's page in English and in Romanian, the walkthrough in both languages.
    assert.ok(files.size < 200, `${files.size} files`);
  });

  it("shows the README's pictures: https: addresses of the repository's own files, which VS Code's extension page allows", () => {
    const readme = files.get('extension/readme.md')!.toString('utf8');
    // vsce makes relative links absolute, into package.json's repository: `raw/HEAD/` for pictures, `blob/HEAD/` for the rest.
    const repository = manifest.repository.url.replace(/\.git$/, '');
    const { images, others } = links(readme);
    assert.ok(images.length > 0, 'the README shows a picture');
    for (const image of images) {
      assert.ok(image.startsWith(`${repository}/raw/HEAD/`), `${image} is a picture of the repository, over https:`);
      const file = image.slice(`${repository}/raw/HEAD/`.length);
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is in the repository`);
    }
    assert.deepStrictEqual(others.filter(isRelative), [], 'no relative link is left');
    // Nothing else changes.
    const original = readme.replaceAll(`${repository}/raw/HEAD/`, '').replaceAll(`${repository}/blob/HEAD/`, '');
    assert.strictEqual(original, fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  });

  it('has every file its manifest names: icon, grammar, snippets, schemas, walkthrough and its pictures', () => {
    const contributes = manifest.contributes;
    const named = [
      manifest.icon,
      manifest.main,
      ...contributes.languages.map((language: { configuration: string }) => language.configuration),
      ...contributes.grammars.map((grammar: { path: string }) => grammar.path),
      ...contributes.yamlValidation.map((validation: { url: string }) => validation.url),
    ];
    // The walkthrough's media in each language (a `%key%` of package.nls.json and package.nls.ro.json).
    for (const walkthrough of [...contributes.walkthroughs, ...localizedManifest('ro').contributes.walkthroughs]) {
      for (const step of walkthrough.steps) {
        const media = step.media.markdown ?? step.media.image;
        named.push(media);
        if (step.media.markdown) {
          const markdown = files.get(`extension/${step.media.markdown}`)?.toString('utf8') ?? '';
          for (const image of links(markdown).images) named.push(path.posix.join(path.posix.dirname(step.media.markdown), image));
        }
      }
    }
    for (const file of named) assert.ok(inExtension(file), `${file} is in the .vsix`);
    const schemas = [...files.keys()].filter((file) => file.startsWith('extension/schemas/'));
    for (const schema of schemas) {
      for (const ref of fs.readFileSync(path.join(ROOT, schema.slice('extension/'.length)), 'utf8').matchAll(/"\$ref": "([\w.-]+\.json)/g)) assert.ok(inExtension(`schemas/${ref[1]}`), ref[1]);
    }
  });

  it('is ready for the Marketplace and Open VSX: publisher, repository, icon, banner, categories, keywords, changelog, license', () => {
    const xml = files.get('extension.vsixmanifest')!.toString('utf8');
    assert.match(xml, new RegExp(`<Identity Language="en-US" Id="${manifest.name}" Version="${manifest.version}" Publisher="${manifest.publisher}" />`));
    assert.match(xml, /<Icon>extension\/images\/icon\.png<\/Icon>/);
    assert.match(xml, /Id="Microsoft.VisualStudio.Services.Links.Source" Value="https:\/\/github\.com\//);
    assert.match(xml, /Id="Microsoft.VisualStudio.Services.Branding.Color" Value="#[0-9a-f]{6}"/i);
    assert.match(xml, /Microsoft.VisualStudio.Services.Content.Changelog/);
    assert.match(xml, /Microsoft.VisualStudio.Services.Content.License/);
    // The Marketplace wants an icon of at least 128 × 128 pixels, as a PNG.
    const icon = files.get('extension/images/icon.png')!;
    assert.strictEqual(icon.toString('latin1', 1, 4), 'PNG');
    assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'icon of at least 128 × 128');
    assert.ok(manifest.keywords.length <= 30, 'at most 30 keywords');
    assert.ok(manifest.categories.length > 0);
    const changelog = files.get('extension/changelog.md')!.toString('utf8');
    assert.match(changelog, new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'), 'the changelog has a section for this version');
  });

  it('contributes Plan: New Plan… and a walkthrough of five steps, each with media and a command link', () => {
    const command = manifest.contributes.commands.find((entry: { command: string }) => entry.command === 'planAsCode.newPlan');
    assert.deepStrictEqual([command.title, command.category], ['New Plan…', 'Plan']);
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepStrictEqual(walkthrough.steps.map((step: { id: string }) => step.id), ['create', 'checks', 'fix', 'preview', 'ci']);
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown || step.media.image, step.id);
      assert.match(step.description, /\[[^\]]+\]\(command:[\w.]+\)/, `${step.id} has a command link`);
    }
  });
});
