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
       plan-as-code render FILE [-o out.html | -o -] [--today YYYY-MM-DD]
       {forecastUsage}
       {diffUsage}

check: checks .plan.yaml files against the marketing and sales plan templates,
with the rules and .planrc.yaml configuration the editor uses.
render: writes the plan as one self-contained HTML document, as the editor's
preview shows it (by default next to it: marketing.plan.yaml → marketing.plan.html).
forecast: the plan's revenue forecast: the model fitted to forecast.history, each period
of the plan with its 80 % and 95 % bands, and where the revenue target sits (see forecast --help).
diff: what changed in the plans between two git revisions, by meaning (see diff --help).

Options:
  --format stylish|json|sarif   output format (default: stylish)
  --max-warnings N              fail when there are more than N warnings
  --quiet                       report errors only
  -o, --output FILE             write the report (render: the document) to FILE;
                                - writes it to standard output
  --today YYYY-MM-DD            judge time (actuals, deadlines) as on this date (default: today, UTC)
  --jobs N                      check with N threads (default: one per core for many plans)
  --no-color                    plain output
  -h, --help                    show this help
  -v, --version                 show the version

Messages follow each plan's \`language\`, else the terminal's language (LANG).

Exit status: 0 when clean, 1 when a plan has errors (or too many warnings),
2 when the command itself cannot run (bad options, a missing file, no plan
files, an output that cannot be written), with one line saying why, or when a
plan cannot be read (not a regular file, a link leading out of the folders
searched, unreadable); the other plans are still checked and reported.`,
  'diff.help': `Usage: {diffUsage}
       plan-as-code diff A.plan.yaml B.plan.yaml

Shows what changed in plans by meaning: goals, KPIs, budget, calendar... added, removed
or changed, numbers with their change in percent, dates with their shift in days, and the
derived figures (SMART, funnel gap, CLV:CAC) that moved.

Revisions: none compares the merge base of HEAD and the default branch (origin/HEAD, main or
master) with the working tree; REV_A alone compares it with the working tree; A...B compares
the merge base of A and B with B (what a pull request changes). Two existing plan files are
compared with each other, without git. FILES (plans or folders) restrict the plans compared;
by default every *.plan.yaml and *.plan.yml that changed. Use -- between revisions and FILES
when a file could be read as a revision.

Options:
  --format text|markdown|json   output format (default: text)
  -o, --output FILE             write the diff to FILE
  -h, --help                    show this help

Exit status: 0 when the diff is shown (whatever changed), 2 when it cannot be made.`,
  'forecast.help': `Usage: {forecastUsage}

Prints the plan's revenue forecast as the checker makes it from forecast.history: the model
(a linear trend, or a seasonal Holt-Winters model; auto picks the one with the lower AICc),
its fit, each period of the plan with its forecast and 80 % and 95 % prediction bands, the
plan period's total, and where the revenue target sits: a commitment (at most the forecast),
a best case (within the 80 % band), a stretch (within the 95 % band) or unsupported by history.

Options:
  --format table|json                 output format (default: table); the JSON is described in docs/forecast.md
  --method linear|seasonal|auto       the model to fit, instead of the plan's forecast.method
  --today YYYY-MM-DD                  today's date for the check (default: today, UTC)
  -h, --help                          show this help

Exit status: 0 when the forecast is shown, 2 when it cannot be made (the one line on stderr
says why: a plan that cannot be read, or a history the method cannot use).`,
  'error.seeHelp': '{problem} (plan-as-code --help shows the usage)',
  'error.renderOneFile': 'render takes one plan file: plan-as-code render FILE [-o out.html]',
  'error.renderFolder': '{file} is a folder: render takes one plan file',
  'error.noSuchFile': 'no such file: {file}',
  'error.cannotWrite': 'cannot write {file}: {reason}',
  'error.cannotWriteStdout': 'cannot write to standard output: {reason}',
  'error.diffFormat': 'unknown format “{format}”: use text, markdown or json',
  'error.unknownCommand': 'unknown command “{command}”',
  'error.noCommand': 'a command is required',
  'error.unknownFormat': 'unknown format “{format}”',
  'error.maxWarnings': '--max-warnings takes a whole number',
  'error.jobs': '--jobs takes a whole number, 1 or more',
  'error.unknownOption': 'unknown option {option}',
  'error.optionValue': 'option {option} needs a value',
  'error.badArguments': 'the arguments are not valid',
  'error.noPlans': 'no plan files (*.plan.yaml, *.plan.yml) found in {targets}',
  'error.tooManyWarnings': '{warnings}, more than the --max-warnings {max} allowed',
  'error.notUtf8': '{file} is not UTF-8: byte 0x{byte} at line {line}, column {column} (a Latin-1 or Windows-1252 file?). It was read with \uFFFD in place of such bytes; save the file as UTF-8.',
  'error.cannotRead': 'cannot read {file}: {reason}',
  'error.noStylesheet': 'the stylesheet {file} is missing from {root}; reinstall plan-as-code',
  'notRead.missing': 'it does not exist (or is a link that leads nowhere)',
  'notRead.not-a-file': 'it is not a regular file (a folder, a device, a pipe or a socket), so it was not opened',
  'notRead.outside': 'it is a link that leads outside the folder searched and the current folder',
  'notRead.too-large': 'it is {size} bytes, over the limit of {limit} characters (`maxFileSize`)',
  'notRead.unreadable': '{detail} (a loop of symbolic links or missing permissions, say)',
  'system.ENOENT': 'no such file or folder',
  'system.EACCES': 'permission denied',
  'system.EPERM': 'operation not permitted',
  'system.EISDIR': 'it is a folder',
  'system.ENOTDIR': 'a part of the path is not a folder',
  'system.EROFS': 'the file system is read-only',
  'system.ENOSPC': 'no space left on the device',
  'system.EDQUOT': 'disk quota exceeded',
  'system.ENXIO': 'it cannot be opened for writing here (use -o - for standard output)',
  'system.EPIPE': 'the reader went away',
  'system.EMFILE': 'too many open files',
  'system.ENAMETOOLONG': 'the name is too long',
  'system.ELOOP': 'too many levels of symbolic links',
  'system.EBUSY': 'the file is busy',
  'system.EINVAL': 'invalid file name',
  'system.other': 'system error',
  'error.brokenYaml': '{file} has YAML syntax errors; the document shows only what could be read',
  'severity.error': 'error',
  'severity.warning': 'warning',
  'severity.information': 'information',
  'severity.hint': 'hint',
  'summary.clean': '✔ {plans}, no problems',
  'summary.problems': '✖ {problems} ({errors}, {warnings}) in {plans}',
  'summary.problemsWithNotes': '✖ {problems} ({errors}, {warnings}, {notes} info/hint) in {plans}',
  'render.wrote': 'Wrote {file} ({errors}, {warnings})',
  'render.rendered': 'Rendered {file} ({errors}, {warnings})',
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
           plan-as-code render FIȘIER [-o rezultat.html | -o -] [--today AAAA-LL-ZZ]
           {forecastUsage}
           {diffUsage}

check: verifică fișierele .plan.yaml după șabloanele planului de marketing și
ale planului de vânzări, cu regulile și configurația .planrc.yaml folosite de editor.
render: scrie planul ca un singur document HTML de sine stătător, așa cum îl arată
previzualizarea din editor (implicit lângă plan: marketing.plan.yaml → marketing.plan.html).
forecast: prognoza veniturilor planului: modelul potrivit pe forecast.history, fiecare perioadă
a planului cu intervalele ei de 80 % și 95 % și locul țintei de venituri (vedeți forecast --help).
diff: ce s-a schimbat, ca sens, în planuri între două versiuni git (vedeți diff --help).

Opțiuni:
  --format stylish|json|sarif   formatul raportului (implicit: stylish)
  --max-warnings N              eșec când sunt mai mult de N avertismente
  --quiet                       raportează doar erorile
  -o, --output FIȘIER           scrie raportul (la render: documentul) în FIȘIER;
                                - îl scrie la ieșirea standard
  --today AAAA-LL-ZZ            judecă timpul (valori realizate, termene) ca la această dată (implicit: azi, UTC)
  --jobs N                      verifică în N fire de execuție (implicit: câte unul pe nucleu, pentru multe planuri)
  --no-color                    text fără culori
  -h, --help                    afișează acest ajutor
  -v, --version                 afișează versiunea

Mesajele urmează cheia \`language\` a fiecărui plan, altfel limba terminalului (LANG).

Cod de ieșire: 0 când totul este în regulă, 1 când un plan are erori (sau prea multe
avertismente), 2 când comanda nu poate rula (opțiuni greșite, un fișier care lipsește,
niciun plan găsit, un rezultat care nu poate fi scris), cu un rând care spune de ce, sau
când un plan nu poate fi citit (nu este un fișier obișnuit, o legătură care duce în afara
folderelor căutate, fișier ilizibil); celelalte planuri sunt verificate și raportate.`,
  'diff.help': `Utilizare: {diffUsage}
           plan-as-code diff A.plan.yaml B.plan.yaml

Arată ce s-a schimbat, ca sens, în planuri: obiective, KPI-uri, buget, calendar...
adăugate, șterse sau modificate, numerele cu schimbarea lor în procente, datele cu
decalajul lor în zile și cifrele derivate (SMART, golul din pâlnia de vânzări, CLV:CAC)
care s-au mișcat.

Versiuni: fără niciuna, compară baza comună a lui HEAD și a ramurii implicite (origin/HEAD,
main sau master) cu copia de lucru; doar REV_A o compară cu copia de lucru; A...B compară
baza comună a lui A și B cu B (ce schimbă o cerere de integrare). Două fișiere de plan
existente sunt comparate între ele, fără git. FIȘIERELE (planuri sau foldere) restrâng
planurile comparate; implicit, fiecare *.plan.yaml și *.plan.yml modificat. Puneți -- între
versiuni și fișiere când un fișier ar putea fi citit ca versiune.

Opțiuni:
  --format text|markdown|json   formatul rezultatului (implicit: text)
  -o, --output FIȘIER           scrie diferențele în FIȘIER
  -h, --help                    afișează acest ajutor

Cod de ieșire: 0 când diferențele sunt afișate (orice s-ar fi schimbat), 2 când nu pot fi
calculate.`,
  'forecast.help': `Utilizare: {forecastUsage}

Afișează prognoza veniturilor planului așa cum o face verificarea din forecast.history: modelul
(o tendință liniară sau un model sezonier Holt-Winters; auto îl alege pe cel cu AICc mai mic),
potrivirea lui, fiecare perioadă a planului cu prognoza ei și intervalele de predicție de 80 %
și 95 %, totalul pe perioada planului și locul țintei de venituri: un angajament (cel mult
prognoza), un scenariu optimist (în intervalul de 80 %), o țintă ambițioasă (în intervalul de
95 %) sau una nesusținută de istoric.

Opțiuni:
  --format table|json                 formatul rezultatului (implicit: table); JSON-ul este descris în docs/forecast.md
  --method linear|seasonal|auto       modelul de potrivit, în locul lui forecast.method din plan
  --today AAAA-LL-ZZ                  data de azi pentru verificare (implicit: azi, UTC)
  -h, --help                          afișează acest ajutor

Cod de ieșire: 0 când prognoza este afișată, 2 când nu poate fi făcută (rândul de pe stderr
spune de ce: un plan care nu poate fi citit sau un istoric pe care metoda nu îl poate folosi).`,
  'error.seeHelp': '{problem} (plan-as-code --help arată modul de utilizare)',
  'error.renderOneFile': 'render primește un singur fișier de plan: plan-as-code render FIȘIER [-o rezultat.html]',
  'error.renderFolder': '{file} este un folder: render primește un singur fișier de plan',
  'error.noSuchFile': 'fișierul nu există: {file}',
  'error.cannotWrite': 'nu se poate scrie {file}: {reason}',
  'error.cannotWriteStdout': 'nu se poate scrie la ieșirea standard: {reason}',
  'error.diffFormat': 'format necunoscut: „{format}”; folosiți text, markdown sau json',
  'error.unknownCommand': 'comandă necunoscută: „{command}”',
  'error.noCommand': 'lipsește comanda',
  'error.unknownFormat': 'format necunoscut: „{format}”',
  'error.maxWarnings': '--max-warnings primește un număr întreg',
  'error.jobs': '--jobs primește un număr întreg, cel puțin 1',
  'error.unknownOption': 'opțiune necunoscută: {option}',
  'error.optionValue': 'opțiunea {option} are nevoie de o valoare',
  'error.badArguments': 'argumentele nu sunt valide',
  'error.noPlans': 'niciun fișier de plan (*.plan.yaml, *.plan.yml) găsit în {targets}',
  'error.tooManyWarnings': '{warnings}, mai mult decât permite --max-warnings {max}',
  'error.notUtf8': '{file} nu este UTF-8: octetul 0x{byte} pe rândul {line}, coloana {column} (un fișier Latin-1 sau Windows-1252?). A fost citit cu \uFFFD în locul acestor octeți; salvați fișierul ca UTF-8.',
  'error.cannotRead': 'nu se poate citi {file}: {reason}',
  'error.noStylesheet': 'foaia de stil {file} lipsește din {root}; reinstalați plan-as-code',
  'notRead.missing': 'nu există (sau este o legătură care nu duce nicăieri)',
  'notRead.not-a-file': 'nu este un fișier obișnuit (ci un folder, un dispozitiv, o conductă sau un soclu), așa că nu a fost deschis',
  'notRead.outside': 'este o legătură care duce în afara folderului căutat și a folderului curent',
  'notRead.too-large': 'are {size} octeți, peste limita de {limit} caractere (`maxFileSize`)',
  'notRead.unreadable': '{detail} (de exemplu o buclă de legături simbolice sau permisiuni lipsă)',
  'system.ENOENT': 'fișierul sau folderul nu există',
  'system.EACCES': 'permisiune refuzată',
  'system.EPERM': 'operație nepermisă',
  'system.EISDIR': 'este un folder',
  'system.ENOTDIR': 'o parte a căii nu este un folder',
  'system.EROFS': 'sistemul de fișiere este doar pentru citire',
  'system.ENOSPC': 'nu mai este spațiu pe dispozitiv',
  'system.EDQUOT': 'cota de disc a fost depășită',
  'system.ENXIO': 'nu poate fi deschis pentru scriere aici (folosiți -o - pentru ieșirea standard)',
  'system.EPIPE': 'cititorul a plecat',
  'system.EMFILE': 'prea multe fișiere deschise',
  'system.ENAMETOOLONG': 'numele este prea lung',
  'system.ELOOP': 'prea multe niveluri de legături simbolice',
  'system.EBUSY': 'fișierul este ocupat',
  'system.EINVAL': 'nume de fișier nevalid',
  'system.other': 'eroare de sistem',
  'error.brokenYaml': '{file} are erori de sintaxă YAML; documentul arată doar ce a putut fi citit',
  'severity.error': 'eroare',
  'severity.warning': 'avertisment',
  'severity.information': 'informație',
  'severity.hint': 'sugestie',
  'summary.clean': '✔ {plans}, nicio problemă',
  'summary.problems': '✖ {problems} ({errors}, {warnings}) în {plans}',
  'summary.problemsWithNotes': '✖ {problems} ({errors}, {warnings}, {notes} informații sau sugestii) în {plans}',
  'render.wrote': 'A fost scris {file} ({errors}, {warnings})',
  'render.rendered': 'A fost generat {file} ({errors}, {warnings})',
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

/** Why a file operation failed, in words: „permisiune refuzată (EACCES)”. */
export function systemReason(locale: Locale, code: string | undefined, fallback: string): string {
  if (!code) return fallback;
  const id = `system.${code}` as CliMessageId;
  return `${id in CLI_MESSAGES.en ? cliText(locale, id) : cliText(locale, 'system.other')} (${code})`;
}

/** Why a plan was not read (`describeNotRead` of the file reader, in the CLI's language). */
export function notReadReason(locale: Locale, file: string, notRead: { problem: 'missing' | 'not-a-file' | 'outside' | 'too-large' | 'unreadable'; size?: number; detail?: string }, limit: number): string {
  const why = cliText(locale, `notRead.${notRead.problem}`, { size: notRead.size ?? 0, limit, detail: notRead.detail ?? cliText(locale, 'system.other') });
  return cliText(locale, 'error.cannotRead', { file, reason: why });
}

/** The terminal's language: Romanian when `LC_ALL`, `LC_MESSAGES` or `LANG` says so. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return value?.toLowerCase().startsWith('ro') ? 'ro' : 'en';
}
