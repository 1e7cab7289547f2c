import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT } from '../helpers';

interface CodeServerModule {
  aptGet(args: string[], options: { byHand?: string; waitMs?: number; pollMs?: number; command?: string }): void;
}

/** `npm start` and what it relies on: waiting for the package manager's lock, one line per expected failure. */
describe('npm start', function () {
  this.timeout(60000);
  let folder: string;
  let codeServer: CodeServerModule;

  before(async () => {
    const modulePath = pathToFileURL(path.join(ROOT, 'scripts/e2e/code-server.mjs')).href;
    codeServer = (await import(modulePath)) as CodeServerModule;
  });
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-start-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** A stand-in for apt-get that says the dpkg lock is held for its first `busy` runs, then succeeds (or fails with `finally`). */
  function fakeAptGet(busy: number, final = 'exit 0'): string {
    const script = path.join(folder, 'apt-get');
    const count = path.join(folder, 'count');
    fs.writeFileSync(
      script,
      `#!/bin/sh\nn=$(cat ${count} 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${count}\n` +
        `if [ $n -le ${busy} ]; then echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2; echo "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?" >&2; exit 100; fi\n` +
        `${final}\n`,
    );
    fs.chmodSync(script, 0o755);
    return script;
  }

  const runs = () => Number(fs.readFileSync(path.join(folder, 'count'), 'utf8'));

  (process.platform === 'win32' ? it.skip : it)('waits while another package manager holds the dpkg lock, saying so once', () => {
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      codeServer.aptGet(['install', '-y', 'ripgrep'], { command: fakeAptGet(3), pollMs: 10, waitMs: 30000 });
    } finally {
      console.log = original;
    }
    assert.strictEqual(runs(), 4);
    assert.deepStrictEqual(lines, ['[vscode-server] Another package manager (apt or dpkg, perhaps an automatic update) holds its lock; waiting for it to finish...']);
  });

  (process.platform === 'win32' ? it.skip : it)('gives up after a while with one line saying what to do', () => {
    const original = console.log;
    console.log = () => undefined;
    try {
      assert.throws(
        () => codeServer.aptGet(['install', '-y', 'ripgrep'], { command: fakeAptGet(1000), pollMs: 10, waitMs: 200, byHand: 'sudo apt-get install -y ripgrep' }),
        (error: Error) => /^another package manager \(apt or dpkg, perhaps an automatic update\) still holds its lock after 0 s: wait for it to finish, or run {2}sudo apt-get install -y ripgrep {2}yourself, and try again$/.test(error.message),
      );
      assert.throws(() => codeServer.aptGet(['install', '-y', 'nothing'], { command: fakeAptGet(0, 'echo "E: Unable to locate package nothing" >&2; exit 100') }), {
        message: 'apt-get install -y nothing failed: E: Unable to locate package nothing',
      });
      assert.throws(() => codeServer.aptGet(['update'], { command: path.join(folder, 'no-such-apt-get') }), /could not run .*run {2}sudo apt-get update {2}yourself/);
    } finally {
      console.log = original;
    }
  });

  (process.platform === 'linux' ? it : it.skip)('ends an expected failure (here: installing the VS Code server) in one line, without a stack trace', function () {
    // The Debian packages the install needs must be there already: the test must not apt-get them.
    const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Status}\n', 'libkrb5-dev', 'ripgrep'], { encoding: 'utf8' });
    if (!dpkg.error && (dpkg.stdout.match(/install ok installed/g) ?? []).length !== 2) this.skip();
    // An npm that fails stands in for a failed install of code-server, into a folder of its own.
    const bin = path.join(folder, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'npm'), '#!/bin/sh\necho "npm ERR! network unreachable" >&2\nexit 1\n');
    fs.chmodSync(path.join(bin, 'npm'), 0o755);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, PLAN_START: 'server', PLAN_VSCODE_SERVER_DIR: path.join(folder, 'code-server'), PLAN_DEBUG: '' },
    });
    assert.strictEqual(result.status, 1);
    const last = result.stderr.trim().split('\n').at(-1)!;
    assert.match(last, /^npm start: Installing code-server failed \(exit 1\); the whole log is in .*install\.log$/);
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
  });
});
