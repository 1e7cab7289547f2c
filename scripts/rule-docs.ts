import { ruleDocsPath } from '../server/src/core/base/docs';
import type { Locale, Severity } from '../server/src/core/base/types';
import { RULES, type Rule } from '../server/src/core/rules';
import { ruleText } from '../server/src/core/rules/text';

/** The words of a rule page around the rule's own texts, in each language. */
const PAGE: Record<Locale, { defaultSeverity: (severity: Severity) => string; options: string; optionColumns: string; types: Record<string, string>; configuring: string; levels: string; silence: (id: string) => string; tableColumns: string }> = {
  en: {
    defaultSeverity: (severity) => `Default severity: **${severity}**.`,
    options: 'Options',
    optionColumns: '| option | type | default | meaning |',
    types: { number: 'number', boolean: 'boolean', string: 'string' },
    configuring: 'Configuring',
    levels: 'or hint, information, warning, error',
    silence: (id) => `To silence one finding, put \`# plan-disable-next-line ${id}\` on the line above it.`,
    tableColumns: '| rule | default | what it reports |',
  },
  ro: {
    defaultSeverity: (severity) => `Gravitate implicită: **${SEVERITY_RO[severity]}** (\`${severity}\`).`,
    options: 'Opțiuni',
    optionColumns: '| opțiune | tip | implicit | ce înseamnă |',
    types: { number: 'număr', boolean: '`true` sau `false`', string: 'text' },
    configuring: 'Configurare',
    levels: 'sau hint, information, warning, error',
    silence: (id) => `Ca să ascundeți o singură constatare, puneți \`# plan-disable-next-line ${id}\` pe rândul de deasupra ei.`,
    tableColumns: '| regulă | implicit | ce raportează |',
  },
};

const SEVERITY_RO: Record<Severity, string> = { error: 'eroare', warning: 'avertisment', information: 'informație', hint: 'sugestie' };

/** The documentation page of a rule in a language, generated from its metadata. */
export function rulePage(rule: Rule, locale: Locale = 'en'): string {
  const words = PAGE[locale];
  const texts = ruleText(rule, locale);
  const options = Object.entries(rule.options ?? {});
  const optionTable = options.length
    ? `\n## ${words.options}\n\n${words.optionColumns}\n|---|---|---|---|\n${options
        .map(([name, option]) => `| \`${name}\` | ${words.types[option.type]} | \`${String(option.default)}\` | ${texts.options?.[name] ?? option.description} |`)
        .join('\n')}\n`
    : '';
  return `# \`${rule.id}\`

${texts.description}

${words.defaultSeverity(rule.defaultSeverity)}

${texts.docs.trim()}
${optionTable}
## ${words.configuring}

\`\`\`yaml
# .planrc.yaml
rules:
  ${rule.id}: off    # ${words.levels}
\`\`\`

${words.silence(rule.id)}
`;
}

/** The rule table of a README, linking each rule's page in the README's language. */
export function ruleTable(locale: Locale = 'en'): string {
  const rows = RULES.map((rule) => `| [\`${rule.id}\`](${ruleDocsPath(rule.id, locale)}) | ${locale === 'ro' ? SEVERITY_RO[rule.defaultSeverity] : rule.defaultSeverity} | ${ruleText(rule, locale).description} |`);
  return `${PAGE[locale].tableColumns}\n|---|---|---|\n${rows.join('\n')}\n`;
}

export const TABLE_START = '<!-- rules:start -->';
export const TABLE_END = '<!-- rules:end -->';

export function withRuleTable(readme: string, locale: Locale = 'en'): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1) throw new Error(`the README lacks the ${TABLE_START} … ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${ruleTable(locale)}${readme.slice(end)}`;
}
