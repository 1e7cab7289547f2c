import type { LineIndex } from '../base/text';

/** Which findings `# plan-disable-…` comments silence. */
export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

const DIRECTIVE = /^plan-disable-(next-line|line|file)\b(.*)$/;

export function collectSuppressions(comments: readonly { start: number; text: string }[], lines: LineIndex): Suppressions {
  const byLine = new Map<number, string[] | 'all'>();
  let file: string[] | 'all' = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const rules = parseRuleList(match[2]);
    if (match[1] === 'file') {
      file = merge(file, rules);
      continue;
    }
    const line = lines.lineOf(comment.start) + (match[1] === 'next-line' ? 1 : 0);
    byLine.set(line, merge(byLine.get(line) ?? [], rules));
  }
  return {
    isSuppressed(ruleId, line) {
      const onLine = byLine.get(line);
      return matches(file, ruleId) || (onLine !== undefined && matches(onLine, ruleId));
    },
  };
}

/** `smart/specific, kpi/*` → ids; nothing → every rule. Text after ` -- ` is a reason. */
function parseRuleList(text: string): string[] | 'all' {
  const ids = text.split(' -- ')[0].split(/[\s,]+/).filter(Boolean);
  return ids.length === 0 ? 'all' : ids;
}

function merge(a: string[] | 'all', b: string[] | 'all'): string[] | 'all' {
  return a === 'all' || b === 'all' ? 'all' : [...a, ...b];
}

function matches(rules: string[] | 'all', ruleId: string): boolean {
  if (rules === 'all') return true;
  // Asked for every finding of a plan: most plans disable nothing.
  if (rules.length === 0) return false;
  const family = `${ruleId.split('/')[0]}/*`;
  return rules.some((rule) => rule === ruleId || rule === family || rule === '*');
}
