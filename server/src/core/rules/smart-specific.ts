import { formatNumber } from '../base/messages';
import { quantitiesIn } from '../base/numbers';
import { STATEMENT_READ_LENGTH, statementOf } from '../model/goals';
import { isBlank } from '../model/model';
import { defineSmartRule } from './smart-rule';
import type { Report } from './rule';

/**
 * Words that promise change without saying how much, in English and Romanian, as stems
 * (any inflection matches: "increases", "Creșterea"). Letters are Unicode-aware: `\b` is not.
 */
const VAGUE = /(?<!\p{L})(?:(?:improv(?:e|es|ed|ing|ement|ements)|increas(?:e|es|ed|ing)|grow(?:s|n|th|ing)?|boost(?:s|ed|ing)?|enhanc(?:e|es|ed|ing|ement)|maximi[sz](?:e|es|ed|ing)|optimi[sz](?:e|es|ed|ing)|rais(?:e|es|ed|ing)|expand(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|more|better|higher|greater|bigger|faster)|(?:îmbunătăț|imbunatat|creșt|crest|spori|sporu|maximiz|optimiz|dezvolt|extind|întăr|intar)\p{L}*|mai\s+(?:mult|mulț|multi|bun|bine|mar|rapid)\p{L}*)(?!\p{L})/iu;
/** Words that stress a change without measuring it: "significantly higher" is no more specific than "higher". */
const INTENSIFIER = /(?<!\p{L})(?:significantly|substantially|considerably|dramatically|greatly|massively|much|a\s+lot|semnificativ|considerabil|substanțial|substantial|masiv|mult)(?!\p{L})/iu;
/**
 * A number or proportion written out: "by half", "double", "twice", "two thirds", "de două ori",
 * "cu o treime", "un sfert". Digits are counted by `quantitiesIn`, which leaves out years,
 * quarters, ordinals and digits inside words (B2B, Q3, 2026).
 */
const WORDS_OF_QUANTITY = /(?<!\p{L})(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|million|doubl\p{L}*|tripl\p{L}*|quadrupl\p{L}*|halv\p{L}*|half|twice|tenfold|percent|(?:a|one|two|by\s+a)\s+(?:third|fifth|tenth)s?|by\s+a\s+quarter|unu|doi|două|trei|patru|cinci|șase|șapte|opt|nouă|zece|douăzeci|treizeci|patruzeci|cincizeci|sută|sute|mie|mii|milion|milioane|dubl\p{L}*|tripl\p{L}*|înjumătăț\p{L}*|jumătate|treime|treimi|sfert|sferturi|de\s+\p{L}+\s+ori|procent\p{L}*)(?!\p{L})/iu;
const MIN_WORDS = 5;

export const smartSpecific = defineSmartRule({
  letter: 'S',
  id: 'smart/specific',
  description: "A goal's statement is vague, too short, or the goal has no owner.",
  defaultSeverity: 'warning',
  docs: `**S**pecific: what exactly will be achieved, by which action, and who answers for it. The guide's example: “increase revenue 15 % through guided selling”, not “grow revenue”.

The rule flags a goal when
- its \`statement\` uses a vague verb or word (“improve”, “increase”, “grow”, “boost”, “more”, “better”, “higher”, or Romanian „crește”, „îmbunătăți”, „mai mult”...), or an intensifier (“significantly”, “substantially”, “considerably”, “much”, “a lot”, „semnificativ”, „considerabil”, „mult”), without any quantity in it. A quantity is a number (30, 3,000, 1.4 million, 15 %) or one written in words (“double”, “by half”, “two thirds”, „de două ori”, „cu o treime”); a year, a quarter, an ordinal or digits inside a word (“in 2026”, “Q3”, “3rd”, “B2B”) are not quantities;
- its \`statement\` has fewer than ${MIN_WORDS} words;
- it has no \`owner\`.

\`\`\`yaml
goals:
  - id: pipeline
    statement: Increase qualified leads 30 % through monthly webinars   # specific
    owner: Maria Ionescu
\`\`\`

The finding sits on the statement when the statement is at fault, else on the goal's \`id\`. A statement is read to its first ${formatNumber('en', STATEMENT_READ_LENGTH)} characters: a goal is said in a sentence or two, and a longer one is mostly the rest of the plan, taken in by a quote not yet closed.`,
  inputs: (context) => [context.plan.kind],
  checkGoal(context, view): Report | undefined {
    const statement = statementOf(view.goal);
    const parts: string[] = [];
    if (statement !== undefined) {
      // Romanian is often typed with cedillas (ş, ţ) instead of commas (ș, ț).
      const normalized = statement.normalize('NFC').replace(/ş/g, 'ș').replace(/ţ/g, 'ț').replace(/Ş/g, 'Ș').replace(/Ţ/g, 'Ț');
      const words = normalized.trim().split(/\s+/).filter(Boolean);
      // The first vague word is quoted: "significantly" in "significantly higher", "mai mult" rather than "mult".
      const verb = VAGUE.exec(normalized);
      const intensifier = INTENSIFIER.exec(normalized);
      const stressed = intensifier !== null && (verb === null || intensifier.index < verb.index);
      const vague = stressed ? intensifier : verb;
      // A quantity only matters to a statement with a vague word: "increase leads 30 %" is specific.
      if (vague && quantitiesIn(normalized).length === 0 && !WORDS_OF_QUANTITY.test(normalized)) parts.push(context.t(stressed ? 'smart/specific.intensifier' : 'smart/specific.vague', { word: vague[0] }));
      // The second part about the statement says "it", not "the statement" again.
      if (words.length < MIN_WORDS) parts.push(context.t(parts.length > 0 ? 'smart/specific.shortToo' : 'smart/specific.short', { count: words.length, min: MIN_WORDS }));
    }
    const noOwner = isBlank(view.goal.owner);
    if (parts.length === 0) {
      return noOwner ? { path: ['goals', view.index], anchor: 'item', messageId: 'smart/specific.noOwner', params: { goal: view.label } } : undefined;
    }
    if (noOwner) parts.push(context.t('smart/specific.owner'));
    return { path: ['goals', view.index, 'statement'], messageId: 'smart/specific', params: { goal: view.label, problems: context.list(parts), example: context.t(context.plan.kind === 'sales' ? 'smart/specific.example.sales' : 'smart/specific.example.marketing') } };
  },
});
