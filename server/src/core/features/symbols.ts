import { formatMessage, formatNumber } from '../base/messages';
import { isRecord, type Data } from '../model/model';
import type { ParsedPlan, SourceNode } from '../parse/parse';
import { EXPECTED_SECTIONS } from '../model/templates';
import { contentEnd, shorten } from '../base/text';
import type { Locale } from '../base/types';

/** The kinds of symbol the outline uses; the LSP edge maps them to `SymbolKind`. */
export type PlanSymbolKind = 'module' | 'namespace' | 'object' | 'struct' | 'array' | 'property' | 'number' | 'event' | 'file';

/** One entry of the plan's outline, in offsets. */
export interface PlanSymbol {
  name: string;
  detail?: string;
  kind: PlanSymbolKind;
  /** The whole entry: from its key (or an item's first key) to the end of its value. */
  start: number;
  end: number;
  /** What the editor selects: the key, or an item's `id` value. */
  selectionStart: number;
  selectionEnd: number;
  children: PlanSymbol[];
}

/** Top-level keys that are sections of a template; the other keys are the plan's header. */
const SECTIONS = new Set<string>(['objectives', 'kpis', ...EXPECTED_SECTIONS.marketing, ...EXPECTED_SECTIONS.sales]);

/** How the items of some top-level lists are shown; the others are objects. */
const ITEM_KINDS: Record<string, PlanSymbolKind> = { kpis: 'number', calendar: 'event' };

/** Keys that name a list item, best first: allocations have a `channel`, content items a `topic`, messages a `persona`, forecast rows a `period`. */
const NAME_KEYS = ['name', 'statement', 'id', 'channel', 'topic', 'persona', 'period', 'type', 'role'];

/** Keys that describe an item beside its name: its `id`, else an amount or a type. */
const DETAIL_KEYS = ['id', 'amount', 'revenue', 'type', 'message'];

/** Mappings deeper than this are not opened (only `x-` extensions go that deep). */
const MAX_DEPTH = 4;

/**
 * The outline of a plan: its top-level keys in source order (sections as modules), the items
 * of each list named by `name`, else `statement`, else `id`, and the keys of mappings such as
 * `market` (with its SWOT quadrants) or `mix` (the four Ps). Works on whatever part of a
 * broken plan parsed.
 */
export function documentSymbols(parsed: ParsedPlan, locale: Locale): PlanSymbol[] {
  const { text } = parsed;
  const plural = new Intl.PluralRules(locale);
  const count = (n: number) => {
    const form = plural.select(n);
    return formatMessage(locale, form === 'one' || form === 'few' ? `outline.items.${form}` : 'outline.items.other', { count: n });
  };
  const display = (value: unknown, max?: number): string | undefined => {
    if (typeof value === 'number') return formatNumber(locale, value);
    if (typeof value === 'string' && value.trim() !== '') return shorten(value, max);
    if (typeof value === 'boolean') return String(value);
    return undefined;
  };

  /** The entries of a mapping, in source order (a repeated key shows once, as it counts once). */
  function entries(node: SourceNode, value: Data, depth: number): PlanSymbol[] {
    const symbols: PlanSymbol[] = [];
    for (const key of node.keys ?? []) {
      const child = node.children?.get(key.key);
      if (child?.keyStart !== key.start) continue;
      symbols.push(entry(key.key, child, value[key.key], depth));
    }
    return symbols;
  }

  function entry(key: string, node: SourceNode, value: unknown, depth: number): PlanSymbol {
    const keyStart = node.keyStart ?? node.start;
    const keyEnd = node.keyEnd ?? keyStart;
    const symbol: PlanSymbol = {
      name: key === '' ? '""' : key,
      kind: 'property',
      start: keyStart,
      end: Math.max(keyEnd, contentEnd(text, node.start, node.end)),
      selectionStart: keyStart,
      selectionEnd: keyEnd,
      children: [],
    };
    const section = depth === 0 && SECTIONS.has(key);
    if (Array.isArray(value)) {
      symbol.kind = section ? 'module' : 'array';
      symbol.detail = count(value.length);
      if (!node.alias) symbol.children = items(key, node, value, depth);
    } else if (isRecord(value)) {
      symbol.kind = section ? 'module' : depth === 0 && key === 'period' ? 'namespace' : 'object';
      if (key === 'period' && depth === 0 && typeof value.start === 'string' && typeof value.end === 'string') symbol.detail = `${value.start} – ${value.end}`;
      if (!node.alias && depth < MAX_DEPTH) symbol.children = entries(node, value, depth + 1);
    } else {
      if (section) symbol.kind = 'module';
      symbol.detail = display(value);
    }
    return symbol;
  }

  /** The mappings of a list as items; `alignsWith` paths as files; other scalars are left out. */
  function items(key: string, node: SourceNode, value: unknown[], depth: number): PlanSymbol[] {
    const symbols: PlanSymbol[] = [];
    value.forEach((item, index) => {
      const itemNode = node.children?.get(index);
      if (!itemNode) return;
      const start = itemNode.start;
      const end = Math.max(start, contentEnd(text, start, itemNode.end));
      if (depth === 0 && key === 'alignsWith' && typeof item === 'string') {
        symbols.push({ name: item, kind: 'file', start, end, selectionStart: start, selectionEnd: end, children: [] });
        return;
      }
      if (!isRecord(item)) return;
      const nameKey = NAME_KEYS.find((candidate) => display(item[candidate]) !== undefined);
      const name = nameKey === undefined ? `#${index + 1}` : typeof item[nameKey] === 'number' ? String(item[nameKey]) : display(item[nameKey])!;
      const detailKey = DETAIL_KEYS.find((candidate) => candidate !== nameKey && display(item[candidate]) !== undefined);
      // The `id` value is what the editor selects; else the value that names the item.
      const selected = [itemNode.children?.get('id'), nameKey ? itemNode.children?.get(nameKey) : undefined].find(
        (candidate) => candidate && !candidate.children && candidate.end > candidate.start && candidate.start >= start && candidate.end <= end,
      );
      symbols.push({
        name,
        detail: detailKey ? display(item[detailKey], 40) : undefined,
        kind: depth > 0 ? 'struct' : (ITEM_KINDS[key] ?? 'object'),
        start,
        end,
        selectionStart: selected?.start ?? start,
        selectionEnd: selected?.end ?? start,
        children: [],
      });
    });
    return symbols;
  }

  const root = parsed.root;
  return root && isRecord(parsed.value) ? entries(root, parsed.value, 0) : [];
}
