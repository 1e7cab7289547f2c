/**
 * The rules' descriptions and documentation in Romanian (docs/glossary.md), by rule id: the
 * English ones are each rule's own (`description`, `docs`, option descriptions in its file).
 * `npm run docs` writes `docs/rules/ro/` and the rule table of README.ro.md from here; the CLI's
 * SARIF and the "Open the documentation" quick fix use them for Romanian plans. A new rule needs
 * its entry here: the type makes the build fail without it.
 */
import { formatNumber } from '../base/messages';
import type { Locale } from '../base/types';
import { STATEMENT_READ_LENGTH } from '../model/goals';
import type { RuleId } from '../base/rule-ids';
import type { Rule } from './rule';

export interface RuleText {
  description: string;
  docs: string;
  /** Option descriptions, by option name. */
  options?: Record<string, string>;
}

export const RULE_TEXT_RO: Readonly<Record<RuleId, RuleText>> = {
  'yaml/syntax': {
    description: 'Fișierul nu este YAML valid.',
    docs: `Planul trebuie să fie YAML valid înainte de orice altă verificare. Constatarea apare acolo unde analizorul s-a oprit: o indentare greșită, un caracter Tab folosit la indentare, o cheie scrisă de două ori în același grup, ghilimele sau paranteze neînchise.

Tot ce se mai poate citi este verificat în continuare, așa că reparați întâi eroarea de sintaxă: alte constatări din apropiere pot fi urmări ale ei.

\`\`\`yaml
goals:
  - id: mai-multi-clienti
   statement: Mai mulți clienți    # indentare greșită: aliniați cu „id”
\`\`\`

Tot această regulă refuză aliasurile (\`*nume\`) care se extind la un document uriaș („bombe de aliasuri”): planul nu mai este verificat mai departe.`,
  },
  'plan/multiple-documents': {
    description: 'Un fișier de plan conține un singur document YAML.',
    docs: `Un fișier \`.plan.yaml\` este un singur plan. Un rând \`---\` începe un al doilea document YAML, pe care verificarea și previzualizarea îl ignoră.

Mutați al doilea plan într-un fișier separat și legați-le prin \`alignsWith\`, sau ștergeți separatorul \`---\`.`,
  },
  'schema/required': {
    description: 'Lipsește o cheie cerută de șablon.',
    docs: `Unele chei sunt necesare ca planul să poată fi citit: \`kind\`, \`title\` și \`period\` (cu \`start\` și \`end\`) în antet, \`currency\` când există \`budget\`, iar la fiecare element \`id\`-ul și numele lui (\`name\`, \`statement\` sau \`role\`). Un KPI are nevoie de \`unit\`, dacă \`metric\` nu o dă.

\`\`\`yaml
kind: marketing
title: Plan de marketing 2026
period: { start: 2026-01-01, end: 2026-12-31 }
\`\`\`

Constatarea apare pe cheia grupului căruia îi lipsește cheia obligatorie (sau pe \`id\`-ul elementului).`,
  },
  'schema/type': {
    description: 'O valoare are alt tip decât cel cerut.',
    docs: `Fiecare cheie așteaptă un anumit fel de valoare: text, un număr, un număr întreg, o listă sau un grup de chei. \`count: trei\` este raportat pentru că \`count\` trebuie să fie un număr întreg; \`channels: webinare\`, pentru că \`channels\` trebuie să fie o listă (\`channels: [webinare]\`).`,
  },
  'schema/enum': {
    description: 'O valoare nu este una dintre valorile permise.',
    docs: `Unele chei primesc o valoare dintr-o listă fixă: \`kind\` (\`marketing\`, \`sales\`), \`frequency\` (\`daily\`, \`weekly\`, \`monthly\`, \`quarterly\`, \`yearly\`), \`type\` al unui canal (\`online\`, \`offline\`), \`metric\` al unui KPI (catalogul de KPI-uri), \`language\` (\`en\`, \`ro\`)... Mesajul enumeră valorile permise și o propune pe cea mai apropiată.`,
  },
  'schema/format': {
    description: 'O dată sau un cod de monedă este scris greșit.',
    docs: `Datele se scriu în formatul ISO \`AAAA-LL-ZZ\` și trebuie să existe în calendar (\`2026-02-30\` nu există). \`currency\` este un cod ISO 4217 cu majuscule: \`RON\`, \`EUR\`, \`USD\`.`,
  },
  'schema/pattern': {
    description: 'Un id sau o perioadă din prognoză este scrisă greșit.',
    docs: `Id-urile se scriu cu litere mici, cifre și cratime (\`clienti-calificati\`, nu \`Clienți calificați\`); mesajul propune forma corectă. Perioadele din prognoză se scriu \`AAAA\`, \`AAAA-Qn\` (trimestrul n) sau \`AAAA-LL\`.`,
  },
  'schema/unknown-key': {
    description: 'O cheie pe care șablonul nu o cunoaște.',
    docs: `O cheie care nu face parte din format este de obicei o greșeală de scriere: mesajul propune cheia cunoscută cea mai apropiată (\`responsibilites\` → \`responsibilities\`). Ca să păstrați date proprii într-un plan, puneți-le cheii prefixul \`x-\` (\`x-proiect-jira: MKT-12\`): astfel de chei nu sunt raportate niciodată.`,
  },
  'schema/range': {
    description: 'Un număr este în afara intervalului permis.',
    docs: `Sumele, veniturile și numărul de persoane din echipă nu pot fi negative; \`version\` și anii au intervale fixe.`,
  },
  'schema/other': {
    description: 'Orice altă problemă față de schemă.',
    docs: `O valoare încalcă o condiție a schemei JSON pe care nu o acoperă celelalte reguli \`schema/*\`. Mesajul dă detaliile.`,
  },
  'ref/undefined': {
    description: 'O trimitere numește un id pe care nu îl definește niciun element.',
    docs: `Elementele trimit unele la altele prin \`id\`: \`kpi\` dintr-un obiectiv numește un KPI, \`channels\` dintr-o activitate din calendar numește canale, \`persona\` dintr-un mesaj numește o persona. Fiecare trimitere trebuie să numească un id definit în secțiunea potrivită a acestui plan sau a unui plan din \`alignsWith\`.

\`\`\`yaml
kpis:
  - id: clienti-calificati
    name: Clienți potențiali calificați
goals:
  - id: portofoliu
    kpi: clienti-calificat   # ref/undefined: ați vrut să scrieți clienti-calificati?
\`\`\`

Corectați scrierea (mesajul propune id-ul cel mai apropiat) sau definiți elementul care lipsește.`,
  },
  'ref/duplicate-id': {
    description: 'Două elemente din aceeași secțiune au același id.',
    docs: `Un \`id\` trebuie să fie unic în secțiunea lui, altfel trimiterile la el ar fi ambigue. Același id poate apărea în două secțiuni diferite (un obiectiv și un canal se pot numi amândouă \`buletin\`).

\`\`\`yaml
channels:
  - id: linkedin
    name: LinkedIn, postări proprii
  - id: linkedin          # ref/duplicate-id
    name: Reclame pe LinkedIn
\`\`\`

Redenumiți unul dintre elemente (de exemplu \`reclame-linkedin\`) și actualizați trimiterile care îl vizau.`,
  },
  'section/missing': {
    description: 'Lipsește o secțiune din șablonul planului.',
    docs: `Fiecare șablon enumeră, în ordine, secțiunile unui plan complet.

**Planul de marketing**: \`summary\`, \`market\` (cu \`swot\`), \`personas\`, \`goals\`, \`positioning\`, \`strategies\`, \`mix\` (toți cei patru P: \`product\`, \`price\`, \`place\`, \`promotion\`), \`budget\`, \`calendar\`, \`channels\`, \`content\`, \`measurement\`.

**Planul de vânzări**: \`summary\`, \`goals\`, \`segments\`, \`offering\`, \`strategies\`, \`team\`, \`tactics\`, \`forecast\`, \`territories\`, \`training\`.

Secțiunile de pe primul nivel care lipsesc sunt raportate pe cheia \`kind\` a planului (care numește șablonul), toate într-o singură constatare care le numește, cu o corectură rapidă care le adaugă pe toate (fiecare schelet la locul lui din șablon) și câte o corectură pentru fiecare secțiune. Lipsa lui \`swot\` este raportată pe \`market\`; P-urile care lipsesc, pe \`mix\`. \`kpis\` este verificat de \`kpi/missing\`.

Într-un plan marcat \`status: draft\`, constatările acestei reguli sunt sugestii: o primă ciornă poate fi incompletă.`,
  },
  'smart/specific': {
    description: 'Formularea unui obiectiv este vagă sau prea scurtă, ori obiectivul nu are responsabil.',
    docs: `**S**pecific: ce anume se va obține, prin ce acțiune și cine răspunde. Exemplul din ghid: „creștem veniturile cu 15 % prin vânzare ghidată”, nu „creștem veniturile”.

Regula semnalează un obiectiv când
- formularea lui (\`statement\`) folosește un verb sau un cuvânt vag („crește”, „îmbunătățește”, „mai mult”, „dezvoltă”... sau, în engleză, „improve”, „increase”, „grow”, „more”, „better”, „higher”) ori un cuvânt de intensitate („semnificativ”, „considerabil”, „substanțial”, „mult” sau, în engleză, „significantly”, „substantially”, „considerably”, „much”, „a lot”), fără nicio cantitate. O cantitate este un număr (30, 3.000, 1,4 milioane, 15 %) sau una scrisă în cuvinte („de două ori”, „cu o treime”, „jumătate”, „double”, „by half”); un an, un trimestru, un numeral ordinal sau cifrele dintr-un cuvânt („în 2026”, „T3”, „Q3”, „B2B”) nu sunt cantități;
- formularea are mai puțin de 5 cuvinte;
- nu are responsabil (\`owner\`).

\`\`\`yaml
goals:
  - id: portofoliu
    statement: Creștem cu 30 % clienții potențiali calificați prin webinare lunare   # specific
    owner: Maria Ionescu
\`\`\`

Constatarea apare pe formulare când ea este de vină, altfel pe \`id\`-ul obiectivului. Formularea este citită până la primele ${formatNumber('ro', STATEMENT_READ_LENGTH)} de caractere: un obiectiv se spune într-o frază sau două, iar una mai lungă este de obicei restul planului, cuprins de ghilimele încă neînchise.`,
  },
  'smart/measurable': {
    description: 'Unui obiectiv îi lipsește KPI-ul, ținta sau valoarea de referință.',
    docs: `**M**ăsurabil: ce indicator arată că obiectivul a fost atins? Un obiectiv are nevoie de
- un \`kpi\` care numește unul dintre KPI-urile planului,
- o țintă numerică (\`target\`),
- o valoare de referință (\`baseline\`, la obiectiv sau la KPI-ul lui), față de care se măsoară progresul.

\`\`\`yaml
goals:
  - id: portofoliu
    statement: Creștem cu 30 % clienții potențiali calificați prin webinare lunare
    kpi: clienti-calificati
    baseline: 400
    target: 520
\`\`\`

O singură constatare pe obiectiv numește tot ce lipsește. Un obiectiv fără KPI este raportat aici, nu și de \`kpi/missing\`.`,
  },
  'smart/achievable': {
    description: 'Ținta unui obiectiv este nerealistă pentru termenul ei sau ar înrăutăți KPI-ul.',
    options: { maxAnnualGrowth: 'Cea mai mare schimbare de la valoarea de referință la țintă, în procente pe an, considerată realizabilă.', projectionMargin: 'Cu cât, în procente, poate depăși un obiectiv de venituri totalul proiecțiilor din plan.' },
    docs: `**R**ealizabil: este ținta realistă cu timpul și mijloacele pe care le are planul? Regula calculează schimbarea de la valoarea de referință la țintă, raportată la valoarea de referință, și o aduce la un an, liniar, pe intervalul de la \`period.start\` până la termenul obiectivului (\`deadline\`):

    schimbarea pe an = |țintă − valoare de referință| ÷ |valoare de referință| ÷ ani

(numărând și prima, și ultima zi, rotunjit la un procent întreg)

și avertizează când depășește \`maxAnnualGrowth\` (implicit 100 % pe an). Avertizează și când ținta ar înrăutăți KPI-ul: sub valoarea de referință la un KPI la care o valoare mai mare e mai bună, peste ea la unul la care o valoare mai mică e mai bună (\`direction\` sau sensul indicatorului din catalog, ca la \`cost-per-lead\` sau \`churn-rate\`).

\`\`\`yaml
period: { start: 2026-01-01, end: 2026-12-31 }
goals:
  - id: clienti-x5
    baseline: 100
    target: 500          # +400 % în șase luni = 800 % pe an
    deadline: 2026-06-30
\`\`\`

Pragul se configurează în \`.planrc.yaml\`:

\`\`\`yaml
rules:
  smart/achievable: { severity: warning, maxAnnualGrowth: 150 }
\`\`\`

Un obiectiv de **venituri** (pe un KPI al cărui \`metric\` este \`revenue\`) este comparat și cu prognoza planului (\`forecast.history\`, cu modelul din \`forecast.method\`): peste limita superioară a intervalului de predicție de 95 % al totalului pe perioada planului, istoricul nu îl susține. Mesajul spune unde se află ținta: la nivelul prognozei sau sub ea, un *angajament*; în intervalul de 80 %, un *scenariu optimist*; în intervalul de 95 %, o *țintă ambițioasă*; peste el, *nesusținută de istoric*. Când planul are propriile proiecții (\`projections\`), un obiectiv de venituri cu mai mult de \`projectionMargin\` (10 %) peste totalul lor este semnalat și el.

Când un obiectiv numește mai multe KPI-uri, cifrele lui sunt comparate cu KPI-ul cu care se potrivește ținta (cel mai apropiat ca ordin de mărime), iar mesajul îl numește. O țintă care pare scrisă ca o schimbare, nu ca un nivel („recâștigăm 8” la o valoare de referință de 85), sau care trece de ținta KPI-ului pentru tot planul este constatarea lui \`goal/kpi-target\`, iar un număr în afara intervalului KPI-ului, a lui \`kpi/range\`: niciuna nu este judecată aici.`,
  },
  'smart/relevant': {
    description: 'Un obiectiv nu susține niciun scop de afaceri și nicio strategie.',
    docs: `**R**elevant: se potrivește obiectivul cu strategia și cu scopurile de afaceri? Un obiectiv este relevant când susține (\`supports\`) un scop de afaceri sau o strategie, ori când o strategie îl numește în \`goals\`.

\`\`\`yaml
objectives:
  - id: magazine-mici
    statement: Devenim prima alegere a magazinelor mici din România
goals:
  - id: portofoliu
    supports: [magazine-mici]
\`\`\`

Când niciun obiectiv al planului nu este legat de nimic (de obicei o primă ciornă, încă fără \`objectives\` și fără \`strategies\`), o singură constatare pe \`goals\` spune asta pentru tot planul, cu o corectură rapidă care adaugă o secțiune \`objectives\` de completat, în loc de câte o constatare pe obiectiv.`,
  },
  'smart/time-bound': {
    description: 'Un obiectiv nu are termen-limită sau termenul lui este în afara perioadei planului.',
    docs: `**Încadrat în timp**: până când? Fiecare obiectiv are nevoie de un termen-limită (\`deadline\`, o dată ISO \`AAAA-LL-ZZ\`) în perioada planului (\`period\`).

\`\`\`yaml
period: { start: 2026-01-01, end: 2026-12-31 }
goals:
  - id: portofoliu
    deadline: 2026-09-30
\`\`\``,
  },
  'kpi/missing': {
    description: 'Planul, un canal, o strategie sau secțiunea de măsurare nu numește niciun KPI sau obiectiv.',
    docs: `Un plan valorează cât felul în care este măsurat. Regula avertizează când
- planul nu definește niciun KPI (\`kpis\` lipsește sau este gol);
- un canal nu are \`kpis\`: de unde veți ști dacă funcționează?
- o strategie nu are \`goals\`: ce servește?
- secțiunea \`measurement\` a unui plan de marketing nu are \`kpis\`.

Un obiectiv fără KPI este raportat de \`smart/measurable\`, nu aici.

\`\`\`yaml
channels:
  - id: webinare
    name: Webinare lunare
    type: online
    kpis: [clienti-calificati, cost-per-client]
\`\`\``,
  },
  'kpi/incomplete': {
    description: 'Unui KPI îi lipsește ținta, frecvența sau sursa datelor.',
    docs: `Un KPI poate fi urmărit doar dacă spune ce valoare se dorește (\`target\`), cât de des este măsurat (\`frequency\`: \`daily\`, \`weekly\`, \`monthly\`, \`quarterly\` sau \`yearly\`) și de unde vine numărul (\`source\`: un instrument sau un raport).

\`\`\`yaml
kpis:
  - id: clienti-calificati
    name: Clienți potențiali calificați de marketing
    metric: leads
    baseline: 400
    target: 520
    frequency: monthly
    source: Raportul din HubSpot
\`\`\`

O singură constatare pe KPI numește toate câmpurile care lipsesc.`,
  },
  'kpi/unused': {
    description: 'Un KPI pe care nu îl folosește niciun obiectiv, canal sau secțiunea de măsurare.',
    docs: `Un KPI la care nu se uită nimeni doar încarcă planul. Fiecare KPI ar trebui numit de \`kpi\` dintr-un obiectiv, de \`kpis\` dintr-un canal sau de \`measurement.kpis\`.

Folosiți KPI-ul acolo unde îi este locul sau ștergeți-l.`,
  },
  'kpi/recommended': {
    description: 'Planul nu urmărește niciunul dintre KPI-urile pe care șablonul său le consideră esențiale.',
    docs: `Ghidul numește KPI-urile pe care orice plan de un anumit tip ar trebui să le urmărească. Un plan de marketing: clienții potențiali generați (\`leads\`), rata de conversie a site-ului (\`marketing-conversion-rate\`), costul per client potențial (\`cost-per-lead\`), rentabilitatea investiției în marketing (\`marketing-roi\`). Un plan de vânzări: veniturile (\`revenue\`), rata de conversie (\`conversion-rate\`), valoarea medie a tranzacției (\`average-deal-size\`), costul de achiziție a unui client (\`customer-acquisition-cost\`), rata de câștig (\`win-rate\`).

Un KPI urmărește un indicator din catalog când \`metric\` (sau, în lipsa lui, \`id\`-ul) este id-ul acelui indicator:

\`\`\`yaml
kpis:
  - id: clienti-calificati
    name: Clienți potențiali calificați de marketing
    metric: leads
\`\`\``,
  },
  'budget/sum': {
    description: 'Alocările din buget însumează mai mult decât totalul sau mai puțin de 95 % din el.',
    docs: `Alocările bugetului (\`allocations\`) împart totalul (\`total\`) pe canale. Ar trebui să însumeze totalul: mai mult înseamnă cheltuieli peste buget, iar sub 95 % rămân bani pe care nu i-a planificat nimeni.

\`\`\`yaml
budget:
  total: 120000
  allocations:
    - { channel: webinare, amount: 30000, expectedReturn: 90000 }
    - { channel: reclame-linkedin, amount: 90000, expectedReturn: 210000 }
\`\`\`

Un \`total\` fără nicio alocare (\`allocations\`) este raportat și el: un buget pe care nu l-a împărțit nimeni pe canale nu este încă un plan.`,
  },
  'calendar/range': {
    description: 'O activitate din calendar se termină înainte de a începe sau este în afara perioadei planului.',
    docs: `Fiecare activitate din \`calendar\` se desfășoară de la \`start\` la \`end\`, în perioada planului (\`period\`). Regula avertizează când o activitate se termină înainte de a începe (de obicei, datele sunt inversate) și când una dintre date este în afara perioadei.

\`\`\`yaml
period: { start: 2026-01-01, end: 2026-12-31 }
calendar:
  - id: lansare-primavara
    name: Campania de lansare de primăvară
    start: 2026-03-01
    end: 2026-04-15
\`\`\``,
  },
  'align/period': {
    description: 'Un plan numit în `alignsWith` lipsește, nu este un plan sau acoperă altă perioadă.',
    docs: `Un plan de vânzări și planul lui de marketing se numesc unul pe altul în \`alignsWith\`, ca fiecare să fie verificat față de celălalt: trimiterile pot numi id-urile celuilalt plan, iar cele două trebuie să acopere aceeași perioadă. Regula avertizează când
- o cale din \`alignsWith\` nu poate fi citită sau numește un fișier care nu este un plan (fără \`kind: marketing\` sau \`kind: sales\`);
- o cale duce în afara spațiului de lucru (în linia de comandă, folderul în care rulează; pentru un plan din afara lui, folderul planului), direct sau printr-o legătură simbolică: astfel de fișiere nu sunt citite niciodată;
- o cale numește ceva ce nu este un fișier obișnuit (un folder, un dispozitiv precum \`/dev/zero\`, o conductă sau un soclu, direct sau printr-o legătură) sau un fișier mai mare decât \`maxFileSize\` (în octeți, știut înainte de citire): nici astfel de fișiere nu sunt citite;
- perioadele celor două planuri nu se suprapun.

\`\`\`yaml
# vanzari.plan.yaml
alignsWith: [marketing.plan.yaml]
period: { start: 2026-01-01, end: 2026-12-31 }
\`\`\``,
  },
  'plan/period': {
    description: 'Perioada planului se termină după ce începe.',
    docs: `\`period\` este orizontul planului: termenele, calendarul și verificarea realizabilității se raportează toate la el, așa că trebuie să se termine după ce începe.

\`\`\`yaml
period:
  start: 2026-01-01
  end: 2026-12-31
\`\`\`

Regula completează specificația formatului, care cere ca \`end\` să fie după \`start\` fără să numească o regulă pentru asta.`,
  },
  'plan/approval-stale': {
    description: 'Țintele, bugetele sau termenele s-au schimbat după ultima aprobare.',
    docs: `Lista \`approvals\` a unui plan înregistrează cine a aprobat ce revizie a lui (un commit git). Când țintele, valorile de referință, termenele, perioada, cotele sau bugetul planului se schimbă după ultima aprobare ori se adaugă sau se scot obiective și KPI-uri, aprobarea nu mai acoperă planul: regula spune ce s-a schimbat de atunci (planul din revizia aprobată comparat cu planul de acum, după înțeles, ca în \`plan-as-code diff\`). Formulările, responsabilii și comentariile se pot schimba liber.

Ultima aprobare este cea cu \`date\` cea mai recentă. Este verificată acolo unde git poate fi citit (editorul, într-un spațiu de lucru de încredere, și CLI-ul); regula spune și când revizia nu poate fi găsită (un identificator de commit greșit, un plan mutat între timp, o clonă parțială). Aprobările unui plan cu \`status: draft\` nu sunt judecate: planul este încă în lucru.

\`\`\`yaml
status: approved
approvals:
  - by: Ana Pop
    role: Director de marketing
    date: 2026-02-20
    revision: 3f9c2a1   # git log -1 --format=%h -- marketing.plan.yaml
\`\`\`

Pentru a rezolva o constatare, cereți din nou aprobarea și adăugați-o cu commitul care conține schimbările.`,
  },
  'plan/config': {
    description: 'Fișierul `.planrc.yaml` care se aplică acestui plan are probleme.',
    docs: `Regulile se configurează în setarea \`planAsCode.rules\` din VS Code și, pentru toți cei care lucrează într-un depozit, într-un fișier \`.planrc.yaml\` din folderul planului sau de deasupra lui (cel mai apropiat are prioritate față de setări):

\`\`\`yaml
rules:
  kpi/unused: off
  smart/*: error
  smart/achievable: { severity: warning, maxAnnualGrowth: 150 }
language: ro
\`\`\`

Când fișierul nu este YAML valid sau are chei ori gravități necunoscute, planul primește această constatare pe cheia \`kind\`, iar părțile valide ale fișierului se aplică în continuare.

Într-un spațiu de lucru care nu este de încredere (modul restricționat din VS Code), fișierul poate micșora \`maxFileSize\`, dar nu îl poate mări peste limita care s-ar aplica fără el (setarea dumneavoastră \`planAsCode.maxFileSize\`, altfel 2.000.000): un depozit nu trebuie să poată face editorul să analizeze fișiere uriașe. O valoare mai mare este ignorată, iar această constatare o spune, până când marcați spațiul de lucru ca fiind de încredere. Linia de comandă o aplică întotdeauna.

Regula completează specificația formatului.`,
  },
  'plan/too-large': {
    description: 'Planul depășește limita de mărime și nu a fost verificat.',
    docs: `Ca editorul să răspundă repede, un plan mai lung de \`maxFileSize\` caractere (implicit 2.000.000, cam 50.000 de rânduri) nu este verificat: primește doar această constatare. Împărțiți planurile foarte mari (de exemplu câte un plan de vânzări pe regiune, legate prin \`alignsWith\`) sau măriți limita:

\`\`\`yaml
# .planrc.yaml
maxFileSize: 20000000
\`\`\`

Într-un spațiu de lucru care nu este de încredere, un \`.planrc.yaml\` nu poate mări limita (\`plan/config\` spune când încearcă).

Regula completează specificația formatului.`,
  },
  'plan/too-many-findings': {
    description: 'Planul are mai multe constatări decât arată editorul; sunt afișate doar cele mai grave.',
    docs: `Editorul afișează cel mult 1.000 de constatări pentru un plan (întâi erorile): mai multe nu ar ajuta pe nimeni și ar încetini editorul. Această notă, pe primul rând, spune câte au rămas pe dinafară. Rezolvați constatările afișate (corecturile rapide, ca *Aplicați toate corecturile sigure*, ajută) sau împărțiți un plan foarte mare, ca să le vedeți pe celelalte. Linia de comandă (\`plan-as-code check\`) le raportează întotdeauna pe toate.

Regula completează specificația formatului.`,
  },
  'plan/internal-error': {
    description: 'O regulă a eșuat în interiorul verificării: un defect de raportat, niciodată o problemă a planului.',
    docs: `Când una dintre verificări eșuează pe un plan (un defect al Plan as Code, niciodată o greșeală din plan), planul primește această singură constatare, care numește regula care a eșuat și motivul; toate celelalte reguli rulează în continuare, iar litera SMART a unei reguli eșuate contează ca neîndeplinită. Vă rugăm să o raportați, împreună cu planul (sau cu cea mai mică parte din el care o mai arată).

Regula completează specificația formatului.`,
  },
  'align/funnel': {
    description: 'Clienții potențiali din planul de marketing, la rata de conversie și la valoarea medie a tranzacției din planul de vânzări, nu ajung la ținta de venituri din vânzări.',
    docs: `Marketingul umple pâlnia de vânzări pe care o închid vânzările: **clienți potențiali × rata de conversie × valoarea medie a tranzacției** sunt veniturile pe care marketingul le poate aduce vânzărilor. Când ținta pentru \`leads\` din planul de marketing, împreună cu țintele pentru \`conversion-rate\` și \`average-deal-size\` din planul de vânzări, nu ajunge la ținta pentru \`revenue\` din planul de vânzări, cele două planuri nu se leagă. Constatarea arată calculul, diferența și de cât ar fi nevoie din fiecare pârghie, luată separat.

Planurile sunt legate prin \`alignsWith\` (oricare dintre ele îl poate numi pe celălalt, deschis sau nu), sau un singur plan are toate cele patru KPI-uri. Mai multe KPI-uri \`conversion-rate\` sunt citite ca etape succesive și se înmulțesc.

\`\`\`yaml
# marketing.plan.yaml
alignsWith: [vanzari.plan.yaml]
kpis:
  - { id: clienti-potentiali, name: Clienți potențiali calificați, metric: leads, target: 6000 }
# vanzari.plan.yaml
kpis:
  - { id: conversie, name: Din client potențial în client, metric: conversion-rate, target: 4 }
  - { id: valoare-tranzactie, name: Valoarea medie a tranzacției, metric: average-deal-size, target: 50000 }
  - { id: venituri, name: Venituri, metric: revenue, target: 12000000 }
\`\`\`

6.000 × 4 % × 50.000 = 12.000.000: pâlnia acoperă ținta. Planurile în monede diferite nu sunt înmulțite niciodată (\`align/currency\`).`,
  },
  'align/currency': {
    description: 'Planurile legate prin `alignsWith` folosesc monede diferite, așa că cifrele lor nu sunt comparate.',
    docs: `Planurile aliniate sunt comparate cifră cu cifră (pâlnia de la clienți potențiali la venituri, bugetele față de venituri). Pentru asta e nevoie de o singură monedă: un plan de marketing în EUR și un plan de vânzări în RON nu sunt înmulțite niciodată între ele. Folosiți aceeași \`currency\` în ambele planuri sau convertiți unul dintre ele.

\`\`\`yaml
currency: RON   # aceeași în marketing.plan.yaml și în vanzari.plan.yaml
\`\`\``,
  },
  'economics/clv-cac': {
    description: 'Ținta pentru valoarea clientului pe durata relației este sub de 3 ori ținta pentru costul de achiziție a unui client.',
    options: { minimumRatio: 'Cel mai mic raport CLV : CAC considerat sănătos.' },
    docs: `Un client ar trebui să aducă de câteva ori cât a costat câștigarea lui: un raport **CLV : CAC** sub 3 : 1 este considerat în general nesănătos (firma plătește prea mult pentru clienți care aduc prea puțin). Regula compară ținta KPI-ului \`customer-lifetime-value\` cu ținta KPI-ului \`customer-acquisition-cost\` și spune raportul și costul de achiziție pe care și-l poate permite planul.

\`\`\`yaml
kpis:
  - { id: clv, name: Valoarea clientului pe durata relației, metric: customer-lifetime-value, target: 2500 }
  - { id: cac, name: Costul de achiziție, metric: customer-acquisition-cost, target: 500 }   # 5,0 : 1
\`\`\``,
  },
  'economics/payback': {
    description: 'Costul de achiziție a unui client se recuperează în mai mult de 12 luni de profit brut pe client.',
    options: { maxMonths: 'Cea mai lungă recuperare a costului de achiziție acceptată, în luni.' },
    docs: `**Recuperarea CAC** înseamnă câte luni din profitul brut al unui client sunt necesare ca să se recupereze cât a costat câștigarea lui: CAC ÷ (venitul lunar pe client × marja brută). Peste 12 luni, banii se termină înainte ca clienții să-și acopere costul. Regula citește țintele KPI-urilor \`customer-acquisition-cost\`, \`revenue-per-account\` (lunar) și \`gross-margin\` (fără marjă brută, o socotește 100 % și o spune).

\`\`\`yaml
kpis:
  - { id: cac, name: Costul de achiziție, metric: customer-acquisition-cost, target: 1000 }
  - { id: venit-client, name: Venitul lunar pe client, metric: revenue-per-account, target: 100 }
  - { id: marja, name: Marja brută, metric: gross-margin, target: 80 }   # 1000 ÷ (100 × 80 %) = 12,5 luni
\`\`\``,
  },
  'economics/roi': {
    description: 'Venitul așteptat dintr-o alocare din buget este sub costul ei.',
    docs: `Fiecare alocare din buget poate spune ce se așteaptă să aducă înapoi (\`expectedReturn\`). Rentabilitatea ei (ROI) este (venit − cost) ÷ cost, definiția din catalogul de KPI-uri: o alocare care aduce mai puțin decât costă pierde bani, după chiar cifrele planului. Mutați banii pe un canal care aduce profit sau explicați de ce merită cheltuiala (marca, o piață strategică).

\`\`\`yaml
budget:
  total: 50000
  allocations:
    - { channel: evenimente, amount: 20000, expectedReturn: 15000 }   # ROI −25 %
\`\`\``,
  },
  'sales/capacity': {
    description: 'Numărul de persoane din echipă × cota lor nu ajunge la ținta de venituri.',
    docs: `O țintă de venituri are nevoie de oameni care s-o ducă. Când rolurile din echipă au o cotă (\`quota\`, venituri pe persoană pe an), capacitatea echipei este suma \`count\` × \`quota\`, proporțională cu perioada planului. Sub ținta pentru \`revenue\`, fie ținta, fie echipa este greșită: constatarea spune diferența și câte persoane cu cea mai mare cotă ar acoperi-o.

\`\`\`yaml
team:
  - { id: agenti, role: Agent de vânzări, count: 4, quota: 400000 }
  - { id: prospectare, role: Reprezentant pentru dezvoltarea vânzărilor, count: 3, quota: 150000 }
\`\`\``,
  },
  'forecast/history': {
    description: '`forecast.method` are nevoie de mai mult istoric decât dă planul, sau o valoare din istoric nu este un venit.',
    docs: `Prognoza se construiește din \`forecast.history\`: o tendință (\`linear\`) are nevoie de cel puțin 3 perioade; un profil sezonier (\`seasonal\`, metoda Holt-Winters aditivă), de doi ani întregi pe trimestre sau pe luni (10 trimestre sau 24 de luni) și nu se poate face dintr-un istoric anual; \`auto\` o alege pe cea mai bună dintre cele două pe care istoricul le permite. Valoarea \`revenue\` de pe fiecare rând al istoricului trebuie să fie un număr, de la 0 în sus.

\`\`\`yaml
forecast:
  method: seasonal
  history:
    - { period: 2024-Q1, revenue: 180000 }
    # … fiecare trimestru din 2024 și 2025, și mai multe
\`\`\``,
  },
  'forecast/periods': {
    description: 'Istoricul prognozei nu este continuu, amestecă granularități sau intră în perioada planului; proiecțiile sunt în afara ei sau se suprapun.',
    docs: `Perioadele din \`forecast\` se scriu \`AAAA\`, \`AAAA-Qn\` (trimestrul n) sau \`AAAA-LL\`. Istoricul (\`history\`) are o singură granularitate, este în ordine, fără perioade lipsă sau repetate, și se termină înainte de începutul perioadei planului (ce cade în perioada planului este o proiecție, nu istoric). Proiecțiile (\`projections\`) sunt în perioada planului și nu se suprapun; pe termen scurt pot fi mai fine (întâi luni, apoi trimestre).

\`\`\`yaml
period: { start: 2026-01-01, end: 2026-12-31 }
forecast:
  history:
    - { period: 2024-Q4, revenue: 410000 }
    - { period: 2025-Q1, revenue: 300000 }   # trimestre consecutive, toate înainte de 2026
  projections:
    - { period: 2026-01, revenue: 110000 }
    - { period: 2026-02, revenue: 105000 }
    - { period: 2026-03, revenue: 120000 }
    - { period: 2026-Q2, revenue: 360000 }   # întâi luni, apoi trimestre
\`\`\``,
  },
  'forecast/projections': {
    description: 'Proiecțiile scrise în plan ies din intervalul de 95 % al modelului de prognoză.',
    docs: `Când un plan își scrie singur proiecțiile (\`projections\`), verificarea tot potrivește modelul ei pe istoric (\`history\`; cel mai bun dintre o tendință și un profil sezonier) și semnalează o proiecție aflată în afara intervalului de predicție de 95 % al modelului pentru acea perioadă: istoricul singur nu o susține. Poate fi corectă (un produs nou, un contract mare): atunci spuneți de ce în \`assumptions\`.

\`\`\`yaml
forecast:
  method: manual
  history: [ … ]
  projections:
    - { period: 2026-Q4, revenue: 900000 }   # intervalul de 95 % al modelului: 420.000 – 610.000
  assumptions: Două contracte mari semnate în T3 încep să fie facturate în T4.
\`\`\``,
  },
  'kpi/off-track': {
    description: 'Ultima valoare realizată a unui KPI a rămas în urma traiectoriei drepte de la valoarea de referință la țintă.',
    options: { onTrack: 'Un progres de cel puțin această parte din progresul cuvenit este în grafic.', atRisk: 'Un progres de cel puțin această parte (și sub pragul pentru în grafic) este în pericol; sub ea, a rămas în urmă.' },
    docs: `Un plan se analizează față de ce se întâmplă de fapt (ghidul spune „optimizați continuu”). \`actuals\` numește un fișier CSV de lângă plan, cu coloanele \`kpi,period,value\` (perioade \`AAAA\`, \`AAAA-Qn\`, \`AAAA-LL\` sau o dată). Pentru fiecare KPI cu valori realizate, cea mai recentă este comparată cu traiectoria dreaptă de la valoarea de referință (\`baseline\`) a KPI-ului, la \`period.start\`, până la ținta lui (\`target\`), la termenul obiectivului care îl folosește (sau la sfârșitul planului):

    progresul p = (valoare realizată − valoare de referință) ÷ (țintă − valoare de referință)

**în grafic** când p este cel puțin 95 % din progresul cuvenit până atunci, **în pericol** de la 75 %, **rămas în urmă** sub atât. Regula nu spune nimic în prima zecime a perioadei și judecă față de data de azi (în linia de comandă, \`--today\`).

\`\`\`yaml
actuals: realizari.csv
\`\`\`

\`\`\`csv
kpi,period,value
clienti-potentiali,2026-03,1450
clienti-potentiali,2026-06,2900
\`\`\``,
  },
  'actuals/csv': {
    description: 'Fișierul cu valori realizate nu poate fi citit sau unele rânduri ale lui nu pot fi folosite.',
    docs: `\`actuals\` numește un fișier CSV de lângă plan: un antet \`kpi,period,value\` (în orice ordine; merge și \`;\` ca separator, cu virgulă zecimală), apoi câte o măsurătoare pe rând. Un rând al cărui KPI nu este definit în plan, a cărui perioadă nu este \`AAAA\`, \`AAAA-Qn\`, \`AAAA-LL\` sau o dată, a cărui valoare nu este un număr sau care repetă perioada unui KPI este raportat cu numărul rândului și lăsat deoparte; celelalte rânduri se folosesc în continuare. Celulele sunt citite ca text, niciodată ca formule.

\`\`\`csv
kpi,period,value
clienti-potentiali,2026-Q1,1450
venituri,2026-Q1,"310000"
\`\`\``,
  },
  'kpi/range': {
    description: 'O valoare pe care tipul KPI-ului nu o poate lua: o proporție peste 100 %, un număr sau o sumă negativă.',
    docs: `Unele numere nu pot exista: o rată de câștig de 130 % (mai multe tranzacții câștigate decât încheiate), o pierdere a clienților de 250 %, −220 de participanți. Regula avertizează când valoarea de referință (\`baseline\`) sau ținta (\`target\`) a unui KPI, ori cele ale unui obiectiv măsurat cu el,
- sunt în afara intervalului 0–100 la un KPI procentual care este o parte dintr-un întreg: indicatorii din catalog \`win-rate\`, \`conversion-rate\`, \`marketing-conversion-rate\`, \`churn-rate\`, \`retention-rate\`, \`upsell-rate\`, \`click-through-rate\`, \`email-open-rate\`, \`email-click-rate\` și \`market-share\` (sau, fără \`metric\`, un KPI procentual al cărui nume spune asta: conversie, pierderea clienților, retenție, rată de câștig, rată de deschidere, rată de clic, cotă);
- sunt negative la un KPI măsurat în \`count\`, \`currency\` sau \`days\`.

Un procent se scrie ca număr (\`30\` pentru 30 %), iar o țintă este nivelul de atins, nu schimbarea:

\`\`\`yaml
kpis:
  - id: rata-castig
    name: Rata de câștig
    metric: win-rate
    baseline: 24
    target: 30          # nu 130 și nici 0.3
\`\`\`

Celelalte reguli lasă în pace un număr în afara intervalului, ca el să fie raportat o singură dată, aici.`,
  },
  'goal/kpi-target': {
    description: 'Ținta sau valoarea de referință a unui obiectiv nu se potrivește cu cele ale KPI-ului său, ori ținta pare o schimbare, nu un nivel.',
    docs: `Un obiectiv și KPI-ul lui descriu de două ori același număr: KPI-ul spune de unde pornește indicatorul și unde îl vrea planul (\`baseline\`, \`target\`), obiectivul spune ce se va face ca să ajungă acolo. Când cele două nu se potrivesc, planul spune două lucruri deodată. Regula avertizează când

- ținta obiectivului (\`target\`) este o schimbare, nu nivelul de atins: formularea o spune („recâștigăm 8 clinici pierdute”, „adăugăm 25 de instalatori”, „cu 300”, „+15 %”), iar ținta este chiar acel număr. Mesajul dă nivelul (valoarea de referință 85 + 8 = 93), iar o corectură rapidă îl scrie;
- la un KPI la care o valoare mai mare e mai bună, un obiectiv fără valoare de referință proprie țintește cu peste jumătate sub valoarea de referință a KPI-ului: fie ținta este câștigul (nivelul este valoarea de referință + ținta), fie obiectivul acoperă doar o parte din KPI și are nevoie de propriul \`baseline\`;
- un obiectiv cu termen la sfârșitul planului țintește peste ținta KPI-ului pentru tot planul, la un KPI ale cărui părți se adună (un număr, o sumă de bani): o parte nu poate depăși întregul („6,5 milioane doar din cafenele” la o țintă de venituri de 5,2 milioane). Un obiectiv este o parte când alte obiective au același KPI sau când formularea lui o spune („doar”, „numai”, „alone”, „only”);
- singurul obiectiv pe un KPI cu termen la sfârșitul planului țintește alt număr decât KPI-ul (3.000 față de 3.600); corecturile rapide pun ținta obiectivului egală cu a KPI-ului sau pe a KPI-ului egală cu a obiectivului;
- un obiectiv țintește chiar ținta KPI-ului, dar pornind de la altă valoare de referință.

\`\`\`yaml
kpis:
  - id: clienti-calificati
    baseline: 1400
    target: 3600
goals:
  - id: clienti
    kpi: clienti-calificati
    target: 3600          # același număr ca ținta KPI-ului
\`\`\`

Un obiectiv care acoperă o parte dintr-un KPI (clienții potențiali din webinare, veniturile dintr-un segment) își dă propriul \`baseline\` pentru acea parte și țintește sub ținta KPI-ului. Când un obiectiv numește mai multe KPI-uri, este comparat cu cel cu care se potrivește ținta lui (cel mai apropiat ca ordin de mărime), iar mesajul spune care. Obiectivele care repetă alt obiectiv sunt ale lui \`goal/duplicate\`, un număr în afara intervalului KPI-ului este al lui \`kpi/range\`, iar o țintă de partea greșită a valorii de referință este a lui \`smart/achievable\`: fiecare este raportat o singură dată.`,
  },
  'goal/duplicate': {
    description: 'Două obiective spun același lucru: același KPI, aceeași țintă și același termen, sau aproape aceeași formulare.',
    docs: `Un obiectiv scris de două ori, sub două id-uri, împarte atenția responsabililor și este numărat de două ori la fiecare analiză. Regula avertizează pe al doilea dintre două obiective când
- amândouă sunt măsurate cu același KPI și au aceeași țintă, aceeași valoare de referință și același termen;
- sau, măsurate cu același KPI, formulările lor spun aproape același lucru: cel puțin patru cuvinte cu sens fiecare și patru din cinci cuvinte comune (cuvintele mici, ca „și”, „din”, „the”, „from”, nu se numără, iar literele se compară fără diacritice).

\`\`\`yaml
goals:
  - id: clienti
    statement: Generăm 3.000 de clienți potențiali calificați prin webinare și LinkedIn
  - id: mai-multi-clienti     # goal/duplicate: spune ce spune \`clienti\`
    statement: Generăm 3.000 de clienți potențiali calificați din webinare și reclame LinkedIn
\`\`\`

Păstrați un singur obiectiv (adunând ce adaugă formulările lor) sau faceți ca fiecare formulare să spună ce o deosebește: alt KPI, alt segment, alt termen. Un obiectiv repetat nu mai este comparat încă o dată cu KPI-ul lui (\`goal/kpi-target\`).`,
  },
  'plan/stale': {
    description: 'Perioada planului s-a încheiat sau termenele unor obiective au trecut, față de data de azi.',
    docs: `Un plan se citește față de calendar: unul a cărui perioadă s-a încheiat este o arhivă, nu un plan, iar un obiectiv al cărui termen a trecut are nevoie de rezultatul lui scris. Față de data de azi (CLI-ul primește \`--today AAAA-LL-ZZ\`; editorul citește data calculatorului), regula notează

- un plan a cărui perioadă (\`period\`) s-a încheiat, dar care are încă \`status\` \`active\`, \`approved\` sau \`review\`: marcați-l \`status: archived\` (corectura rapidă face asta) sau mutați perioada mai departe, pentru planul următor. O ciornă (\`draft\`) a cărei perioadă s-a încheiat planifică trecutul: mutați mai departe perioada și termenele;
- un obiectiv al cărui termen (\`deadline\`) a trecut, într-o perioadă încă în desfășurare, odată ce rezultatul lui trebuie să fie cunoscut: la un interval de măsurare al KPI-ului lui după termen (\`frequency\`: o zi, o săptămână, o lună, un trimestru, un an; niciunul fără KPI sau fără frecvență), astfel că termenul din iunie al unui KPI lunar este notat după ce sosesc cifrele din iulie. Scrieți dacă ținta a fost atinsă, apoi închideți obiectivul sau stabiliți un termen nou.

Când perioada s-a încheiat, termenele obiectivelor nu mai sunt notate unul câte unul: constatarea este planul întreg. Termenele din afara perioadei sunt ale lui \`smart/time-bound\`. Un plan arhivat (\`archived\`) nu mai este verificat deloc.

\`\`\`yaml
status: archived       # planul pe 2025, păstrat ca arhivă
period: { start: 2025-01-01, end: 2025-12-31 }
\`\`\``,
  },
};

/** A rule's description, docs and option descriptions in a language. */
export function ruleText(rule: Rule, locale: Locale): RuleText {
  const english: RuleText = { description: rule.description, docs: rule.docs, options: Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, option]) => [name, option.description])) };
  return locale === 'ro' ? RULE_TEXT_RO[rule.id] : english;
}
