import { ruleDocsPath } from '../server/src/core/base/docs';
import { RULES, type Rule } from '../server/src/core/rules';

/** The documentation page of a rule, generated from its metadata. */
export function rulePage(rule: Rule): string {
  const options = Object.entries(rule.options ?? {});
  const optionTable = options.length
    ? `\n## Options\n\n| option | type | default | meaning |\n|---|---|---|---|\n${options
        .map(([name, option]) => `| \`${name}\` | ${option.type} | \`${String(option.default)}\` | ${option.description} |`)
        .join('\n')}\n`
    : '';
  return `# \`${rule.id}\`

${rule.description}

Default severity: **${rule.defaultSeverity}**.

${rule.docs.trim()}
${optionTable}
## Configuring

\`\`\`yaml
# .planrc.yaml
rules:
  ${rule.id}: off    # or hint, information, warning, error
\`\`\`

To silence one finding, put \`# plan-disable-next-line ${rule.id}\` on the line above it.
`;
}

/** The rule table of the README. */
export function ruleTable(): string {
  const rows = RULES.map((rule) => `| [\`${rule.id}\`](${ruleDocsPath(rule.id)}) | ${rule.defaultSeverity} | ${rule.description} |`);
  return `| rule | default | what it reports |\n|---|---|---|\n${rows.join('\n')}\n`;
}

export const TABLE_START = '<!-- rules:start -->';
export const TABLE_END = '<!-- rules:end -->';

export function withRuleTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1) throw new Error(`README.md lacks the ${TABLE_START} … ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${ruleTable()}${readme.slice(end)}`;
}
