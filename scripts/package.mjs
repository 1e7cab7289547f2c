// `npm run package`: the extension as a .vsix, with @vscode/vsce. Everything the extension runs
// is bundled (client/out, server/out), so no node_modules go in (--no-dependencies); .vscodeignore
// keeps sources, tests and scripts out.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  const steps = [
    [path.join(ROOT, 'scripts/build.mjs')],
    [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', target],
  ];
  for (const args of steps) {
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${path.basename(args[0])} failed (exit ${result.status ?? result.signal})${quiet ? `:\n${result.stdout}${result.stderr}` : ''}`);
  }
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = packageExtension(process.argv[2]);
  console.log(`Packaged ${path.relative(process.cwd(), file)}: install it with  code --install-extension ${path.relative(process.cwd(), file)}`);
}
