import type { MessageId } from '../base/messages';
import type { Rule, RuleContext } from './rule';

/**
 * The parser's own words are English: each kind of problem is said again in the plan's language
 * (an unknown kind keeps the parser's words in English, and a plain sentence in Romanian).
 */
const REASON_BY_CODE: Record<string, MessageId> = {
  BAD_INDENT: 'yaml/syntax.reason.BAD_INDENT',
  MISSING_CHAR: 'yaml/syntax.reason.MISSING_CHAR',
  UNEXPECTED_TOKEN: 'yaml/syntax.reason.UNEXPECTED_TOKEN',
  BLOCK_AS_IMPLICIT_KEY: 'yaml/syntax.reason.key',
  MULTILINE_IMPLICIT_KEY: 'yaml/syntax.reason.key',
  BAD_SCALAR_START: 'yaml/syntax.reason.BAD_SCALAR_START',
  BLOCK_IN_FLOW: 'yaml/syntax.reason.BLOCK_IN_FLOW',
  BAD_DQ_ESCAPE: 'yaml/syntax.reason.BAD_DQ_ESCAPE',
};

function reason(context: RuleContext, code: string, detail: string): string {
  if (code === 'MISSING_CHAR' && /quote/i.test(detail)) return context.t('yaml/syntax.reason.quote');
  const id = REASON_BY_CODE[code];
  if (id) return context.t(id);
  return context.locale === 'en' ? detail : context.t('yaml/syntax.reason.other');
}

const MESSAGE_BY_CODE: Record<string, MessageId> = {
  TAB_AS_INDENT: 'yaml/syntax.tab',
  DUPLICATE_KEY: 'yaml/syntax.duplicateKey',
  RESOURCE_EXHAUSTION: 'yaml/syntax.aliasBomb',
  BAD_ALIAS: 'yaml/syntax.badAlias',
};

export const yamlSyntax: Rule = {
  id: 'yaml/syntax',
  description: 'The file is not valid YAML.',
  defaultSeverity: 'error',
  docs: `The plan must be valid YAML before anything else can be checked. The finding sits where the parser gave up: a wrong indentation, a tab used to indent, a key written twice in one mapping, an unclosed quote or bracket.

Whatever still parses keeps being checked, so fix the syntax error first: other findings near it may be consequences of it.

\`\`\`yaml
goals:
  - id: more-leads
   statement: Grow leads    # wrong indentation: align with "id"
\`\`\`

Aliases (\`*name\`) that expand to an enormous document (“alias bombs”) are refused with this rule too: the plan is not checked further.`,
  check(context) {
    for (const problem of context.parsed.syntax) {
      // The parser itself reports nesting that overflows its stack as resource exhaustion too.
      const tooDeep = problem.code === 'RESOURCE_EXHAUSTION' && problem.detail !== 'aliases';
      const messageId = tooDeep ? 'yaml/syntax.tooDeep' : (MESSAGE_BY_CODE[problem.code] ?? inPlainWords(problem.code, problem.detail) ?? 'yaml/syntax.generic');
      let detail = problem.detail;
      if (messageId === 'yaml/syntax.generic') detail = reason(context, problem.code, problem.detail);
      // The alias as written (`*name`), not the parser's sentence about it.
      if (messageId === 'yaml/syntax.badAlias') detail = `\`${context.parsed.text.slice(problem.start, problem.end)}\``;
      context.reportAt(problem.start, problem.end, messageId, tooDeep ? {} : { detail, character: /character (\S)/.exec(problem.detail)?.[1] ?? '' });
    }
  },
};

/**
 * The parser's own words ("Nested mappings are not allowed in compact mappings") name its
 * machinery; the usual causes of the usual errors are said in a plan author's words instead.
 */
function inPlainWords(code: string, detail: string): MessageId | undefined {
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return 'yaml/syntax.colonInText';
  if (code === 'MISSING_CHAR' && /quote/i.test(detail)) return 'yaml/syntax.quote';
  if ((code === 'MISSING_CHAR' && /without - indicator/.test(detail)) || (code === 'BAD_INDENT' && /same column/.test(detail))) return 'yaml/syntax.indent';
  if (code === 'BAD_INDENT' && /end with a [\]}]/.test(detail)) return 'yaml/syntax.bracket';
  if (code === 'MULTILINE_IMPLICIT_KEY') return 'yaml/syntax.keyLine';
  if (code === 'BAD_SCALAR_START' && /character \S/.test(detail)) return 'yaml/syntax.reserved';
  return undefined;
}
