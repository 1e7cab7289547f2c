/** Small building blocks shared by the section renderers. */
import { asArray, asString } from '../model/model';
import type { JsonPath } from '../base/types';
import type { RenderContext } from './context';
import { classes, text } from './html';

/** A list of strings at `path`, each item a block; '' when there are none. */
export function bullets(ctx: RenderContext, path: JsonPath, className = 'bullets'): string {
  const items = asArray(ctx.at(path))
    .map((item, index) => (typeof item === 'string' || typeof item === 'number' ? ctx.block('li', [...path, index], '', ctx.value(item)) : ''))
    .filter(Boolean);
  return items.length === 0 ? '' : `<ul class="${className}">${items.join('')}</ul>`;
}

/** Label and value pairs (values are HTML); pairs with an empty value are left out. */
export function facts(pairs: readonly (readonly [label: string, value: string])[], className = 'facts'): string {
  const shown = pairs.filter(([, value]) => value !== '');
  if (shown.length === 0) return '';
  return `<dl class="${className}">${shown.map(([label, value]) => `<div><dt>${text(label)}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

/** A titled part of a section; '' when it has no content. */
export function part(heading: string, content: string, className = 'part'): string {
  return content === '' ? '' : `<div class="${className}"><h3>${text(heading)}</h3>${content}</div>`;
}

/** A plain-text field of an item as a paragraph; '' when absent. */
export function paragraph(ctx: RenderContext, path: JsonPath, className: string): string {
  const value = ctx.value(ctx.at(path));
  return value === '' ? '' : `<p class="${className}">${value}</p>`;
}

/** A table with a header row; `rows` are rendered `<tr>` blocks. '' without rows. */
export function table(className: string, headings: readonly string[], rows: readonly string[], footer = ''): string {
  if (rows.length === 0) return '';
  const head = headings.map((heading) => `<th scope="col">${text(heading)}</th>`).join('');
  return `<div class="table-wrap"><table class="${className}"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody>${footer}</table></div>`;
}

/**
 * Each item of the list at `section` rendered by `render`, skipping items that are not mappings.
 * Each is memoised (`RenderContext.memoised`): reused by the next rendering while it is the same.
 */
export function items(ctx: RenderContext, path: JsonPath, render: (item: Record<string, unknown>, itemPath: JsonPath, index: number) => string): string[] {
  return asArray(ctx.at(path)).flatMap((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return [];
    const itemPath = [...path, index];
    return [ctx.memoised(itemPath, () => render(ctx.at(itemPath) as Record<string, unknown>, itemPath, index))];
  });
}

/** A list of strings in a table cell: one per line. */
export function cellList(ctx: RenderContext, value: unknown): string {
  const values = asArray(value).map((item) => ctx.value(item)).filter(Boolean);
  if (values.length === 0) return ctx.value(value);
  return `<ul class="cell-list">${values.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

/** An item's heading from its name (or another label field), else its id. */
export function heading(item: Record<string, unknown>, field = 'name', tag = 'h3'): string {
  const label = asString(item[field]) ?? asString(item.id) ?? '';
  return `<${tag} class="item-title">${text(label)}</${tag}>`;
}

/** Cards in a grid; '' without cards. */
export function grid(className: string, cards: readonly string[]): string {
  return cards.length === 0 ? '' : `<div class="${className}">${cards.join('')}</div>`;
}

/** A label from the catalog for a fixed value (`render.frequency.monthly`), else the value itself; as text. */
export function known(ctx: RenderContext, prefix: string, value: unknown, allowed: readonly string[]): string {
  if (typeof value !== 'string') return ctx.value(value);
  return allowed.includes(value) ? text(ctx.t(`${prefix}.${value}` as Parameters<RenderContext['t']>[0])) : text(value);
}

/** A key figure: a big value with its label and an optional note; `state` marks it good or bad (`figure-ok`, `figure-warning`). */
export function figure(label: string, value: string, note = '', state?: 'ok' | 'warning'): string {
  return `<div class="${classes('figure', state && `figure-${state}`)}"><span class="figure-value">${text(value)}</span><span class="figure-label">${text(label)}</span>${note ? `<span class="figure-note">${text(note)}</span>` : ''}</div>`;
}
