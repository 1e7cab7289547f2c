import { nodeAt, type SourceNode } from './parse';
import type { Anchor } from '../base/types';
import type { JsonPath } from '../base/types';

/**
 * Offsets of what a finding points at. The spec's order: the offending key or value,
 * else the `id` of the item at fault, else the section's key; never the whole document.
 */
export function anchorRange(text: string, root: SourceNode | undefined, path: JsonPath, anchor: Anchor = 'value'): [number, number] {
  if (!root || path.length === 0) return documentAnchor(text, root);
  const node = nodeAt(root, path);
  if (!node) return missingAnchor(text, root, path);
  if (anchor === 'item') return itemAnchor(node);
  if (anchor === 'key' && node.keyStart !== undefined) return [node.keyStart, node.keyEnd ?? node.keyStart];
  if (anchor === 'key' || node.children || node.end <= node.start) {
    // A collection spans many lines and an empty value has no width: point at its key instead.
    if (node.keyStart !== undefined) return [node.keyStart, node.keyEnd ?? node.keyStart];
    if (node.children) return itemAnchor(node);
  }
  return [node.start, Math.max(node.end, node.start + 1)];
}

/** The plan as a whole: its `kind` entry (it names the template), else its first key. */
export function documentAnchor(text: string, root: SourceNode | undefined): [number, number] {
  const kind = root?.children?.get('kind');
  if (kind?.keyStart !== undefined) return [kind.keyStart, Math.max(kind.end, kind.keyEnd ?? kind.keyStart)];
  const first = root?.keys?.[0];
  if (first) return [first.start, first.end];
  const firstLine = text.search(/\S/);
  if (firstLine === -1) return [0, 0];
  const lineEnd = text.indexOf('\n', firstLine);
  return [firstLine, lineEnd === -1 ? text.length : lineEnd];
}

function itemAnchor(node: SourceNode): [number, number] {
  const id = node.children?.get('id');
  if (id && id.end > id.start) return [id.start, id.end];
  const first = node.keys?.[0];
  if (first) return [first.start, first.end];
  return [node.start, Math.max(node.start + 1, Math.min(node.end, node.start + 1))];
}

function missingAnchor(text: string, root: SourceNode, path: JsonPath): [number, number] {
  for (let length = path.length - 1; length > 0; length--) {
    const ancestor = nodeAt(root, path.slice(0, length));
    if (!ancestor) continue;
    if (typeof path[length - 1] === 'number') return itemAnchor(ancestor);
    if (ancestor.keyStart !== undefined) return [ancestor.keyStart, ancestor.keyEnd ?? ancestor.keyStart];
  }
  return documentAnchor(text, root);
}
