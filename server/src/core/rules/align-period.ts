import { asRecord } from '../model/model';
import type { MessageId } from '../base/messages';
import type { PlanLink } from '../model/links';
import type { Rule } from './rule';

const BY_STATUS: Record<Exclude<PlanLink['status'], 'ok'>, MessageId> = {
  outside: 'align/period.outside',
  missing: 'align/period.missing',
  'not-a-plan': 'align/period.notAPlan',
  'not-a-file': 'align/period.notAFile',
  'too-large': 'align/period.tooLarge',
  unreadable: 'align/period.unreadable',
};

export const alignPeriod: Rule = {
  id: 'align/period',
  description: 'A plan named by `alignsWith` is missing, is not a plan, or covers another period.',
  defaultSeverity: 'warning',
  docs: `A sales plan and its marketing plan name each other in \`alignsWith\`, so that each is checked against the other: references may name the other plan's ids, and the two must cover the same time. The rule warns when
- a path in \`alignsWith\` cannot be read, or names a file that is not a plan (no \`kind: marketing\` or \`kind: sales\`);
- a path leads outside the workspace (in the CLI, the folder it runs in; for a plan outside it, the plan's own folder), directly or through a symbolic link: such files are never read;
- a path names something that is not a regular file (a folder, a device such as \`/dev/zero\`, a pipe or a socket, directly or through a link), or a file larger than \`maxFileSize\` (in bytes, known before reading): such files are never read either;
- the two plans' periods do not overlap.

\`\`\`yaml
# sales.plan.yaml
alignsWith: [marketing.plan.yaml]
period: { start: 2026-01-01, end: 2026-12-31 }
\`\`\``,
  check(context) {
    const period = context.plan.period;
    const own = asRecord(context.plan.data.period);
    for (const link of context.links) {
      if (link.status !== 'ok') {
        const params = { target: link.target, size: link.size ?? 0, limit: link.limit ?? 0, detail: link.detail ?? '' };
        context.report({ path: ['alignsWith', link.index], messageId: BY_STATUS[link.status], params });
        continue;
      }
      const other = link.plan!.analysis.model;
      if (!period || !other.period || (other.period.start <= period.end && period.start <= other.period.end)) continue;
      const theirs = asRecord(other.data.period);
      context.report({
        path: ['period'],
        anchor: 'key',
        messageId: 'align/period.overlap',
        params: { start: String(own?.start), end: String(own?.end), target: link.target, otherStart: String(theirs?.start), otherEnd: String(theirs?.end) },
      });
    }
  },
};
