/** Lists: comparisons item by item (paths, a rule's inputs, a part's pieces), and lists kept by key. */

/** Whether two lists hold the same items in the same order (`Object.is`: the same objects, not equal ones). */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (!Object.is(a[index], b[index])) return false;
  return true;
}

/** Whether `list` begins with the items of `prefix` (a path at or under another). */
export function beginsWith(list: readonly unknown[], prefix: readonly unknown[]): boolean {
  if (list.length < prefix.length) return false;
  for (let index = 0; index < prefix.length; index++) if (!Object.is(list[index], prefix[index])) return false;
  return true;
}

/** Adds a value to the list kept under `key`, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
