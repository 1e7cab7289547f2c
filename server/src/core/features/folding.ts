import type { ParsedPlan, SourceNode } from '../parse/parse';
import { contentEnd, LineIndex } from '../base/text';

/** A foldable range of lines (zero-based, inclusive): the first line stays visible. */
export interface PlanFold {
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

/**
 * Folding ranges of a plan: every mapping, list, list item or block scalar over more than one
 * line (from its key's line, so that the lines below the key fold), and every run of two or
 * more whole-line comments. Lines are counted on `\n`, so CRLF text folds the same.
 */
export function foldingRanges(parsed: ParsedPlan): PlanFold[] {
  const { text, root } = parsed;
  const lines = new LineIndex(text);
  /** Per first line, the furthest last line: a list item and its first key start on the same line. */
  const ends = new Map<number, number>();
  /** Multi-line scalars: a `#` inside one (a markdown heading) is text, not a comment. */
  const scalars: [number, number][] = [];

  const visit = (node: SourceNode) => {
    const end = contentEnd(text, node.start, node.end);
    if (end > node.start) {
      const first = lines.lineOf(node.keyStart ?? node.start);
      const last = lines.lineOf(end - 1);
      if (last > first && last > (ends.get(first) ?? -1)) ends.set(first, last);
      if (!node.children && last > lines.lineOf(node.start)) scalars.push([node.start, end]);
    }
    // An alias's children are the anchored node's, folded where they are written.
    if (!node.alias) node.children?.forEach(visit);
  };
  // The document itself is not folded, only what is in it.
  root?.children?.forEach(visit);

  const folds: PlanFold[] = [...ends].map(([startLine, endLine]) => ({ startLine, endLine }));
  let run: PlanFold | undefined;
  const flush = () => {
    if (run && run.endLine > run.startLine) folds.push(run);
  };
  for (const comment of parsed.comments) {
    const line = lines.lineOf(comment.start);
    const wholeLine = text.slice(lines.lineStart(line), comment.start).trim() === '';
    if (!wholeLine || scalars.some(([start, end]) => comment.start > start && comment.start < end)) continue;
    if (run && line === run.endLine + 1) run.endLine = line;
    else {
      flush();
      run = { startLine: line, endLine: line, kind: 'comment' };
    }
  }
  flush();
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
