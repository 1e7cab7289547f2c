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
  const value = ctx.value(ctx.at(path)) === '' ? ctx.mark(path, '') : ctx.field(path);
  return value === '' ? '' : `<p class="${className}">${value}</p>`;
}

/** A table with a header row; `rows` are rendered `<tr>` blocks. '' without rows. */
export function table(ctx: RenderContext, className: string, headings: readonly string[], rows: readonly string[], footer = ''): string {
  if (rows.length === 0) return '';
  const head = headings.map((heading) => `<th scope="col">${text(heading)}</th>`).join('');
  return `<div class="table-wrap"><table class="${className}"><thead><tr>${head}</tr></thead><tbody>${ctx.list(rows)}</tbody>${footer}</table></div>`;
}

/**
 * Each item of the list at `path` rendered by `render`, skipping items that are not mappings.
 * Each is memoised (`RenderContext.memoised`): reused by the next rendering while it is the same.
 * In compare mode the items removed since the older version are rendered too, where they were,
 * from the older plan (with index -1: they have no verdict or figure of this version).
 */
export function items(ctx: RenderContext, path: JsonPath, render: (item: Record<string, unknown>, itemPath: JsonPath, index: number) => string): string[] {
  const current = asArray(ctx.at(path)).flatMap((item, index) => {
    if (!isItem(item)) return [];
    const itemPath = [...path, index];
    return [{ index, html: ctx.memoised(itemPath, () => render(ctx.at(itemPath) as Record<string, unknown>, itemPath, index)) }];
  });
  const removed = ctx.compare?.removedFrom(path) ?? [];
  if (removed.length === 0) return current.map((entry) => entry.html);
  const out: string[] = [];
  let next = 0;
  for (const entry of current) {
    // A removed item goes before the item that now stands at its older place.
    while (next < removed.length && removed[next].index <= entry.index) out.push(renderRemoved(ctx, removed[next++].path, render));
    out.push(entry.html);
  }
  while (next < removed.length) out.push(renderRemoved(ctx, removed[next++].path, render));
  return out.filter(Boolean);
}

function isItem(item: unknown): item is Record<string, unknown> {
  return typeof item === 'object' && item !== null && !Array.isArray(item);
}

function renderRemoved(ctx: RenderContext, path: JsonPath, render: (item: Record<string, unknown>, itemPath: JsonPath, index: number) => string): string {
  const item = ctx.at(path);
  return isItem(item) ? render(item, path, -1) : '';
}

/** A list of strings in a table cell: one per line. */
export function cellList(ctx: RenderContext, value: unknown): string {
  const values = asArray(value).map((item) => ctx.value(item)).filter(Boolean);
  if (values.length === 0) return ctx.value(value);
  return `<ul class="cell-list">${values.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

/** An item's heading from its name (or another label field), else its id; in compare mode with its old name when `ctx` and `path` are given. */
export function heading(item: Record<string, unknown>, field = 'name', tag = 'h3', ctx?: RenderContext, path?: JsonPath): string {
  const label = asString(item[field]) ?? asString(item.id) ?? '';
  const shown = ctx && path && asString(item[field]) !== undefined ? ctx.field([...path, field]) : text(label);
  return `<${tag} class="item-title">${shown}</${tag}>`;
}

/** Cards in a grid; '' without cards. */
export function grid(ctx: RenderContext, className: string, cards: readonly string[]): string {
  return cards.length === 0 ? '' : `<div class="${className}">${ctx.list(cards)}</div>`;
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

/** In compare mode, a figure's note with the old value of the plan value at `path` (`Before (HEAD): 100,000 EUR`); else ''. */
export function wasNote(ctx: RenderContext, path: JsonPath, show: (value: unknown) => string): string {
  const change = ctx.compare?.fieldAt(path);
  if (!change || change.before === undefined) return '';
  return ctx.t('render.compare.was', { base: ctx.compare!.base, value: show(change.before) });
}
