/**
 * The plans of the benchmark's fixed cases. `bench/cases/generated-2000.plan.yaml` is the plan an
 * independent harness measured (issue 14): 97 goals, 1,967 lines. `generatedCase` is the generator
 * it came from, written back from its text (the unit test holds it to that file byte for byte),
 * so that the same plan can be made at other sizes: about 17 lines per goal, 1,162 goals for
 * 20,000 lines.
 *
 *   npx tsx bench/cases.ts 1162 > big.plan.yaml
 */

const pad = (n: number) => String(n).padStart(4, '0');

const METRICS = ['marketing-conversion-rate', 'cost-per-lead', 'marketing-roi', 'email-open-rate', 'website-traffic', 'click-through-rate', 'leads'];
const DECREASING = new Set(['cost-per-lead']);
const STRATEGIES = 20;
const CHANNELS = 25;

/** The generated marketing plan with `goals` goals (and as many KPIs). */
export function generatedCase(goals: number): string {
  const lines = [
    'kind: marketing',
    'version: 1',
    `title: Generated marketing plan with ${goals} goals`,
    'owner: Planning team',
    'period:',
    '  start: 2027-01-01',
    '  end: 2027-12-31',
    'currency: EUR',
    'summary: |',
    '  A generated plan used to measure the language server on large files.',
    '  It follows every template section.',
    'objectives:',
    '  - id: growth',
    '    statement: Grow pipeline by 40% in 2027',
    'market:',
    '  analysis: |',
    '    The market grows about 8% a year.',
    '  trends: [self-serve buying]',
    '  competitors:',
    '    - name: Rival',
    '      strengths: [price]',
    '      weaknesses: [support]',
    '  swot:',
    '    strengths: [brand]',
    '    weaknesses: [reach]',
    '    opportunities: [partners]',
    '    threats: [new entrants]',
    'personas:',
    '  - id: buyer',
    '    name: The buyer',
    '    role: Operations lead',
    '    needs: [speed]',
    '    pains: [manual work]',
    'kpis:',
  ];
  const baseline = (i: number) => 100 + ((37 * i) % 900);
  const target = (i: number) => Math.round(baseline(i) * (DECREASING.has(METRICS[(i - 1) % METRICS.length]) ? 0.85 : 1.3));
  for (let i = 1; i <= goals; i++) {
    lines.push(`  - id: kpi-${pad(i)}`, `    name: KPI number ${i}`, `    metric: ${METRICS[(i - 1) % METRICS.length]}`, `    baseline: ${baseline(i)}`, `    target: ${target(i)}`, '    frequency: monthly', '    source: Analytics');
  }
  lines.push('goals:');
  for (let i = 1; i <= goals; i++) {
    // One goal in thirty is vague, one has no KPI, one no deadline.
    const statement = i % 30 === 10 ? 'Improve results' : `Move KPI ${i} from ${baseline(i)} to ${target(i)} through channel ${(i % CHANNELS) + 1} campaigns`;
    lines.push(`  - id: goal-${pad(i)}`, `    statement: ${statement}`);
    if (i % 30 !== 20) lines.push(`    kpi: kpi-${pad(i)}`);
    lines.push(`    target: ${target(i)}`);
    if (i % 30 !== 0) lines.push(`    deadline: 2027-${String((i % 12) + 1).padStart(2, '0')}-28`);
    lines.push('    owner: Demand team', '    supports: [growth]');
  }
  lines.push('positioning:', '  statement: The fastest way to plan.', '  advantages: [speed]', '  messages:', '    - persona: buyer', '      message: Plan in minutes.', 'strategies:');
  for (let s = 1; s <= STRATEGIES; s++) {
    const ids: string[] = [];
    for (let g = s; g <= goals; g += STRATEGIES) ids.push(`goal-${pad(g)}`);
    lines.push(`  - id: strategy-${pad(s)}`, `    name: Strategy ${s}`, '    description: Generated strategy.', `    goals: [${ids.join(', ')}]`);
  }
  lines.push('mix:', '  product: Product.', '  price: Price.', '  place: Place.', '  promotion: Promotion.', 'budget:', `  total: ${CHANNELS * 1000}`, '  allocations:');
  for (let c = 1; c <= CHANNELS; c++) lines.push(`    - channel: channel-${pad(c)}`, '      amount: 1000', '      expectedReturn: 3000');
  lines.push('calendar:');
  for (let a = 1; a <= Math.ceil(goals / 2); a++) {
    const month = String((a % 11) + 1).padStart(2, '0');
    lines.push(`  - id: activity-${pad(a)}`, `    name: Activity ${a}`, `    start: 2027-${month}-01`, `    end: 2027-${month}-20`, `    channels: [channel-${pad((a % CHANNELS) + 1)}]`, `    goals: [goal-${pad(a + 1)}]`);
  }
  lines.push('channels:');
  for (let c = 1; c <= CHANNELS; c++) {
    const kpis: string[] = [];
    for (let k = c; k <= goals; k += CHANNELS) kpis.push(`kpi-${pad(k)}`);
    lines.push(`  - id: channel-${pad(c)}`, `    name: Channel ${c}`, '    type: online', `    kpis: [${kpis.join(', ')}]`);
  }
  lines.push(
    'content:',
    '  items:',
    '    - type: case study',
    '      topic: Results',
    '      frequency: monthly',
    '      channels: [channel-0001]',
    '      persona: buyer',
    '  distribution: Everywhere.',
    '  audit:',
    '    frequency: quarterly',
    'measurement:',
    '  kpis: [kpi-0001]',
    '  tools: [Analytics]',
    '  cadence: weekly',
  );
  return `${lines.join('\n')}\n`;
}

/** The number of goals that makes a plan of about `lines` lines. */
export function goalsForLines(lines: number): number {
  return Math.max(1, Math.round((lines - 325) / 16.93));
}

if (require.main === module) {
  process.stdout.write(generatedCase(Number(process.argv[2] ?? 97)));
}
