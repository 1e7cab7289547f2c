import * as fs from 'fs';
import * as path from 'path';
import { renderText } from '../core/render';
import { htmlPathFor, MEDIA, standalonePage } from '../core/render/page';
import { createPlanService } from '../core/workspace/service';
import { EXTENSION_ROOT } from './extension-root';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}


/**
 * `plan-as-code render FILE [-o out.html] [--today YYYY-MM-DD]`: the plan as one self-contained HTML document, the
 * same rendering as the editor's preview (and its export). Exit status 0 when written, 1 when
 * the YAML is broken (the document then shows only what could be read), 2 when it cannot run.
 */
export function renderCommand(file: string, output: string | undefined, today: string, io: Io): number {
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
    io.stderr(`plan-as-code: cannot read ${file}\n`);
    return 2;
  }
  const css = read(path.join(EXTENSION_ROOT, MEDIA.style));
  if (css === undefined) {
    io.stderr(`plan-as-code: the stylesheet ${MEDIA.style} is missing from ${EXTENSION_ROOT}\n`);
    return 2;
  }
  const service = createPlanService({ readFile: read });
  const editorLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  const rendered = renderText(service, text, filePath, { editorLocale, today });
  const target = path.resolve(output ?? htmlPathFor(filePath));
  fs.writeFileSync(target, standalonePage({ body: rendered.html, title: rendered.title, locale: rendered.locale, css }));
  const errors = rendered.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = rendered.findings.filter((finding) => finding.severity === 'warning').length;
  io.stdout(`Wrote ${path.relative(process.cwd(), target) || target} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})\n`);
  if (!rendered.ok) {
    io.stderr(`plan-as-code: ${file} has YAML syntax errors; the document shows only what could be read\n`);
    return 1;
  }
  return 0;
}
