// `npm start`: the example plans (examples/) in VS Code with this extension loaded, built from
// the working tree, the marketing plan open with its preview beside it. With a `code` command on
// the PATH it opens a desktop VS Code window (--extensionDevelopmentPath); otherwise it starts the
// VS Code server (installed on first use, see scripts/e2e/code-server.mjs) on
// http://127.0.0.1:PORT and stays up until Ctrl+C.
// PLAN_START=server picks the server even where `code` exists; PORT picks the port (default 8080).
//
// The extension opens the preview: it is told which plan in PLAN_START_PREVIEW (it heeds that
// only when it runs under development). An expected failure (the build, a missing package, a
// failed install) ends in one line saying what to do; PLAN_DEBUG=1 adds the stack.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { CACHE, ensureCodeServer, freePort, prepareUser, ROOT, startCodeServer, stopOnExit, workbenchUrl } from './e2e/code-server.mjs';

const EXAMPLES = path.join(ROOT, 'examples');
const PLAN = path.join(EXAMPLES, 'marketing.plan.yaml');
const windows = process.platform === 'win32';

const WHAT_TO_DO = `The marketing plan (examples/marketing.plan.yaml) is open with its preview beside it.
  - Checks: squiggles in the plan; Ctrl+Shift+M lists them. Ctrl+. on a squiggle offers fixes.
  - Your own plan: Ctrl+Shift+P, then "Plan: New Plan...".
  - examples/flawed/ shows every rule firing; "Plan: Open Preview to the Side" (Ctrl+K V) previews any plan.`;

function build() {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed (its errors are above): fix them and run npm start again');
}

function hasCode() {
  return spawnSync('code', ['--version'], { shell: windows, stdio: 'ignore' }).status === 0;
}

function openInDesktop() {
  const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, EXAMPLES, PLAN], {
    shell: windows,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, PLAN_START_PREVIEW: PLAN },
  });
  child.unref();
  console.log(`
Opened examples/ in a new VS Code window with Plan as Code loaded from this folder (an "Extension Development Host").
${WHAT_TO_DO}
After changing the extension: npm run build, then "Developer: Reload Window" in that window.`);
}

async function openInServer() {
  ensureCodeServer();
  // One user for all starts: settings and open editors are kept from one start to the next.
  const user = prepareUser(path.join(CACHE, 'start'), {}, { fresh: false });
  const server = await startCodeServer(user, { port: await freePort(Number(process.env.PORT ?? 8080)), env: { PLAN_START_PREVIEW: PLAN } });
  const stopAll = stopOnExit([server]);
  const url = workbenchUrl(server, EXAMPLES, [['extensionDevelopmentPath', ROOT], ['openFile', PLAN]]);
  console.log(`
No \`code\` command here, so VS Code runs as a server (code-server) with Plan as Code loaded from this folder.
Open this address in a browser:

  ${url}

${WHAT_TO_DO}
Saving writes to examples/ in this repository. After changing the extension: npm run build, then reload the page.
The server's log: ${path.relative(ROOT, server.logFile)}. Press Ctrl+C to stop.`);
  const code = await server.exited;
  await stopAll();
  throw new Error(`the VS Code server stopped (${code}); its log: ${path.relative(ROOT, server.logFile)}`);
}

try {
  build();
  if (process.env.PLAN_START !== 'server' && hasCode()) openInDesktop();
  else await openInServer();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  // The first line: a failing child's output, when a message carries it, is in the log it names.
  console.error(`npm start: ${message.split('\n')[0]}`);
  if (process.env.PLAN_DEBUG) console.error(error);
  process.exit(1);
}
