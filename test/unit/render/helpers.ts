import { renderText } from '../../../server/src/core/render';
import { RenderContext } from '../../../server/src/core/render/context';
import type { Finding, Locale } from '../../../server/src/core/base/types';
import { memoryService } from '../../helpers';

export const PLAN_PATH = '/plans/test.plan.yaml';

/** A plan text checked and rendered as the preview would (`/plans/test.plan.yaml`). */
export function render(text: string, editorLocale = 'en') {
  return renderText(memoryService(), text, PLAN_PATH, { editorLocale });
}

/**
 * A render context for one plan, to render a piece of it: with the plan's own findings
 * (`findings: 'check'`), or with none (the default), so that a piece's markup is exact.
 */
export function contextFor(text: string, options: { locale?: Locale; findings?: 'check' | Finding[]; files?: Record<string, string>; today?: string } = {}): RenderContext {
  const service = memoryService(options.files);
  const checked = service.check(text, PLAN_PATH, { editorLocale: options.locale ?? 'en', today: options.today });
  const findings = options.findings === 'check' ? checked.findings : (options.findings ?? []);
  return new RenderContext({ ...checked, findings, locale: options.locale ?? checked.locale });
}
