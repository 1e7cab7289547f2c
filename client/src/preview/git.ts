/**
 * The older versions of a plan, read through VS Code's built-in Git extension (`vscode.git`,
 * API version 1): the user picks HEAD, the merge base with the default branch, a branch or a
 * commit, and gets the plan's text at that revision with a name to show it by. Where there is no
 * Git extension (VS Code for the Web), no repository, or no such file at the revision, the user
 * is told so and nothing is returned.
 */
import * as vscode from 'vscode';

/** The parts of the Git extension's API used here (its `git.d.ts`, API version 1). */
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): Repository | null;
  openRepository?(root: vscode.Uri): Promise<Repository | null>;
}

interface Ref {
  /** 0: a local branch, 1: a remote branch, 2: a tag. */
  readonly type: number;
  readonly name?: string;
  readonly commit?: string;
  readonly remote?: string;
}

interface Commit {
  readonly hash: string;
  readonly message: string;
  readonly authorName?: string;
  readonly authorDate?: Date;
}

interface Repository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: Ref | undefined };
  show(ref: string, path: string): Promise<string>;
  getCommit(ref: string): Promise<Commit>;
  getMergeBase(ref1: string, ref2: string): Promise<string | undefined>;
  getBranches(query: { remote?: boolean }): Promise<Ref[]>;
  log(options?: { maxEntries?: number; path?: string }): Promise<Commit[]>;
}

/** An older version of a plan: its text and how to name it (`HEAD (a1b2c3d)`, `main`…). */
export interface OlderVersion {
  name: string;
  text: string;
}

/** How long to wait for the Git extension to find the repositories of a window that just opened. */
const GIT_READY_MS = 10_000;

const short = (hash: string) => hash.slice(0, 7);
const subject = (message: string) => message.split('\n')[0];

/** Why the plan cannot be compared, in words for the user. */
export class CannotCompare extends Error {}

function fail(message: string): never {
  throw new CannotCompare(message);
}

/** The Git extension's API (`CannotCompare` without one). */
async function gitApi(): Promise<GitApi> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return fail(vscode.l10n.t('Comparing with an older version needs the Git extension of VS Code, which is not available here (for example in VS Code for the Web).'));
  // An extension running in another extension host (the web worker's) gives no exports.
  const git = await Promise.resolve(extension.isActive ? extension.exports : extension.activate()).catch(() => undefined);
  if (typeof git?.getAPI !== 'function') return fail(vscode.l10n.t('Comparing with an older version needs the Git extension of VS Code, which is not available here (for example in VS Code for the Web).'));
  if (!git.enabled) return fail(vscode.l10n.t('Comparing with an older version needs Git, but the Git extension is disabled (setting git.enabled).'));
  const api = git.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        listener.dispose();
        resolve();
      }, GIT_READY_MS);
      const listener = api.onDidChangeState((state) => {
        if (state !== 'initialized') return;
        clearTimeout(timer);
        listener.dispose();
        resolve();
      });
    });
  }
  return api;
}

/** The repository that holds a plan (`CannotCompare` without one). */
async function repositoryOf(api: GitApi, uri: vscode.Uri): Promise<Repository> {
  let repository = api.getRepository(uri);
  // A plan outside the workspace folders: its repository may not be open yet.
  if (!repository && uri.scheme === 'file' && api.openRepository) {
    repository = (await api.openRepository(vscode.Uri.joinPath(uri, '..')).catch(() => null)) ?? api.getRepository(uri);
  }
  if (repository) return repository;
  return fail(vscode.l10n.t('{0} is not in a Git repository open in VS Code: there is no older version to compare it with.', vscode.workspace.asRelativePath(uri)));
}

/** The branch that pull requests go into: the remote's HEAD, else main or master (remote first). */
async function defaultBranch(repository: Repository): Promise<string | undefined> {
  const branches = await repository.getBranches({ remote: true }).catch((): Ref[] => []);
  const names = new Set(branches.map((branch) => branch.name).filter((name): name is string => name !== undefined));
  return ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'].find((name) => names.has(name));
}

/** A revision chosen, and its name when it is not the revision with its commit (`main (a1b2c3d)`). */
interface Revision {
  ref: string;
  name?: string;
}

interface Choice extends vscode.QuickPickItem {
  resolve(): Promise<Revision | undefined>;
}

/** What the user can compare with. */
async function choices(repository: Repository, uri: vscode.Uri): Promise<Choice[]> {
  const head = repository.state.HEAD;
  const items: Choice[] = [];
  if (head?.commit) {
    const last = await repository.getCommit(head.commit).catch(() => undefined);
    items.push({
      label: `$(git-commit) HEAD`,
      description: head.name ? `${head.name} · ${short(head.commit)}` : short(head.commit),
      detail: last ? vscode.l10n.t('The last commit: {0}', subject(last.message)) : undefined,
      resolve: async () => ({ ref: head.commit!, name: `HEAD (${short(head.commit!)})` }),
    });
  }
  const branch = await defaultBranch(repository);
  if (branch && head?.commit) {
    items.push({
      label: `$(git-merge) ${vscode.l10n.t('Merge base with {0}', branch)}`,
      detail: vscode.l10n.t('Where this branch left {0}: what a pull request would show as changed', branch),
      resolve: async () => {
        const base = await repository.getMergeBase('HEAD', branch).catch(() => undefined);
        if (!base) return fail(vscode.l10n.t('HEAD and {0} have no common commit (a shallow clone may lack it).', branch));
        return { ref: base, name: vscode.l10n.t('the merge base with {0} ({1})', branch, short(base)) };
      },
    });
  }
  items.push(
    { label: `$(git-branch) ${vscode.l10n.t('A branch…')}`, resolve: () => pickBranch(repository) },
    { label: `$(history) ${vscode.l10n.t('A commit…')}`, resolve: () => pickCommit(repository, uri) },
  );
  return items;
}

async function pickBranch(repository: Repository): Promise<Revision | undefined> {
  const branches = (await repository.getBranches({ remote: true }).catch((): Ref[] => [])).filter((branch) => branch.name && branch.type !== 2 && !branch.name.endsWith('/HEAD'));
  const picked = await vscode.window.showQuickPick(
    branches.map((branch) => ({ label: branch.name!, description: branch.commit ? short(branch.commit) : undefined })),
    { placeHolder: vscode.l10n.t('The branch to compare with'), matchOnDescription: true },
  );
  return picked ? { ref: picked.label } : undefined;
}

async function pickCommit(repository: Repository, uri: vscode.Uri): Promise<Revision | undefined> {
  // The commits that changed the plan, newest first; any other revision can be typed.
  const commits = await repository.log({ maxEntries: 50, path: uri.fsPath }).catch((): Commit[] => []);
  const other = vscode.l10n.t('Another revision…');
  const picked = await vscode.window.showQuickPick(
    [
      ...commits.map((commit) => ({ label: subject(commit.message), description: short(commit.hash), detail: [commit.authorName, commit.authorDate?.toLocaleDateString(vscode.env.language)].filter(Boolean).join(' · ') || undefined, hash: commit.hash })),
      { label: `$(edit) ${other}`, hash: '' },
    ],
    { placeHolder: vscode.l10n.t('The commit to compare with (the ones that changed this plan)'), matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return undefined;
  if (picked.hash) return { ref: picked.hash };
  const typed = (await vscode.window.showInputBox({ prompt: vscode.l10n.t('A commit, branch or tag, e.g. a1b2c3d, v1.2 or HEAD~3') }))?.trim();
  return typed ? { ref: typed } : undefined;
}

/**
 * The plan at an older revision, which the user picks (or `revision` names, e.g. for tests);
 * undefined when the user cancels the choice. Throws `CannotCompare`, saying why, when there is
 * no such version to read.
 */
export async function olderVersion(uri: vscode.Uri, revision?: string): Promise<OlderVersion | undefined> {
  const api = await gitApi();
  const repository = await repositoryOf(api, uri);
  let chosen: Revision | undefined;
  if (revision !== undefined) {
    chosen = { ref: revision };
  } else {
    const picked = await vscode.window.showQuickPick(await choices(repository, uri), { placeHolder: vscode.l10n.t('Compare {0} with…', vscode.workspace.asRelativePath(uri)) });
    chosen = await picked?.resolve();
  }
  if (!chosen) return undefined;
  const file = vscode.workspace.asRelativePath(uri);
  const commit = await repository.getCommit(chosen.ref).catch(() => undefined);
  if (!commit) return fail(vscode.l10n.t('There is no revision {0} in this repository.', chosen.ref));
  // A commit by its short hash; a branch, a tag or `HEAD~2` with the commit it names.
  const name = chosen.name ?? (commit.hash.startsWith(chosen.ref) ? short(commit.hash) : `${chosen.ref} (${short(commit.hash)})`);
  try {
    return { name, text: await repository.show(commit.hash, uri.fsPath) };
  } catch {
    return fail(vscode.l10n.t('{0} does not exist at {1}: there is nothing to compare it with.', file, name));
  }
}
