/**
 * A new plan to start from (*Plan: New Plan…*): every section of its template, linked ids, and
 * the user's company, currency, language and period. It has no errors; it leaves the numbers
 * only the user knows (the KPI's and the goal's baseline and target) out, so that its warnings
 * say what to fill in next and the quick fixes add the keys. Texts are in the plan's language.
 *
 * Also the words of the command's questions, in both languages: the client asks them.
 */
import type { Locale, PlanKind } from '../base/types';

export interface NewPlanOptions {
  template: PlanKind;
  language: Locale;
  /** The company or team the plan is for (white space, line breaks included, becomes one space). */
  name: string;
  /** An ISO 4217 code (`EUR`). */
  currency: string;
  /** The first day of the period, `YYYY-MM-DD`; the period lasts a year. */
  start: string;
}

/** The currencies offered first; any ISO 4217 code is accepted. */
export const COMMON_CURRENCIES = ['EUR', 'RON', 'USD', 'GBP'] as const;

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Whether a code is an ISO 4217 currency the checker accepts. */
export function isCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar date `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function toDate(text: string): Date {
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first day of the year of `today` (or of the next year). */
export function yearStart(today: Date, next = false): string {
  return `${today.getFullYear() + (next ? 1 : 0)}-01-01`;
}

/** The last day of a period of one year from `start`. */
export function periodEnd(start: string): string {
  const date = toDate(start);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  date.setUTCDate(date.getUTCDate() - 1);
  return iso(date);
}

/** `start` moved by whole months, on day `day` of that month. */
function monthsAfter(start: string, months: number, day: number): string {
  const date = toDate(start);
  return iso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, day)));
}

/** The year a period is named by: `2026`, or `2026–2027` across two years. */
function yearsOf(start: string, end: string): string {
  return start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)}–${end.slice(0, 4)}`;
}

/** The four quarters a period of a year starting on `start` covers, as forecast periods (`2026-Q1`). */
function quarters(start: string): string[] {
  const date = toDate(start);
  return [0, 3, 6, 9].map((months) => {
    const at = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
    return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
  });
}

/** A YAML scalar for text the user typed: plain when that is safe, else double-quoted. */
function scalar(text: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} .,&'()/+–—-]*$/u.test(text) && !/\s$/.test(text) && !/^(?:true|false|yes|no|on|off|null|~)$/i.test(text);
  return plain ? text : JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The company name made fit for a file name: `Someș Coffee` → `somes-coffee`. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** The file name a new plan is saved under: `brightloom-marketing-2026.plan.yaml`. */
export function newPlanFileName(options: NewPlanOptions): string {
  const kind = options.language === 'ro' ? { marketing: 'plan-marketing', sales: 'plan-vanzari' }[options.template] : options.template;
  return `${[slug(options.name), kind, options.start.slice(0, 4)].filter(Boolean).join('-')}.plan.yaml`;
}

/** The text of a new plan. */
export function newPlan(options: NewPlanOptions): string {
  const end = periodEnd(options.start);
  const values: Values = {
    // One line: the name goes into comments and block texts as well as into quoted scalars.
    name: options.name.replace(/\s+/gu, ' ').trim(),
    years: yearsOf(options.start, end),
    start: options.start,
    end,
    currency: options.currency,
    language: options.language,
    activity: monthsAfter(options.start, 2, 10),
    quarters: quarters(options.start),
  };
  const lines = options.template === 'marketing' ? marketing(values, MARKETING[options.language]) : sales(values, SALES[options.language]);
  return `${lines.join('\n')}\n`;
}

interface Values {
  name: string;
  years: string;
  start: string;
  end: string;
  currency: string;
  language: Locale;
  /** A day early in the period, for the first calendar activity. */
  activity: string;
  quarters: string[];
}

/** The comments at the top of every new plan. */
const INTRO: Record<Locale, (title: string) => string[]> = {
  en: (title) => [
    `# ${title}`,
    '# Started with "Plan: New Plan…". Replace the example texts with your own. The warnings (Problems',
    '# view, Ctrl+Shift+M) say what is still missing, such as the numbers only you know: Ctrl+. on a',
    '# squiggle offers a fix. "Plan: Open Preview to the Side" (Ctrl+K V) shows the plan as a document;',
    '# "npx plan-as-code check" checks it in CI.',
  ],
  ro: (title) => [
    `# ${title}`,
    '# Creat cu „Plan: Plan nou…”. Înlocuiți textele de exemplu cu ale dumneavoastră. Avertismentele',
    '# (panoul Problems, Ctrl+Shift+M) arată ce mai lipsește, de exemplu cifrele pe care doar dumneavoastră',
    '# le știți: Ctrl+. pe o subliniere oferă o corectură. „Plan: Deschideți previzualizarea alături”',
    '# (Ctrl+K V) arată planul ca document; „npx plan-as-code check” îl verifică în integrarea continuă.',
  ],
};

function header(values: Values, kind: PlanKind, title: string, owner: string, summary: string): string[] {
  return [
    ...INTRO[values.language](title),
    `kind: ${kind}`,
    'version: 1',
    `title: ${scalar(title)}`,
    `owner: ${scalar(owner)}`,
    'period:',
    `  start: ${values.start}`,
    `  end: ${values.end}`,
    `currency: ${values.currency}`,
    `language: ${values.language}`,
    '',
    'summary: |',
    `  ${summary}`,
    '',
  ];
}

interface MarketingTexts {
  title: (name: string, years: string) => string;
  owner: string;
  summary: (name: string, years: string) => string;
  objective: { id: string; statement: (name: string) => string };
  market: { analysis: string; trend: string; opportunity: string; competitor: string; strength: string; weakness: string };
  swot: { strengths: string; weaknesses: string; opportunities: string; threats: string };
  persona: { id: string; name: string; role: string; description: string; need: string; pain: string; preference: string };
  kpi: { id: string; name: string; source: string };
  goal: { id: string; statement: string };
  positioning: { statement: (name: string) => string; advantage: string; message: string };
  strategy: { id: string; name: string; description: string; differentiation: string };
  mix: { product: string; price: string; place: string; promotion: string };
  exampleAmounts: string;
  channels: { webinars: [id: string, name: string, description: string]; newsletter: [id: string, name: string, description: string] };
  activity: { id: string; name: string; notes: string };
  content: { type: string; topic: string; distribution: string };
  measurement: { tool: string; reviews: string };
}

const MARKETING: Record<Locale, MarketingTexts> = {
  en: {
    title: (name, years) => `${name} — marketing plan ${years}`,
    owner: 'Head of Marketing',
    summary: (name, years) => `What ${name} will achieve with marketing in ${years}, through which strategies and with which budget.`,
    objective: { id: 'win-customers', statement: (name) => `Win new customers for ${name} in its target market` },
    market: {
      analysis: 'Who buys, how many they are, how they choose, and what is changing in the market.',
      trend: 'A change in how customers buy',
      opportunity: 'A need that competitors do not meet',
      competitor: 'Main competitor',
      strength: 'What they do well',
      weakness: 'Where they fall short',
    },
    swot: { strengths: 'What we do better than anyone', weaknesses: 'What holds us back', opportunities: 'What the market offers us', threats: 'What could hurt us' },
    persona: {
      id: 'main-buyer',
      name: 'Main buyer',
      role: 'Their job title',
      description: 'Who they are and what they decide',
      need: 'What they need from us',
      pain: 'What frustrates them today',
      preference: 'How they like to learn about products',
    },
    kpi: { id: 'qualified-leads', name: 'Qualified leads', source: 'CRM' },
    goal: { id: 'more-qualified-leads', statement: 'Reach the qualified-leads target through webinars and the newsletter' },
    positioning: {
      statement: (name) => `For [target customers] who [need], ${name} is the [category] that [key benefit].`,
      advantage: 'Our main advantage over the competition',
      message: 'The one thing this buyer should remember about us',
    },
    strategy: { id: 'webinars-and-newsletter', name: 'Webinars and newsletter', description: 'How the strategy reaches the goal, step by step.', differentiation: 'What makes our webinars worth attending' },
    mix: {
      product: 'What we sell, and to whom.',
      price: 'Prices, discounts and payment terms.',
      place: 'Where and how customers buy.',
      promotion: 'Advertising, PR, digital and content.',
    },
    exampleAmounts: 'example amounts: replace them with yours',
    channels: {
      webinars: ['webinars', 'Webinars', 'Live sessions with questions and answers'],
      newsletter: ['newsletter', 'Newsletter', 'A monthly email to subscribers'],
    },
    activity: { id: 'first-webinar', name: 'First webinar', notes: 'Invite the newsletter list two weeks before' },
    content: { type: 'case study', topic: 'How a customer solved a problem with us', distribution: 'Where each piece is published, and in which order.' },
    measurement: { tool: 'CRM', reviews: 'Who reviews the KPIs, how often, and what they decide.' },
  },
  ro: {
    title: (name, years) => `${name} — plan de marketing ${years}`,
    owner: 'Director de marketing',
    summary: (name, years) => `Ce va obține ${name} prin marketing în ${years}, prin ce strategii și cu ce buget.`,
    objective: { id: 'clienti-noi', statement: (name) => `Câștigarea de clienți noi pentru ${name} pe piața țintă` },
    market: {
      analysis: 'Cine cumpără, câți sunt, cum aleg și ce se schimbă pe piață.',
      trend: 'O schimbare în felul în care cumpără clienții',
      opportunity: 'O nevoie pe care concurenții nu o acoperă',
      competitor: 'Principalul concurent',
      strength: 'Ce face bine',
      weakness: 'Unde nu se ridică la înălțime',
    },
    swot: { strengths: 'Ce facem mai bine decât oricine', weaknesses: 'Ce ne ține pe loc', opportunities: 'Ce ne oferă piața', threats: 'Ce ne-ar putea afecta' },
    persona: {
      id: 'cumparator-principal',
      name: 'Cumpărătorul principal',
      role: 'Funcția sa',
      description: 'Cine este și ce decide',
      need: 'De ce are nevoie de la noi',
      pain: 'Ce îl nemulțumește azi',
      preference: 'Cum preferă să afle despre produse',
    },
    kpi: { id: 'clienti-potentiali-calificati', name: 'Clienți potențiali calificați', source: 'CRM' },
    goal: { id: 'tinta-clienti-potentiali', statement: 'Atingerea țintei de clienți potențiali calificați prin webinare și buletinul informativ' },
    positioning: {
      statement: (name) => `Pentru [clienții țintă] care [au nevoia], ${name} este [categoria] care [beneficiul principal].`,
      advantage: 'Principalul nostru avantaj față de concurență',
      message: 'Singurul lucru pe care acest cumpărător trebuie să-l rețină despre noi',
    },
    strategy: { id: 'webinare-si-buletin', name: 'Webinare și buletin informativ', description: 'Cum atinge strategia obiectivul, pas cu pas.', differentiation: 'De ce merită participarea la webinarele noastre' },
    mix: {
      product: 'Ce vindem și cui.',
      price: 'Prețuri, reduceri și condiții de plată.',
      place: 'Unde și cum cumpără clienții.',
      promotion: 'Publicitate, relații publice, marketing digital și conținut.',
    },
    exampleAmounts: 'sume de exemplu: înlocuiți-le cu ale dumneavoastră',
    channels: {
      webinars: ['webinare', 'Webinare', 'Sesiuni în direct, cu întrebări și răspunsuri'],
      newsletter: ['buletin', 'Buletin informativ', 'Un e-mail lunar către abonați'],
    },
    activity: { id: 'primul-webinar', name: 'Primul webinar', notes: 'Invitați abonații buletinului informativ cu două săptămâni înainte' },
    content: { type: 'studiu de caz', topic: 'Cum a rezolvat un client o problemă cu ajutorul nostru', distribution: 'Unde se publică fiecare material și în ce ordine.' },
    measurement: { tool: 'CRM', reviews: 'Cine analizează indicatorii, cât de des și ce decide.' },
  },
};

function marketing(values: Values, t: MarketingTexts): string[] {
  const [webinars, webinarsName, webinarsDescription] = t.channels.webinars;
  const [newsletter, newsletterName, newsletterDescription] = t.channels.newsletter;
  return [
    ...header(values, 'marketing', t.title(values.name, values.years), t.owner, t.summary(values.name, values.years)),
    'objectives:',
    `  - id: ${t.objective.id}`,
    `    statement: ${scalar(t.objective.statement(values.name))}`,
    '',
    'market:',
    '  analysis: |',
    `    ${t.market.analysis}`,
    '  trends:',
    `    - ${t.market.trend}`,
    '  opportunities:',
    `    - ${t.market.opportunity}`,
    '  competitors:',
    `    - name: ${t.market.competitor}`,
    `      strengths: [${t.market.strength}]`,
    `      weaknesses: [${t.market.weakness}]`,
    '  swot:',
    `    strengths: [${t.swot.strengths}]`,
    `    weaknesses: [${t.swot.weaknesses}]`,
    `    opportunities: [${t.swot.opportunities}]`,
    `    threats: [${t.swot.threats}]`,
    '',
    'personas:',
    `  - id: ${t.persona.id}`,
    `    name: ${t.persona.name}`,
    `    role: ${t.persona.role}`,
    `    description: ${t.persona.description}`,
    `    needs: [${t.persona.need}]`,
    `    pains: [${t.persona.pain}]`,
    `    preferences: [${t.persona.preference}]`,
    '',
    'kpis:',
    `  - id: ${t.kpi.id}`,
    `    name: ${t.kpi.name}`,
    '    metric: leads',
    '    unit: count',
    '    frequency: monthly',
    `    source: ${t.kpi.source}`,
    '',
    'goals:',
    `  - id: ${t.goal.id}`,
    `    statement: ${t.goal.statement}`,
    `    kpi: ${t.kpi.id}`,
    `    deadline: ${values.end}`,
    `    owner: ${t.owner}`,
    `    supports: [${t.objective.id}]`,
    '',
    'positioning:',
    '  statement: |',
    `    ${t.positioning.statement(values.name)}`,
    `  advantages: [${t.positioning.advantage}]`,
    '  messages:',
    `    - persona: ${t.persona.id}`,
    `      message: ${t.positioning.message}`,
    '',
    'strategies:',
    `  - id: ${t.strategy.id}`,
    `    name: ${t.strategy.name}`,
    `    description: ${t.strategy.description}`,
    `    goals: [${t.goal.id}]`,
    `    differentiation: ${t.strategy.differentiation}`,
    '',
    'mix:',
    `  product: ${t.mix.product}`,
    `  price: ${t.mix.price}`,
    `  place: ${t.mix.place}`,
    `  promotion: ${t.mix.promotion}`,
    '',
    `budget:                       # ${t.exampleAmounts}`,
    '  total: 10000',
    '  allocations:',
    `    - channel: ${webinars}`,
    '      amount: 6000',
    `    - channel: ${newsletter}`,
    '      amount: 4000',
    '',
    'calendar:',
    `  - id: ${t.activity.id}`,
    `    name: ${t.activity.name}`,
    `    start: ${values.activity}`,
    `    end: ${values.activity}`,
    `    channels: [${webinars}, ${newsletter}]`,
    `    goals: [${t.goal.id}]`,
    `    notes: ${t.activity.notes}`,
    '',
    'channels:',
    `  - id: ${webinars}`,
    `    name: ${webinarsName}`,
    '    type: online',
    `    description: ${webinarsDescription}`,
    `    kpis: [${t.kpi.id}]`,
    `  - id: ${newsletter}`,
    `    name: ${newsletterName}`,
    '    type: online',
    `    description: ${newsletterDescription}`,
    `    kpis: [${t.kpi.id}]`,
    '',
    'content:',
    '  items:',
    `    - type: ${t.content.type}`,
    `      topic: ${t.content.topic}`,
    '      frequency: monthly',
    `      channels: [${newsletter}]`,
    `      persona: ${t.persona.id}`,
    `  distribution: ${t.content.distribution}`,
    '',
    'measurement:',
    `  kpis: [${t.kpi.id}]`,
    `  tools: [${t.measurement.tool}]`,
    '  cadence: monthly',
    `  reviews: ${t.measurement.reviews}`,
  ];
}

interface SalesTexts {
  title: (name: string, years: string) => string;
  owner: string;
  summary: (name: string, years: string) => string;
  objective: { id: string; statement: (name: string) => string };
  kpi: { id: string; name: string; source: string };
  goal: { id: string; statement: string };
  segment: { id: string; name: string; description: string; industry: string; size: string; region: string };
  offering: { id: string; name: string; description: string; valueProposition: string; differentiator: string };
  strategy: { id: string; name: string; description: string };
  team: { lead: [id: string, role: string, responsibility: string]; executives: [id: string, role: string, responsibility: string] };
  tactic: { name: string; methodology: string; description: string };
  forecast: { exampleAmounts: string; assumptions: string };
  territory: { id: string; name: string; region: string; channel: string };
  training: { id: string; name: string; topics: [string, string] };
}

const SALES: Record<Locale, SalesTexts> = {
  en: {
    title: (name, years) => `${name} — sales plan ${years}`,
    owner: 'Head of Sales',
    summary: (name, years) => `What ${name} will sell in ${years}, to whom, and how much revenue it expects.`,
    objective: { id: 'grow-revenue', statement: (name) => `Win and keep customers in the target segments of ${name}` },
    kpi: { id: 'revenue', name: 'Revenue', source: 'CRM' },
    goal: { id: 'revenue-target', statement: 'Reach the revenue target through guided selling to the main segment' },
    segment: { id: 'main-segment', name: 'Main segment', description: 'The customers we sell to most, and why they buy', industry: 'Their industry', size: 'Company size', region: 'Where they are' },
    offering: { id: 'main-offer', name: 'Main offer', description: 'What the customer gets', valueProposition: 'Why customers buy it', differentiator: 'What competitors do not offer' },
    strategy: { id: 'guided-selling', name: 'Guided selling', description: "Demos built around the customer's own situation" },
    team: {
      lead: ['sales-lead', 'Head of sales', 'Owns the forecast and the pipeline review'],
      executives: ['account-executives', 'Account executive', 'Runs discovery calls and demos'],
    },
    tactic: { name: 'Discovery calls', methodology: 'SPIN selling', description: 'Questions about the situation, the problem, its implications and the need, before any demo' },
    forecast: { exampleAmounts: 'example amounts: replace them with your forecast', assumptions: 'What the forecast assumes about the market and the team.' },
    territory: { id: 'home-territory', name: 'Home territory', region: 'Your main region', channel: 'Direct sales' },
    training: { id: 'onboarding', name: 'Onboarding', topics: ['Product', 'Discovery calls'] },
  },
  ro: {
    title: (name, years) => `${name} — plan de vânzări ${years}`,
    owner: 'Director de vânzări',
    summary: (name, years) => `Ce va vinde ${name} în ${years}, cui și ce venituri așteaptă.`,
    objective: { id: 'clienti-fideli', statement: (name) => `Câștigarea și păstrarea clienților ${name} din segmentele țintă` },
    kpi: { id: 'venituri', name: 'Venituri', source: 'CRM' },
    goal: { id: 'tinta-venituri', statement: 'Atingerea țintei de venituri prin vânzare ghidată în segmentul principal' },
    segment: { id: 'segment-principal', name: 'Segmentul principal', description: 'Clienții cărora le vindem cel mai mult și de ce cumpără', industry: 'Industria lor', size: 'Mărimea companiei', region: 'Unde se află' },
    offering: { id: 'oferta-principala', name: 'Oferta principală', description: 'Ce primește clientul', valueProposition: 'De ce o cumpără clienții', differentiator: 'Ce nu oferă concurenții' },
    strategy: { id: 'vanzare-ghidata', name: 'Vânzare ghidată', description: 'Demonstrații construite în jurul situației clientului' },
    team: {
      lead: ['sef-vanzari', 'Director de vânzări', 'Răspunde de prognoză și de analiza oportunităților'],
      executives: ['agenti-vanzari', 'Agent de vânzări', 'Face apelurile de descoperire și demonstrațiile'],
    },
    tactic: { name: 'Apeluri de descoperire', methodology: 'SPIN selling', description: 'Întrebări despre situație, problemă, implicații și nevoie, înaintea oricărei demonstrații' },
    forecast: { exampleAmounts: 'sume de exemplu: înlocuiți-le cu prognoza dumneavoastră', assumptions: 'Ce presupune prognoza despre piață și echipă.' },
    territory: { id: 'teritoriu-principal', name: 'Teritoriul principal', region: 'Regiunea principală', channel: 'Vânzare directă' },
    training: { id: 'integrare', name: 'Integrarea noilor colegi', topics: ['Produsul', 'Apelurile de descoperire'] },
  },
};

function sales(values: Values, t: SalesTexts): string[] {
  const [leadId, leadRole, leadResponsibility] = t.team.lead;
  const [executivesId, executivesRole, executivesResponsibility] = t.team.executives;
  return [
    ...header(values, 'sales', t.title(values.name, values.years), t.owner, t.summary(values.name, values.years)),
    'objectives:',
    `  - id: ${t.objective.id}`,
    `    statement: ${scalar(t.objective.statement(values.name))}`,
    '',
    'kpis:',
    `  - id: ${t.kpi.id}`,
    `    name: ${t.kpi.name}`,
    '    metric: revenue',
    '    unit: currency',
    '    frequency: monthly',
    `    source: ${t.kpi.source}`,
    '',
    'goals:',
    `  - id: ${t.goal.id}`,
    `    statement: ${t.goal.statement}`,
    `    kpi: ${t.kpi.id}`,
    `    deadline: ${values.end}`,
    `    owner: ${t.owner}`,
    `    supports: [${t.objective.id}]`,
    '',
    'segments:',
    `  - id: ${t.segment.id}`,
    `    name: ${t.segment.name}`,
    `    description: ${t.segment.description}`,
    '    idealCustomer:',
    `      industry: ${t.segment.industry}`,
    `      size: ${t.segment.size}`,
    `      region: ${t.segment.region}`,
    '',
    'offering:',
    `  - id: ${t.offering.id}`,
    `    name: ${t.offering.name}`,
    `    description: ${t.offering.description}`,
    `    valueProposition: ${t.offering.valueProposition}`,
    `    differentiators: [${t.offering.differentiator}]`,
    '',
    'strategies:',
    `  - id: ${t.strategy.id}`,
    `    name: ${t.strategy.name}`,
    '    type: conversion',
    `    description: ${t.strategy.description}`,
    `    goals: [${t.goal.id}]`,
    `    segments: [${t.segment.id}]`,
    '',
    'team:',
    `  - id: ${leadId}`,
    `    role: ${leadRole}`,
    '    count: 1',
    `    responsibilities: [${leadResponsibility}]`,
    `  - id: ${executivesId}`,
    `    role: ${executivesRole}`,
    '    count: 2',
    `    responsibilities: [${executivesResponsibility}]`,
    `    reportsTo: ${leadId}`,
    '',
    'tactics:',
    `  - name: ${t.tactic.name}`,
    `    methodology: ${t.tactic.methodology}`,
    `    description: ${t.tactic.description}`,
    '',
    'forecast:',
    '  method: manual',
    `  projections:                # ${t.forecast.exampleAmounts}`,
    ...values.quarters.flatMap((period) => [`    - period: ${period}`, '      revenue: 100000']),
    '  assumptions: |',
    `    ${t.forecast.assumptions}`,
    '',
    'territories:',
    `  - id: ${t.territory.id}`,
    `    name: ${t.territory.name}`,
    `    regions: [${t.territory.region}]`,
    `    channels: [${t.territory.channel}]`,
    `    owner: ${executivesId}`,
    '',
    'training:',
    `  - id: ${t.training.id}`,
    `    name: ${t.training.name}`,
    `    audience: ${executivesId}`,
    '    cadence: quarterly',
    `    topics: [${t.training.topics.join(', ')}]`,
  ];
}

/** The words of the *Plan: New Plan…* questions. */
export interface NewPlanPrompts {
  title: string;
  template: { placeholder: string; marketing: [label: string, detail: string]; sales: [label: string, detail: string] };
  language: { placeholder: string };
  name: { prompt: string; placeholder: string; empty: string };
  currency: { placeholder: string; other: string; prompt: string; invalid: string };
  period: { placeholder: string; thisYear: string; nextYear: string; custom: string; prompt: string; invalid: string };
  where: { placeholder: string; save: (file: string) => string; untitled: string };
}

export const NEW_PLAN_PROMPTS: Record<Locale, NewPlanPrompts> = {
  en: {
    title: 'New Plan',
    template: {
      placeholder: 'Which plan?',
      marketing: ['Marketing plan', 'Market, personas, positioning, strategies, the 4 Ps, budget, calendar, channels, content, measurement'],
      sales: ['Sales plan', 'Segments, offering, strategies, team, tactics, forecast, territories, training'],
    },
    language: { placeholder: 'In which language is the plan written?' },
    name: { prompt: 'The company or team the plan is for', placeholder: 'Brightloom', empty: 'Type a name: it goes into the title and the file name.' },
    currency: { placeholder: 'The currency of the budget and revenue', other: 'Other…', prompt: 'An ISO 4217 currency code', invalid: 'Not an ISO 4217 currency code (for example CHF, PLN, SEK).' },
    period: {
      placeholder: 'The period of the plan (a year)',
      thisYear: 'This year',
      nextYear: 'Next year',
      custom: 'Another start date…',
      prompt: 'The first day of the plan (YYYY-MM-DD); it covers a year from then',
      invalid: 'A date as YYYY-MM-DD, for example 2026-04-01.',
    },
    where: {
      placeholder: 'Where should the plan go?',
      save: (file) => `Save it in the workspace as ${file}`,
      untitled: 'Open it as an unsaved document',
    },
  },
  ro: {
    title: 'Plan nou',
    template: {
      placeholder: 'Ce fel de plan?',
      marketing: ['Plan de marketing', 'Piață, persona cumpărătorului, poziționare, strategii, cei 4 P, buget, calendar, canale, conținut, măsurare'],
      sales: ['Plan de vânzări', 'Segmente, ofertă, strategii, echipă, tactici, prognoză, teritorii, instruire'],
    },
    language: { placeholder: 'În ce limbă este scris planul?' },
    name: { prompt: 'Firma sau echipa pentru care este planul', placeholder: 'Brightloom', empty: 'Scrieți un nume: intră în titlu și în numele fișierului.' },
    currency: { placeholder: 'Moneda bugetului și a veniturilor', other: 'Alta…', prompt: 'Un cod de monedă ISO 4217', invalid: 'Nu este un cod de monedă ISO 4217 (de exemplu CHF, PLN, SEK).' },
    period: {
      placeholder: 'Perioada planului (un an)',
      thisYear: 'Anul acesta',
      nextYear: 'Anul viitor',
      custom: 'Altă dată de început…',
      prompt: 'Prima zi a planului (AAAA-LL-ZZ); acoperă un an de atunci',
      invalid: 'O dată de forma AAAA-LL-ZZ, de exemplu 2026-04-01.',
    },
    where: {
      placeholder: 'Unde să fie pus planul?',
      save: (file) => `Salvat în spațiul de lucru ca ${file}`,
      untitled: 'Deschis ca document nesalvat',
    },
  },
};

/** The names of the plan languages, each in its own language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ro: 'Română' };
