import { asString, isBlank } from '../model';
import { goals } from './goals';
import type { Rule } from './rule';

/** Verbs and words that promise change without saying how much, in English and Romanian. */
const VAGUE = /\b(improve|improving|increase|increasing|grow|growing|boost|boosting|more|better|enhance|maximi[sz]e|optimi[sz]e|raise|expand|strengthen|îmbunătăț\p{L}*|imbunatat\p{L}*|crește|creste|creștere|crestere|spori\p{L}*|mai mult\p{L}*|mai bun\p{L}*|maximiz\p{L}*|optimiz\p{L}*|dezvolt\p{L}*|extinde|întări|intari)(?![\p{L}])/iu;
const QUANTITY = /\d/;
const MIN_WORDS = 5;

export const smartSpecific: Rule = {
  id: 'smart/specific',
  description: "A goal's statement is vague, too short, or the goal has no owner.",
  defaultSeverity: 'warning',
  docs: `**S**pecific: what exactly will be achieved, by which action, and who answers for it. The guide's example: "increase revenue 15 % through guided selling", not "grow revenue".

The rule flags a goal when
- its \`statement\` uses a vague verb or word ("improve", "increase", "grow", "boost", "more", "better", or Romanian "crește", "îmbunătăți", "mai mult"...) without any quantity in it;
- its \`statement\` has fewer than ${MIN_WORDS} words;
- it has no \`owner\`.

\`\`\`yaml
goals:
  - id: pipeline
    statement: Increase qualified leads 30 % through monthly webinars   # specific
    owner: Maria Ionescu
\`\`\`

The finding sits on the statement when the statement is at fault, else on the goal's \`id\`.`,
  check(context) {
    for (const view of goals(context.plan)) {
      const statement = asString(view.goal.statement);
      const parts: string[] = [];
      if (statement !== undefined) {
        const words = statement.trim().split(/\s+/).filter(Boolean);
        const vague = VAGUE.exec(statement);
        if (vague && !QUANTITY.test(statement)) parts.push(context.text('smart/specific.vague', { word: vague[0] }));
        if (words.length < MIN_WORDS) parts.push(context.text('smart/specific.short', { count: words.length, min: MIN_WORDS }));
      }
      const statementAtFault = parts.length > 0;
      if (isBlank(view.goal.owner)) parts.push(context.text('smart/specific.owner'));
      if (parts.length === 0) continue;
      context.report({
        path: statementAtFault ? ['goals', view.index, 'statement'] : ['goals', view.index],
        anchor: statementAtFault ? 'value' : 'item',
        messageId: 'smart/specific',
        params: { goal: view.label, problems: context.list(parts) },
      });
    }
  },
};
