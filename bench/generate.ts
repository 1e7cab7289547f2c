/**
 * Deterministic generators of realistic plans for the benchmark: a marketing or a sales plan of
 * about a given number of lines, with every section of its template, many KPIs, goals, channels
 * and calendar activities, and about one goal in ten flawed (a vague statement, a deadline
 * outside the period, an undefined KPI, a wrong type, a misspelt key...), so that both servers
 * have findings to report.
 *
 * The same kind and size always give the same text (a seeded generator per item, so growing a
 * plan never changes the items it already had).
 *
 *   npx tsx bench/generate.ts marketing 2000 > big.plan.yaml
 */

export type PlanKind = 'marketing' | 'sales';

/** mulberry32: a small seeded generator, good enough for varied but repeatable plans. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator of item `index` of `section`: independent of how many items there are. */
function itemRandom(section: string, index: number): Random {
  let hash = 2166136261;
  for (const char of `${section}#${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return new Random(seeded(hash));
}

class Random {
  constructor(private readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** `count` distinct items (fewer if there are not enough). */
  some<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    const wanted = Math.min(count, items.length);
    while (chosen.size < wanted) chosen.add(this.pick(items));
    return [...chosen];
  }
}

const CITIES = ['Cluj-Napoca', 'Bucharest', 'Timișoara', 'Iași', 'Brașov', 'Constanța', 'Oradea', 'Sibiu', 'Vienna', 'Budapest', 'Sofia', 'Belgrade', 'Warsaw', 'Prague', 'Zagreb', 'Ljubljana'];
const PEOPLE = ['Ioana Mureșan', 'Vlad Sabău', 'Andrei Pop', 'Elena Rusu', 'Cristina Bota', 'Mihai Ilie', 'Ana Dobre', 'Radu Stan', 'Maria Toma', 'Paul Georgescu'];
const SOURCES = ['HubSpot lifecycle report', 'Google Analytics 4', 'LinkedIn Campaign Manager', 'SmartBill invoicing export', 'Quarterly Typeform survey', 'HubSpot deal stages', 'Instagram Insights', 'Marketing spend ledger'];
const FREQUENCIES = ['weekly', 'monthly', 'monthly', 'quarterly'];
const ACTIONS = ['LinkedIn lead-gen campaigns', 'office tasting events', 'a webinar series with customers', 'persona newsletters', 'a pricing calculator on the website', 'partner referrals', 'trade-fair stands', 'account-based outreach'];
const CHANNEL_TYPES = [
  { name: 'LinkedIn ads', type: 'online' },
  { name: 'Search ads', type: 'online' },
  { name: 'Newsletter', type: 'online' },
  { name: 'Webinars', type: 'online' },
  { name: 'Instagram', type: 'online' },
  { name: 'Office tastings', type: 'offline' },
  { name: 'Trade fairs', type: 'offline' },
  { name: 'Partner events', type: 'offline' },
];

interface Metric {
  id: string;
  noun: string;
  baseline: [number, number];
  decrease?: boolean;
  decimals?: number;
}

const MARKETING_METRICS: Metric[] = [
  { id: 'leads', noun: 'qualified leads', baseline: [300, 2000] },
  { id: 'website-traffic', noun: 'monthly website visitors', baseline: [4000, 40000] },
  { id: 'marketing-conversion-rate', noun: 'website demo-request conversion', baseline: [1, 4], decimals: 1 },
  { id: 'click-through-rate', noun: 'ads click-through rate', baseline: [0.4, 1.2], decimals: 2 },
  { id: 'cost-per-lead', noun: 'cost per qualified lead', baseline: [180, 420], decrease: true },
  { id: 'email-open-rate', noun: 'newsletter open rate', baseline: [18, 30] },
  { id: 'social-engagement', noun: 'social interactions per month', baseline: [800, 5000] },
  { id: 'brand-awareness', noun: 'aided brand awareness', baseline: [10, 35] },
  { id: 'marketing-roi', noun: 'marketing ROI', baseline: [1.5, 3], decimals: 1 },
];

const SALES_METRICS: Metric[] = [
  { id: 'revenue', noun: 'invoiced revenue', baseline: [200000, 900000] },
  { id: 'conversion-rate', noun: 'lead-to-customer conversion', baseline: [10, 20] },
  { id: 'average-deal-size', noun: 'average first-year contract value', baseline: [9000, 20000] },
  { id: 'win-rate', noun: 'proposal win rate', baseline: [20, 35] },
  { id: 'sales-cycle-length', noun: 'days from first meeting to signature', baseline: [25, 60], decrease: true },
  { id: 'customer-acquisition-cost', noun: 'customer acquisition cost', baseline: [2500, 4500], decrease: true },
  { id: 'customer-lifetime-value', noun: 'customer lifetime value', baseline: [30000, 60000] },
  { id: 'churn-rate', noun: 'yearly account churn', baseline: [6, 14], decrease: true },
  { id: 'upsell-rate', noun: 'accounts buying a second product', baseline: [8, 20] },
];

/**
 * The day the benchmarks judge plans against (deadlines passed, actuals), not the computer's:
 * results do not change with the day they are run. Late in the generated plans' year: six of
 * their seven month-end deadlines have passed (\`plan/stale\` findings, as the runs of November and
 * December 2026 judged them); the plans of bench/cases.ts (2027) have not begun.
 */
export const BENCH_TODAY = '2026-12-01';

const MONTH_ENDS = ['2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31'];

function kebab(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function round(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function flowList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

interface Kpi {
  id: string;
  metric: Metric;
  city: string;
  baseline: number;
  target: number;
}

/** The plan's KPIs: each a catalog metric in one city, with a realistic baseline and target. */
function kpisOf(metrics: readonly Metric[], count: number): Kpi[] {
  return Array.from({ length: count }, (_, index) => {
    const random = itemRandom('kpi', index);
    const metric = metrics[index % metrics.length];
    const city = CITIES[Math.floor(index / metrics.length) % CITIES.length];
    const round_ = Math.floor(index / (metrics.length * CITIES.length));
    const decimals = metric.decimals ?? 0;
    const baseline = round(metric.baseline[0] + (metric.baseline[1] - metric.baseline[0]) * random.int(0, 100) / 100, decimals);
    // At most 30 % better by the end of the year: achievable even for a mid-year deadline.
    const change = random.int(5, 30) / 100;
    const target = round(baseline * (metric.decrease ? 1 - change : 1 + change), decimals);
    return { id: `${metric.id}-${kebab(city)}${round_ ? `-${round_ + 1}` : ''}`, metric, city, baseline, target };
  });
}

function kpiLines(kpis: readonly Kpi[]): string[] {
  const lines = ['kpis:'];
  kpis.forEach((kpi, index) => {
    const random = itemRandom('kpi-text', index);
    lines.push(`  - id: ${kpi.id}`, `    name: ${kpi.metric.noun[0].toUpperCase()}${kpi.metric.noun.slice(1)}, ${kpi.city}`, `    metric: ${kpi.metric.id}`, `    baseline: ${kpi.baseline}`, `    target: ${kpi.target}`);
    // One KPI in twenty has no source (kpi/incomplete).
    lines.push(`    frequency: ${random.pick(FREQUENCIES)}`);
    if (index % 20 !== 13) lines.push(`    source: ${random.pick(SOURCES)}`);
    lines.push(`    owner: ${random.pick(PEOPLE)}`);
  });
  return lines;
}

/** How goal `index` is flawed, if it is: about one goal in ten. */
const FLAWS = ['vague', 'no-deadline', 'late-deadline', 'undefined-kpi', 'wrong-type', 'misspelt-key', 'too-ambitious', 'unsupported'] as const;
type Flaw = (typeof FLAWS)[number];

function flawOf(index: number): Flaw | undefined {
  return index % 10 === 2 ? FLAWS[Math.floor(index / 10) % FLAWS.length] : undefined;
}

function goalId(kpi: Kpi): string {
  return `${kpi.metric.decrease ? 'cut' : 'raise'}-${kpi.id}`;
}

function goalLines(kpis: readonly Kpi[], objectives: readonly string[]): string[] {
  const lines = ['goals:'];
  kpis.forEach((kpi, index) => {
    const random = itemRandom('goal', index);
    const flaw = flawOf(index);
    const deadline = flaw === 'late-deadline' ? '2027-03-31' : random.pick(MONTH_ENDS);
    const target = flaw === 'too-ambitious' ? round(kpi.baseline * (kpi.metric.decrease ? 0.1 : 9), kpi.metric.decimals ?? 0) : kpi.target;
    const verb = kpi.metric.decrease ? 'Cut' : 'Raise';
    const statement =
      flaw === 'vague'
        ? `Improve our ${kpi.metric.noun} in ${kpi.city}`
        : `${verb} ${kpi.metric.noun} in ${kpi.city} from ${kpi.baseline} to ${target} by ${deadline} through ${random.pick(ACTIONS)} and ${random.pick(ACTIONS)}`;
    lines.push(`  - id: ${goalId(kpi)}`, `    statement: ${statement}`, `    kpi: ${flaw === 'undefined-kpi' ? `${kpi.id}-typo` : kpi.id}`);
    lines.push(`    baseline: ${kpi.baseline}`, `    target: ${flaw === 'wrong-type' ? 'a lot more' : target}`);
    if (flaw !== 'no-deadline') lines.push(`    ${flaw === 'misspelt-key' ? 'dedline' : 'deadline'}: ${deadline}`);
    if (flaw !== 'vague') lines.push(`    owner: ${random.pick(PEOPLE)}`);
    if (flaw !== 'unsupported') lines.push(`    supports: ${flowList(random.some(objectives, random.int(1, 2)))}`);
  });
  return lines;
}

function header(kind: PlanKind, summary: string): string[] {
  return [
    `# Generated ${kind} plan for the benchmark (bench/generate.ts): realistic, about one goal in ten flawed.`,
    `kind: ${kind}`,
    'version: 1',
    `title: Someș Coffee Roasters — ${kind} plan 2026`,
    `owner: ${kind === 'marketing' ? 'Ioana Mureșan, Head of Marketing' : 'Andrei Pop, Head of Sales'}`,
    'period:',
    '  start: 2026-01-01',
    '  end: 2026-12-31',
    'currency: RON',
    'language: en',
    '',
    'summary: |',
    `  ${summary}`,
    '  The plan covers every city we serve; each city has its own KPIs, goals and activities,',
    '  reviewed monthly with the **head of sales** and quarterly with the board.',
    '',
  ];
}

function objectiveLines(count: number): { lines: string[]; ids: string[] } {
  const ids: string[] = [];
  const lines = ['objectives:'];
  for (let index = 0; index < count; index++) {
    const city = CITIES[index % CITIES.length];
    const id = `grow-${kebab(city)}${index >= CITIES.length ? `-${Math.floor(index / CITIES.length) + 1}` : ''}`;
    ids.push(id);
    lines.push(`  - id: ${id}`, `    statement: Be the office coffee supplier of choice for tech and professional-services offices in ${city}`);
  }
  return { lines, ids };
}

/** The sections of a marketing plan with `units` KPIs and goals (and the rest in proportion). */
function marketingPlan(units: number): string {
  const kpis = kpisOf(MARKETING_METRICS, units);
  const goals = kpis.map(goalId);
  const objectives = objectiveLines(Math.max(2, Math.ceil(units / 25)));
  const personaCount = Math.max(2, Math.ceil(units / 10));
  const channelCount = Math.max(2, Math.ceil(units / 3));
  const channels = Array.from({ length: channelCount }, (_, index) => {
    const type = CHANNEL_TYPES[index % CHANNEL_TYPES.length];
    const city = CITIES[Math.floor(index / CHANNEL_TYPES.length) % CITIES.length];
    const round_ = Math.floor(index / (CHANNEL_TYPES.length * CITIES.length));
    return { id: `${kebab(type.name)}-${kebab(city)}${round_ ? `-${round_ + 1}` : ''}`, name: `${type.name}, ${city}`, type: type.type };
  });
  const personas = Array.from({ length: personaCount }, (_, index) => `persona-${index + 1}`);
  const lines = header('marketing', 'In 2026 we want **more qualified office leads** at a lower cost per lead, city by city.');
  lines.push(...objectives.lines, '');

  lines.push('market:', '  analysis: |', '    About 4,800 companies with 20 to 500 employees have offices in our cities; roughly 1,900', '    of them are in IT, software and professional services, our core.');
  lines.push('  trends:', '    - Return-to-office policies in tech companies', '    - Employee-experience budgets moving from events to everyday perks', '    - Capsule machines being phased out over packaging waste');
  lines.push('  opportunities:', '    - No national supplier offers specialty beans with machine service included', '    - Coworking operators want one supplier for all their locations');
  lines.push('  competitors:');
  for (let index = 0; index < Math.max(2, Math.ceil(units / 30)); index++) {
    lines.push(`    - name: Competitor ${index + 1}`, '      strengths: [Strong brand, Machines on free loan]', '      weaknesses: [Capsule waste, High cost per cup]');
  }
  lines.push('  swot:', '    strengths: [Own roastery, 48-hour servicing, 92 % renewals]', '    weaknesses: [Small brand outside Cluj-Napoca, Two-person marketing team]');
  lines.push('    opportunities: [Return-to-office programmes, Corporate gifting season]', '    threats: [Green coffee prices up 30 %, Budget cuts in tech companies]', '');

  lines.push('personas:');
  personas.forEach((id, index) => {
    const random = itemRandom('persona', index);
    lines.push(`  - id: ${id}`, `    name: ${random.pick(PEOPLE).split(' ')[0]}, the office manager in ${CITIES[index % CITIES.length]}`, '    role: Office or facility manager');
    lines.push('    description: Runs purchasing for an office of 40 to 200 people and hears every complaint about the coffee.');
    lines.push('    demographics: 28–45 years old, reports to the COO or the CFO');
    lines.push('    needs: [One supplier for beans and machine, Predictable monthly invoice]', '    pains: [Broken machines nobody fixes, Chasing several suppliers]');
    lines.push('    preferences: [Email and phone, A trial before signing]', '    behaviors: [Compares three offers, Buys on a monthly budget]');
  });
  lines.push('', ...kpiLines(kpis), '', ...goalLines(kpis, objectives.ids), '');

  lines.push('positioning:', '  statement: |', '    For **offices that want people to enjoy coming in**, Someș is the office coffee subscription', '    that brings freshly roasted coffee, the machine and its servicing in one monthly invoice.');
  lines.push('  advantages:', '    - Roasted locally, delivered within 7 days of roasting', '    - Machine, servicing and barista training included', '  messages:');
  for (const persona of personas) lines.push(`    - persona: ${persona}`, '      message: One supplier, one invoice, and a technician within 48 hours.');
  lines.push('');

  lines.push('strategies:');
  for (let index = 0; index < Math.max(1, Math.ceil(units / 8)); index++) {
    const random = itemRandom('strategy', index);
    lines.push(`  - id: strategy-${index + 1}`, `    name: ${random.pick(ACTIONS)[0].toUpperCase()}${random.pick(ACTIONS).slice(1)} in ${CITIES[index % CITIES.length]}`);
    lines.push('    description: |', '      Target tech and professional-services offices by name, followed up by sales development', '      reps within one working day.');
    lines.push(`    goals: ${flowList(goals.slice(index * 8, index * 8 + 8).filter((_, at) => flawOf(index * 8 + at) !== 'unsupported'))}`, '    differentiation: Offers built around each company’s return-to-office plan');
  }
  lines.push('');

  lines.push('mix:', '  product: |', '    Specialty beans roasted weekly, bean-to-cup machines leased and serviced, barista training.');
  lines.push('  price: |', '    Subscriptions from **1,100 RON a month** for 40 people, machine included.', '  place: |', '    Direct delivery in Cluj-Napoca; courier delivery within 48 hours elsewhere.');
  lines.push('  promotion: |', '    LinkedIn ads, office tastings, HR conferences, webinars and persona newsletters.', '');

  const amounts = channels.map((_, index) => itemRandom('budget', index).int(10, 150) * 1000);
  lines.push('budget:', `  total: ${amounts.reduce((sum, amount) => sum + amount, 0)}`, '  allocations:');
  channels.forEach((channel, index) => lines.push(`    - { channel: ${channel.id}, amount: ${amounts[index]}, expectedReturn: ${amounts[index] * 3} }`));
  lines.push('');

  lines.push('calendar:');
  for (let index = 0; index < Math.max(1, Math.ceil((units * 2) / 3)); index++) {
    const random = itemRandom('calendar', index);
    const month = random.int(1, 10);
    const start = `2026-${String(month).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const end = `2026-${String(month + random.int(0, 2)).padStart(2, '0')}-28`;
    lines.push(`  - id: activity-${index + 1}`, `    name: ${random.pick(ACTIONS)} in ${random.pick(CITIES)}`, `    start: ${start}`, `    end: ${end}`);
    lines.push(`    channels: ${flowList(random.some(channels, 2).map((channel) => channel.id))}`, `    goals: ${flowList(random.some(goals, 2))}`);
    if (index % 2 === 0) lines.push('    notes: Booked through sales development reps.');
  }
  lines.push('');

  lines.push('channels:');
  channels.forEach((channel, index) => {
    lines.push(`  - id: ${channel.id}`, `    name: ${channel.name}`, `    type: ${channel.type}`, `    description: ${channel.name} for office managers and people leads.`);
    lines.push(`    kpis: ${flowList([0, 1, 2].map((at) => kpis[(index * 3 + at) % kpis.length].id))}`);
  });
  lines.push('');

  lines.push('content:', '  items:');
  for (let index = 0; index < Math.max(1, Math.ceil(units / 8)); index++) {
    const random = itemRandom('content', index);
    lines.push('    - type: Case study', `      topic: How an office in ${random.pick(CITIES)} raised attendance with a coffee bar`, '      frequency: One a quarter');
    lines.push(`      channels: ${flowList(random.some(channels, 2).map((channel) => channel.id))}`, `      persona: ${random.pick(personas)}`);
  }
  lines.push('  distribution: |', '    Every piece is published on the website first, then cut down for LinkedIn and Instagram.', '  audit:', '    frequency: quarterly', '');

  lines.push('measurement:', `  kpis: ${flowList(kpis.slice(0, 12).map((kpi) => kpi.id))}`, '  tools: [HubSpot, Google Analytics 4, LinkedIn Campaign Manager]');
  lines.push('  cadence: Weekly dashboard, monthly review with sales, quarterly report to the board', '  reviews: |', '    Each quarter we re-allocate up to 15 % of the remaining budget to the best channels.');
  return `${lines.join('\n')}\n`;
}

/** The sections of a sales plan with `units` KPIs and goals (and the rest in proportion). */
function salesPlan(units: number): string {
  const kpis = kpisOf(SALES_METRICS, units);
  const goals = kpis.map(goalId);
  const objectives = objectiveLines(Math.max(2, Math.ceil(units / 25)));
  const segments = Array.from({ length: Math.max(2, Math.ceil(units / 6)) }, (_, index) => `segment-${index + 1}`);
  const team = Array.from({ length: Math.max(2, Math.ceil(units / 8)) }, (_, index) => (index === 0 ? 'head-of-sales' : `team-${index}`));
  const lines = header('sales', 'In 2026 we aim for **4.1 million RON** of revenue, city by city, converting 18 % of qualified leads.');
  lines.push(...objectives.lines, '', ...kpiLines(kpis), '', ...goalLines(kpis, objectives.ids), '');

  lines.push('segments:');
  segments.forEach((id, index) => {
    const city = CITIES[index % CITIES.length];
    lines.push(`  - id: ${id}`, `    name: Tech offices in ${city}`, `    description: IT, software and product companies in ${city}.`, '    idealCustomer:');
    lines.push('      industry: Software, IT services, product companies', '      size: 50–500 employees', `      region: ${city}`, '      traits: [Hybrid work, A people or culture lead]');
  });
  lines.push('');

  lines.push('offering:');
  for (let index = 0; index < Math.max(1, Math.ceil(units / 10)); index++) {
    lines.push(`  - id: offer-${index + 1}`, `    name: Office coffee subscription ${index + 1}`, '    description: Specialty beans roasted weekly, delivered every two weeks.');
    lines.push('    valueProposition: Coffee people come to the office for.', '    differentiators: [Delivered within 7 days of roasting, One e-Factura invoice]');
  }
  lines.push('');

  const types = ['prospecting', 'lead-generation', 'conversion', 'acquisition', 'upsell', 'cross-sell', 'retention'];
  lines.push('strategies:');
  for (let index = 0; index < Math.max(1, Math.ceil(units / 6)); index++) {
    const random = itemRandom('sales-strategy', index);
    lines.push(`  - id: strategy-${index + 1}`, `    name: ${random.pick(ACTIONS)} for ${random.pick(CITIES)}`, `    type: ${types[index % types.length]}`);
    lines.push('    description: Every qualified lead gets a 10-day tasting trial booked within one working day.');
    lines.push(`    goals: ${flowList(goals.slice(index * 6, index * 6 + 6).filter((_, at) => flawOf(index * 6 + at) !== 'unsupported'))}`, `    segments: ${flowList(random.some(segments, 2))}`);
  }
  lines.push('');

  lines.push('team:');
  team.forEach((id, index) => {
    lines.push(`  - id: ${id}`, `    role: ${index === 0 ? 'Head of Sales' : `Account executive, ${CITIES[index % CITIES.length]}`}`, `    count: ${index === 0 ? 1 : 2 + (index % 3)}`);
    lines.push('    responsibilities: [Tasting trials, Proposals and closing]');
    if (index > 0) lines.push('    reportsTo: head-of-sales');
  });
  lines.push('');

  lines.push('tactics:');
  for (let index = 0; index < Math.max(2, Math.ceil(units / 12)); index++) {
    lines.push(`  - name: Tactic ${index + 1}`, '    methodology: MEDDIC', '    description: Every deal names its metrics, economic buyer, decision criteria and champion.');
  }
  lines.push('');

  lines.push('forecast:', '  method: linear', '  history:');
  for (let index = 0; index < 8; index++) lines.push(`    - { period: ${2024 + Math.floor(index / 4)}-Q${(index % 4) + 1}, revenue: ${610000 + index * 45000} }`);
  lines.push('  projections:');
  for (let index = 0; index < 4; index++) lines.push(`    - { period: 2026-Q${index + 1}, revenue: ${971000 + index * 45000} }`);
  lines.push('  assumptions: |', '    A least-squares line through the last eight quarters adds about 45,000 RON a quarter.', '');

  lines.push('territories:');
  for (let index = 0; index < Math.max(1, Math.ceil(units / 6)); index++) {
    const city = CITIES[index % CITIES.length];
    lines.push(`  - id: territory-${index + 1}`, `    name: ${city} and around`, `    regions: [${city}]`, '    channels: [Field sales, Courier delivery]', `    owner: ${team[index % team.length]}`);
  }
  lines.push('');

  lines.push('training:');
  for (let index = 0; index < Math.max(1, Math.ceil(units / 10)); index++) {
    lines.push(`  - id: training-${index + 1}`, '    name: MEDDIC onboarding and deal-review practice', `    audience: ${team[index % team.length]}`);
    lines.push('    cadence: Quarterly', '    topics: [MEDDIC fields in HubSpot, Finding the economic buyer]');
  }
  return `${lines.join('\n')}\n`;
}

function lineCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** A plan of `kind` as close to `lines` lines as the size of one KPI and goal allows. */
export function generatePlan(kind: PlanKind, lines: number): string {
  const build = kind === 'marketing' ? marketingPlan : salesPlan;
  // Lines grow linearly with the units: estimate from two sizes, then step to the nearest.
  const small = lineCount(build(20));
  const perUnit = (lineCount(build(60)) - small) / 40;
  let units = Math.max(1, Math.round(20 + (lines - small) / perUnit));
  while (units > 1 && lineCount(build(units)) > lines) units--;
  while (lineCount(build(units + 1)) <= lines) units++;
  const below = build(units);
  const above = build(units + 1);
  return lines - lineCount(below) <= lineCount(above) - lines ? below : above;
}

export { lineCount };

if (require.main === module) {
  const [kind = 'marketing', lines = '2000'] = process.argv.slice(2);
  if (kind !== 'marketing' && kind !== 'sales') throw new Error(`kind must be marketing or sales, not ${kind}`);
  process.stdout.write(generatePlan(kind, Number(lines)));
}
