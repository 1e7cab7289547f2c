// `npm run test:desktop`: the same end-to-end suite (out/test/e2e/index.js) in a desktop VS Code,
// through @vscode/test-electron, which downloads VS Code into .vscode-test/ on first use. For
// contributors whose machines can reach Microsoft's update server; CI uses `npm run test:e2e`.
import path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { CACHE, copyExamples, E2E_TODAY, prepareUser, ROOT } from './code-server.mjs';

const runDir = path.join(CACHE, 'runs', 'desktop');
const user = prepareUser(path.join(runDir, 'user'));
const workspace = copyExamples(path.join(runDir, 'workspace'));
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/e2e/index.js'),
    extensionTestsEnv: { PLAN_E2E_EXTENSION_PATH: ROOT, PLAN_AS_CODE_TODAY: process.env.PLAN_AS_CODE_TODAY ?? E2E_TODAY },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${user.userData}`, `--extensions-dir=${user.extensions}`],
  });
} catch (error) {
  // A failing suite has printed its own totals; anything else means it never ran.
  if (error instanceof TestRunFailedError) process.exit(1);
  console.error(`The desktop run failed: ${error instanceof Error ? error.message : error}`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(String(error))) console.error('VS Code could not be downloaded from this machine: use npm run test:e2e, which runs the same suite in the VS Code server.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
