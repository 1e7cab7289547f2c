import * as fs from 'fs';
import * as path from 'path';
import { renderText } from '../core/render';
import { htmlPathFor, MEDIA, standalonePage } from '../core/render/page';
import { createPlanService } from '../core/workspace/service';
import { EXTENSION_ROOT } from './extension-root';
import { describeNotRead, readForCore, readTextFile } from '../node/files';
import { DEFAULT_MAX_FILE_SIZE } from '../core/check/config';
import { CliError, isStandardOutput, writeOutput } from './failure';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}


/**
 * `plan-as-code render FILE [-o out.html | -o -]`: the plan as one self-contained HTML document,
 * the same rendering as the editor's preview (and its export); `-o -` writes it to standard
 * output and the summary to standard error. Exit status 0 when written, 1 when the YAML is
 * broken (the document then shows only what could be read), 2 when it cannot run (a CliError).
 */
export function renderCommand(file: string, output: string | undefined, io: Io): number {
  const filePath = path.resolve(file);
  if (fs.statSync(filePath, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`${file} is a folder: render takes one plan file`);
  // Linked plans stay in the folder the command runs in (or the plan's own), as with `check`.
  const root = (target: string) => (path.relative(process.cwd(), target).startsWith('..') ? undefined : process.cwd());
  const service = createPlanService({
    rootOf: root,
    readFile: readForCore,
  });
  // The plan named on the command line is read wherever it is, but only a regular file under the limit.
  const maxBytes = service.maxFileSize(filePath);
  const plan = readTextFile(filePath, { maxBytes });
  if (!plan.ok) throw new CliError(plan.problem === 'missing' ? `no such file: ${file}` : describeNotRead(file, plan, maxBytes));
  const css = readTextFile(path.join(EXTENSION_ROOT, MEDIA.style), { maxBytes: DEFAULT_MAX_FILE_SIZE });
  if (!css.ok) throw new CliError(`the stylesheet ${MEDIA.style} is missing from ${EXTENSION_ROOT}; reinstall plan-as-code`);
  const editorLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  const rendered = renderText(service, plan.text, filePath, { editorLocale });
  const toStdout = isStandardOutput(output);
  const target = toStdout ? '-' : path.resolve(output ?? htmlPathFor(filePath));
  const name = output ?? (path.relative(process.cwd(), target) || target);
  writeOutput(target, standalonePage({ body: rendered.html, title: rendered.title, locale: rendered.locale, css: css.text }), io.stdout, name);
  const errors = rendered.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = rendered.findings.filter((finding) => finding.severity === 'warning').length;
  const counts = `(${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  if (toStdout) io.stderr(`Rendered ${file} ${counts}\n`);
  else io.stdout(`Wrote ${path.relative(process.cwd(), target) || target} ${counts}\n`);
  if (!rendered.ok) {
    io.stderr(`plan-as-code: ${file} has YAML syntax errors; the document shows only what could be read\n`);
    return 1;
  }
  return 0;
}
