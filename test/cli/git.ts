import { execFileSync } from 'child_process';
import * as os from 'os';

/** Git (and the CLI run on its repositories) with a fixed identity, no user or system configuration, in English. */
export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Plan Author',
  GIT_AUTHOR_EMAIL: 'author@plan-as-code.invalid',
  GIT_COMMITTER_NAME: 'Plan Author',
  GIT_COMMITTER_EMAIL: 'author@plan-as-code.invalid',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: '1',
  NO_COLOR: '1',
  LANG: 'en_US.UTF-8',
  LC_ALL: '',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
