import type { SourceNode } from './parse';
import type { JsonPath } from '../base/types';

/** What sits under the cursor in a parsed plan. */
export interface Located {
  /** Path of the deepest node whose key or value holds the offset. */
  path: JsonPath;
  /** Whether the offset is on that node's key, on its (scalar) value, or inside a collection. */
  on: 'key' | 'value' | 'inside';
  node: SourceNode | undefined;
}

/** The deepest key or value at an offset (the end of a word counts as inside it). */
export function locate(root: SourceNode | undefined, offset: number): Located {
  const path: (string | number)[] = [];
  let node = root;
  if (!node) return { path, on: 'inside', node };
  for (;;) {
    let next: [string | number, SourceNode] | undefined;
    for (const [segment, child] of node.children ?? []) {
      if (child.keyStart !== undefined && offset >= child.keyStart && offset <= (child.keyEnd ?? child.keyStart)) {
        return { path: [...path, segment], on: 'key', node: child };
      }
      if (offset >= child.start && offset <= child.end && child.end > child.start) {
        next = [segment, child];
        break;
      }
    }
    if (!next) return { path, on: node.children ? 'inside' : 'value', node };
    path.push(next[0]);
    node = next[1];
    if (!node.children) return { path, on: 'value', node };
  }
}
