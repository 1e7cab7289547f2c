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
import { localIsoDate } from '../core/base/dates';
import { parseDate } from '../core/model/model';
import { plainText } from '../core/base/messages';
import { RULES } from '../core/rules';
import { createPlanService } from '../core/workspace/service';
import { LineIndex } from '../core/base/text';
import type { Finding, Severity } from '../core/base/types';

const USAGE = `Usage: plan-as-code check [files, folders or globs...] [options]
       plan-as-code render FILE [-o out.html] [--today YYYY-MM-DD]

check: checks .plan.yaml files against the marketing and sales plan templates,
with the rules and .planrc.yaml configuration the editor uses.
render: writes the plan as one self-contained HTML document, as the editor's
preview shows it (by default next to it: marketing.plan.yaml → marketing.plan.html).

Options:
  --format stylish|json|sarif   output format (default: stylish)
  --max-warnings N              fail when there are more than N warnings
  --quiet                       report errors only
  -o, --output FILE             write the report (render: the document) to FILE
  --today YYYY-MM-DD            the date plans are judged against (plan/stale);
                                default: PLAN_AS_CODE_TODAY, else today's date
                                on this computer
  --no-color                    plain output
  -h, --help                    show this help
  -v, --version                 show the version

Exit status: 0 when clean, 1 when a plan has errors (or too many warnings),
2 when the command itself cannot run (bad options, no plan files).`;

export interface FileReport {
  filePath: string;
  text: string;
  findings: Finding[];
}

class UsageError extends Error {}

export function main(argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void; isTTY: boolean }): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`plan-as-code: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

function run(argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void; isTTY: boolean }): number {
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
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const [command, ...targets] = positionals;
  // The one reading of the clock: every plan of this run is judged against the same day.
  const today = values.today ?? (process.env.PLAN_AS_CODE_TODAY || localIsoDate(Date.now()));
  if (parseDate(today) === undefined) throw new UsageError(`--today (or PLAN_AS_CODE_TODAY) takes a date written YYYY-MM-DD, not "${today}"`);
  if (command === 'render') {
    if (targets.length !== 1) throw new UsageError('render takes one plan file');
    return renderCommand(targets[0], values.output, today, io);
  }
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
  const format = values.format;
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}"`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError('--max-warnings takes a whole number');
  }

  const files = expandTargets(targets.length > 0 ? targets : ['.']);
  if (files.length === 0) {
    io.stderr(`plan-as-code: no plan files (*.plan.yaml, *.plan.yml) found in ${(targets.length > 0 ? targets : ['.']).join(', ')}\n`);
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
    if (notUtf8) io.stderr(notUtf8Warning(relative(filePath), notUtf8));
    const { findings } = service.check(text, filePath, { editorLocale, today });
    return { filePath, text, findings: values.quiet ? findings.filter((f) => f.severity === 'error') : findings };
  });

  const color = io.isTTY && !values['no-color'] && !values.output && !process.env.NO_COLOR;
  const output = format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports) : formatStylish(reports, color);
  if (values.output) fs.writeFileSync(values.output, output);
  else io.stdout(output);

  const errors = count(reports, 'error');
  const warnings = count(reports, 'warning');
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`plan-as-code: ${warnings} warnings, more than the --max-warnings ${maxWarnings} allowed\n`);
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

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function formatStylish(reports: FileReport[], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityColor: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 90 };
  const lines: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    lines.push(paint(4, relative(report.filePath)));
    // What matters first: errors, then warnings, then notes and hints, each in the order of the plan.
    const ordered = [...report.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const rows = ordered.map((finding) => {
      const { line, column } = positions(report, finding);
      return [`${line}:${column}`, finding.severity, plainText(finding.message), finding.ruleId] as const;
    });
    const width = Math.max(...rows.map((row) => row[0].length));
    const severityWidth = Math.max(...rows.map((row) => row[1].length));
    for (const [where, severity, message, ruleId] of rows) {
      lines.push(`  ${paint(2, where.padEnd(width))}  ${paint(severityColor[severity], severity.padEnd(severityWidth))}  ${message}  ${paint(2, ruleId)}`);
    }
    lines.push('');
  }
  const total = reports.reduce((sum, report) => sum + report.findings.length, 0);
  const errors = count(reports, 'error');
  const warnings = count(reports, 'warning');
  const others = total - errors - warnings;
  if (total === 0) {
    lines.push(paint(32, `✔ ${reports.length} plan${reports.length === 1 ? '' : 's'} checked, no problems`));
  } else {
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${others ? `, ${others} info/hint` : ''}) in ${reports.length} plan${reports.length === 1 ? '' : 's'}`;
    lines.push(paint(errors > 0 ? 31 : 33, summary));
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

export function formatSarif(reports: FileReport[]): string {
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
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              help: { text: rule.description, markdown: rule.docs },
              helpUri: pathToFileURL(path.join(EXTENSION_ROOT, ruleDocsPath(rule.id))).toString(),
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
