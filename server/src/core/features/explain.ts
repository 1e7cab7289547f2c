/**
 * What a finding means, for the hover on its subject: the rule in one sentence, then the plan's
 * own case with its numbers, so that nobody needs the rule's page to understand a finding.
 * Each explanation is a message `explain.<message id>` (else `explain.<rule id>`) worded with the
 * finding's own parameters; a finding without one is explained by its rule's description, in
 * the plan's language, beside its message (which the editor shows in the same hover, with the
 * plan's numbers).
 */
import { isMessageId } from '../base/messages';
import type { Finding, Locale } from '../base/types';
import type { Translate } from '../base/messages';
import { ruleById } from '../rules';
import { ruleText } from '../rules/text';

/** The explanations of the findings whose range holds `offset`, as markdown; undefined when there are none. */
export function explainAt(findings: readonly Finding[], offset: number, t: Translate, locale: Locale = 'en'): { contents: string; start: number; end: number } | undefined {
  const here = findings.filter((finding) => finding.start <= offset && offset <= finding.end);
  const explained = here.flatMap((finding) => {
    const id = [`explain.${finding.messageId}`, `explain.${finding.ruleId}`].find(isMessageId);
    if (id) return [{ finding, text: `\`${finding.ruleId}\`: ${t(id, finding.params)}` }];
    const rule = ruleById(finding.ruleId);
    return rule ? [{ finding, text: `\`${finding.ruleId}\`: ${ruleText(rule, locale).description}` }] : [];
  });
  if (explained.length === 0) return undefined;
  return {
    contents: explained.map((entry) => entry.text).join('\n\n'),
    start: Math.min(...explained.map((entry) => entry.finding.start)),
    end: Math.max(...explained.map((entry) => entry.finding.end)),
  };
}
