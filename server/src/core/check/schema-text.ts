/**
 * The schema's problems read against the text, so that one mistake makes one finding that says
 * how to fix it: a comma inside `{ }` that split a text into an "unknown key", several required
 * keys missing from one item, and the same mistake on every item of a list.
 */
import { nodeAt, type ParsedPlan, type SourceNode } from '../parse/parse';
import { asArray, type PlanModel } from '../model/model';
import { inlineYaml } from '../rules/fixes';
import type { Fix, JsonPath } from '../base/types';
import type { SchemaProblem } from './schema';

export function refineSchemaProblems(problems: SchemaProblem[], parsed: ParsedPlan, model: PlanModel): SchemaProblem[] {
  if (problems.length === 0) return problems;
  return groupListItems(mergeRequired(splitTexts(problems, parsed)), parsed, model);
}

// ---------------------------------------------------------------------------------------------
// `{ message: Fewer no-shows, more booked hours }`: the comma ended the text

/**
 * Inside `{ }` a comma separates fields, so a text with a comma in it becomes a field and a key
 * with no value ("more booked hours"). That key is not unknown: the text wants quotes.
 */
function splitTexts(problems: SchemaProblem[], parsed: ParsedPlan): SchemaProblem[] {
  const { text, root } = parsed;
  return problems.flatMap((problem): SchemaProblem[] => {
    if (problem.ruleId !== 'schema/unknown-key') return [problem];
    const parentPath = problem.path.slice(0, -1);
    const parent = nodeAt(root, parentPath);
    if (!parent?.keys || text[parent.start] !== '{') return [problem];
    const position = parent.keys.findIndex((entry) => entry.key === problem.path[problem.path.length - 1]);
    const run = textRun(parent, position, text);
    if (!run) return [problem];
    // The keys after the first of a run are part of the same text: the first one's finding says it all.
    if (run.first !== position) return [];
    const previous = parent.keys[run.first - 1];
    const value = parent.children!.get(previous.key)!;
    const last = parent.keys[run.last];
    const whole = text.slice(value.start, last.end);
    const quoted = `"${whole.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    const fix: Fix = { messageId: 'fix.quoteText', params: { key: previous.key }, edits: [{ start: value.start, end: last.end, newText: quoted }], safe: true, preferred: true };
    return [{ ...problem, messageId: 'schema.unknownKey.comma', params: { key: String(problem.path[problem.path.length - 1]), previous: previous.key, value: whole }, textParams: undefined, replacement: undefined, fixes: [fix] }];
  });
}

/**
 * The keys around `position` that are pieces of the text before them: each with no value and no
 * colon, after a comma, following a plain (unquoted) text value. Undefined when `position` is not one.
 */
function textRun(parent: SourceNode, position: number, text: string): { first: number; last: number } | undefined {
  const keys = parent.keys!;
  const isPiece = (index: number): boolean => {
    if (index <= 0 || index >= keys.length) return false;
    const entry = keys[index];
    const child = parent.children?.get(entry.key);
    if (!child || child.end !== child.start || child.end !== entry.end) return false;
    if (!/^\s*[,}]/.test(text.slice(entry.end))) return false;
    const before = keys[index - 1];
    const previous = parent.children?.get(before.key);
    if (!previous || !/^\s*,\s*$/.test(text.slice(previous.end, entry.start))) return false;
    return true;
  };
  if (!isPiece(position)) return undefined;
  let first = position;
  while (isPiece(first - 1)) first--;
  // The text the pieces belong to: a plain value, not quoted, not a list or a group.
  const owner = parent.children?.get(keys[first - 1].key);
  if (!owner || owner.children || owner.end <= owner.start || /^["'[{|>&*!]/.test(text[owner.start])) return undefined;
  let last = position;
  while (isPiece(last + 1)) last++;
  return { first, last };
}

// ---------------------------------------------------------------------------------------------
// One item, several required keys missing

function mergeRequired(problems: SchemaProblem[]): SchemaProblem[] {
  const byPath = new Map<string, SchemaProblem[]>();
  for (const problem of problems) {
    if (problem.ruleId !== 'schema/required' || problem.messageId !== 'schema.required') continue;
    const key = JSON.stringify(problem.path);
    byPath.set(key, [...(byPath.get(key) ?? []), problem]);
  }
  return problems.flatMap((problem) => {
    const alike = byPath.get(JSON.stringify(problem.path));
    if (!alike || alike.length < 2 || problem.messageId !== 'schema.required') return [problem];
    if (alike[0] !== problem) return [];
    return [{ ...problem, messageId: 'schema.required.several', params: {}, lists: { keys: alike.map((each) => `\`${String(each.params.key)}\``) }, textParams: { container: problem.textParams!.container } }];
  });
}

// ---------------------------------------------------------------------------------------------
// The same mistake on several items of a list

/** The list a problem's item belongs to, when the problem is about an item as a whole. */
function itemOf(problem: SchemaProblem): { list: JsonPath; index: number } | undefined {
  const last = problem.path[problem.path.length - 1];
  if (typeof last !== 'number' || problem.ruleId === 'schema/unknown-key') return undefined;
  return { list: problem.path.slice(0, -1), index: last };
}

/** What two problems on two items share when they are the same mistake. */
function signature(problem: SchemaProblem, list: JsonPath): string {
  const { key: _key, ...params } = problem.params;
  return JSON.stringify([problem.ruleId, problem.messageId, list, params, problem.expectedTypes ?? [], problem.lists ?? {}, problem.ruleId === 'schema/required' ? problem.params.key : '']);
}

function groupListItems(problems: SchemaProblem[], parsed: ParsedPlan, model: PlanModel): SchemaProblem[] {
  const groups = new Map<string, SchemaProblem[]>();
  for (const problem of problems) {
    const item = itemOf(problem);
    if (!item) continue;
    const key = signature(problem, item.list);
    groups.set(key, [...(groups.get(key) ?? []), problem]);
  }
  // One finding per rule on a list's key: of several kinds of mistake of one rule, the most frequent is grouped, the others stay on their items.
  const chosen = new Map<string, SchemaProblem[]>();
  for (const alike of groups.values()) {
    if (alike.length < 2) continue;
    const key = JSON.stringify([alike[0].ruleId, itemOf(alike[0])!.list]);
    if ((chosen.get(key)?.length ?? 0) < alike.length) chosen.set(key, alike);
  }
  const grouped = new Set([...chosen.values()]);
  return problems.flatMap((problem): SchemaProblem[] => {
    const item = itemOf(problem);
    const alike = item && groups.get(signature(problem, item.list));
    if (!item || !alike || !grouped.has(alike)) return [problem];
    if (alike[0] !== problem) return [];
    const listLength = asArray(valueAt(model.data, item.list)).length;
    const list = String(item.list[item.list.length - 1] ?? '');
    const names = namesFix(alike, parsed);
    if (names) {
      return [{ ruleId: 'schema/type', path: item.list, anchor: 'key', messageId: 'schema.type.itemsAsNames', params: { list, field: names.field, example: names.example, first: names.first }, fixes: [names.fix] }];
    }
    return [{
      ruleId: problem.ruleId,
      path: item.list,
      anchor: 'key',
      messageId: alike.length === listLength ? 'schema.sameInAllItems' : 'schema.sameInItems',
      params: { list, count: alike.length },
      detail: problem,
    }];
  });
}

/**
 * Items written as plain text where each should be a group with a name (`competitors: [a, b]`):
 * each becomes `{ name: a }`, in the list's own style.
 */
function namesFix(alike: SchemaProblem[], parsed: ParsedPlan): { fix: Fix; field: string; example: string; first: string } | undefined {
  const field = alike[0].params.field;
  if (alike[0].messageId !== 'schema.type.object' || typeof field !== 'string' || !alike.every((problem) => typeof problem.actual === 'string')) return undefined;
  const edits = alike.map((problem) => {
    const node = nodeAt(parsed.root, problem.path);
    return node && !node.children && !node.alias && node.end > node.start ? { start: node.start, end: node.end, newText: inlineYaml({ [field]: problem.actual as string }) } : undefined;
  });
  if (edits.some((edit) => edit === undefined)) return undefined;
  return {
    field,
    first: String(alike[0].actual),
    example: edits[0]!.newText,
    fix: { messageId: 'fix.itemsAsNames', params: { field }, edits: edits as Fix['edits'], safe: true, preferred: true },
  };
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}
