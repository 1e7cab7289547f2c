import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from '../helpers';

/** The built CLI. */
export const CLI = path.join(ROOT, 'server/out/cli.js');

/** The day the CLI tests judge plans on (`--today`), unless a test gives its own: never the real date. */
export const TEST_TODAY = '2026-01-15';

/** Runs the built CLI as a user would, in `cwd`, in English and without colours, judging plans as on `TEST_TODAY`. */
export function run(args: string[], cwd: string) {
  const today = ['check', 'render'].includes(args[0]) && !args.includes('--today') ? ['--today', TEST_TODAY] : [];
  const result = spawnSync(process.execPath, [CLI, ...args, ...today], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
