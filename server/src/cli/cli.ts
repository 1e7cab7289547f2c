import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { globSync } from 'tinyglobby';
import { version } from '../../../package.json';
import { EXTENSION_ROOT } from './extension-root';
import { renderCommand } from './render';
import { notUtf8Warning, readText } from './read-text';
import { ruleDocsPath } from '../core/base/docs';
import { plainText } from '../core/base/messages';
import { RULES } from '../core/rules';
import { createPlanService } from '../core/workspace/service';
import { LineIndex } from '../core/base/text';
import type { Finding, Locale, Severity } from '../core/base/types';
import { cliCount, cliText, severityWord, terminalLocale } from './messages';
import { ruleText } from '../core/rules/text';

export interface FileReport {
  filePath: string;
  text: string;
  findings: Finding[];
  /** The language the plan's findings are worded in. */
  locale?: Locale;
}

class UsageError extends Error {}

/** Node's own words for a bad option, said again in the terminal's language. */
function argumentProblem(error: Error & { code?: string }, locale: Locale): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return cliText(locale, 'error.unknownOption', { option });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return cliText(locale, 'error.optionValue', { option: option.split(' ')[0] });
  return cliText(locale, 'error.badArguments');
}

export function main(argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void; isTTY: boolean }): number {
  const locale = terminalLocale();
  try {
    return run(argv, io, locale);
  } catch (error) {
    const parseArgs = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseArgs) {
      const message = parseArgs ? argumentProblem(error as Error, locale) : (error as Error).message;
      io.stderr(`plan-as-code: ${message}\n\n${cliText(locale, 'usage')}\n`);
      return 2;
    }
    throw error;
  }
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
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.help) {
    io.stdout(`${cliText(locale, 'usage')}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const [command, ...targets] = positionals;
  if (command === 'render') {
    if (targets.length !== 1) throw new UsageError(cliText(locale, 'error.renderOneFile'));
    return renderCommand(targets[0], values.output, io, locale);
  }
  if (command !== 'check') throw new UsageError(command ? cliText(locale, 'error.unknownCommand', { command }) : cliText(locale, 'error.noCommand'));
  const format = values.format;
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') throw new UsageError(cliText(locale, 'error.unknownFormat', { format }));
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(cliText(locale, 'error.maxWarnings'));
  }

  const files = expandTargets(targets.length > 0 ? targets : ['.']);
  if (files.length === 0) {
    io.stderr(`plan-as-code: ${cliText(locale, 'error.noPlans', { targets: (targets.length > 0 ? targets : ['.']).join(', ') })}\n`);
    return 2;
  }

  const service = createPlanService({
    // Links may lead anywhere under the folder the command runs in.
    rootOf: (filePath) => (path.relative(process.cwd(), filePath).startsWith('..') ? undefined : process.cwd()),
    readFile(filePath) {
      try {
        return fs.readFileSync(filePath, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  const editorLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  const reports: FileReport[] = files.map((filePath) => {
    const { text, notUtf8 } = readText(filePath);
    if (notUtf8) io.stderr(notUtf8Warning(relative(filePath), notUtf8, locale));
    const checked = service.check(text, filePath, { editorLocale });
    return { filePath, text, findings: values.quiet ? checked.findings.filter((f) => f.severity === 'error') : checked.findings, locale: checked.locale };
  });
  // The summary speaks the plans' language when they share one, else the terminal's.
  const languages = new Set(reports.map((report) => report.locale ?? locale));
  const summaryLocale = languages.size === 1 ? [...languages][0] : locale;

  const color = io.isTTY && !values['no-color'] && !values.output && !process.env.NO_COLOR;
  const output = format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, summaryLocale) : formatStylish(reports, color, summaryLocale);
  if (values.output) fs.writeFileSync(values.output, output);
  else io.stdout(output);

  const errors = count(reports, 'error');
  const warnings = count(reports, 'warning');
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`plan-as-code: ${cliText(summaryLocale, 'error.tooManyWarnings', { warnings: cliCount(summaryLocale, 'warnings', warnings), max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

/** Files, folders (searched for plans) and globs, deduplicated and sorted. */
function expandTargets(targets: string[]): string[] {
  const found = new Set<string>();
  for (const target of targets) {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      found.add(path.resolve(target));
    } else if (stat?.isDirectory()) {
      for (const file of globSync('**/*.plan.{yaml,yml}', { cwd: target, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })) {
        found.add(path.resolve(file));
      }
    } else {
      for (const file of globSync(target, { absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })) found.add(path.resolve(file));
    }
  }
  return [...found].sort();
}

function count(reports: FileReport[], severity: Severity): number {
  return reports.reduce((sum, report) => sum + report.findings.filter((finding) => finding.severity === severity).length, 0);
}

function positions(report: FileReport, finding: Finding) {
  const lines = new LineIndex(report.text);
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
    if (report.findings.length === 0) continue;
    lines.push(paint(4, relative(report.filePath)));
    const rows = report.findings.map((finding) => {
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
  const total = reports.reduce((sum, report) => sum + report.findings.length, 0);
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
    errorCount: report.findings.filter((finding) => finding.severity === 'error').length,
    warningCount: report.findings.filter((finding) => finding.severity === 'warning').length,
    findings: report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: plainText(finding.message),
      ...positions(report, finding),
    })),
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

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
  });
}
