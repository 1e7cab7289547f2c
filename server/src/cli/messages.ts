/**
 * What the CLI itself says, in English and Romanian (docs/glossary.md): its help, its errors and
 * its summaries. The findings are worded by the core, each in its plan's language; the rest
 * follows the plans when they all speak one language, else the terminal's (`LC_ALL`,
 * `LC_MESSAGES`, `LANG`). Counted nouns have the plural forms of `Intl.PluralRules`: `one`,
 * `few` (Romanian 2–19: „3 avertismente”) and `other` (Romanian 20 and up: „20 de avertismente”).
 */
import { formatNumber } from '../core/base/messages';
import type { Locale, Severity } from '../core/base/types';

const en = {
  usage: `Usage: plan-as-code check [files, folders or globs...] [options]
       plan-as-code render FILE [-o out.html]

check: checks .plan.yaml files against the marketing and sales plan templates,
with the rules and .planrc.yaml configuration the editor uses.
render: writes the plan as one self-contained HTML document, as the editor's
preview shows it (by default next to it: marketing.plan.yaml → marketing.plan.html).

Options:
  --format stylish|json|sarif   output format (default: stylish)
  --max-warnings N              fail when there are more than N warnings
  --quiet                       report errors only
  -o, --output FILE             write the report (render: the document) to FILE
  --no-color                    plain output
  -h, --help                    show this help
  -v, --version                 show the version

Messages follow each plan's \`language\`, else the terminal's language (LANG).

Exit status: 0 when clean, 1 when a plan has errors (or too many warnings),
2 when the command itself cannot run (bad options, no plan files).`,
  'error.renderOneFile': 'render takes one plan file',
  'error.unknownCommand': 'unknown command “{command}”',
  'error.noCommand': 'a command is required',
  'error.unknownFormat': 'unknown format “{format}”',
  'error.maxWarnings': '--max-warnings takes a whole number',
  'error.unknownOption': 'unknown option {option}',
  'error.optionValue': 'option {option} needs a value',
  'error.badArguments': 'the arguments are not valid',
  'error.noPlans': 'no plan files (*.plan.yaml, *.plan.yml) found in {targets}',
  'error.tooManyWarnings': '{warnings}, more than the --max-warnings {max} allowed',
  'error.notUtf8': '{file} is not UTF-8: byte 0x{byte} at line {line}, column {column} (a Latin-1 or Windows-1252 file?). It was read with \uFFFD in place of such bytes; save the file as UTF-8.',
  'error.cannotRead': 'cannot read {file}',
  'error.noStylesheet': 'the stylesheet {file} is missing from {root}',
  'error.brokenYaml': '{file} has YAML syntax errors; the document shows only what could be read',
  'severity.error': 'error',
  'severity.warning': 'warning',
  'severity.information': 'information',
  'severity.hint': 'hint',
  'summary.clean': '✔ {plans}, no problems',
  'summary.problems': '✖ {problems} ({errors}, {warnings}) in {plans}',
  'summary.problemsWithNotes': '✖ {problems} ({errors}, {warnings}, {notes} info/hint) in {plans}',
  'render.wrote': 'Wrote {file} ({errors}, {warnings})',
  'count.plans.one': '{count} plan',
  'count.plans.few': '{count} plans',
  'count.plans.other': '{count} plans',
  'count.checked.one': '{count} plan checked',
  'count.checked.few': '{count} plans checked',
  'count.checked.other': '{count} plans checked',
  'count.problems.one': '{count} problem',
  'count.problems.few': '{count} problems',
  'count.problems.other': '{count} problems',
  'count.errors.one': '{count} error',
  'count.errors.few': '{count} errors',
  'count.errors.other': '{count} errors',
  'count.warnings.one': '{count} warning',
  'count.warnings.few': '{count} warnings',
  'count.warnings.other': '{count} warnings',
} as const;

type CliMessageId = keyof typeof en;

const ro: Record<CliMessageId, string> = {
  usage: `Utilizare: plan-as-code check [fișiere, foldere sau tipare...] [opțiuni]
           plan-as-code render FIȘIER [-o rezultat.html]

check: verifică fișierele .plan.yaml după șabloanele planului de marketing și
ale planului de vânzări, cu regulile și configurația .planrc.yaml folosite de editor.
render: scrie planul ca un singur document HTML de sine stătător, așa cum îl arată
previzualizarea din editor (implicit lângă plan: marketing.plan.yaml → marketing.plan.html).

Opțiuni:
  --format stylish|json|sarif   formatul raportului (implicit: stylish)
  --max-warnings N              eșec când sunt mai mult de N avertismente
  --quiet                       raportează doar erorile
  -o, --output FIȘIER           scrie raportul (la render: documentul) în FIȘIER
  --no-color                    text fără culori
  -h, --help                    afișează acest ajutor
  -v, --version                 afișează versiunea

Mesajele urmează cheia \`language\` a fiecărui plan, altfel limba terminalului (LANG).

Cod de ieșire: 0 când totul este în regulă, 1 când un plan are erori (sau prea multe
avertismente), 2 când comanda nu poate rula (opțiuni greșite, niciun plan găsit).`,
  'error.renderOneFile': 'render primește un singur fișier de plan',
  'error.unknownCommand': 'comandă necunoscută: „{command}”',
  'error.noCommand': 'lipsește comanda',
  'error.unknownFormat': 'format necunoscut: „{format}”',
  'error.maxWarnings': '--max-warnings primește un număr întreg',
  'error.unknownOption': 'opțiune necunoscută: {option}',
  'error.optionValue': 'opțiunea {option} are nevoie de o valoare',
  'error.badArguments': 'argumentele nu sunt valide',
  'error.noPlans': 'niciun fișier de plan (*.plan.yaml, *.plan.yml) găsit în {targets}',
  'error.tooManyWarnings': '{warnings}, mai mult decât permite --max-warnings {max}',
  'error.notUtf8': '{file} nu este UTF-8: octetul 0x{byte} pe rândul {line}, coloana {column} (un fișier Latin-1 sau Windows-1252?). A fost citit cu \uFFFD în locul acestor octeți; salvați fișierul ca UTF-8.',
  'error.cannotRead': 'nu se poate citi {file}',
  'error.noStylesheet': 'foaia de stil {file} lipsește din {root}',
  'error.brokenYaml': '{file} are erori de sintaxă YAML; documentul arată doar ce a putut fi citit',
  'severity.error': 'eroare',
  'severity.warning': 'avertisment',
  'severity.information': 'informație',
  'severity.hint': 'sugestie',
  'summary.clean': '✔ {plans}, nicio problemă',
  'summary.problems': '✖ {problems} ({errors}, {warnings}) în {plans}',
  'summary.problemsWithNotes': '✖ {problems} ({errors}, {warnings}, {notes} informații sau sugestii) în {plans}',
  'render.wrote': 'A fost scris {file} ({errors}, {warnings})',
  'count.plans.one': '{count} plan',
  'count.plans.few': '{count} planuri',
  'count.plans.other': '{count} de planuri',
  'count.checked.one': '{count} plan verificat',
  'count.checked.few': '{count} planuri verificate',
  'count.checked.other': '{count} de planuri verificate',
  'count.problems.one': '{count} constatare',
  'count.problems.few': '{count} constatări',
  'count.problems.other': '{count} de constatări',
  'count.errors.one': '{count} eroare',
  'count.errors.few': '{count} erori',
  'count.errors.other': '{count} de erori',
  'count.warnings.one': '{count} avertisment',
  'count.warnings.few': '{count} avertismente',
  'count.warnings.other': '{count} de avertismente',
};

/** Both catalogs, for the completeness test. */
export const CLI_MESSAGES: Readonly<Record<Locale, Readonly<Record<CliMessageId, string>>>> = { en, ro };

/** A CLI message with `{name}` placeholders filled in (numbers formatted for the language). */
export function cliText(locale: Locale, id: CliMessageId, params: Record<string, string | number> = {}): string {
  return CLI_MESSAGES[locale][id].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** "1 plan", "3 planuri", "20 de planuri": a counted noun in the language's plural form. */
export function cliCount(locale: Locale, noun: 'plans' | 'checked' | 'problems' | 'errors' | 'warnings', count: number): string {
  const form = new Intl.PluralRules(locale).select(count);
  const key = `count.${noun}.${form === 'one' || form === 'few' ? form : 'other'}` as CliMessageId;
  return cliText(locale, key, { count });
}

export function severityWord(locale: Locale, severity: Severity): string {
  return cliText(locale, `severity.${severity}`);
}

/** The terminal's language: Romanian when `LC_ALL`, `LC_MESSAGES` or `LANG` says so. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return value?.toLowerCase().startsWith('ro') ? 'ro' : 'en';
}
