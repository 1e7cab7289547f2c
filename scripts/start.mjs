// `npm start`: the example plans (examples/) in VS Code with this extension loaded, built from
// the working tree. With a `code` command on the PATH it opens a desktop VS Code window
// (--extensionDevelopmentPath); otherwise it starts the VS Code server (installed on first use,
// see scripts/e2e/code-server.mjs) on http://127.0.0.1:PORT and stays up until Ctrl+C.
// PLAN_START=server picks the server even where `code` exists; PORT picks the port (default 8080).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { CACHE, ensureCodeServer, freePort, prepareUser, ROOT, startCodeServer, stopOnExit, workbenchUrl } from './e2e/code-server.mjs';

const EXAMPLES = path.join(ROOT, 'examples');
const windows = process.platform === 'win32';

function build() {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function hasCode() {
  return spawnSync('code', ['--version'], { shell: windows, stdio: 'ignore' }).status === 0;
}

function openInDesktop() {
  console.log('Opening examples/ in VS Code with Plan as Code loaded from this folder (an "Extension Development Host" window).');
  const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, EXAMPLES], { shell: windows, stdio: 'inherit', detached: true });
  child.unref();
  console.log('Edit a plan in examples/ (examples/flawed/ shows every rule firing); "Plan: Open Preview to the Side" shows the preview.');
  console.log('After changing the extension, run npm run build and "Developer: Reload Window" in that window.');
}

async function openInServer() {
  ensureCodeServer();
  // One user for all starts: settings and open editors are kept from one start to the next.
  const user = prepareUser(path.join(CACHE, 'start'), {}, { fresh: false });
  const server = await startCodeServer(user, { port: await freePort(Number(process.env.PORT ?? 8080)) });
  const stopAll = stopOnExit([server]);
  const url = workbenchUrl(server, EXAMPLES, [['extensionDevelopmentPath', ROOT]]);
  console.log(`
No \`code\` command here, so VS Code runs as a server (code-server) with Plan as Code loaded from this folder.
Open this address in a browser:

  ${url}

The workspace is examples/ (examples/flawed/ shows every rule firing); "Plan: Open Preview to the Side" shows the preview.
Saving writes to examples/ in this repository. After changing the extension, run npm run build and reload the page.
The server's log: ${path.relative(ROOT, server.logFile)}. Press Ctrl+C to stop.`);
  const code = await server.exited;
  await stopAll();
  console.error(`The VS Code server stopped (${code}); its log: ${path.relative(ROOT, server.logFile)}`);
  process.exit(1);
}

build();
if (process.env.PLAN_START !== 'server' && hasCode()) openInDesktop();
else await openInServer();
