/**
 * Matching the items of two versions of a list: by a key (an `id`, a channel, a period...),
 * with maps, so that two lists of n items match in O(n); and recognising a renamed id.
 */
import { pushTo } from '../../base/lists';
import { isBlank, isRecord } from '../../model/model';

/** One item of a list with the key it is matched by. */
export interface KeyedItem {
  key: string;
  index: number;
  item: unknown;
}

export interface ListMatch {
  /** Items on both sides, in the newer list's order; `previousKey` when matched as a rename. */
  pairs: { before: KeyedItem; after: KeyedItem; previousKey?: string }[];
  added: KeyedItem[];
  removed: KeyedItem[];
}

/**
 * Keys the items of a list. An item without a key is keyed by its position (`#3`); a key met
 * again gets `#2`, `#3`... so that every item has a key of its own.
 */
export function keyItems(list: readonly unknown[], keyOf: (item: unknown) => string | undefined): KeyedItem[] {
  const seen = new Map<string, number>();
  return list.map((item, index) => {
    const base = keyOf(item) ?? `#${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: count === 1 ? base : `${base}#${count}`, index, item };
  });
}

export interface RenameOptions {
  /** The field that holds the key (`id`), left out when comparing the rest of two items. */
  keyField: string;
  /** The item's statement or name: two items with the same one are the same item renamed. */
  labelOf(item: unknown): string | undefined;
  /** Rewrites an older item's references to ids renamed so far, before it is compared. */
  translate?(item: unknown): unknown;
}

/** Above this many unmatched items on either side, renames are not looked for (they would be guesses anyway). */
const MAX_RENAME_CANDIDATES = 5_000;

/**
 * Matches two keyed lists. With `renames`, an older item and a newer one that are otherwise
 * identical (everything but the key), or else that have the same statement or name, are the
 * same item renamed; each such pairing must be unambiguous. Signatures go through maps: the
 * work is linear in the size of the unmatched items.
 */
export function matchLists(before: readonly KeyedItem[], after: readonly KeyedItem[], renames?: RenameOptions): ListMatch {
  const beforeByKey = new Map(before.map((entry) => [entry.key, entry]));
  const afterKeys = new Set(after.map((entry) => entry.key));
  const pairs: ListMatch['pairs'] = [];
  const added: KeyedItem[] = [];
  for (const entry of after) {
    const old = beforeByKey.get(entry.key);
    if (old) pairs.push({ before: old, after: entry });
    else added.push(entry);
  }
  let removed = before.filter((entry) => !afterKeys.has(entry.key));
  if (!renames || added.length === 0 || removed.length === 0 || added.length > MAX_RENAME_CANDIDATES || removed.length > MAX_RENAME_CANDIDATES) {
    return { pairs, added, removed };
  }

  const renamed = new Map<KeyedItem, KeyedItem>();
  const newOnes = new Set<KeyedItem>();
  const claim = (signature: (entry: KeyedItem, old: boolean) => string | undefined) => {
    const candidates = new Map<string, KeyedItem[]>();
    for (const entry of removed) {
      if (renamed.has(entry)) continue;
      const sig = signature(entry, true);
      if (sig !== undefined) pushTo(candidates, sig, entry);
    }
    const wanted = new Map<string, KeyedItem[]>();
    for (const entry of added) {
      if (newOnes.has(entry)) continue;
      const sig = signature(entry, false);
      if (sig !== undefined && candidates.has(sig)) pushTo(wanted, sig, entry);
    }
    for (const [sig, entries] of wanted) {
      const olds = candidates.get(sig)!;
      // Only a one-to-one pairing is a rename; two goals with the same statement are ambiguous.
      if (entries.length === 1 && olds.length === 1) {
        renamed.set(olds[0], entries[0]);
        newOnes.add(entries[0]);
      }
    }
  };
  const withoutKey = (entry: KeyedItem, old: boolean) => {
    const item = old && renames.translate ? renames.translate(entry.item) : entry.item;
    if (!isRecord(item)) return undefined;
    const rest: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(item)) if (name !== renames.keyField) setOwn(rest, name, value);
    return Object.keys(rest).length > 0 ? signatureOf(rest) : undefined;
  };
  claim(withoutKey);
  claim((entry) => {
    const label = renames.labelOf(entry.item);
    return label === undefined ? undefined : normalizeText(label).toLowerCase();
  });
  if (renamed.size === 0) return { pairs, added, removed };

  for (const [old, entry] of renamed) pairs.push({ before: old, after: entry, previousKey: old.key });
  const order = new Map(after.map((entry, index) => [entry, index]));
  pairs.sort((a, b) => order.get(a.after)! - order.get(b.after)!);
  removed = removed.filter((entry) => !renamed.has(entry));
  return { pairs, added: added.filter((entry) => !newOnes.has(entry)), removed };
}

/** Sets a key even when it is `__proto__`: plans are data, never prototypes. */
export function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Text as compared: runs of white space are one space, and the ends are trimmed. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A canonical form of a value: mapping keys sorted, texts normalised, lists of plain values
 * sorted (their order carries no meaning in a plan), empty values left out.
 */
export function signatureOf(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? '';
}

function canonical(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) {
    const items = value.filter((item) => !isBlank(item)).map(canonical);
    return items.every((item) => typeof item !== 'object' || item === null) ? items.map((item) => JSON.stringify(item)).sort() : items;
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(value).sort()) {
      if (!isBlank(value[name])) setOwn(out, name, canonical(value[name]));
    }
    return out;
  }
  return value;
}
