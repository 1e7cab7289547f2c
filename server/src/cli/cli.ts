import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { isMainThread } from 'worker_threads';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { version } from '../../../package.json';
import { EXTENSION_ROOT } from './extension-root';
import { diffCommand, DIFF_USAGE } from './diff';
import { CliError, reason, systemErrorCode, UsageError, writeOutput } from './failure';
import { cliCount, cliText, severityWord, terminalLocale } from './messages';
import { ruleText } from '../core/rules/text';
import { renderCommand } from './render';
import { forecastCommand, FORECAST_USAGE } from './forecast';
import { todayOption } from '../node/clock';
import { readForCore, type NotUtf8 } from '../node/files';
import { ruleDocsPath } from '../core/base/docs';
import { plainText } from '../core/base/messages';
import { bySeverity } from '../core/check/findings';
import { RULES } from '../core/rules';
import { PlanIndex } from '../core/workspace/plan-index';
import { checkFiles, threadsFor, type CheckJob, type FileReport } from './check-files';
import { findPlansSync, NEVER_SEARCHED } from '../node/find-plans';
import { LineIndex } from '../core/base/text';
import type { Finding, Locale, Severity } from '../core/base/types';


/** Node's own words for a bad option, said again in the terminal's language. */
function argumentProblem(error: Error & { code?: string }, locale: Locale): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  // `--output` rather than Node's `-o, --output <value>`.
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return cliText(locale, 'error.unknownOption', { option });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return cliText(locale, 'error.optionValue', { option });
  return cliText(locale, 'error.badArguments');
}

/**
 * Runs the CLI. Every expected failure (bad options, a file that is missing or cannot be read or
 * written) is one line on standard error and exit status 2; only a bug throws.
 */
export function main(argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void; isTTY: boolean }): number {
  if (argv[0] === 'diff') return diffCommand(argv.slice(1), io);
  if (argv[0] === 'forecast') return forecastCommand(argv.slice(1), io);
  const locale = terminalLocale();
  try {
    return run(argv, io, locale);
  } catch (error) {
    const parseArgs = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseArgs) {
      const problem = parseArgs ? argumentProblem(error as Error, locale) : (error as Error).message;
      io.stderr(`plan-as-code: ${cliText(locale, 'error.seeHelp', { problem: oneLine(problem) })}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      io.stderr(`plan-as-code: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (systemErrorCode(error)) {
      io.stderr(`plan-as-code: ${reason(error, locale)}\n`);
      return 2;
    }
    throw error;
  }
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

function run(argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void; isTTY: boolean }, locale: Locale): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      'no-color': { type: 'boolean', default: false },
      today: { type: 'string' },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.help) {
    io.stdout(`${cliText(locale, 'usage', { diffUsage: DIFF_USAGE, forecastUsage: FORECAST_USAGE })}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const [command, ...targets] = positionals;
  const today = todayOption(values.today);
  if ('error' in today) {
    io.stderr(`plan-as-code: ${today.error}\n`);
    return 2;
  }
  if (command === 'render') {
    if (targets.length !== 1) throw new UsageError(cliText(locale, 'error.renderOneFile'));
    return renderCommand(targets[0], values.output, io, today.today, locale);
  }
  if (command !== 'check') throw new UsageError(command ? cliText(locale, 'error.unknownCommand', { command }) : cliText(locale, 'error.noCommand'));
  const format = values.format;
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') throw new UsageError(cliText(locale, 'error.unknownFormat', { format }));
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(cliText(locale, 'error.maxWarnings'));
  }

  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(cliText(locale, 'error.jobs'));

  const files = expandTargets(targets.length > 0 ? targets : ['.'], locale);
  if (files.length === 0) {
    io.stderr(`plan-as-code: ${cliText(locale, 'error.noPlans', { targets: (targets.length > 0 ? targets : ['.']).join(', ') })}\n`);
    return 2;
  }

  const editorLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  const job: CheckJob = { files, links: linksUnderCwd(files), editorLocale, today: today.today, quiet: values.quiet === true, locale };
  const reports = checkFiles(job, threadsFor(files.length, jobs));
  for (const report of reports) if (report.notUtf8) io.stderr(notUtf8Warning(relative(report.filePath), report.notUtf8, locale));
  // The summary speaks the plans' language when they share one, else the terminal's.
  const languages = new Set(reports.map((report) => report.locale ?? locale));
  const summaryLocale = languages.size === 1 ? [...languages][0] : locale;

  const color = io.isTTY && !values['no-color'] && !values.output && !process.env.NO_COLOR;
  const output = format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, summaryLocale) : formatStylish(reports, color, summaryLocale);
  writeOutput(values.output ?? '-', output, io.stdout, undefined, locale);

  const errors = count(reports, 'error');
  const warnings = count(reports, 'warning');
  if (reports.some((report) => report.notRead)) return 2;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`plan-as-code: ${cliText(summaryLocale, 'error.tooManyWarnings', { warnings: cliCount(summaryLocale, 'warnings', warnings), max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

/** Every plan under the folder the command runs in (and those named), with the plans it names in `alignsWith`: for back-links, a plan that names the one checked. */
function linksUnderCwd(files: readonly { filePath: string }[]): [string, string[]][] {
  const index = new PlanIndex();
  for (const filePath of new Set([...findPlansSync(process.cwd()), ...files.map((file) => file.filePath)])) {
    const text = readForCore(filePath);
    if (typeof text === 'string') index.set(filePath, text);
  }
  return index.allLinks();
}

/**
 * Files, folders (searched for plans) and globs, deduplicated and sorted. A plan found in a
 * folder (or by a glob, in the folder before its first wildcard: `root`) must not be a link
 * leading out of both that folder and the current one. A file named on the command line is
 * read wherever it is.
 */
function expandTargets(targets: string[], locale: Locale): { filePath: string; root?: string }[] {
  const found = new Map<string, string | undefined>();
  const add = (file: string, root: string | undefined) => {
    const filePath = path.resolve(file);
    // Named on the command line beats found in a folder.
    if (!found.has(filePath) || root === undefined) found.set(filePath, root);
  };
  for (const target of targets) {
    // Anything named here that is not a folder (a device, a pipe, a link loop too) is reported when it is read, never opened.
    let named: fs.Stats | undefined;
    try {
      named = fs.lstatSync(target, { throwIfNoEntry: false });
    } catch (error) {
      throw new CliError(cliText(locale, 'error.cannotRead', { file: target, reason: reason(error, locale) }));
    }
    if (named && !isFolder(target)) {
      add(target, undefined);
    } else if (named) {
      for (const file of findPlansSync(target)) {
        add(file, path.resolve(target));
      }
    } else if (isDynamicPattern(target)) {
      for (const file of globSync(target, { absolute: true, ignore: NEVER_SEARCHED })) add(file, staticBase(target));
    } else {
      throw new CliError(cliText(locale, 'error.noSuchFile', { file: target }));
    }
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([filePath, root]) => ({ filePath, root }));
}

function isFolder(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** The folder a glob searches: its path before the first segment with a wildcard. */
function staticBase(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const fixed = segments.slice(0, segments.findIndex((segment) => isDynamicPattern(segment)));
  return path.resolve(fixed.join('/') || '.');
}

/** The warning for a plan that is not UTF-8 (it was read with U+FFFD in place of the bad bytes). */
function notUtf8Warning(file: string, problem: NotUtf8, locale: Locale): string {
  const byte = problem.byte.toString(16).toUpperCase().padStart(2, '0');
  return `plan-as-code: ${cliText(locale, 'error.notUtf8', { file, byte, line: String(problem.line), column: String(problem.column) })}\n`;
}


function count(reports: FileReport[], severity: Severity): number {
  return reports.reduce((sum, report) => sum + report.findings.filter((finding) => finding.severity === severity).length + (severity === 'error' && report.notRead ? 1 : 0), 0);
}

/** Each report's line index, made once for all its findings. */
const LINES = new WeakMap<FileReport, LineIndex>();

function positions(report: FileReport, finding: Finding) {
  let lines = LINES.get(report);
  if (!lines) LINES.set(report, (lines = new LineIndex(report.text)));
  const start = lines.position(finding.start);
  const end = lines.position(finding.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function relative(filePath: string): string {
  return path.relative(process.cwd(), filePath).split(path.sep).join('/');
}

export function formatStylish(reports: FileReport[], color: boolean, locale: Locale = 'en'): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityColor: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 90 };
  const lines: string[] = [];
  for (const report of reports) {
    if (report.notRead) {
      lines.push(paint(4, relative(report.filePath)), `  ${paint(severityColor.error, severityWord(locale, 'error'))}  ${report.notRead}`, '');
      continue;
    }
    if (report.findings.length === 0) continue;
    lines.push(paint(4, relative(report.filePath)));
    // What matters first: errors, then warnings, then notes and hints, each in the order of the plan.
    const ordered = [...report.findings].sort(bySeverity);
    const rows = ordered.map((finding) => {
      const { line, column } = positions(report, finding);
      return [`${line}:${column}`, finding.severity, severityWord(report.locale ?? locale, finding.severity), plainText(finding.message), finding.ruleId] as const;
    });
    const width = Math.max(...rows.map((row) => row[0].length));
    const severityWidth = Math.max(...rows.map((row) => row[2].length));
    for (const [where, severity, word, message, ruleId] of rows) {
      lines.push(`  ${paint(2, where.padEnd(width))}  ${paint(severityColor[severity], word.padEnd(severityWidth))}  ${message}  ${paint(2, ruleId)}`);
    }
    lines.push('');
  }
  const total = reports.reduce((sum, report) => sum + report.findings.length + (report.notRead ? 1 : 0), 0);
  const errors = count(reports, 'error');
  const warnings = count(reports, 'warning');
  const others = total - errors - warnings;
  const plans = cliCount(locale, 'plans', reports.length);
  if (total === 0) {
    lines.push(paint(32, cliText(locale, 'summary.clean', { plans: cliCount(locale, 'checked', reports.length) })));
  } else {
    const counts = { problems: cliCount(locale, 'problems', total), errors: cliCount(locale, 'errors', errors), warnings: cliCount(locale, 'warnings', warnings), notes: others, plans };
    lines.push(paint(errors > 0 ? 31 : 33, cliText(locale, others ? 'summary.problemsWithNotes' : 'summary.problems', counts)));
  }
  return `${lines.join('\n')}\n`;
}

export function formatJson(reports: FileReport[]): string {
  const result = reports.map((report) => ({
    filePath: report.filePath,
    errorCount: report.findings.filter((finding) => finding.severity === 'error').length + (report.notRead ? 1 : 0),
    warningCount: report.findings.filter((finding) => finding.severity === 'warning').length,
    findings: [
      // A plan that could not be read: one fatal error of no rule, as ESLint reports a file it cannot parse.
      ...(report.notRead ? [{ ruleId: null, severity: 'error', fatal: true, message: report.notRead, line: 1, column: 1, endLine: 1, endColumn: 1 }] : []),
      ...report.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: plainText(finding.message),
        ...positions(report, finding),
      })),
    ],
  }));
  return `${JSON.stringify(result, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], locale: Locale = 'en'): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan-as-code',
            version,
            semanticVersion: version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: ruleText(rule, locale).description },
              fullDescription: { text: ruleText(rule, locale).description },
              help: { text: ruleText(rule, locale).description, markdown: ruleText(rule, locale).docs },
              helpUri: pathToFileURL(path.join(EXTENSION_ROOT, ruleDocsPath(rule.id, locale))).toString(),
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        // Plans that could not be read are notifications of the run, not results of a rule.
        invocations: [
          {
            executionSuccessful: reports.every((report) => !report.notRead),
            toolExecutionNotifications: reports.flatMap((report) =>
              report.notRead
                ? [{ level: 'error', message: { text: report.notRead }, locations: [{ physicalLocation: { artifactLocation: { uri: relative(report.filePath), uriBaseId: 'SRCROOT' } } }] }]
                : [],
            ),
          },
        ],
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(process.cwd()).toString()}/` } },
        results: reports.flatMap((report) =>
          report.findings.map((finding) => {
            const { line, column, endLine, endColumn } = positions(report, finding);
            return {
              ruleId: finding.ruleId,
              ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
              level: SARIF_LEVEL[finding.severity],
              message: { text: plainText(finding.message), markdown: finding.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: relative(report.filePath), uriBaseId: 'SRCROOT' },
                    region: { startLine: line, startColumn: column, endLine, endColumn },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

// A worker thread of `check` (check-files.ts) starts from this file too: it does not run the command.
if (require.main === module && isMainThread) {
  // A reader that goes away (`plan-as-code check | head -1`) ends the command quietly; any other
  // failure to write standard output (a full disk) is one line.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (systemErrorCode(error) === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) process.stderr.write(`plan-as-code: ${cliText(terminalLocale(), 'error.cannotWriteStdout', { reason: reason(error, terminalLocale()) })}\n`);
      process.exit(2);
    });
  }
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
  });
}

