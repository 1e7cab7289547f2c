#!/usr/bin/env node
/**
 * Comments what a pull request changes in its plans, as `plan-as-code diff --format markdown`
 * writes it, and keeps that one comment up to date on every push (it is found again by a
 * hidden marker). No comment when no plan changed. Plain Node.js 20, no dependencies.
 *
 * Environment (as GitHub Actions sets it):
 *   GITHUB_EVENT_PATH    the pull_request (or pull_request_target) event
 *   GITHUB_TOKEN         a token that may write pull-request comments
 *   GITHUB_REPOSITORY    owner/name
 *   GITHUB_API_URL       default https://api.github.com
 *   GITHUB_WORKSPACE     the checkout, with the history of both commits (fetch-depth: 0)
 *   PLAN_AS_CODE_CLI     the CLI (default: server/out/cli.js next to this script)
 *   PLAN_AS_CODE_FILES   plans or folders to restrict the diff to, separated by spaces
 *
 * Exit status 0 when the comment is posted, updated or not needed; 1 when it cannot be.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MARKER = '<!-- plan-as-code-diff -->';
/** GitHub refuses comments over 65,536 characters. */
const MAX_BODY = 65_000;
/** At most this many pages of 100 comments are searched for the previous one. */
const MAX_PAGES = 30;

const here = path.dirname(fileURLToPath(import.meta.url));

class Failure extends Error {}

function required(env, name) {
  const value = env[name];
  if (!value) throw new Failure(`${name} is not set: run this script in a GitHub Actions job (or set it)`);
  return value;
}

/** Runs the CLI's diff of the pull request in a format; fails with the CLI's own message. */
function planDiff(env, base, head, format) {
  const cli = env.PLAN_AS_CODE_CLI || path.resolve(here, '..', '..', 'server', 'out', 'cli.js');
  const files = (env.PLAN_AS_CODE_FILES || '').split(/\s+/).filter(Boolean);
  // base...head: from the merge base, so that what the base branch gained since is not shown as undone.
  const args = [cli, 'diff', '--format', format, `${base}...${head}`, ...(files.length > 0 ? ['--', ...files] : [])];
  try {
    return execFileSync(process.execPath, args, {
      cwd: env.GITHUB_WORKSPACE || process.cwd(),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, NO_COLOR: '1' },
    });
  } catch (error) {
    const message = (error.stderr || '').trim() || error.message;
    throw new Failure(message.startsWith('plan-as-code:') ? message : `plan-as-code diff failed: ${message}`);
  }
}

/** The comment's text: the marker, then the diff, cut (at a line) to what GitHub accepts. */
export function commentBody(markdown) {
  let body = `${MARKER}\n${markdown.trim()}\n`;
  if (body.length > MAX_BODY) {
    const note = '\n\n_The diff is too long for a comment: run `plan-as-code diff` locally to see all of it._\n';
    body = body.slice(0, body.lastIndexOf('\n', MAX_BODY - note.length)) + note;
  }
  return body;
}

function client(env) {
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const token = required(env, 'GITHUB_TOKEN');
  return async function request(method, url, body) {
    const response = await fetch(url.startsWith('http') ? url : `${api}${url}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'plan-as-code-action',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 300).replace(/\s+/g, ' ');
      throw new Failure(`GitHub API ${method} ${url}: ${response.status} ${response.statusText} ${detail}`.trim());
    }
    return response.status === 204 ? undefined : response.json();
  };
}

/** The comment this script wrote on the pull request before, if any. */
async function previousComment(request, repository, number) {
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const comments = await request('GET', `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`);
    if (!Array.isArray(comments)) return undefined;
    const found = comments.find((comment) => typeof comment.body === 'string' && comment.body.startsWith(MARKER));
    if (found) return found;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}

export async function main(env = process.env, log = (line) => console.log(line)) {
  const event = JSON.parse(readFileSync(required(env, 'GITHUB_EVENT_PATH'), 'utf8'));
  const pull = event.pull_request;
  if (!pull) {
    log('plan-as-code: not a pull_request event: no diff to comment');
    return 0;
  }
  const repository = required(env, 'GITHUB_REPOSITORY');
  const number = pull.number ?? event.number;
  const [base, head] = [pull.base?.sha, pull.head?.sha];
  if (!number || !base || !head) throw new Failure('the pull_request event has no number, base.sha or head.sha');

  const report = JSON.parse(planDiff(env, base, head, 'json'));
  const changed = report.plans.filter((plan) => plan.status !== 'unchanged');
  const request = client(env);
  const previous = await previousComment(request, repository, number);
  if (changed.length === 0) {
    if (previous) {
      // The pull request no longer changes a plan: say so where the old diff was.
      await request('PATCH', `/repos/${repository}/issues/comments/${previous.id}`, { body: `${MARKER}\n_This pull request no longer changes any plan._\n` });
      log(`plan-as-code: no plan changed; comment ${previous.id} updated`);
    } else {
      log('plan-as-code: no plan changed: no comment');
    }
    return 0;
  }
  const body = commentBody(planDiff(env, base, head, 'markdown'));
  if (previous) {
    await request('PATCH', `/repos/${repository}/issues/comments/${previous.id}`, { body });
    log(`plan-as-code: ${changed.length} plan(s) changed; comment ${previous.id} updated`);
  } else {
    const created = await request('POST', `/repos/${repository}/issues/${number}/comments`, { body });
    log(`plan-as-code: ${changed.length} plan(s) changed; comment ${created?.id ?? ''} posted`.trimEnd());
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error instanceof Failure ? error.message : `plan-as-code: ${error?.stack ?? error}`);
      process.exitCode = 1;
    },
  );
}
