/**
 * The renderers of a diff report: Markdown (a pull-request comment), JSON (for scripts) and
 * plain text (the terminal). Each plan is written in its own language (its `language` key)
 * unless a locale is forced.
 */
import { formatMessage } from '../../base/messages';
import type { Locale } from '../../base/types';
import { inline, oneLine } from './format';
import { summarize, summaryLine } from './summary';
import { diffTables, type Cell } from './table';
import type { DiffReport, PlanDiff } from '../../analysis/diff/types';

export interface RenderOptions {
  /** Forces the language of every plan; by default each plan's own `language`, else `fallbackLocale`. */
  locale?: Locale;
  /** The language of plans that do not say (default `en`), e.g. the terminal's. */
  fallbackLocale?: Locale;
}

export function planLocale(plan: PlanDiff, options: RenderOptions): Locale {
  return options.locale ?? plan.language ?? options.fallbackLocale ?? 'en';
}

/** The language of the report's own heading: the forced one, else the plans' if they agree. */
function reportLocale(report: DiffReport, options: RenderOptions): Locale {
  if (options.locale) return options.locale;
  const locales = new Set(report.plans.map((plan) => planLocale(plan, options)));
  return locales.size === 1 ? [...locales][0] : (options.fallbackLocale ?? 'en');
}

// --- Markdown -------------------------------------------------------------------------------

const MARKDOWN_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '\\|',
  '\\': '\\\\',
  '`': '\\`',
  '*': '\\*',
  '_': '\\_',
  '[': '\\[',
  ']': '\\]',
  '~': '\\~',
  '#': '\\#',
  $: '\\$',
  // A zero-width space after @ keeps a plan from mentioning (and notifying) people or teams.
  '@': '@\u200b',
};

/**
 * User text made inert in Markdown: on one line, with every character that could start
 * emphasis, a link, HTML, an entity, a table cell, math or a mention escaped.
 */
export function escapeMarkdown(text: string, max?: number): string {
  return escapeInline(oneLine(text, max));
}

function escapeInline(text: string): string {
  return inline(text).replace(/[&<>|\\`*_[\]~#$@]/g, (char) => MARKDOWN_ESCAPES[char]);
}

/** An id or key in backticks when it is plain enough, else escaped text. */
function markdownCode(text: string): string {
  const clean = oneLine(text, 80);
  return /^[\w.\/:+#@-]+$/.test(clean) ? `\`${clean}\`` : escapeMarkdown(clean);
}

function markdownCell(cell: Cell): string {
  return cell.map((part) => (typeof part === 'string' ? escapeInline(part) : markdownCode(part.code))).join('').trim();
}

function planHeading(plan: PlanDiff, locale: Locale, code: (text: string) => string, text: (text: string) => string): string {
  const file = plan.file === undefined ? undefined : plan.previousFile !== undefined ? `${code(plan.previousFile)} → ${code(plan.file)}` : code(plan.file);
  const title = plan.title !== undefined && plan.title.trim() !== '' ? text(plan.title) : undefined;
  if (title && file) return `${title} · ${file}`;
  return title ?? file ?? text(formatMessage(locale, 'render.untitled'));
}

/** The report as Markdown for a pull-request comment: a heading, then per plan its summary and a table per section. */
export function renderMarkdown(report: DiffReport, options: RenderOptions = {}): string {
  const heading = reportLocale(report, options);
  const out: string[] = [`## ${escapeMarkdown(formatMessage(heading, 'diff.heading'))}`, ''];
  if (report.plans.length === 0) out.push(escapeMarkdown(formatMessage(heading, 'diff.noPlans')), '');
  for (const plan of report.plans) {
    const locale = planLocale(plan, options);
    out.push(`### ${planHeading(plan, locale, markdownCode, (text) => escapeMarkdown(text, 200))}`, '');
    out.push(`**${escapeMarkdown(formatMessage(locale, 'diff.summaryLabel'))}:** ${escapeMarkdown(summaryLine(plan, locale), Number.MAX_SAFE_INTEGER)}`, '');
    const columns = (['what', 'before', 'after', 'change'] as const).map((column) => escapeMarkdown(formatMessage(locale, `diff.column.${column}`)));
    for (const table of diffTables(plan, locale)) {
      out.push(`#### ${escapeMarkdown(table.title)}`, '');
      out.push(`| ${columns.join(' | ')} |`, `| --- | --- | --- | --- |`);
      for (const row of table.rows) out.push(`| ${[row.what, row.before, row.after, row.change].map(markdownCell).join(' | ')} |`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// --- Text -----------------------------------------------------------------------------------

function textCell(cell: Cell): string {
  return cell.map((part) => (typeof part === 'string' ? inline(part) : `'${oneLine(part.code, 80)}'`)).join('').trim();
}

/** The report as plain text for a terminal (control characters of the plan removed). */
export function renderText(report: DiffReport, options: RenderOptions = {}): string {
  const heading = reportLocale(report, options);
  if (report.plans.length === 0) return `${formatMessage(heading, 'diff.noPlans')}\n`;
  const out: string[] = [];
  for (const plan of report.plans) {
    const locale = planLocale(plan, options);
    out.push(planHeading(plan, locale, (text) => oneLine(text, 200), (text) => oneLine(text, 200)));
    out.push(`  ${oneLine(summaryLine(plan, locale), Number.MAX_SAFE_INTEGER)}`);
    for (const table of diffTables(plan, locale)) {
      out.push('', `  ${oneLine(table.title)}`);
      for (const row of table.rows) out.push(`    ${textCell(row.what)}: ${textCell(row.before)} → ${textCell(row.after)} (${textCell(row.change)})`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// --- JSON -----------------------------------------------------------------------------------

/** A plan's diff as JSON prints it: the data, with the language used and the summary in it. */
export type PlanDiffJson = PlanDiff & { locale: Locale; summary: string[] };

/** The report as JSON: `DiffReport` with each plan's `locale` and `summary` added (see docs/diff.md). */
export function renderJson(report: DiffReport, options: RenderOptions = {}): string {
  const plans: PlanDiffJson[] = report.plans.map((plan) => {
    const locale = planLocale(plan, options);
    const { file, previousFile, status, ...rest } = plan;
    return { ...(file !== undefined ? { file } : {}), ...(previousFile !== undefined ? { previousFile } : {}), status, locale, summary: summarize(plan, locale), ...rest };
  });
  return `${JSON.stringify({ format: report.format, version: report.version, plans }, null, 2)}\n`;
}
