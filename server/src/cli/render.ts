import * as fs from 'fs';
import * as path from 'path';
import { renderText } from '../core/render';
import { htmlPathFor, MEDIA, standalonePage } from '../core/render/page';
import { createPlanService } from '../core/workspace/service';
import { EXTENSION_ROOT } from './extension-root';
import { cliCount, cliText } from './messages';
import type { Locale } from '../core/base/types';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}


/**
 * `plan-as-code render FILE [-o out.html]`: the plan as one self-contained HTML document, the
 * same rendering as the editor's preview (and its export). Exit status 0 when written, 1 when
 * the YAML is broken (the document then shows only what could be read), 2 when it cannot run.
 */
export function renderCommand(file: string, output: string | undefined, io: Io, locale: Locale = 'en'): number {
  const filePath = path.resolve(file);
  const read = (target: string) => {
    try {
      return fs.readFileSync(target, 'utf8');
    } catch {
      return undefined;
    }
  };
  const text = read(filePath);
  if (text === undefined) {
    io.stderr(`plan-as-code: ${cliText(locale, 'error.cannotRead', { file })}\n`);
    return 2;
  }
  const css = read(path.join(EXTENSION_ROOT, MEDIA.style));
  if (css === undefined) {
    io.stderr(`plan-as-code: ${cliText(locale, 'error.noStylesheet', { file: MEDIA.style, root: EXTENSION_ROOT })}\n`);
    return 2;
  }
  const service = createPlanService({ readFile: read });
  const editorLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  const rendered = renderText(service, text, filePath, { editorLocale });
  const target = path.resolve(output ?? htmlPathFor(filePath));
  fs.writeFileSync(target, standalonePage({ body: rendered.html, title: rendered.title, locale: rendered.locale, css }));
  const errors = rendered.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = rendered.findings.filter((finding) => finding.severity === 'warning').length;
  // Said in the plan's language, as the document is written.
  const said = rendered.locale;
  io.stdout(`${cliText(said, 'render.wrote', { file: path.relative(process.cwd(), target) || target, errors: cliCount(said, 'errors', errors), warnings: cliCount(said, 'warnings', warnings) })}\n`);
  if (!rendered.ok) {
    io.stderr(`plan-as-code: ${cliText(said, 'error.brokenYaml', { file })}\n`);
    return 1;
  }
  return 0;
}
