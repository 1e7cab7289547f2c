// The VS Code server (from the `code-server` npm package) that the end-to-end tests,
// `npm run screenshots` and `npm start` run the extension in: installed once into
// ~/.cache/plan-as-code/ (or $PLAN_VSCODE_SERVER_DIR), started isolated on a free loopback
// port with its own user under .vscode-test/, stopped with its whole process group.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = path.join(ROOT, '.vscode-test');

/** VS Code 1.100.3, the last code-server whose `engines.node` accepts Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/**
 * Outside the repository on purpose: VS Code gives an extension under development the color,
 * file icon and product icon themes found inside its folder, and the built-in ones would be.
 */
const INSTALL_DIR = process.env.PLAN_VSCODE_SERVER_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'plan-as-code', `code-server-${CODE_SERVER_VERSION}`);
const ENTRY = path.join(INSTALL_DIR, 'node_modules/code-server/out/node/entry.js');
/** The ripgrep release that `@vscode/ripgrep` (as code-server 4.100.3 pins it) downloads in its postinstall. */
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Settings of every isolated user: nothing talks to the network, nothing is saved behind the tests' back. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern', // desktop VS Code's default; the web's is a light theme
  // code-server saves after a delay by default; the tests edit plans and must not write them.
  'files.autoSave': 'off',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
};

export const log = (message) => console.log(`[vscode-server] ${message}`);

function debianPackageInstalled(name) {
  return spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed') ?? false;
}

/**
 * Installs Debian packages that are missing, as root with apt-get, saying why; elsewhere it
 * says what to install and stops. Only Debian and Ubuntu need them (see `ensureCodeServer`).
 */
export function ensureDebianPackages(packages, why) {
  if (!existsSync('/usr/bin/dpkg-query')) return;
  const missing = packages.filter((name) => !debianPackageInstalled(name));
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const byHand = `sudo apt-get install -y ${missing.join(' ')}`;
  if (!isRoot) throw new Error(`missing Debian packages (${why}): run  ${byHand}  and try again`);
  log(`Installing Debian packages ${missing.join(', ')}: ${why}.`);
  aptGet(['update', '-qq'], { byHand });
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...missing], { byHand });
}

/** What apt-get says when another apt or dpkg (an automatic update, say) holds the lock it needs. */
const APT_LOCKED = /Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock (?:the )?(?:administration )?directory|is another process using it/i;

/**
 * Runs apt-get; while another package manager holds its lock, waits (saying so once) and tries
 * again, for up to `waitMs`. A failure is an Error whose message is one line saying what to do
 * (`byHand`: the command to run instead). `command` and `pollMs` are for tests.
 */
export function aptGet(args, { byHand = `sudo apt-get ${args.join(' ')}`, waitMs = 10 * 60_000, pollMs = 5000, command = 'apt-get' } = {}) {
  const deadline = Date.now() + waitMs;
  let waiting = false;
  for (;;) {
    const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.error) throw new Error(`${command} could not run (${result.error.message}); run  ${byHand}  yourself and try again`);
    if (result.status === 0) return;
    const output = `${result.stdout}\n${result.stderr}`;
    if (!APT_LOCKED.test(output)) {
      const reason = output.split('\n').map((line) => line.trim()).filter(Boolean).at(-1) ?? `exit ${result.status ?? result.signal}`;
      throw new Error(`apt-get ${args.join(' ')} failed: ${reason}`);
    }
    if (Date.now() >= deadline) {
      throw new Error(`another package manager (apt or dpkg, perhaps an automatic update) still holds its lock after ${waitMs >= 60_000 ? `${Math.round(waitMs / 60_000)} minutes` : `${Math.round(waitMs / 1000)} s`}: wait for it to finish, or run  ${byHand}  yourself, and try again`);
    }
    if (!waiting) log('Another package manager (apt or dpkg, perhaps an automatic update) holds its lock; waiting for it to finish...');
    waiting = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pollMs);
  }
}

/**
 * Installs code-server into INSTALL_DIR unless it is there: about 90 s and
 * 300 MB, once. On Linux it needs what its native modules build with (Debian `libkrb5-dev`
 * for `kerberos`); `@vscode/ripgrep` gets Debian's `rg`, packed the way its postinstall
 * caches a download, so that nothing has to be downloaded outside the npm registry.
 */
export function ensureCodeServer() {
  const installed = path.join(INSTALL_DIR, 'node_modules/code-server/package.json');
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === CODE_SERVER_VERSION && existsSync(path.join(INSTALL_DIR, '.complete'))) return;
  const started = Date.now();
  log(`Installing code-server ${CODE_SERVER_VERSION} (VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')}) into ${INSTALL_DIR}, once (about 90 s).`);
  const linux = process.platform === 'linux';
  if (linux) ensureDebianPackages(['libkrb5-dev', 'ripgrep'], "code-server's kerberos module builds against libkrb5-dev; ripgrep stands in for the rg binary that @vscode/ripgrep would download");
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  const tmp = path.join(INSTALL_DIR, 'tmp');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(path.join(INSTALL_DIR, 'package.json'), `${JSON.stringify({ name: 'plan-as-code-vscode-server', private: true, description: 'Cache of npm run test:e2e; safe to delete.' }, null, 2)}\n`);
  const rg = linux && process.arch === 'x64' ? spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim() : '';
  if (rg) {
    const staging = path.join(tmp, 'rg-staging');
    mkdirSync(path.join(tmp, RIPGREP_CACHE), { recursive: true });
    mkdirSync(staging, { recursive: true });
    copyFileSync(rg, path.join(staging, 'rg'));
    execFileSync('tar', ['-C', staging, '-czf', path.join(tmp, RIPGREP_CACHE, RIPGREP_ASSET), 'rg']);
  }
  const env = {
    ...process.env,
    TMPDIR: tmp, // where @vscode/ripgrep looks for its cached download
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which would ask
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], { cwd: INSTALL_DIR, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(path.join(INSTALL_DIR, 'install.log'), `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0 || !existsSync(ENTRY)) {
    console.error(`${result.stdout}\n${result.stderr}`.split('\n').slice(-60).join('\n'));
    throw new Error(`Installing code-server failed (exit ${result.status}); the whole log is in ${path.join(INSTALL_DIR, 'install.log')}`);
  }
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(path.join(INSTALL_DIR, '.complete'), `${new Date().toISOString()}\n`);
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** A free TCP port on the loopback interface (`preferred` when it is free). */
export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => (preferred ? freePort(0).then(resolve, reject) : reject(error)));
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The folders of one isolated user in `dir`: user data (with `settings`), extensions, XDG folders, temp. */
export function prepareUser(dir, settings = {}, { fresh = true } = {}) {
  if (fresh) rmSync(dir, { recursive: true, force: true });
  const folders = { userData: path.join(dir, 'user-data'), extensions: path.join(dir, 'extensions'), config: path.join(dir, 'xdg-config'), data: path.join(dir, 'xdg-data'), tmp: path.join(dir, 'tmp') };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  const settingsFile = path.join(folders.userData, 'User/settings.json');
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  const current = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
  // A kept user's own changes win (npm start); a fresh one has none.
  writeFileSync(settingsFile, `${JSON.stringify({ ...BASE_SETTINGS, ...settings, ...current }, null, 2)}\n`);
  return { dir, settingsFile, ...folders };
}

/**
 * The day the end-to-end runs judge plans on (`PLAN_AS_CODE_TODAY`): the scenario tests' day,
 * mid-way through the examples' year, on which the examples have no finding (their actuals are
 * on track, no deadline's result is due yet).
 */
export const E2E_TODAY = '2026-07-15';

/** The environment of the server and its extension hosts: the user's folders, nothing of the caller's editor. */
function serverEnv(user, extra) {
  // Plans are judged against a fixed day (plan/stale), so that the examples mean the same whatever the date.
  const env = { ...process.env, XDG_CONFIG_HOME: user.config, XDG_DATA_HOME: user.data, TMPDIR: user.tmp, PLAN_AS_CODE_TODAY: process.env.PLAN_AS_CODE_TODAY ?? E2E_TODAY, ...extra };
  for (const name of Object.keys(env)) if (/^(VSCODE_|ELECTRON_RUN_AS_NODE)/.test(name)) delete env[name];
  return env;
}

/** Installs a `.vsix` into the user's extensions folder with the server's own CLI. */
export function installVsix(user, vsix) {
  const result = spawnSync(process.execPath, [ENTRY, '--user-data-dir', user.userData, '--extensions-dir', user.extensions, '--install-extension', vsix], { env: serverEnv(user, {}), encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim();
  if (result.status !== 0 || !/successfully installed/i.test(output)) throw new Error(`code-server --install-extension ${path.basename(vsix)} failed:\n${output}`);
  log(output.split('\n').filter((line) => /install/i.test(line)).join(' '));
}

/**
 * Starts the server for `user` on `port`, in a process group of its own, and waits for
 * `/healthz`. Its output goes to `user.dir/server.log`; `watch(pattern, callback)` calls back
 * when a line matches (for instance VS Code saying that the extension is not compatible).
 * `args` are more command-line options (`--locale ro` for the Romanian run).
 */
export async function startCodeServer(user, { port, env = {}, args: extraArgs = [] } = {}) {
  port ??= await freePort();
  const logFile = path.join(user.dir, 'server.log');
  const out = createWriteStream(logFile);
  const args = [
    ENTRY, '--config', '/dev/null', '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', user.userData, '--extensions-dir', user.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened', '--disable-getting-started-override',
    ...extraArgs,
  ];
  const child = spawn(process.execPath, args, { env: serverEnv(user, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const watchers = [];
  let output = '';
  const onData = (chunk) => {
    out.write(chunk);
    output += chunk;
    for (const { pattern, callback } of watchers) {
      const match = pattern.exec(output);
      if (match) callback(match, output);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  let stopped = false;
  const server = {
    port,
    base: `http://127.0.0.1:${port}`,
    logFile,
    exited,
    output: () => output,
    watch(pattern, callback) {
      watchers.push({ pattern, callback });
    },
    /** Stops the server and everything it started (extension hosts, language servers): the whole process group. */
    async stop() {
      if (stopped) return;
      stopped = true;
      const group = -child.pid;
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        return; // already gone
      }
      const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      out.end();
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    const early = await Promise.race([exited.then((code) => ({ code })), new Promise((resolve) => setTimeout(resolve, 250))]);
    if (early) throw new Error(`code-server exited (${early.code}) before it was healthy (its log: ${logFile}):\n${output}`);
    try {
      const response = await fetch(`${server.base}/healthz`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server was not healthy within 60 s (its log: ${logFile}):\n${output}`);
    }
  }
}

/** The workbench URL that opens `folder` with `payload` entries (`[["extensionDevelopmentPath", path], …]`) as server paths. */
export function workbenchUrl(server, folder, payload = []) {
  const remote = (file) => `vscode-remote://127.0.0.1:${server.port}${file}`;
  const entries = payload.map(([key, value]) => [key, remote(value)]);
  const query = `folder=${encodeURIComponent(folder)}${entries.length ? `&payload=${encodeURIComponent(JSON.stringify(entries))}` : ''}`;
  return `${server.base}/?${query}`;
}

/** A fresh copy of `examples/` to open, so that nothing a test or a screenshot does touches the repository. */
export function copyExamples(dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

/** Stops `things` (objects with `stop()` or `close()`) when the process ends or is interrupted. */
export function stopOnExit(things) {
  let stopping;
  const stopAll = () => (stopping ??= Promise.allSettled(things.map((thing) => (thing.stop ?? thing.close).call(thing))));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      void stopAll().then(() => process.exit(130));
    });
  }
  return stopAll;
}
