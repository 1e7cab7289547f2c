import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from '../helpers';

/** The built CLI. */
export const CLI = path.join(ROOT, 'server/out/cli.js');

/** Runs the built CLI as a user would, in `cwd`, in English and without colours. */
export function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
