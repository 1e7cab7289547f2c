// `npm run package`: the extension as a .vsix, with @vscode/vsce, ready for the Marketplace and
// Open VSX. Everything the extension runs is bundled (client/out, server/out), so no node_modules
// go in (--no-dependencies). What goes in is package.json's `files` list, the same one `npm pack`
// uses for the CLI's npm package (vsce refuses a .vscodeignore next to `files`).
//
// The README's relative links and pictures become absolute ones into package.json's `repository`
// (vsce does it, with `raw/HEAD/` for pictures): VS Code's extension page shows only pictures
// from https: URLs, and so do the Marketplace and Open VSX. (The walkthrough's pictures are
// in the .vsix: VS Code shows those from the installed extension.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSCE = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');

/**
 * Builds and packages the extension into `out` (default: plan-as-code-VERSION.vsix in the
 * repository); returns its path. `quiet` prints the tools' output only when they fail.
 */
export function packageExtension(out, { quiet = false } = {}) {
  const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const target = path.resolve(ROOT, out ?? `${name}-${version}.vsix`);
  mkdirSync(path.dirname(target), { recursive: true });
  const steps = [
    [path.join(ROOT, 'scripts/build.mjs')],
    [VSCE, 'package', '--no-dependencies', '--out', target],
  ];
  for (const args of steps) {
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${path.basename(args[0])} failed (exit ${result.status ?? result.signal})${quiet ? `:\n${result.stdout}${result.stderr}` : ''}`);
  }
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const file = path.relative(process.cwd(), packageExtension(process.argv[2]));
    console.log(`
Packaged ${file}. Install it in VS Code with
  code --install-extension ${file}
or in the Extensions view: "..." (Views and More Actions) > Install from VSIX... and pick the file.
Publish it with  npx @vscode/vsce publish --packagePath ${file}  and  npx ovsx publish ${file}  (see docs/development.md).`);
  } catch (error) {
    console.error(`npm run package: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
