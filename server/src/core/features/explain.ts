/**
 * What a finding means, for the hover on its subject: the rule in one sentence, then the plan's
 * own case with its numbers, so that nobody needs the rule's page to understand a finding.
 * Each explanation is a message `explain.<message id>` (else `explain.<rule id>`) worded with the
 * finding's own parameters.
 */
import { isMessageId } from '../base/messages';
import type { Finding } from '../base/types';
import type { Translate } from '../base/messages';

/** The explanations of the findings whose range holds `offset`, as markdown; undefined when there are none. */
export function explainAt(findings: readonly Finding[], offset: number, t: Translate): { contents: string; start: number; end: number } | undefined {
  const here = findings.filter((finding) => finding.start <= offset && offset <= finding.end);
  const explained = here.flatMap((finding) => {
    const id = [`explain.${finding.messageId}`, `explain.${finding.ruleId}`].find(isMessageId);
    return id ? [{ finding, text: `\`${finding.ruleId}\`: ${t(id, finding.params)}` }] : [];
  });
  if (explained.length === 0) return undefined;
  return {
    contents: explained.map((entry) => entry.text).join('\n\n'),
    start: Math.min(...explained.map((entry) => entry.finding.start)),
    end: Math.max(...explained.map((entry) => entry.finding.end)),
  };
}
