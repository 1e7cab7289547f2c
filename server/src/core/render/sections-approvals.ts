import type { ApprovalStatus } from '../analysis/approvals';
import type { RenderContext } from './context';
import { text } from './html';
import { items, table } from './parts';

/** What the badge of the last approval says, by its state. */
const STATE_MESSAGE = {
  holds: 'render.approval.holds',
  stale: 'render.approval.stale',
  'no-revision': 'render.approval.unverified',
  unread: 'render.approval.unverified',
  unavailable: 'render.approval.unchecked',
} as const;

/**
 * Who approved which revision, and whether the last approval still holds: a badge on its row,
 * and the `plan/approval-stale` finding under it, which says what changed since.
 */
export function approvals(ctx: RenderContext): string {
  const rows = items(ctx, ['approvals'], (approval, path, index) => {
    // Read inside the row: a row is reused while what it read is the same, the approval's state included.
    const badge = approvalBadge(ctx, ctx.approval, index);
    const revision = typeof approval.revision === 'string' ? `<code>${text(approval.revision)}</code>` : '';
    return ctx.block('tr', path, 'approval', `<th scope="row">${ctx.value(approval.by)}</th><td>${ctx.value(approval.role)}</td><td>${text(ctx.date(approval.date))}</td><td>${revision}</td><td>${badge}</td>`, { columns: 5 });
  });
  return table(ctx, 'approval-table', [ctx.t('render.label.approvedBy'), ctx.t('render.label.role'), ctx.t('render.label.date'), ctx.t('render.label.revision'), ctx.t('render.label.approvalState')], rows);
}

function approvalBadge(ctx: RenderContext, status: ApprovalStatus | undefined, index: number): string {
  if (!status) return '';
  if (status.approval.index !== index) return `<span class="approval-badge approval-superseded">${text(ctx.t('render.approval.superseded'))}</span>`;
  const label = ctx.t(STATE_MESSAGE[status.state]);
  return `<span class="approval-badge approval-${status.state}">${text(label)}</span>`;
}
