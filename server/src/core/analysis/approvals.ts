/**
 * Whether a plan's last approval still holds: the plan at the revision the approval names,
 * compared with the plan now (the semantic diff), keeping what an approver signs off on:
 * targets, baselines, deadlines, the plan's period, budgets, and goals or KPIs added or removed.
 */
import { asArray, asRecord, asString, parseDate } from '../model/model';
import { nodeAt, parsePlan, type ParsedPlan } from '../parse/parse';
import type { RevisionRead } from '../base/files';
import { diffPlans } from './diff/diff';
import type { BudgetChange, ItemChange } from './diff/types';

/** One entry of `approvals`, as written. */
export interface Approval {
  /** Its position in `approvals`. */
  index: number;
  by?: string;
  role?: string;
  date?: string;
  revision?: string;
}

/**
 * The last approval and what became of it:
 * - `holds`: nothing approved has changed since its revision;
 * - `stale`: targets, budgets or deadlines changed (`changes`, `budget`);
 * - `no-revision`: it names no revision to compare with;
 * - `unread`: the plan at that revision could not be read (`problem` says why);
 * - `unavailable`: this host cannot read revisions (the browser, an untrusted workspace).
 */
export interface ApprovalStatus {
  approval: Approval;
  /** The plan's file name, for the git commands a message suggests. */
  file?: string;
  state: 'holds' | 'stale' | 'no-revision' | 'unread' | 'unavailable';
  /** For `unread`: why. */
  problem?: Exclude<RevisionRead, { text: string }>;
  /** The commit the revision names, when it was found. */
  commit?: string;
  changes: ItemChange[];
  budget?: BudgetChange;
}

/** Fields of items whose change makes an approval stale (a sales role's quota is a target too). */
const APPROVED_FIELDS = new Set(['target', 'baseline', 'deadline', 'quota']);
/** Sections whose items, added or removed, change what was approved. */
const APPROVED_ITEMS = new Set(['goals', 'kpis']);

/**
 * The entries of `approvals` with their position; anything that is not a mapping is left to the
 * schema. A commit id of digits (`1234567`, `12e4567`) reads as a number in YAML: the revision
 * is taken as written in the text, not as the number it reads as.
 */
export function approvalsOf(parsed: Pick<ParsedPlan, 'text' | 'root' | 'value'>): Approval[] {
  return asArray(asRecord(parsed.value)?.approvals).flatMap((entry, index) => {
    const record = asRecord(entry);
    if (!record) return [];
    const text = (value: unknown) => asString(value) ?? (typeof value === 'number' ? String(value) : undefined);
    const node = typeof record.revision === 'number' ? nodeAt(parsed.root, ['approvals', index, 'revision']) : undefined;
    const revision = node && !node.children ? parsed.text.slice(node.start, node.end) : text(record.revision);
    return [{ index, by: text(record.by), role: text(record.role), date: text(record.date), revision: revision?.trim() || undefined }];
  });
}

/** The approval that counts: the latest by date (written order breaks ties; undated ones count by position). */
export function lastApproval(approvals: readonly Approval[]): Approval | undefined {
  let last: Approval | undefined;
  let lastDay = -Infinity;
  for (const approval of approvals) {
    const day = parseDate(approval.date) ?? -Infinity;
    if (!last || day >= lastDay) {
      last = approval;
      lastDay = Math.max(lastDay, day);
    }
  }
  return last;
}

/**
 * The status of the last approval (`lastApproval`), given the plan's data now and its text at
 * the approval's revision (`read`, undefined when the host cannot read revisions).
 */
export function approvalStatus(found: Approval | undefined, data: Record<string, unknown>, read: RevisionRead | undefined, file?: string): ApprovalStatus | undefined {
  if (!found) return undefined;
  const approval = { approval: found, ...(file !== undefined ? { file } : {}) };
  if (!found.revision) return { ...approval, state: 'no-revision', changes: [] };
  if (!read) return { ...approval, state: 'unavailable', changes: [] };
  if (!('text' in read)) return { ...approval, state: 'unread', problem: read, commit: read.commit, changes: [] };
  const diff = diffPlans(parsePlan(read.text).value ?? {}, data);
  const changes = diff.changes.flatMap((change): ItemChange[] => {
    if (change.kind === 'added' || change.kind === 'removed') return APPROVED_ITEMS.has(change.section) && change.key !== undefined ? [change] : [];
    const approved = (name: string) => (change.section === 'header' ? name === 'period' : APPROVED_FIELDS.has(name));
    const fields = change.fields.filter((field) => approved(field.field[0]));
    // A budget's total and allocations are said once, by `budget`.
    if (change.section === 'budget') return [];
    return fields.length > 0 ? [{ ...change, fields }] : [];
  });
  const budget = diff.budget && (diff.budget.delta !== undefined || diff.budget.moves.length > 0 || diff.budget.allocatedBefore !== diff.budget.allocatedAfter) ? diff.budget : undefined;
  const stale = changes.length > 0 || budget !== undefined;
  return { ...approval, state: stale ? 'stale' : 'holds', commit: read.commit, changes, ...(budget ? { budget } : {}) };
}
