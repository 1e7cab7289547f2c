import { LineIndex } from '../base/text';

/**
 * Where the cursor is in the plan's structure, read from the text itself rather than from the
 * parse, so that it works on a plan that does not parse yet (the usual state while typing).
 */
export type CursorContext =
  | { kind: 'key'; path: (string | number)[]; column: number; dash: boolean; start: number; end: number; keyOnly: boolean }
  | { kind: 'value'; path: (string | number)[]; key: string; start: number; end: number; flow: boolean; needsSpace: boolean }
  | { kind: 'none' };

const KEY_LINE = /^([A-Za-z_$][\w$-]*|"[^"]*"|'[^']*')\s*:(?:\s|$)/;
const BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*(?:#.*)?$/;

interface Line {
  indent: number;
  /** Column where the content starts, after any `- ` markers. */
  content: number;
  dash: boolean;
  rest: string;
}

function readLine(text: string): Line | undefined {
  if (text.trim() === '' || /^\s*#/.test(text)) return undefined;
  // `s`: a line may hold U+2028 or U+2029, which `.` alone does not match.
  const match = /^([ ]*)((?:-[ ]+|-$)*)(.*)$/s.exec(text)!;
  return { indent: match[1].length, content: match[1].length + match[2].length, dash: match[2] !== '', rest: match[3] };
}

function keyOf(rest: string): string | undefined {
  const match = KEY_LINE.exec(rest);
  if (!match) return undefined;
  const key = match[1];
  return key.startsWith('"') || key.startsWith("'") ? key.slice(1, -1) : key;
}

/**
 * The path of the collection that holds a key written at `column` on line `lineNumber`:
 * the keys and list indexes of the lines above that enclose it.
 */
export function enclosingPath(lines: string[], lineNumber: number, column: number): { path: (string | number)[]; inBlockScalar: boolean } {
  const path: (string | number)[] = [];
  let threshold = column;
  let pendingItem: { line: number; indent: number } | undefined;
  let first = true;
  const resolveItem = (parentLine: number) => {
    if (!pendingItem) return;
    let index = -1;
    for (let l = parentLine + 1; l <= pendingItem.line; l++) {
      const line = readLine(lines[l]);
      if (line && line.indent === pendingItem.indent && line.dash) index++;
    }
    path.unshift(Math.max(0, index));
    pendingItem = undefined;
  };
  for (let l = lineNumber - 1; l >= 0 && threshold > 0; l--) {
    const line = readLine(lines[l]);
    if (!line || line.indent >= threshold) continue;
    if (line.dash) {
      resolveItem(l);
      pendingItem = { line: l, indent: line.indent };
      threshold = line.indent;
      first = false;
      continue;
    }
    const key = keyOf(line.rest);
    if (key === undefined) continue;
    if (first && BLOCK_SCALAR.test(line.rest)) return { path, inBlockScalar: true };
    first = false;
    resolveItem(l);
    path.unshift(key);
    threshold = line.indent;
  }
  resolveItem(-1);
  return { path, inBlockScalar: false };
}

/**
 * Keys already written in the mapping whose keys start at `column`, around line `lineNumber`.
 * When that line opens a new list item, the keys above belong to the previous item.
 */
export function siblingKeys(lines: string[], lineNumber: number, column: number, opensItem: boolean): Set<string> {
  const keys = new Set<string>();
  const add = (line: Line) => {
    const key = keyOf(line.rest);
    if (key) keys.add(key);
  };
  for (let l = lineNumber - 1; l >= 0 && !opensItem; l--) {
    const line = readLine(lines[l]);
    if (!line) continue;
    if (line.dash && line.indent < column && line.content === column) {
      add(line); // the line that opens this item
      break;
    }
    if (line.content < column || (line.dash && line.indent < column)) break;
    if (line.indent === column && !line.dash) add(line);
  }
  for (let l = lineNumber + 1; l < lines.length; l++) {
    const line = readLine(lines[l]);
    if (!line) continue;
    if (line.content < column || (line.dash && line.indent < column)) break;
    if (line.indent === column && !line.dash) add(line);
  }
  return keys;
}

export function cursorContext(text: string, offset: number): CursorContext {
  const index = new LineIndex(text);
  const lineNumber = index.lineOf(offset);
  const lineStart = index.lineStart(lineNumber);
  const lineEndOffset = (() => {
    const newline = text.indexOf('\n', lineStart);
    return newline === -1 ? text.length : newline;
  })();
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEndOffset).replace(/\r$/, '');
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, '""'))) return { kind: 'none' };
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const wordAfter = /^[\w.-]*/.exec(after)![0];

  const value = /^([ ]*)((?:-[ ]+)*)([A-Za-z_$][\w$-]*)\s*:(\s*)(.*)$/.exec(before);
  if (value) {
    const [, indent, dashes, key, space, typed] = value;
    const { path, inBlockScalar } = enclosingPath(lines, lineNumber, dashes ? indent.length : indent.length + dashes.length);
    if (inBlockScalar) return { kind: 'none' };
    if (dashes) path.push(itemIndex(lines, lineNumber, indent.length));
    const flow = /^\[([^\]]*)$/.exec(typed);
    if (flow) {
      const partial = /[^,\s]*$/.exec(flow[1])![0];
      const items = flow[1].split(',').length - 1;
      return { kind: 'value', path: [...path, key, items], key, start: offset - partial.length, end: offset + wordAfter.length, flow: true, needsSpace: false };
    }
    if (/^[|>]/.test(typed) || /^["'].*["']\s*$/.test(typed)) return { kind: 'none' };
    const partial = typed.replace(/^["']/, '');
    return { kind: 'value', path: [...path, key], key, start: offset - partial.length, end: offset + wordAfter.length, flow: false, needsSpace: space === '' };
  }

  const keyLine = /^([ ]*)((?:-[ ]+)*)([\w-]*)$/.exec(before);
  if (!keyLine) return { kind: 'none' };
  const [, indent, dashes, partial] = keyLine;
  const column = indent.length + dashes.length;
  const { path, inBlockScalar } = enclosingPath(lines, lineNumber, dashes ? indent.length : column);
  if (inBlockScalar) return { kind: 'none' };
  return {
    kind: 'key',
    path,
    column,
    dash: dashes !== '',
    start: offset - partial.length,
    end: offset + wordAfter.length,
    keyOnly: /^[\w-]*\s*:/.test(after),
  };
}

/** The index of the list item that starts on `lineNumber` at `indent`, among its siblings above. */
function itemIndex(lines: string[], lineNumber: number, indent: number): number {
  let index = 0;
  for (let l = lineNumber - 1; l >= 0; l--) {
    const line = readLine(lines[l]);
    if (!line) continue;
    if (line.indent < indent || (line.indent === indent && !line.dash)) break;
    if (line.indent === indent && line.dash) index++;
  }
  return index;
}
