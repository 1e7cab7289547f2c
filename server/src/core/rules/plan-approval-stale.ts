import type { DiffValue, ItemChange } from '../analysis/diff/types';
import type { MessageId } from '../base/messages';
import type { Rule, RuleContext } from './rule';

/** Changes named in the message; the rest are counted. */
const MAX_NAMED = 3;

export const planApprovalStale: Rule = {
  id: 'plan/approval-stale',
  description: 'Targets, budgets or deadlines changed after the last approval.',
  defaultSeverity: 'information',
  docs: `A plan's \`approvals\` record who approved which revision of it (a git commit). When the plan's targets, baselines, deadlines, period, quotas or budget change after the last approval, or goals and KPIs are added or removed, that approval no longer covers the plan: the rule says what changed since (the plan at the approved revision compared with the plan now, by meaning, as \`plan-as-code diff\` does). Wording, owners and comments can change freely.

The last approval is the one with the latest \`date\`. It is checked where git can be read (the editor on a trusted workspace, the CLI); the rule also says when the revision cannot be found (a wrong commit id, a plan moved since, a shallow clone). Plans with \`status: draft\` are still being written: their approvals are not judged.

\`\`\`yaml
status: approved
approvals:
  - by: Ana Pop
    role: CMO
    date: 2026-02-20
    revision: 3f9c2a1   # git log -1 --format=%h -- marketing.plan.yaml
\`\`\`

To fix a finding, ask for the approval again and add it with the commit that holds the changes.`,
  check(context) {
    const status = context.approval;
    if (!status || context.plan.data.status === 'draft') return;
    const { approval } = status;
    const file = status.file ?? 'PLAN_FILE';
    const by = approval.by ?? context.t('approval.unknownApprover');
    const path = ['approvals', approval.index];
    const base = { by, date: approval.date ?? '?', revision: approval.revision ?? '', file };
    switch (status.state) {
      case 'holds':
      case 'unavailable':
        return;
      case 'no-revision':
        context.report({ path, anchor: 'item', messageId: 'plan/approval-stale.noRevision', params: base });
        return;
      case 'unread': {
        const problem = status.problem!;
        const messageId: MessageId =
          problem.problem === 'unknown-revision' ? (problem.shallow ? 'plan/approval-stale.unknownRevisionShallow' : 'plan/approval-stale.unknownRevision')
          : problem.problem === 'absent' ? 'plan/approval-stale.absent'
          : problem.problem === 'no-repository' ? 'plan/approval-stale.notGit'
          : 'plan/approval-stale.unread';
        context.report({ path: [...path, 'revision'], messageId, params: { ...base, detail: problem.detail ?? problem.problem } });
        return;
      }
      case 'stale': {
        const said = [...status.changes.flatMap((change) => describeChange(context, change)), ...describeBudget(context, status)];
        const named = context.list(said.slice(0, MAX_NAMED));
        const changes = said.length > MAX_NAMED ? context.t('plan/approval-stale.more', { changes: named, count: said.length - MAX_NAMED }) : named;
        context.report({ path, anchor: 'item', messageId: 'plan/approval-stale', params: { ...base, changes } });
      }
    }
  },
};

function itemName(context: RuleContext, change: ItemChange): string {
  const key = change.key ?? '';
  if (change.section === 'goals') return context.t('approval.item.goals', { key });
  if (change.section === 'kpis') return context.t('approval.item.kpis', { key });
  if (change.section === 'team') return context.t('approval.item.team', { key });
  return context.t('approval.item.other', { key, section: change.section });
}

function shown(value: DiffValue | undefined): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  return JSON.stringify(value ?? null);
}

function describeChange(context: RuleContext, change: ItemChange): string[] {
  if (change.kind === 'added') return [context.t('approval.change.added', { item: itemName(context, change) })];
  if (change.kind === 'removed') return [context.t('approval.change.removed', { item: itemName(context, change) })];
  if (change.section === 'header') {
    const [before, after] = [periodText(change, 'before'), periodText(change, 'after')];
    return [context.t('approval.change.period', { before, after })];
  }
  return change.fields.map((field) => {
    const params = { item: itemName(context, change), field: context.t(fieldMessage(field.field[0])), before: shown(field.before), after: shown(field.after) };
    if (field.kind === 'added') return context.t('approval.change.set', params);
    if (field.kind === 'removed') return context.t('approval.change.cleared', params);
    return context.t('approval.change.field', params);
  });
}

function fieldMessage(field: string): MessageId {
  switch (field) {
    case 'baseline':
      return 'approval.field.baseline';
    case 'deadline':
      return 'approval.field.deadline';
    case 'quota':
      return 'approval.field.quota';
    default:
      return 'approval.field.target';
  }
}

/** The plan's period on one side of a header change, as `start – end`. */
function periodText(change: ItemChange, side: 'before' | 'after'): string {
  const fields = change.fields.filter((field) => field.field[0] === 'period');
  const part = (name: string) => {
    const field = fields.find((candidate) => candidate.field[1] === name);
    return field ? shown(field[side]) : undefined;
  };
  const whole = fields.find((field) => field.field.length === 1);
  if (whole) return String(shown(whole[side]));
  return [part('start'), part('end')].filter((value) => value !== undefined).join(' – ');
}

function describeBudget(context: RuleContext, status: NonNullable<RuleContext['approval']>): string[] {
  const budget = status.budget;
  if (!budget) return [];
  const money = (value: number | undefined) => (value === undefined ? '?' : context.t(budget.currency ? 'approval.money' : 'approval.number', { amount: value, currency: budget.currency ?? '' }));
  if (budget.delta !== undefined && budget.delta !== 0) return [context.t('approval.change.budget', { before: money(budget.before), after: money(budget.after) })];
  return budget.moves.map((move) => context.t('approval.change.budgetMoved', { amount: money(move.amount), from: move.from, to: move.to }));
}
