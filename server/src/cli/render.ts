import * as fs from 'fs';
import * as path from 'path';
import { renderText } from '../core/render';
import { htmlPathFor, MEDIA, standalonePage } from '../core/render/page';
import { createPlanService } from '../core/workspace/service';
import { EXTENSION_ROOT } from './extension-root';
import { readAtRevision } from '../node/git';
import { readForCore, readTextFile } from '../node/files';
import { cliCount, cliText, notReadReason } from './messages';
import type { Locale } from '../core/base/types';
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
export function renderCommand(file: string, output: string | undefined, io: Io, today?: string, locale: Locale = 'en'): number {
  const filePath = path.resolve(file);
  if (fs.statSync(filePath, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(cliText(locale, 'error.renderFolder', { file }));
  // Linked plans stay in the folder the command runs in (or the plan's own), as with `check`.
  const root = (target: string) => (path.relative(process.cwd(), target).startsWith('..') ? undefined : process.cwd());
  const service = createPlanService({
    rootOf: root,
    readFile: readForCore,
    readRevision: readAtRevision,
  });
  // The plan named on the command line is read wherever it is, but only a regular file under the limit.
  const maxBytes = service.maxFileSize(filePath);
  const plan = readTextFile(filePath, { maxBytes });
  if (!plan.ok) throw new CliError(plan.problem === 'missing' ? cliText(locale, 'error.noSuchFile', { file }) : `${notReadReason(locale, file, plan, maxBytes)}.`);
  const css = readTextFile(path.join(EXTENSION_ROOT, MEDIA.style), { maxBytes: DEFAULT_MAX_FILE_SIZE });
  if (!css.ok) throw new CliError(cliText(locale, 'error.noStylesheet', { file: MEDIA.style, root: EXTENSION_ROOT }));
  const editorLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  const rendered = renderText(service, plan.text, filePath, { editorLocale, today });
  const toStdout = isStandardOutput(output);
  const target = toStdout ? '-' : path.resolve(output ?? htmlPathFor(filePath));
  const name = output ?? (path.relative(process.cwd(), target) || target);
  writeOutput(target, standalonePage({ body: rendered.html, title: rendered.title, locale: rendered.locale, css: css.text }), io.stdout, name, locale);
  const errors = rendered.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = rendered.findings.filter((finding) => finding.severity === 'warning').length;
  // Said in the plan's language, as the document is written.
  const said = rendered.locale;
  const counts = { errors: cliCount(said, 'errors', errors), warnings: cliCount(said, 'warnings', warnings) };
  if (toStdout) io.stderr(`${cliText(said, 'render.rendered', { file, ...counts })}\n`);
  else io.stdout(`${cliText(said, 'render.wrote', { file: path.relative(process.cwd(), target) || target, ...counts })}\n`);
  if (!rendered.ok) {
    io.stderr(`plan-as-code: ${cliText(said, 'error.brokenYaml', { file })}\n`);
    return 1;
  }
  return 0;
}
