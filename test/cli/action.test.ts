import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';
import { git, GIT_ENV } from './git';
import { CLI } from './run';

const SCRIPT = path.join(ROOT, 'scripts/action/pr-comment.mjs');
const MARKER = '<!-- plan-as-code-diff -->';
const FIXTURES = path.join(ROOT, 'test/fixtures/diff');

interface Comment {
  id: number;
  body: string;
  user: { login: string };
}

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body?: { body: string };
}

/** A fake GitHub REST API on 127.0.0.1 for one repository's issue comments. */
async function fakeGitHub(comments: Comment[]) {
  const requests: Recorded[] = [];
  let nextId = 1000;
  const server = http.createServer((request, response) => {
    let data = '';
    request.on('data', (chunk) => (data += chunk));
    request.on('end', () => {
      const body = data ? JSON.parse(data) : undefined;
      requests.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization, body });
      const send = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      const url = new URL(request.url!, 'http://localhost');
      if (request.method === 'GET' && url.pathname === '/repos/acme/plans/issues/7/comments') {
        const page = Number(url.searchParams.get('page') ?? 1);
        const size = Number(url.searchParams.get('per_page') ?? 30);
        return send(200, comments.slice((page - 1) * size, page * size));
      }
      if (request.method === 'POST' && url.pathname === '/repos/acme/plans/issues/7/comments') {
        const comment = { id: nextId++, body: body.body, user: { login: 'github-actions[bot]' } };
        comments.push(comment);
        return send(201, comment);
      }
      const patch = /^\/repos\/acme\/plans\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (request.method === 'PATCH' && patch) {
        const comment = comments.find((item) => item.id === Number(patch[1]));
        if (!comment) return send(404, { message: 'Not Found' });
        comment.body = body.body;
        return send(200, comment);
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, comments, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Runs the script as the Action does, without blocking the fake server's event loop. */
function runScript(env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT], { cwd, env: { ...GIT_ENV, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('pull-request comment script', function () {
  this.timeout(60000);
  let root: string;
  let repo: string;
  let base: string;
  let head: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-action-'));
    repo = path.join(root, 'repo');
    fs.mkdirSync(path.join(repo, 'plans'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    fs.copyFileSync(path.join(FIXTURES, 'before.plan.yaml'), path.join(repo, 'plans/marketing.plan.yaml'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Plan');
    base = git(repo, 'rev-parse', 'HEAD').trim();
    git(repo, 'checkout', '-q', '-b', 'feature');
    fs.copyFileSync(path.join(FIXTURES, 'after.plan.yaml'), path.join(repo, 'plans/marketing.plan.yaml'));
    git(repo, 'commit', '-q', '-am', 'Raise the lead target');
    head = git(repo, 'rev-parse', 'HEAD').trim();
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function environment(api: string, pull: { base: string; head: string }): Record<string, string> {
    const eventPath = path.join(root, `event-${pull.base.slice(0, 7)}-${pull.head.slice(0, 7)}.json`);
    const event = { action: 'synchronize', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: pull.base }, head: { ref: 'feature', sha: pull.head } }, repository: { full_name: 'acme/plans' } };
    fs.writeFileSync(eventPath, JSON.stringify(event));
    return { GITHUB_EVENT_PATH: eventPath, GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'acme/plans', GITHUB_API_URL: api, GITHUB_WORKSPACE: repo, PLAN_AS_CODE_CLI: CLI };
  }

  it('posts the diff on the first run and updates the same comment on the next', async () => {
    const github = await fakeGitHub([{ id: 1, body: 'Looks good to me', user: { login: 'reviewer' } }]);
    try {
      const env = environment(github.url, { base, head });
      const first = await runScript(env, repo);
      assert.strictEqual(first.code, 0, first.stderr);
      assert.deepStrictEqual(github.requests.map((request) => `${request.method} ${request.url}`), [
        'GET /repos/acme/plans/issues/7/comments?per_page=100&page=1',
        'POST /repos/acme/plans/issues/7/comments',
      ]);
      assert.ok(github.requests.every((request) => request.authorization === 'Bearer test-token'));
      const posted = github.requests[1].body!.body;
      assert.ok(posted.startsWith(`${MARKER}\n## Plan changes\n`), posted);
      assert.match(posted, /\*\*Summary:\*\* Qualified leads target \+10 %; Website conversion target \+0\.5 pp; budget unchanged in total, 20,000 EUR moved from events to LinkedIn;/);
      assert.match(posted, /^\| `spring-fair` · End \| 2026-04-12 \| 2026-04-14 \| \+2 days \|$/m);
      const id = github.comments[1].id;

      github.requests.length = 0;
      const second = await runScript(env, repo);
      assert.strictEqual(second.code, 0, second.stderr);
      assert.deepStrictEqual(github.requests.map((request) => `${request.method} ${request.url}`), [
        'GET /repos/acme/plans/issues/7/comments?per_page=100&page=1',
        `PATCH /repos/acme/plans/issues/comments/${id}`,
      ]);
      assert.strictEqual(github.requests[1].body!.body, posted);
      assert.strictEqual(github.comments.length, 2);
      assert.strictEqual(github.comments[0].body, 'Looks good to me');
    } finally {
      await github.close();
    }
  });

  it('comments nothing when no plan changed', async () => {
    const github = await fakeGitHub([]);
    try {
      const result = await runScript(environment(github.url, { base, head: base }), repo);
      assert.strictEqual(result.code, 0, result.stderr);
      assert.match(result.stdout, /no plan changed: no comment/);
      assert.ok(github.requests.every((request) => request.method === 'GET'));
      assert.deepStrictEqual(github.comments, []);
    } finally {
      await github.close();
    }
  });

  it('fails with the CLI\'s message, and comments nothing, when the diff cannot be made', async () => {
    const github = await fakeGitHub([]);
    try {
      const result = await runScript(environment(github.url, { base: 'f'.repeat(40), head }), repo);
      assert.strictEqual(result.code, 1);
      assert.match(result.stderr, /^plan-as-code: unknown revision "f{40}"\n$/);
      assert.deepStrictEqual(github.requests, []);
    } finally {
      await github.close();
    }
  });
});
