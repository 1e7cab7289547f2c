// `prepare`: builds the bundles (scripts/build.mjs) whenever npm installs this repository itself:
// `npm install` in a clone, `npm pack` (so the tarball carries server/out/), and an install from
// git, which is how pre-commit installs the hook (`npm install -g git+file://…`, see
// .pre-commit-hooks.yaml). For a git install npm should install the devDependencies before
// `prepare`; for a global one it does not (npm/cli#8440): then this installs them here first.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function resolvable(name) {
  try {
    createRequire(path.join(ROOT, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`prepare: ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

if (!resolvable('esbuild')) {
  console.log('prepare: installing the build tools (devDependencies) first: npm did not, as it does not when it installs from git globally');
  // Into this folder, whatever npm told its child processes (`npm_config_global`, a prefix elsewhere).
  const env = { ...process.env, npm_config_global: 'false', npm_config_location: 'project' };
  delete env.npm_config_prefix;
  run('npm', ['install', '--no-save', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'], env);
}
run(process.execPath, [path.join(ROOT, 'scripts/build.mjs')]);
