/**
 * Whole plans to start from, in each language: what a user gets by completing `plan` in an
 * empty `.plan.yaml` (the language is the setting's, else VS Code's, until the plan says its
 * own). Snippet syntax: tab stops on what the author replaces first; ids that several places
 * share are one linked tab stop, so renaming one renames its references. Each template, kept
 * as it is, is a plan with no findings (test/unit/snippets.test.ts).
 */
import type { Locale, PlanKind } from '../base/types';

/** The sales templates' revenue history and projections: numbers and periods, the same in every language. */
const FORECAST_ROWS = `  history:
    - period: \${27:2025}-Q1
      revenue: 230000
    - period: \${27:2025}-Q2
      revenue: 245000
    - period: \${27:2025}-Q3
      revenue: 260000
    - period: \${27:2025}-Q4
      revenue: 265000
  projections:
    - period: \${CURRENT_YEAR}-Q1
      revenue: 275000
    - period: \${CURRENT_YEAR}-Q2
      revenue: 285000
    - period: \${CURRENT_YEAR}-Q3
      revenue: 290000
    - period: \${CURRENT_YEAR}-Q4
      revenue: 300000
`;

export const PLAN_TEMPLATES: Readonly<Record<Locale, Readonly<Record<PlanKind, string>>>> = {
  en: {
    marketing: `kind: marketing
version: 1
title: \${1:Marketing plan \${CURRENT_YEAR}}
owner: \${2:Head of Marketing}
period:
  start: \${3:\${CURRENT_YEAR}-01-01}
  end: \${4:\${CURRENT_YEAR}-12-31}
currency: \${5|EUR,RON,USD|}
language: \${6|en,ro|}
summary: |
  \${7:What the plan will achieve, through which strategies and with which budget.}
objectives:
  - id: \${8:grow-pipeline}
    statement: \${9:Grow the sales pipeline with mid-sized business customers}
market:
  analysis: |
    \${10:The target market: who buys, how many they are, what is changing.}
  trends:
    - Buyers compare vendors online before they talk to sales
  opportunities:
    - Few competitors publish practical guides
  competitors:
    - name: \${11:Competitor A}
      strengths:
        - Well-known brand
      weaknesses:
        - Slow customer support
  swot:
    strengths:
      - Experienced team
    weaknesses:
      - Small marketing budget
    opportunities:
      - Growing online demand
    threats:
      - Price pressure from larger vendors
personas:
  - id: \${12:operations-manager}
    name: \${13:Olivia, operations manager}
    role: Operations manager
    description: Runs daily operations at a mid-sized company
    demographics: 30 to 45 years old, companies of 50 to 250 people
    needs:
      - Fewer manual steps
    pains:
      - Tools that do not work together
    preferences:
      - Short case studies
    behaviors:
      - Reads newsletters on Monday mornings
kpis:
  - id: \${14:leads}
    name: Leads generated
    metric: leads
    unit: count
    baseline: \${15:400}
    target: \${16:600}
    frequency: monthly
    source: \${17:CRM}
  - id: \${18:cost-per-lead}
    name: Cost per lead
    metric: cost-per-lead
    unit: currency
    baseline: 50
    target: 40
    frequency: monthly
    source: Ads manager
goals:
  - id: \${19:more-qualified-leads}
    statement: \${20:Raise monthly leads from 400 to 600 through webinars and the newsletter}
    kpi: \${14:leads}
    baseline: \${15:400}
    target: \${16:600}
    deadline: \${4:\${CURRENT_YEAR}-12-31}
    owner: \${2:Head of Marketing}
    supports:
      - \${8:grow-pipeline}
positioning:
  statement: |
    \${21:For operations managers who lose hours to manual work, we are the tool that removes it.}
  advantages:
    - Set up in one day
  messages:
    - persona: \${12:operations-manager}
      message: Spend your time on decisions, not on data entry
strategies:
  - id: \${22:webinar-series}
    name: Monthly webinar series
    description: |
      One practical webinar a month, promoted through the newsletter.
    goals:
      - \${19:more-qualified-leads}
    differentiation: Hands-on sessions led by practitioners
mix:
  product: |
    What is sold, and to whom.
  price: |
    Pricing, discounts and payment terms.
  place: |
    Distribution channels and logistics.
  promotion: |
    Advertising, PR, digital and content.
budget:
  total: 20000
  allocations:
    - channel: \${23:webinars}
      amount: 12000
      expectedReturn: 36000
    - channel: \${24:newsletter}
      amount: 8000
      expectedReturn: 16000
calendar:
  - id: \${25:spring-webinar}
    name: Spring webinar
    start: \${CURRENT_YEAR}-03-10
    end: \${CURRENT_YEAR}-03-10
    channels:
      - \${23:webinars}
      - \${24:newsletter}
    goals:
      - \${19:more-qualified-leads}
    notes: Invite the newsletter list two weeks before
channels:
  - id: \${23:webinars}
    name: Webinars
    type: online
    description: Live sessions with questions and answers
    kpis:
      - \${14:leads}
  - id: \${24:newsletter}
    name: Newsletter
    type: online
    description: A monthly email to subscribers
    kpis:
      - \${14:leads}
      - \${18:cost-per-lead}
content:
  items:
    - type: case study
      topic: How a customer saved ten hours a week
      frequency: monthly
      channels:
        - \${24:newsletter}
      persona: \${12:operations-manager}
  distribution: |
    Each piece goes out in the newsletter, then on social media.
  audit:
    frequency: quarterly
measurement:
  kpis:
    - \${14:leads}
    - \${18:cost-per-lead}
  tools:
    - CRM
    - Web analytics
  cadence: monthly
  reviews: |
    A monthly review of the KPIs with sales.
$0`,
    sales: `kind: sales
version: 1
title: \${1:Sales plan \${CURRENT_YEAR}}
owner: \${2:Head of Sales}
period:
  start: \${3:\${CURRENT_YEAR}-01-01}
  end: \${4:\${CURRENT_YEAR}-12-31}
currency: \${5|EUR,RON,USD|}
language: \${6|en,ro|}
summary: |
  \${7:What the team will sell, to whom, and how much revenue it expects.}
objectives:
  - id: \${8:grow-revenue}
    statement: \${9:Grow revenue from mid-sized retailers}
kpis:
  - id: \${10:revenue}
    name: Revenue
    metric: revenue
    unit: currency
    baseline: \${11:1000000}
    target: \${12:1150000}
    frequency: monthly
    source: \${13:CRM}
  - id: \${14:win-rate}
    name: Win rate
    metric: win-rate
    unit: percent
    baseline: 20
    target: 25
    frequency: monthly
    source: CRM
goals:
  - id: \${15:revenue-plus-15}
    statement: \${16:Increase revenue 15 % through guided selling to mid-sized retailers}
    kpi: \${10:revenue}
    baseline: \${11:1000000}
    target: \${12:1150000}
    deadline: \${4:\${CURRENT_YEAR}-12-31}
    owner: \${2:Head of Sales}
    supports:
      - \${8:grow-revenue}
  - id: \${17:higher-win-rate}
    statement: Raise the win rate from 20 % to 25 % with structured discovery calls
    kpi: \${14:win-rate}
    baseline: 20
    target: 25
    deadline: \${4:\${CURRENT_YEAR}-12-31}
    owner: \${2:Head of Sales}
    supports:
      - \${8:grow-revenue}
segments:
  - id: \${18:mid-sized-retail}
    name: Mid-sized retailers
    description: Retail chains with a few stores and a small head office
    idealCustomer:
      industry: Retail
      size: 50 to 250 employees
      region: \${19:National}
      traits:
        - Runs more than one store
offering:
  - id: \${20:store-suite}
    name: Store suite
    description: Stock, orders and reports for every store in one place
    valueProposition: One view of every store, every day
    differentiators:
      - Set up in one day
strategies:
  - id: \${21:guided-selling}
    name: Guided selling
    type: \${22|conversion,prospecting,lead-generation,acquisition,upsell,cross-sell,retention|}
    description: Demos built around the customer's own stores
    goals:
      - \${15:revenue-plus-15}
      - \${17:higher-win-rate}
    segments:
      - \${18:mid-sized-retail}
team:
  - id: \${23:sales-lead}
    role: Head of sales
    count: 1
    responsibilities:
      - Owns the forecast and the pipeline review
  - id: \${24:account-executives}
    role: Account executive
    count: 4
    responsibilities:
      - Runs discovery calls and demos
    reportsTo: \${23:sales-lead}
tactics:
  - name: Discovery calls
    methodology: \${25:SPIN selling}
    description: Situation, problem, implication and need-payoff questions before any demo
forecast:
  method: \${26|linear,seasonal,manual|}
${FORECAST_ROWS}  assumptions: |
    The market stays stable; two account executives join in the first quarter.
territories:
  - id: \${28:north}
    name: North
    regions:
      - \${29:North-East}
    channels:
      - Direct sales
    owner: \${24:account-executives}
training:
  - id: \${30:onboarding}
    name: Onboarding
    audience: \${24:account-executives}
    cadence: quarterly
    topics:
      - Product
      - Discovery calls
$0`,
  },
  ro: {
    marketing: `kind: marketing
version: 1
title: \${1:Plan de marketing \${CURRENT_YEAR}}
owner: \${2:Director de marketing}
period:
  start: \${3:\${CURRENT_YEAR}-01-01}
  end: \${4:\${CURRENT_YEAR}-12-31}
currency: \${5|RON,EUR,USD|}
language: ro
summary: |
  \${7:Ce va obține planul, prin ce strategii și cu ce buget.}
objectives:
  - id: \${8:crestere-portofoliu}
    statement: \${9:Mai multe oportunități de vânzare la firmele mijlocii}
market:
  analysis: |
    \${10:Piața țintă: cine cumpără, câți sunt, ce se schimbă.}
  trends:
    - Cumpărătorii compară furnizorii online înainte să vorbească cu vânzările
  opportunities:
    - Puțini concurenți publică ghiduri practice
  competitors:
    - name: \${11:Concurentul A}
      strengths:
        - Marcă cunoscută
      weaknesses:
        - Asistență lentă pentru clienți
  swot:
    strengths:
      - Echipă cu experiență
    weaknesses:
      - Buget de marketing mic
    opportunities:
      - Cerere online în creștere
    threats:
      - Presiunea pe preț a furnizorilor mari
personas:
  - id: \${12:sefa-operatiuni}
    name: \${13:Olivia, șefa de operațiuni}
    role: Șefă de operațiuni
    description: Conduce operațiunile zilnice într-o firmă mijlocie
    demographics: 30–45 de ani, firme cu 50–250 de angajați
    needs:
      - Mai puțini pași făcuți de mână
    pains:
      - Aplicații care nu comunică între ele
    preferences:
      - Studii de caz scurte
    behaviors:
      - Citește buletinele informative lunea dimineața
kpis:
  - id: \${14:clienti-potentiali}
    name: Clienți potențiali generați
    metric: leads
    unit: count
    baseline: \${15:400}
    target: \${16:600}
    frequency: monthly
    source: \${17:CRM}
  - id: \${18:cost-per-client}
    name: Costul per client potențial
    metric: cost-per-lead
    unit: currency
    baseline: 50
    target: 40
    frequency: monthly
    source: Platforma de reclame
goals:
  - id: \${19:mai-multi-clienti-calificati}
    statement: \${20:Creștem numărul lunar de clienți potențiali de la 400 la 600 prin webinare și buletinul informativ}
    kpi: \${14:clienti-potentiali}
    baseline: \${15:400}
    target: \${16:600}
    deadline: \${4:\${CURRENT_YEAR}-12-31}
    owner: \${2:Director de marketing}
    supports:
      - \${8:crestere-portofoliu}
positioning:
  statement: |
    \${21:Pentru șefii de operațiuni care pierd ore cu munca făcută de mână, suntem aplicația care o elimină.}
  advantages:
    - Pusă în funcțiune într-o zi
  messages:
    - persona: \${12:sefa-operatiuni}
      message: Timpul dumneavoastră merge în decizii, nu în introdus date
strategies:
  - id: \${22:serie-webinare}
    name: Serie lunară de webinare
    description: |
      Câte un webinar practic pe lună, promovat prin buletinul informativ.
    goals:
      - \${19:mai-multi-clienti-calificati}
    differentiation: Sesiuni practice ținute de specialiști
mix:
  product: |
    Ce se vinde și cui.
  price: |
    Prețuri, reduceri și condiții de plată.
  place: |
    Canale de distribuție și logistică.
  promotion: |
    Publicitate, relații publice, marketing digital și conținut.
budget:
  total: 20000
  allocations:
    - channel: \${23:webinare}
      amount: 12000
      expectedReturn: 36000
    - channel: \${24:buletin}
      amount: 8000
      expectedReturn: 16000
calendar:
  - id: \${25:webinar-primavara}
    name: Webinarul de primăvară
    start: \${CURRENT_YEAR}-03-10
    end: \${CURRENT_YEAR}-03-10
    channels:
      - \${23:webinare}
      - \${24:buletin}
    goals:
      - \${19:mai-multi-clienti-calificati}
    notes: Invitațiile pleacă abonaților buletinului cu două săptămâni înainte
channels:
  - id: \${23:webinare}
    name: Webinare
    type: online
    description: Sesiuni în direct, cu întrebări și răspunsuri
    kpis:
      - \${14:clienti-potentiali}
  - id: \${24:buletin}
    name: Buletin informativ
    type: online
    description: Un e-mail lunar către abonați
    kpis:
      - \${14:clienti-potentiali}
      - \${18:cost-per-client}
content:
  items:
    - type: studiu de caz
      topic: Cum a câștigat un client zece ore pe săptămână
      frequency: lunar
      channels:
        - \${24:buletin}
      persona: \${12:sefa-operatiuni}
  distribution: |
    Fiecare material pleacă în buletinul informativ, apoi pe rețelele sociale.
  audit:
    frequency: trimestrial
measurement:
  kpis:
    - \${14:clienti-potentiali}
    - \${18:cost-per-client}
  tools:
    - CRM
    - Statistici web
  cadence: lunar
  reviews: |
    O analiză lunară a KPI-urilor, împreună cu echipa de vânzări.
$0`,
    sales: `kind: sales
version: 1
title: \${1:Plan de vânzări \${CURRENT_YEAR}}
owner: \${2:Director de vânzări}
period:
  start: \${3:\${CURRENT_YEAR}-01-01}
  end: \${4:\${CURRENT_YEAR}-12-31}
currency: \${5|RON,EUR,USD|}
language: ro
summary: |
  \${7:Ce va vinde echipa, cui și ce venituri așteaptă.}
objectives:
  - id: \${8:crestere-venituri}
    statement: \${9:Venituri mai mari de la lanțurile de magazine mijlocii}
kpis:
  - id: \${10:venituri}
    name: Venituri
    metric: revenue
    unit: currency
    baseline: \${11:1000000}
    target: \${12:1150000}
    frequency: monthly
    source: \${13:CRM}
  - id: \${14:rata-castig}
    name: Rata de câștig
    metric: win-rate
    unit: percent
    baseline: 20
    target: 25
    frequency: monthly
    source: CRM
goals:
  - id: \${15:venituri-plus-15}
    statement: \${16:Creștem veniturile cu 15 % prin vânzare ghidată către lanțurile de magazine mijlocii}
    kpi: \${10:venituri}
    baseline: \${11:1000000}
    target: \${12:1150000}
    deadline: \${4:\${CURRENT_YEAR}-12-31}
    owner: \${2:Director de vânzări}
    supports:
      - \${8:crestere-venituri}
  - id: \${17:rata-castig-mai-mare}
    statement: Creștem rata de câștig de la 20 % la 25 % cu apeluri de descoperire structurate
    kpi: \${14:rata-castig}
    baseline: 20
    target: 25
    deadline: \${4:\${CURRENT_YEAR}-12-31}
    owner: \${2:Director de vânzări}
    supports:
      - \${8:crestere-venituri}
segments:
  - id: \${18:magazine-mijlocii}
    name: Lanțuri de magazine mijlocii
    description: Lanțuri cu câteva magazine și un sediu central mic
    idealCustomer:
      industry: Comerț cu amănuntul
      size: 50–250 de angajați
      region: \${19:Toată țara}
      traits:
        - Are mai mult de un magazin
offering:
  - id: \${20:suita-magazine}
    name: Suita pentru magazine
    description: Stocuri, comenzi și rapoarte pentru fiecare magazin, într-un singur loc
    valueProposition: Imaginea fiecărui magazin, în fiecare zi
    differentiators:
      - Pusă în funcțiune într-o zi
strategies:
  - id: \${21:vanzare-ghidata}
    name: Vânzare ghidată
    type: \${22|conversion,prospecting,lead-generation,acquisition,upsell,cross-sell,retention|}
    description: Demonstrații construite pe magazinele clientului
    goals:
      - \${15:venituri-plus-15}
      - \${17:rata-castig-mai-mare}
    segments:
      - \${18:magazine-mijlocii}
team:
  - id: \${23:director-vanzari}
    role: Director de vânzări
    count: 1
    responsibilities:
      - Răspunde de prognoză și de analiza oportunităților
  - id: \${24:agenti-vanzari}
    role: Agent de vânzări
    count: 4
    responsibilities:
      - Face apelurile de descoperire și demonstrațiile
    reportsTo: \${23:director-vanzari}
tactics:
  - name: Apeluri de descoperire
    methodology: \${25:SPIN selling}
    description: Întrebări despre situație, problemă, implicații și beneficii, înaintea oricărei demonstrații
forecast:
  method: \${26|linear,seasonal,manual|}
${FORECAST_ROWS}  assumptions: |
    Piața rămâne stabilă; doi agenți de vânzări noi vin în primul trimestru.
territories:
  - id: \${28:nord}
    name: Nord
    regions:
      - \${29:Nord-Est}
    channels:
      - Vânzare directă
    owner: \${24:agenti-vanzari}
training:
  - id: \${30:integrare}
    name: Integrarea colegilor noi
    audience: \${24:agenti-vanzari}
    cadence: trimestrial
    topics:
      - Produsul
      - Apelurile de descoperire
$0`,
  },
};
