/**
 * The top of the preview in compare mode: what the plan is compared with, the diff's summary in
 * the words a board reads, a legend of the marks, every change in a table per section, and the
 * button that leaves compare mode. The summary and tables are the diff's own (`features/diff`).
 */
import { summarize } from '../features/diff/summary';
import { diffTables, type Cell } from '../features/diff/table';
import type { RenderContext } from './context';
import { attributes, text } from './html';

function cell(parts: Cell): string {
  return parts.map((part) => (typeof part === 'string' ? text(part) : `<code>${text(part.code)}</code>`)).join('');
}

export function compareBanner(ctx: RenderContext): string {
  const compare = ctx.compare;
  if (!compare) return '';
  const { diff, base } = compare;
  // The base's name (`HEAD (a1b2c3d)`, a branch…) stands out in the sentence.
  const strong = (message: string) => text(message).replace('\uE000', `<strong>${text(base)}</strong>`);
  const title = strong(ctx.t('render.compare.title', { base: '\uE000' }));
  const leave = `<button type="button" class="compare-leave"${attributes({ 'data-action': 'leave-compare' })}>${text(ctx.t('render.compare.leave'))}</button>`;
  const head = `<div class="compare-head"><p class="compare-title">${title}</p>${leave}</div>`;
  if (diff.status === 'unchanged') {
    const none = strong(ctx.t('render.compare.noChange', { base: '\uE000' }));
    return `<section${attributes({ class: 'compare-banner compare-unchanged', 'aria-label': ctx.t('render.compare.label') })}>${head}<p class="compare-none">${none}</p></section>`;
  }
  const summary = `<ul class="compare-summary">${summarize(diff, ctx.locale).map((phrase) => `<li>${text(phrase.charAt(0).toLocaleUpperCase(ctx.locale) + phrase.slice(1))}</li>`).join('')}</ul>`;
  const legend = `<p class="compare-legend"><span class="legend-item legend-added">${text(ctx.t('render.compare.mark.added'))}</span><span class="legend-item legend-changed"><del>${text(ctx.t('render.compare.legend.changed'))}</del></span><span class="legend-item legend-removed"><del>${text(ctx.t('render.compare.mark.removed'))}</del></span></p>`;
  const tables = diffTables(diff, ctx.locale);
  const count = tables.reduce((sum, table) => sum + table.rows.length, 0);
  const columns = (['what', 'before', 'after', 'change'] as const).map((column) => `<th scope="col">${text(ctx.t(`diff.column.${column}`))}</th>`).join('');
  const details = tables
    .map((table) => `<h3>${text(table.title)}</h3><div class="table-wrap"><table class="compare-table"><thead><tr>${columns}</tr></thead><tbody>${table.rows.map((row) => `<tr><th scope="row">${cell(row.what)}</th><td>${cell(row.before)}</td><td>${cell(row.after)}</td><td>${cell(row.change)}</td></tr>`).join('')}</tbody></table></div>`)
    .join('');
  const all = count > 0 ? `<details class="compare-details"><summary>${text(ctx.t('render.compare.details', { count }))}</summary>${details}</details>` : '';
  return `<section${attributes({ class: 'compare-banner', 'aria-label': ctx.t('render.compare.label') })}>${head}${summary}${legend}${all}</section>`;
}
