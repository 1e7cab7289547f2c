/**
 * `plan-as-code diff [REV_A [REV_B]] [FILES...] [--format text|markdown|json] [-o FILE]`:
 * what changed in the plans between two revisions, by meaning (see docs/diff.md).
 *
 * - no revision: from the merge base of HEAD with the default branch (origin/HEAD, else main,
 *   else master) to the working tree; one revision: from it to the working tree; two: between
 *   them; `A...B`: from their merge base to B (what a pull request changes); `A..B`: A to B.
 * - two existing files and nothing else: those two plans, without git.
 * - FILES (files or folders) restrict the plans compared; by default every plan that changed.
 *
 * Exit status 0 whatever changed (a diff informs); 2 with one line on stderr when it cannot
 * run: a revision that does not exist, a plan that does not parse, not a repository, a shallow
 * clone without the merge base.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { diffVersions, renderJson, renderMarkdown, renderText, syntaxError, type DiffReport, type PlanDiff } from '../core/features/diff';
import { resolveLocale } from '../core/base/messages';
import { cliText, terminalLocale } from './messages';
import { createPlanService, type CheckedPlan, type PlanService } from '../core/workspace/service';
import { Git, GitError, MAX_BLOB_BYTES } from '../node/git';

export const DIFF_USAGE = 'plan-as-code diff [REV_A [REV_B]] [FILES...] [--format text|markdown|json] [-o FILE]';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A problem with the command's input, told in one line. */
class InputError extends Error {}

export function diffCommand(argv: string[], io: Io, cwd = process.cwd()): number {
  try {
    return runDiff(argv, io, cwd);
  } catch (error) {
    if (error instanceof InputError || error instanceof GitError) {
      io.stderr(`plan-as-code: ${error.message}\n`);
      return 2;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`plan-as-code: ${cliText(terminalLocale(), 'error.badArguments')} (${(error as Error).message})\n\n${cliText(terminalLocale(), 'diff.help', { diffUsage: DIFF_USAGE }).split('\n')[0]}\n`);
      return 2;
    }
    // A defect, not the user's input: still one line, never a stack trace.
    io.stderr(`plan-as-code: diff failed: ${error instanceof Error ? error.message : String(error)} (please report this)\n`);
    return 2;
  }
}

function runDiff(argv: string[], io: Io, cwd: string): number {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    tokens: true,
    options: {
      format: { type: 'string', default: 'text' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(`${cliText(terminalLocale(), 'diff.help', { diffUsage: DIFF_USAGE })}\n`);
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new InputError(cliText(terminalLocale(), 'error.diffFormat', { format }));
  const terminator = tokens.find((token) => token.kind === 'option-terminator')?.index;

  const editorLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  const report: DiffReport = { format: 'plan-as-code/diff', version: 1, plans: [] };
  const bothFiles = terminator === undefined && positionals.length === 2 && positionals.every((arg) => isFile(path.resolve(cwd, arg)));
  if (bothFiles) {
    report.plans.push(diffFiles(positionals[0], positionals[1], cwd, editorLocale));
  } else {
    const [revisions, files] = terminator === undefined
      ? splitArguments(positionals, cwd)
      : [tokens.filter((token) => token.kind === 'positional' && token.index < terminator).map((token) => (token as { value: string }).value),
        tokens.filter((token) => token.kind === 'positional' && token.index > terminator).map((token) => (token as { value: string }).value)];
    if (revisions.length > 2) throw new InputError(`at most two revisions can be compared, not ${revisions.length} (${revisions.join(', ')})`);
    report.plans.push(...diffRevisions(Git.open(cwd), revisions, files, cwd, editorLocale));
  }

  const options = { fallbackLocale: resolveLocale(undefined, undefined, editorLocale) };
  const output = format === 'json' ? renderJson(report, options) : format === 'markdown' ? renderMarkdown(report, options) : renderText(report, options);
  if (values.output) fs.writeFileSync(path.resolve(cwd, values.output), output);
  else io.stdout(output);
  return 0;
}

/** Leading arguments that name no file and no plan are revisions (at most two); the rest are files. */
function splitArguments(positionals: string[], cwd: string): [string[], string[]] {
  const revisions: string[] = [];
  let index = 0;
  while (index < positionals.length && revisions.length < 2) {
    const arg = positionals[index];
    if (fs.existsSync(path.resolve(cwd, arg)) || /\.plan\.ya?ml$/i.test(arg)) break;
    revisions.push(arg);
    index += 1;
  }
  return [revisions, positionals.slice(index)];
}

function isFile(filePath: string): boolean {
  return fs.statSync(filePath, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** One side of a diff: a commit or the working tree, with a plan service reading from it. */
interface Side {
  /** For messages: `main (1a2b3c4)`, `the working tree`. */
  name: string;
  /** A file's text by absolute path, or undefined when this side has none. */
  read(filePath: string): string | undefined;
  service: PlanService;
}

function side(name: string, readBytes: (filePath: string) => Buffer | undefined, rootOf: (filePath: string) => string | undefined): Side {
  const cache = new Map<string, string | undefined>();
  const read = (filePath: string) => {
    if (!cache.has(filePath)) cache.set(filePath, readBytes(filePath)?.toString('utf8'));
    return cache.get(filePath);
  };
  const service = createPlanService({
    readFile(filePath) {
      try {
        return read(filePath);
      } catch {
        return undefined;
      }
    },
    rootOf,
  });
  return { name, read, service };
}

function diskBytes(filePath: string): Buffer | undefined {
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  if (stat.size > MAX_BLOB_BYTES) throw new InputError(`${filePath} is ${stat.size} bytes, over the ${MAX_BLOB_BYTES} bytes a plan may have`);
  return fs.readFileSync(filePath);
}

/** The working tree (or any folder) as a side. */
function diskSide(name: string, root: string): Side {
  return side(name, diskBytes, (filePath) => (path.relative(root, filePath).startsWith('..') ? undefined : root));
}

/** A commit as a side: files under the repository's root are read from it. */
function commitSide(git: Git, name: string, commit: string): Side {
  return side(
    name,
    (filePath) => {
      const relative = path.relative(git.root, filePath);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
      return git.read(commit, relative.split(path.sep).join('/'));
    },
    () => git.root,
  );
}

/** A plan checked on one side, or an `InputError` when it does not parse or is too large. */
function analyse(sideOf: Side, filePath: string, display: string, text: string): CheckedPlan {
  const analysis = sideOf.service.check(text, filePath);
  // The service leaves a plan over the configured maxFileSize unread.
  if (analysis.tooLarge) throw new InputError(`${display} ${sideOf.name} is ${text.length} characters long, over the maxFileSize limit: it is not compared`);
  const error = syntaxError(analysis.parsed, 'before');
  if (error) throw new InputError(`${display} does not parse ${sideOf.name}: line ${error.line}, column ${error.column}: ${error.message}`);
  return analysis;
}

function comparePlan(
  before: { side: Side; filePath: string; display: string } | undefined,
  after: { side: Side; filePath: string; display: string } | undefined,
  editorLocale: string | undefined,
): PlanDiff | undefined {
  const beforeText = before ? before.side.read(before.filePath) : undefined;
  const afterText = after ? after.side.read(after.filePath) : undefined;
  if (beforeText === undefined && afterText === undefined) return undefined;
  const old = beforeText !== undefined ? analyse(before!.side, before!.filePath, before!.display, beforeText) : undefined;
  const now = afterText !== undefined ? analyse(after!.side, after!.filePath, after!.display, afterText) : undefined;
  const file = afterText !== undefined ? after!.display : before!.display;
  const previousFile = beforeText !== undefined && afterText !== undefined && before!.display !== after!.display ? before!.display : undefined;
  const diff = diffVersions(old, now, { file, ...(previousFile !== undefined ? { previousFile } : {}) });
  // The language of the newer plan as its checks speak it: its `language`, `.planrc.yaml`, the terminal's.
  const newer = afterText !== undefined ? after! : before!;
  diff.language = newer.side.service.snapshot((afterText ?? beforeText)!, newer.filePath, { editorLocale }).locale;
  return diff;
}

/** `diff A.plan.yaml B.plan.yaml`: two files on disk. */
function diffFiles(a: string, b: string, cwd: string, editorLocale: string | undefined): PlanDiff {
  const [beforePath, afterPath] = [path.resolve(cwd, a), path.resolve(cwd, b)];
  const before = diskSide(`(${a})`, path.dirname(beforePath));
  const after = diskSide(`(${b})`, path.dirname(afterPath));
  const diff = comparePlan({ side: before, filePath: beforePath, display: a }, { side: after, filePath: afterPath, display: b }, editorLocale)!;
  // Two files compared on purpose are not a rename.
  delete diff.previousFile;
  return diff;
}

function diffRevisions(git: Git, revisions: string[], files: string[], cwd: string, editorLocale: string | undefined): PlanDiff[] {
  /** Each side's commit and how messages name it; no `to`: the working tree. */
  let from: { commit: string; name: string };
  let to: { commit: string; name: string } | undefined;
  const range = revisions.length === 1 ? /^(.*?)(\.\.\.?)(.*)$/.exec(revisions[0]) : null;
  if (range) {
    const [, left, dots, right] = range;
    const [a, b] = [left || 'HEAD', right || 'HEAD'];
    const [shaA, shaB] = [git.resolve(a), git.resolve(b)];
    if (dots === '...') {
      const base = git.mergeBase(shaA, shaB, [a, b]);
      from = { commit: base, name: `the merge base of ${a} and ${b} (${base.slice(0, 7)})` };
    } else {
      from = { commit: shaA, name: git.describe(a, shaA) };
    }
    to = { commit: shaB, name: git.describe(b, shaB) };
  } else if (revisions.length === 0) {
    const branch = git.defaultBranch();
    const base = git.mergeBase(git.resolve('HEAD'), git.resolve(branch), ['HEAD', branch]);
    from = { commit: base, name: `the merge base of HEAD and ${branch} (${base.slice(0, 7)})` };
  } else {
    const sha = git.resolve(revisions[0]);
    from = { commit: sha, name: git.describe(revisions[0], sha) };
    if (revisions.length === 2) {
      const shaB = git.resolve(revisions[1]);
      to = { commit: shaB, name: git.describe(revisions[1], shaB) };
    }
  }
  const beforeSide = commitSide(git, `at ${from.name}`, from.commit);
  const afterSide = to ? commitSide(git, `at ${to.name}`, to.commit) : diskSide('in the working tree', git.root);

  let changed = git.changedPlans(from.commit, to?.commit);
  if (files.length > 0) {
    const wanted = files.map((file) => {
      const relative = path.relative(git.root, path.resolve(cwd, file));
      if (relative.startsWith('..') || path.isAbsolute(relative)) throw new InputError(`${file} is outside the repository ${git.root}`);
      return relative.split(path.sep).join('/');
    });
    const matches = (filePath: string | undefined) => filePath !== undefined && wanted.some((want) => want === '' || filePath === want || filePath.startsWith(`${want}/`));
    changed = changed.filter((entry) => matches(entry.path) || matches(entry.previousPath));
    // A plan named on the command line that did not change is still reported (as unchanged), if it exists.
    for (const [index, want] of wanted.entries()) {
      if (!/\.plan\.ya?ml$/i.test(want) || changed.some((entry) => entry.path === want || entry.previousPath === want)) continue;
      const filePath = path.join(git.root, want);
      const [inBefore, inAfter] = [beforeSide.read(filePath) !== undefined, afterSide.read(filePath) !== undefined];
      if (!inBefore && !inAfter) throw new InputError(`${files[index]} is not a plan ${beforeSide.name} nor ${afterSide.name}`);
      changed.push({ status: inBefore && inAfter ? 'changed' : inBefore ? 'removed' : 'added', path: want });
    }
  }

  const plans: PlanDiff[] = [];
  for (const entry of changed) {
    const beforePath = entry.status === 'added' ? undefined : (entry.previousPath ?? entry.path);
    const afterPath = entry.status === 'removed' ? undefined : entry.path;
    const diff = comparePlan(
      beforePath !== undefined ? { side: beforeSide, filePath: path.join(git.root, beforePath), display: beforePath } : undefined,
      afterPath !== undefined ? { side: afterSide, filePath: path.join(git.root, afterPath), display: afterPath } : undefined,
      editorLocale,
    );
    if (diff) plans.push(diff);
  }
  return plans;
}
