/**
 * Files from a repository are untrusted: every file the core reads goes through one reader
 * (`server/src/node/files.ts`), which opens only regular files whose real path stays inside the
 * workspace, checks the size before reading, and answers at once whatever the file is. Each
 * hostile file is tried through the reader itself, the CLI and the language server:
 * - a sparse file of 600 MB (reading it whole took 7.8 s and 1.1 GB before the reader);
 * - a symbolic link to `/dev/zero` (reading it never ended);
 * - a FIFO (opening it waits for a writer that never comes);
 * - a loop of links (a → b → a);
 * - a link that leads out of the workspace.
 * The mocha timeout is the guard against a hang: each test would otherwise never end.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { readBytesForCore, readTextFile } from '../../server/src/node/files';
import { ROOT, yaml } from '../helpers';
import { run } from '../cli/run';
import { LspClient } from '../protocol/lsp-client';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');
const SALES = yaml('kind: sales', 'title: Outside sales', 'period: {start: 2026-01-01, end: 2026-12-31}');
const SIZE = 600 * 1024 * 1024;

/** The hostile files, by name, and the finding each one gets as an `alignsWith` target. */
const HOSTILE: { name: string; message: RegExp }[] = [
  { name: 'sparse.plan.yaml', message: /`sparse\.plan\.yaml` is 629,145,600 bytes, over the limit of 2,000,000 characters \(`maxFileSize`\): it was not read\./ },
  { name: 'zero.plan.yaml', message: /`zero\.plan\.yaml` is not a regular file \(a folder, a device, a pipe or a socket\): it was not read\./ },
  { name: 'fifo.plan.yaml', message: /`fifo\.plan\.yaml` is not a regular file \(a folder, a device, a pipe or a socket\): it was not read\./ },
  { name: 'loop-a.plan.yaml', message: /`loop-a\.plan\.yaml` cannot be read \(ELOOP\)/ },
  { name: 'escape.plan.yaml', message: /`escape\.plan\.yaml` is outside the workspace: `alignsWith` can only name plans inside it, and this one is not read\./ },
];

/** Whether `mkfifo` made a FIFO (it needs a POSIX system). */
function makeFifo(filePath: string): boolean {
  const made = spawnSync('mkfifo', [filePath]);
  return made.status === 0 && fs.lstatSync(filePath, { throwIfNoEntry: false })?.isFIFO() === true;
}

/**
 * A workspace `<base>/workspace` holding every hostile file, and a plan outside it for the
 * escaping link to name. Gives the workspace's path and whether the FIFO could be made.
 */
function hostileWorkspace(base: string): { workspace: string; fifo: boolean } {
  const workspace = path.join(base, 'workspace');
  fs.mkdirSync(workspace);
  const at = (name: string) => path.join(workspace, name);
  fs.closeSync(fs.openSync(at('sparse.plan.yaml'), 'w'));
  fs.truncateSync(at('sparse.plan.yaml'), SIZE);
  fs.symlinkSync('/dev/zero', at('zero.plan.yaml'));
  const fifo = makeFifo(at('fifo.plan.yaml'));
  fs.symlinkSync('loop-b.plan.yaml', at('loop-a.plan.yaml'));
  fs.symlinkSync('loop-a.plan.yaml', at('loop-b.plan.yaml'));
  fs.writeFileSync(path.join(base, 'outside.plan.yaml'), SALES);
  fs.symlinkSync(path.join(base, 'outside.plan.yaml'), at('escape.plan.yaml'));
  return { workspace, fifo };
}

/** The names this system can make (the FIFO needs mkfifo), saying once which it cannot. */
function available(fifo: boolean): typeof HOSTILE {
  if (!fifo) console.warn('      (mkfifo is not available here: the FIFO cases are skipped)');
  return HOSTILE.filter((hostile) => fifo || hostile.name !== 'fifo.plan.yaml');
}

/** The clean plan, aligned with `targets`. */
function alignedWith(targets: string[]): string {
  return CLEAN.replace('language: en\n', `language: en\nalignsWith: [${targets.join(', ')}]\n`);
}

const supported = process.platform !== 'win32' && fs.existsSync('/dev/zero');

(supported ? describe : describe.skip)('hostile files', function () {
  this.timeout(20000);
  let base: string;
  let workspace: string;
  let fifo: boolean;

  before(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-files-')));
    ({ workspace, fifo } = hostileWorkspace(base));
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  describe('the reader', () => {
    const options = () => ({ roots: [workspace], maxBytes: 2_000_000 });

    it('refuses a 600 MB sparse file from its size, before reading a byte', () => {
      assert.deepStrictEqual(readTextFile(path.join(workspace, 'sparse.plan.yaml'), options()), { ok: false, problem: 'too-large', size: SIZE });
    });

    it('never opens a device, a FIFO or a folder, directly or through a link', function () {
      assert.deepStrictEqual(readTextFile(path.join(workspace, 'zero.plan.yaml'), options()), { ok: false, problem: 'not-a-file' });
      assert.deepStrictEqual(readTextFile('/dev/zero', { maxBytes: 10 }), { ok: false, problem: 'not-a-file' });
      assert.deepStrictEqual(readTextFile(workspace, options()), { ok: false, problem: 'not-a-file' });
      if (!fifo) this.skip();
      assert.deepStrictEqual(readTextFile(path.join(workspace, 'fifo.plan.yaml'), options()), { ok: false, problem: 'not-a-file' });
    });

    it('reports a loop of links as unreadable, and a link to nowhere as missing', () => {
      assert.deepStrictEqual(readTextFile(path.join(workspace, 'loop-a.plan.yaml'), options()), { ok: false, problem: 'unreadable', detail: 'ELOOP' });
      assert.deepStrictEqual(readTextFile(path.join(workspace, 'nowhere.plan.yaml'), options()), { ok: false, problem: 'missing' });
    });

    it('keeps real paths inside the roots, and reads a file that stays there', () => {
      assert.deepStrictEqual(readTextFile(path.join(workspace, 'escape.plan.yaml'), options()), { ok: false, problem: 'outside' });
      // Without roots the same link is read; inside a root, a link to a file in it is too.
      assert.deepStrictEqual(readTextFile(path.join(workspace, 'escape.plan.yaml'), { maxBytes: 1000 }), { ok: true, text: SALES });
      assert.deepStrictEqual(readTextFile(path.join(workspace, 'escape.plan.yaml'), { roots: [base], maxBytes: 1000 }), { ok: true, text: SALES });
    });

    it('reads bytes for the workspace index under the same rules', function () {
      const limits = { root: workspace, maxSize: 2_000_000 };
      assert.deepStrictEqual(readBytesForCore(path.join(workspace, 'sparse.plan.yaml'), limits), { problem: 'too-large', size: SIZE });
      assert.deepStrictEqual(readBytesForCore(path.join(workspace, 'zero.plan.yaml'), limits), { problem: 'not-a-file' });
      assert.deepStrictEqual(readBytesForCore(path.join(workspace, 'loop-a.plan.yaml'), limits), { problem: 'unreadable', detail: 'ELOOP' });
      assert.deepStrictEqual(readBytesForCore(path.join(workspace, 'escape.plan.yaml'), limits), { problem: 'outside' });
      assert.deepStrictEqual(readBytesForCore(path.join(workspace, 'escape.plan.yaml'), { root: base, maxSize: 1000 }), Buffer.from(SALES));
      assert.deepStrictEqual(readBytesForCore(path.join(workspace, 'escape.plan.yaml'), { root: base, maxSize: Buffer.byteLength(SALES) - 1 }), { problem: 'too-large', size: Buffer.byteLength(SALES) });
      if (!fifo) this.skip();
      assert.deepStrictEqual(readBytesForCore(path.join(workspace, 'fifo.plan.yaml'), limits), { problem: 'not-a-file' });
    });

    it('reads nothing over the limit, even within a few bytes of it', () => {
      const file = path.join(base, 'outside.plan.yaml');
      const size = Buffer.byteLength(SALES);
      assert.deepStrictEqual(readTextFile(file, { maxBytes: size - 1 }), { ok: false, problem: 'too-large', size });
      assert.deepStrictEqual(readTextFile(file, { maxBytes: size }), { ok: true, text: SALES });
    });

    it('names the first byte that is not UTF-8', () => {
      const file = path.join(base, 'latin1.plan.yaml');
      fs.writeFileSync(file, Buffer.concat([Buffer.from('kind: sales\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
      const read = readTextFile(file, { maxBytes: 1000 });
      assert.ok(read.ok);
      assert.deepStrictEqual(read.notUtf8, { line: 2, column: 11, byte: 0xe9 });
    });
  });

  describe('the CLI', () => {
    it('reports each hostile alignsWith target as one align/period finding and ends', () => {
      const names = available(fifo).map((hostile) => hostile.name);
      fs.mkdirSync(path.join(workspace, 'plans'));
      try {
        fs.writeFileSync(path.join(workspace, 'plans/main.plan.yaml'), alignedWith(names.map((name) => `../${name}`)));
        const result = run(['check', 'plans'], workspace);
        assert.strictEqual(result.status, 0, result.stderr);
        for (const { message } of available(fifo)) assert.match(result.stdout, new RegExp(`${message.source.replace(/`/, '`\\.\\./')}.*align/period`));
        assert.match(result.stdout, new RegExp(`${names.length} problems \\(0 errors, ${names.length} warnings\\) in 1 plan`));
      } finally {
        fs.rmSync(path.join(workspace, 'plans'), { recursive: true });
      }
    });

    it('checks a folder holding them: one line for each plan it cannot read, the others checked, exit 2', () => {
      fs.writeFileSync(path.join(workspace, 'clean.plan.yaml'), CLEAN.replace('    deadline: 2026-09-30\n', ''));
      try {
        const result = run(['check', '.'], workspace);
        assert.strictEqual(result.status, 2, result.stderr);
        assert.match(result.stdout, /^zero\.plan\.yaml\n {2}error {2}Cannot read zero\.plan\.yaml: it is not a regular file \(a folder, a device, a pipe or a socket\), so it was not opened\.$/m);
        assert.match(result.stdout, /^escape\.plan\.yaml\n {2}error {2}Cannot read escape\.plan\.yaml: it is a link that leads outside the folder searched and the current folder\.$/m);
        assert.match(result.stdout, /^sparse\.plan\.yaml\n {2}1:1 {2}warning {2}This plan is 629,145,600 bytes, over the limit of 2,000,000 characters .*plan\/too-large$/m);
        assert.match(result.stdout, /^clean\.plan\.yaml\n.*smart\/time-bound$/m, 'the readable plan is checked');
      } finally {
        fs.rmSync(path.join(workspace, 'clean.plan.yaml'));
      }
    });

    it('reports a FIFO and a loop of links named on the command line, in every format', function () {
      const named = ['loop-a.plan.yaml', 'zero.plan.yaml', ...(fifo ? ['fifo.plan.yaml'] : [])];
      const stylish = run(['check', ...named], workspace);
      assert.strictEqual(stylish.status, 2, stylish.stderr);
      assert.match(stylish.stdout, /Cannot read loop-a\.plan\.yaml: ELOOP \(a loop of symbolic links or missing permissions, say\)\./);
      if (fifo) assert.match(stylish.stdout, /Cannot read fifo\.plan\.yaml: it is not a regular file/);
      assert.match(stylish.stdout, new RegExp(`${named.length} problems \\(${named.length} errors, 0 warnings\\)`));

      const json = JSON.parse(run(['check', ...named, '--format', 'json'], workspace).stdout) as { filePath: string; errorCount: number; findings: { ruleId: string | null; fatal?: boolean; message: string }[] }[];
      assert.deepStrictEqual(json.map((report) => [path.basename(report.filePath), report.errorCount, report.findings.map((finding) => [finding.ruleId, finding.fatal])]), named.sort().map((name) => [name, 1, [[null, true]]]));

      const sarif = JSON.parse(run(['check', ...named, '--format', 'sarif'], workspace).stdout);
      const [invocation] = sarif.runs[0].invocations;
      assert.strictEqual(invocation.executionSuccessful, false);
      assert.deepStrictEqual(invocation.toolExecutionNotifications.map((notification: { physicalLocation?: unknown; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => notification.locations[0].physicalLocation.artifactLocation.uri), named.sort());
      assert.deepStrictEqual(sarif.runs[0].results, []);
    });

    it('renders nothing from a link to /dev/zero, and says why', () => {
      const result = run(['render', 'zero.plan.yaml'], workspace);
      assert.strictEqual(result.status, 2);
      assert.match(result.stderr, /^plan-as-code: cannot read zero\.plan\.yaml: it is not a regular file/);
      assert.ok(!fs.existsSync(path.join(workspace, 'zero.plan.html')));
    });

    it('reports a .planrc.yaml that is a link to /dev/zero on the plan', () => {
      fs.mkdirSync(path.join(workspace, 'configured'));
      try {
        fs.symlinkSync('/dev/zero', path.join(workspace, 'configured/.planrc.yaml'));
        fs.writeFileSync(path.join(workspace, 'configured/clean.plan.yaml'), CLEAN);
        const result = run(['check', 'configured'], workspace);
        assert.strictEqual(result.status, 0, result.stderr);
        assert.match(result.stdout, /\.planrc\.yaml: it is not a regular file \(a folder, a device, a pipe or a socket\), so it was not read\..*plan\/config/);
      } finally {
        fs.rmSync(path.join(workspace, 'configured'), { recursive: true });
      }
    });
  });

  describe('the language server', () => {
    let client: LspClient;
    before(async () => {
      // A plan beside the hostile files, never opened: found only by indexing the workspace.
      fs.writeFileSync(path.join(workspace, 'indexed.plan.yaml'), CLEAN);
      client = new LspClient();
      await client.initialize('en', {}, undefined, [pathToFileURL(workspace).toString()]);
    });
    after(async () => {
      await client?.stop();
    });

    const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).toString();

    it('reports each hostile alignsWith target as one align/period finding, and keeps answering', async () => {
      for (const { name, message } of available(fifo)) {
        const uri = uriOf(`aligned-with-${name}`);
        const published = await client.open(uri, alignedWith([name]));
        const aligned = published.diagnostics.filter((diagnostic) => diagnostic.code === 'align/period');
        assert.strictEqual(aligned.length, 1, `${name}: ${JSON.stringify(published.diagnostics)}`);
        assert.match(aligned[0].message, message);
        const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
        assert.ok(symbols.length > 0, `${name}: the server answers the next request`);
      }
    });

    it('indexes the workspace that holds them, reading none of them', async () => {
      const symbols = () => client.connection.sendRequest('workspace/symbol', { query: '' }) as Promise<{ location: { uri: string } }[]>;
      let found = await symbols();
      for (const until = Date.now() + 10_000; !found.some((symbol) => symbol.location.uri === uriOf('indexed.plan.yaml')) && Date.now() < until; found = await symbols()) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepStrictEqual([...new Set(found.map((symbol) => path.basename(new URL(symbol.location.uri).pathname)))].filter((name) => !name.startsWith('aligned-with-')), ['indexed.plan.yaml']);
    });

    it('reports a .planrc.yaml that is a link to /dev/zero, and keeps answering', async () => {
      const folder = path.join(workspace, 'configured-server');
      fs.mkdirSync(folder);
      fs.symlinkSync('/dev/zero', path.join(folder, '.planrc.yaml'));
      const uri = pathToFileURL(path.join(folder, 'clean.plan.yaml')).toString();
      const published = await client.open(uri, CLEAN);
      assert.deepStrictEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['plan/config']);
      assert.match(published.diagnostics[0].message, /\.planrc\.yaml: it is not a regular file/);
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      assert.ok(hover, 'the server answers the next request');
    });

    it('answers a preview of a plan that is not open and is a link to /dev/zero, a FIFO or a loop with an error, at once', async () => {
      for (const name of ['zero.plan.yaml', 'loop-a.plan.yaml', 'sparse.plan.yaml', ...(fifo ? ['fifo.plan.yaml'] : [])]) {
        await assert.rejects(client.connection.sendRequest('planAsCode/render', { uri: uriOf(name) }), (error: Error) => {
          assert.match(error.message, /No plan at .* \((not-a-file|unreadable|too-large)\)/, name);
          return true;
        });
      }
    });
  });
});
