/**
 * The plan as a board-ready document: a pure function from the analysed plan, its findings,
 * its SMART verdicts and a language to the HTML of the page body. The language server, the
 * CLI and the export all use it; `page.ts` wraps it in a document.
 */
import { EXPECTED_SECTIONS } from '../model/templates';
import { asArray, asString } from '../model/model';
import { PLAN_STATUSES } from '../model/status';
import type { CheckedPlan, CheckOptions, PlanService } from '../workspace/service';
import { runToEnd, type Steps } from '../base/steps';
import type { Finding, Locale, PlanKind } from '../base/types';
import { RenderContext, type RenderInput, type RenderMemo } from './context';
import { attributes, classes, inlineCode, text } from './html';
import { objectives, goals, kpis, smartTotals, strategies, summary } from './sections-common';
import { budget, calendar, channels, content, market, measurement, mix, personas, positioning } from './sections-marketing';
import { forecast, offering, segments, tactics, team, territories, training } from './sections-sales';
import { actuals, alignment, economics } from './sections-figures';
import { approvals } from './sections-approvals';
import { compareBanner } from './sections-compare';
import type { CompareInput } from './compare';
import type { RenderedPart } from './splice';

export { RenderMemo, shiftLines, type RenderInput } from './context';
export type { CompareInput } from './compare';

export interface RenderedPlan {
  /** The page body's HTML: `open`, the parts, `</main>`. */
  html: string;
  /** The body's opening tag (`<main ...>`). */
  open: string;
  /**
   * The body in parts, in order: the header, the status, the table of contents, each section.
   * Each is one element; a client that holds an earlier rendering replaces only the parts that
   * changed (their `key` names them, their HTML tells whether they changed).
   */
  parts: RenderedPart[];
  /** The plan's title, as text. */
  title: string;
  locale: Locale;
  /** False when the YAML does not parse: the body then shows what could be read. */
  ok: boolean;
}

type SectionRenderer = (ctx: RenderContext) => string;

const RENDERERS: Record<string, SectionRenderer> = {
  summary, objectives, goals, kpis, strategies,
  market, personas, positioning, mix, budget, calendar, channels, content, measurement,
  segments, offering, team, tactics, forecast, territories, training,
  alignment, economics, actuals, approvals,
};

/**
 * Sections made from the plan's figures rather than from one of its keys, and when they are
 * shown: the funnel when the plan has aligned plans or a funnel of its own, unit economics when
 * a sales plan gives them (a marketing plan shows them with its budget).
 */
const DERIVED: Record<string, (ctx: RenderContext) => boolean> = {
  alignment: (ctx) => ctx.figures.funnel !== undefined || ctx.figures.currencyClash !== undefined || ctx.aligned.length > 0,
  economics: (ctx) => ctx.model.kind !== 'marketing' && (ctx.figures.clvCac !== undefined || ctx.figures.payback !== undefined),
};

/** Whether a section has something to show: its key in the plan, or for a derived section, its figures. */
function present(ctx: RenderContext, key: string): boolean {
  return DERIVED[key]?.(ctx) ?? key in ctx.data;
}

/**
 * Sections in the order the document shows them: the template's order (`EXPECTED_SECTIONS`),
 * with the objectives before the goals they support and the KPI table where each template
 * puts its metrics (marketing: with measurement; sales: before training), the actuals right
 * after the KPIs, and the funnel across aligned plans after the budget (marketing) or the
 * forecast (sales), followed in a sales plan by its unit economics; the approvals close the document.
 */
export const RENDER_ORDER: Record<PlanKind, readonly string[]> = {
  marketing: [...insert(insert(insert(insert(EXPECTED_SECTIONS.marketing, 'goals', 'objectives'), 'measurement', 'kpis'), 'measurement', 'actuals'), 'calendar', 'alignment'), 'approvals'],
  sales: [...insert(insert(insert(insert(insert(EXPECTED_SECTIONS.sales, 'goals', 'objectives'), 'training', 'kpis'), 'training', 'actuals'), 'territories', 'alignment'), 'territories', 'economics'), 'approvals'],
};

function insert(order: readonly string[], before: string, section: string): string[] {
  const index = order.indexOf(before);
  return [...order.slice(0, index), section, ...order.slice(index)];
}

/** Sections of a plan of unknown kind: those of either template that it has. */
function sectionsOf(ctx: RenderContext): { key: string; expected: boolean }[] {
  const kind = ctx.model.kind;
  if (kind) return RENDER_ORDER[kind].map((key) => ({ key, expected: EXPECTED_SECTIONS[kind].includes(key) }));
  const all = [...new Set([...RENDER_ORDER.marketing, ...RENDER_ORDER.sales])];
  return all.filter((key) => present(ctx, key)).map((key) => ({ key, expected: false }));
}

export function renderPlan(input: RenderInput): RenderedPlan {
  return runToEnd(renderPlanSteps(input));
}

/** `renderPlan` in steps, one per section. */
export function* renderPlanSteps(input: RenderInput): Steps<RenderedPlan> {
  const ctx = new RenderContext(input);
  const title = asString(ctx.data.title) ?? ctx.t('render.untitled');
  const shown = sectionsOf(ctx);
  const part = (key: string, render: () => string): RenderedPart => {
    ctx.beginPart();
    return ctx.endPart(key, render());
  };
  const sections: RenderedPart[] = [];
  // Numbered as the contents list numbers them: only the sections shown count.
  let number = 0;
  for (const { key, expected } of shown) {
    if (present(ctx, key) || expected) {
      const sectionNumber = ++number;
      sections.push(part(`section-${key}`, () => renderSection(ctx, key, sectionNumber, expected)));
    }
    yield;
  }
  // The header comes last: it shows the findings that no section has claimed.
  const head = part('header', () => header(ctx, title));
  ctx.commitMemo();
  // Compare mode: the diff's summary comes first.
  const parts = [part('compare', () => compareBanner(ctx)), head, part('status', () => status(ctx, input.findings)), part('toc', () => toc(ctx, shown)), ...sections].filter((rendered) => rendered.pieces !== undefined || rendered.html !== '');
  const open = `<main class="${classes('plan', `plan-${ctx.model.kind ?? 'unknown'}`, ctx.compare && 'plan-compare')}"${attributes({ lang: input.locale })}>`;
  const rendered = { open, parts, title, locale: input.locale, ok: input.parsed.syntax.length === 0 } as RenderedPlan;
  // The whole body is put together when asked for: a preview patching its page needs only the parts.
  let html: string | undefined;
  Object.defineProperty(rendered, 'html', { enumerable: true, get: () => (html ??= `${open}${parts.map((part) => part.html).join('')}</main>`) });
  return rendered;
}

function sectionHeading(ctx: RenderContext, key: string): string {
  return ctx.t(`render.section.${key}` as 'render.section.summary');
}

function renderSection(ctx: RenderContext, key: string, number: number, expected: boolean): string {
  const shown = present(ctx, key);
  const headingHtml = `<h2><span class="section-number">${number}</span>${text(sectionHeading(ctx, key))}</h2>`;
  if (!shown) {
    if (!expected) return '';
    return ctx.block('section', [key], `section section-${key} section-missing`, `${headingHtml}<p class="missing-note">${text(ctx.t('render.missingSection'))}</p>`, {
      claim: (located) => located.finding.ruleId === 'section/missing' && String(located.finding.params.sections ?? '').split(',').includes(key),
      attributes: { id: `section-${key}` },
    });
  }
  // The section's number is part of its HTML: a section that moves is rendered again.
  return ctx.memoised(
    [key],
    () => {
      const content = RENDERERS[key](ctx);
      return ctx.block('section', [key], `section section-${key}`, `${headingHtml}${content || `<p class="missing-note">${text(ctx.t('render.emptySection'))}</p>`}`, { attributes: { id: `section-${key}` } });
    },
    `section ${number} ${key}`,
  );
}

/** Title, template, owner, period, currency and linked plans; findings about the plan as a whole are shown here. */
function header(ctx: RenderContext, title: string): string {
  const period = ctx.data.period && typeof ctx.data.period === 'object' ? (ctx.data.period as Record<string, unknown>) : {};
  const start = ctx.date(period.start);
  const end = ctx.date(period.end);
  const links = asArray(ctx.data.alignsWith).filter((link): link is string => typeof link === 'string');
  const meta = [
    [ctx.t('render.label.owner'), ctx.field(['owner'])],
    [ctx.t('render.label.period'), start && end ? ctx.dateRange(['period']) : start || end ? text(`${start} – ${end}`) : ''],
    [ctx.t('render.label.currency'), ctx.field(['currency'])],
    [ctx.t('render.label.alignsWith'), links.map((link) => text(link)).join(', ')],
  ].filter(([, value]) => value !== '');
  const kind = ctx.model.kind ? ctx.t(`render.kind.${ctx.model.kind}`) : ctx.t('render.kind.unknown');
  const metaHtml = meta.length ? `<dl class="plan-meta">${meta.map(([label, value]) => `<div><dt>${text(label)}</dt><dd>${value}</dd></div>`).join('')}</dl>` : '';
  // Where the plan stands, when it says so: a draft or an archived plan reads differently.
  const status = PLAN_STATUSES.find((value) => value === ctx.data.status);
  const badge = status ? `<p class="plan-badges"><span${attributes({ class: `badge badge-status badge-status-${status}`, title: ctx.t('render.label.status') })}>${text(ctx.t(`render.planStatus.${status}`))}</span></p>` : '';
  // Whatever no section has shown (the plan as a whole, header keys, unknown top-level keys) lands here.
  return ctx.block('header', [], 'plan-header', `<p class="plan-kind">${text(kind)}</p><h1>${ctx.mark(['title'], text(title))}</h1>${badge}${metaHtml}`, { claim: () => true });
}

/** Errors, warnings and the plan's SMART score, with every finding listed (each reveals its line). */
function status(ctx: RenderContext, findings: readonly Finding[]): string {
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const notes = findings.length - errors - warnings;
  const notesFigure = notes > 0 ? `<div class="status-figure"><span class="figure-value">${notes}</span><span class="figure-label">${text(ctx.t('render.status.notes'))}</span></div>` : '';
  const smart = smartTotals(ctx);
  const state = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok';
  const figures = [
    `<div class="${classes('status-figure', errors > 0 && 'status-figure-error')}"><span class="figure-value">${errors}</span><span class="figure-label">${text(ctx.t('render.status.errors'))}</span></div>`,
    `<div class="${classes('status-figure', warnings > 0 && 'status-figure-warning')}"><span class="figure-value">${warnings}</span><span class="figure-label">${text(ctx.t('render.status.warnings'))}</span></div>`,
    smart.max > 0
      ? `<div class="${classes('status-figure', smart.score === smart.max ? 'status-figure-ok' : 'status-figure-warning')}"><span class="figure-value">${smart.score}/${smart.max}</span><span class="figure-label">${text(ctx.t('render.status.smart'))}</span></div>`
      : '',
    notesFigure,
  ].join('');
  const headline = findings.length === 0 ? ctx.t('render.status.clean') : ctx.t('render.status.problems');
  const list = findings.length === 0 ? '' : `<details class="status-details"${findings.length <= 8 ? ' open' : ''}><summary>${text(ctx.t('render.status.list'))}</summary>${ctx.problemList(findings)}</details>`;
  return `<section${attributes({ class: `plan-status status-${state}`, 'aria-label': ctx.t('render.status.label') })}><div class="status-figures">${figures}</div><p class="status-headline">${inlineCode(headline)}</p>${list}</section>`;
}

function toc(ctx: RenderContext, shown: readonly { key: string; expected: boolean }[]): string {
  const entries = shown
    .filter(({ key, expected }) => present(ctx, key) || expected)
    .map(({ key }, index) => `<li${present(ctx, key) ? '' : ' class="missing"'}><a href="#section-${key}"><span class="toc-number">${index + 1}</span>${text(sectionHeading(ctx, key))}</a></li>`);
  return entries.length < 3 ? '' : `<nav class="toc"${attributes({ 'aria-label': ctx.t('render.toc') })}><ol>${entries.join('')}</ol></nav>`;
}

/**
 * A notice put above the last good rendering while the YAML is broken: what is wrong and
 * where (each syntax error reveals its line).
 */
export function renderBrokenNotice(input: RenderInput): string {
  const ctx = new RenderContext(input);
  const syntax = input.findings.filter((finding) => finding.ruleId === 'yaml/syntax');
  return `<div class="notice notice-broken" role="status"><p><strong>${text(ctx.t('render.notice.broken'))}</strong> ${text(ctx.t('render.notice.brokenDetail'))}</p>${syntax.length ? ctx.problemList(syntax) : ''}</div>`;
}

/** A notice for a plan over `maxFileSize`, which is neither checked nor rendered. */
export function renderTooLargeNotice(locale: Locale, message: string): string {
  return `<div class="notice notice-too-large" role="status"${attributes({ lang: locale })}><p>${inlineCode(message)}</p></div>`;
}

/** Checks and renders a text with a service: the findings, SMART verdicts and language the editor would show. */
export function renderText(service: PlanService, source: string, filePath: string | undefined, options: CheckOptions = {}): RenderedPlan & { findings: Finding[]; plan: CheckedPlan } {
  return runToEnd(renderTextSteps(service, source, filePath, options));
}

/** What a caller may bring to `renderTextSteps`. */
export interface RenderTextOptions {
  /** The plan's previous rendering's memoised parts (`RenderMemo`). */
  memo?: RenderMemo;
  /** Compare mode: what to compare the checked plan with (a plan that does not parse is never compared). */
  compareWith?: (plan: CheckedPlan) => CompareInput | undefined;
}

/** `renderText` in steps: those of the check, then one per section. */
export function* renderTextSteps(service: PlanService, source: string, filePath: string | undefined, options: CheckOptions = {}, more: RenderTextOptions = {}): Steps<RenderedPlan & { findings: Finding[]; plan: CheckedPlan; compared: boolean }> {
  const plan = yield* service.checkSteps(source, filePath, options);
  const { findings, locale } = plan;
  const tooLarge = findings.find((finding) => finding.ruleId === 'plan/too-large');
  // Not a rendering of the plan: no parts to patch a page with.
  if (plan.tooLarge) return { html: tooLarge ? renderTooLargeNotice(locale, tooLarge.message) : '', open: '', parts: [], title: filePath ?? '', locale, ok: false, findings, plan, compared: false };
  yield;
  const compare = more.compareWith && plan.parsed.syntax.length === 0 ? more.compareWith(plan) : undefined;
  if (compare) yield;
  // Object.assign, not a spread: the body's whole HTML is made only when asked for.
  return Object.assign(yield* renderPlanSteps({ ...plan, memo: more.memo, ...(compare ? { compare } : {}) }), { findings, plan, compared: compare !== undefined });
}
