/**
 * A diff indexed by where its changes are in the newer plan, for the editor's compare mode: the
 * preview marks each changed value, added item and removed item in place, and a hover on a
 * changed value shows its previous one.
 *
 * A field's path in the newer plan is its item's `path` followed by its `field` (the header's
 * fields are at the top level; a mapping section's under the section's key). Removed items are
 * kept by the path of the list they were in, with their index in the older plan.
 */
import { formatMessage } from '../../base/messages';
import type { Locale } from '../../base/types';
import { locate } from '../../parse/locate';
import type { SourceNode } from '../../parse/parse';
import { changeText, formatValue } from './format';
import type { FieldChange, ItemChange, PlanDiff } from '../../analysis/diff/types';

type Path = readonly (string | number)[];

/** A path as a map key. */
export function pathKey(path: Path): string {
  return JSON.stringify(path);
}

export interface DiffIndex {
  /** Changed, added or removed values, by their path in the newer plan. */
  fields: ReadonlyMap<string, FieldChange>;
  /** Items (and whole sections) added, changed or renamed, by their path in the newer plan. */
  items: ReadonlyMap<string, ItemChange>;
  /** Items removed, by the path of their list (`["goals"]`, `["budget", "allocations"]`), in their older order. */
  removed: ReadonlyMap<string, readonly ItemChange[]>;
}

export function indexDiff(diff: PlanDiff): DiffIndex {
  const fields = new Map<string, FieldChange>();
  const items = new Map<string, ItemChange>();
  const removed = new Map<string, ItemChange[]>();
  for (const change of diff.changes) {
    const whole = change.key === undefined;
    if (change.kind === 'removed') {
      // A whole section removed has no place left to be shown in.
      if (whole) continue;
      const list = pathKey(change.path.slice(0, -1));
      removed.set(list, [...(removed.get(list) ?? []), change]);
      continue;
    }
    if (change.kind !== 'changed' || !whole) items.set(pathKey(change.path), change);
    if (change.kind === 'renamed' && change.previousKey !== undefined) {
      fields.set(pathKey([...change.path, 'id']), { field: ['id'], kind: 'changed', type: 'text', before: change.previousKey, after: change.key });
    }
    for (const field of change.fields) fields.set(pathKey([...change.path, ...field.field]), field);
  }
  for (const list of removed.values()) list.sort((a, b) => Number(a.path.at(-1)) - Number(b.path.at(-1)));
  return { fields, items, removed };
}

/**
 * What a hover on a value (or its key) says in compare mode, as Markdown with its range: the
 * previous value and the change (`**Before** (HEAD): 4,100,000 · +400,000 (+9.8 %)`), or that
 * the value or its item was added; undefined where nothing changed.
 */
export function previousValueHover(root: SourceNode | undefined, offset: number, index: DiffIndex, locale: Locale, base: string, currency: string | undefined): { contents: string; start: number; end: number } | undefined {
  const at = locate(root, offset);
  if (!at.node || at.on === 'inside' || at.path.length === 0) return undefined;
  const contents = previousValue(index, at.path, locale, base, currency);
  if (!contents) return undefined;
  return at.on === 'key' ? { contents, start: at.node.keyStart!, end: at.node.keyEnd! } : { contents, start: at.node.start, end: at.node.end };
}

function previousValue(index: DiffIndex, path: Path, locale: Locale, base: string, currency: string | undefined): string | undefined {
  const field = index.fields.get(pathKey(path));
  const shownBase = markdownText(base);
  if (field) {
    if (field.kind === 'added') return formatMessage(locale, 'diff.hover.added', { base: shownBase });
    const before = markdownText(formatValue(locale, field.before, field.unit, currency));
    const change = markdownText(changeText(locale, field, currency));
    return formatMessage(locale, 'diff.hover.before', { base: shownBase, value: before, change });
  }
  // A value inside an added item (or section) was added with it.
  for (let length = path.length; length > 0; length--) {
    if (index.items.get(pathKey(path.slice(0, length)))?.kind === 'added') return formatMessage(locale, 'diff.hover.added', { base: shownBase });
  }
  return undefined;
}

/** Text from a plan, inert in Markdown. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&]/g, (char) => `\\${char}`);
}
