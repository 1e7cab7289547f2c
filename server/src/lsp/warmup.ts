/**
 * The warm-up at server start: while the editor is still opening, the server checks realistic
 * generated plans: one of about 10,000 lines, one of a few hundred lines of each kind, one of
 * about 20,000 lines, then versions of the small ones as typing makes them (a word added, a flow
 * list with text after its bracket, an open quote), so that the parser's fast path, the pieces,
 * the model, the schema and every rule have run (and been optimised by the JavaScript engine)
 * before the first real plan is opened. A large plan opened cold otherwise takes three to four
 * times as long as the next one.
 *
 * It runs in slices, and pauses while a plan has a check pending: the first diagnostics of a
 * plan opened meanwhile, and those after each keystroke, wait at most one slice. The first bursts
 * of typing after the first plan opens are then not the ones that pay for the cold code.
 */
import type { CheckedPlan, PlanService } from '../core/workspace/service';
import { runWhenIdle } from './slices';

/** The name the warm-up's plans have in the service's cache (not a path: no `.planrc.yaml`, no links). */
const WARM_UP_NAME = 'untitled:plan-as-code-warm-up';

/** Goals (and as many KPIs) in each warm-up plan: about 400 lines. */
const ITEMS = 24;

const CITIES = ['Cluj-Napoca', 'Bucharest', 'Timișoara', 'Iași', 'Brașov', 'Sibiu'];
const METRICS = { marketing: ['leads', 'website-traffic', 'cost-per-lead', 'email-open-rate', 'marketing-roi', 'brand-awareness'], sales: ['revenue', 'conversion-rate', 'win-rate', 'churn-rate', 'average-deal-size', 'upsell-rate'] };

/** A plan of the given kind with every section of its template, lists of items, block scalars, flow lists, comments, and a few flaws for the schema and the rules to find. */
export function warmUpPlan(kind: 'marketing' | 'sales', items = ITEMS): string {
  const lines = [
    `# A plan the server checks at start (server/src/lsp/warmup.ts).`,
    `kind: ${kind}`,
    'version: 1',
    `title: Warm-up ${kind} plan`,
    'owner: Planning team',
    'period:',
    '  start: 2026-01-01',
    '  end: 2026-12-31',
    'currency: RON',
    'language: en',
    'summary: |',
    '  A plan used to **warm up** the server: every section, many items.',
    '',
    '  Each city has its own KPIs and goals.',
    'objectives:',
    ...CITIES.flatMap((city, index) => [`  - id: objective-${index}`, `    statement: Be the supplier of choice for offices in ${city}`]),
    'kpis:',
  ];
  const metrics = METRICS[kind];
  // Values of every kind a plan holds (whole and decimal numbers, large ones, text plain and
  // quoted, empty values, flow lists and mappings): the engine then optimises for all of them
  // before the first real plan, instead of throwing optimised code away on it.
  for (let index = 0; index < items; index++) {
    const metric = metrics[index % metrics.length];
    const baseline = index % 4 === 1 ? (index % 50) / 10 + 0.5 : index % 9 === 2 ? 3_000_000_000 + index : 100 + ((index * 37) % 900);
    lines.push(`  - id: ${metric}-${index}`, `    name: ${metric.replace(/-/g, ' ')} in ${CITIES[index % CITIES.length]}`, `    metric: ${metric}`);
    // The templates write the unit after the metric; plans written by hand, anywhere.
    if (index % 4 === 2 && index % 5 !== 4) lines.push('    unit: count');
    lines.push(`    baseline: ${baseline}`, `    target: ${Math.round(baseline * 120) / 100}`, `    frequency: ${index % 12 === 7 ? 'fortnightly' : index % 3 === 0 ? 'quarterly' : 'monthly'}`);
    if (index % 7 !== 3) lines.push(index % 2 ? `    source: "HubSpot report ${index}"` : `    source: HubSpot report ${index} # monthly`);
    if (index % 5 === 4) lines.push('    unit: percent', '    direction: decrease');
    lines.push(`    owner: Owner ${index % 5}`);
    if (index % 6 === 5) lines.push('    x-note:');
  }
  lines.push('goals:');
  for (let index = 0; index < items; index++) {
    const metric = metrics[index % metrics.length];
    const baseline = 100 + ((index * 37) % 900);
    const deadline = `2026-${String((index % 12) + 1).padStart(2, '0')}-28`;
    const statement = index % 9 === 4 ? 'Improve results' : `Move ${metric.replace(/-/g, ' ')} from ${baseline} to ${Math.round(baseline * 1.2)} in ${CITIES[index % CITIES.length]}${index % 2 ? ` by ${deadline}` : ''} through monthly campaigns`;
    lines.push(`  - id: goal-${index}`, `    statement: ${statement}`);
    // A KPI's id mistyped (a letter dropped), as it is while being typed: its typo suggestion
    // searches every KPI's id, and would otherwise run cold in the first large plan opened.
    const kpi = index % 12 === 10 ? `${metric.slice(0, -1)}-${index}` : `${metric}-${index}`;
    if (index % 11 !== 5) lines.push(index % 8 === 7 ? `    kpi: [${kpi}, ${metrics[(index - 1) % metrics.length]}-${index - 1}]` : `    kpi: ${kpi}`);
    // As the templates write a goal: its baseline between its KPI and its target.
    if (index % 3 !== 2) lines.push(`    baseline: ${index % 4 === 1 ? baseline + 0.5 : baseline}`);
    lines.push(`    target: ${index % 13 === 6 ? 'about a fifth more' : index % 3 === 1 ? Math.round(baseline * 1.2) + 0.5 : Math.round(baseline * 1.2)}`, `    deadline: ${deadline}`);
    if (index % 6 !== 5) lines.push(`    owner: Owner ${index % 5}${index % 2 ? ' # accountable' : ''}`);
    lines.push(...(index % 5 === 2 ? ['    supports:', `      - objective-${index % CITIES.length}`] : [`    supports: [objective-${index % CITIES.length}${index % 4 === 3 ? `, objective-${(index + 1) % CITIES.length}` : ''}]`]));
    if (index % 10 === 3) lines.push(`    x-review: { quarterly: true, by: "Owner ${index % 5}" }`);
  }
  lines.push('strategies:');
  for (let index = 0; index < 6; index++) {
    lines.push(`  - id: strategy-${index}`, `    name: Strategy ${index}`, ...(kind === 'sales' ? ['    type: conversion'] : []), '    description: |', `      Grow through ${CITIES[index]} offices.`, `    goals: [goal-${index}, goal-${index + 6}, goal-${index + 12}]`);
  }
  if (kind === 'marketing') {
    lines.push('market:', '  analysis: |', '    The market grows about 8 % a year.', '  trends: [Return to office, Specialty coffee]', '  swot:', '    strengths: [Own roastery]', '    weaknesses: [Small brand]', '    opportunities: [Coworking chains]', '    threats: [Green coffee prices]');
    lines.push('personas:', '  - id: office-manager', '    name: Maria, the office manager', '    role: Office manager', '    needs: [One supplier, Predictable invoice]', '    pains: [Broken machines]');
    lines.push('positioning:', '  statement: Specialty coffee with the machine serviced in 48 hours.', '  advantages: [Own roastery, Fast service]');
    lines.push('mix:', '  product: Beans and machines.', '  price: Monthly subscription.', '  place: Offices.', '  promotion: Tastings.');
    lines.push('channels:');
    for (let index = 0; index < 6; index++) lines.push(`  - id: channel-${index}`, `    name: Channel ${index}`, `    type: ${index % 2 ? 'offline' : 'online'}`, `    kpis: [${metrics[index]}-${index}, ${metrics[index]}-${index + 6}]`);
    lines.push('budget:', '  total: 60000', '  allocations:');
    for (let index = 0; index < 6; index++) lines.push(`    - channel: channel-${index}`, `      amount: ${9000 + index * 500}`, '      expectedReturn: 30000');
    lines.push('calendar:');
    for (let index = 0; index < 12; index++) lines.push(`  - id: activity-${index}`, `    name: Activity ${index}`, `    start: 2026-${String(index + 1).padStart(2, '0')}-01`, `    end: 2026-${String(index + 1).padStart(2, '0')}-20`, `    channels: [channel-${index % 6}]`, `    goals: [goal-${index}]`);
    lines.push('content:', '  items:', '    - type: Case study', '      topic: A coffee bar in a tech office', '      channels: [channel-0]', '      persona: office-manager', 'measurement:', `  kpis: [${metrics[0]}-0, ${metrics[1]}-1]`, '  tools: [HubSpot]', '  cadence: Weekly');
  } else {
    lines.push('segments:');
    for (let index = 0; index < 4; index++) lines.push(`  - id: segment-${index}`, `    name: Segment ${index}`, '    description: Offices of 20 to 500 people.');
    lines.push('offering:');
    for (let index = 0; index < 3; index++) lines.push(`  - id: product-${index}`, `    name: Product ${index}`, '    description: Beans roasted weekly.', `    differentiators: [Roasted in ${CITIES[index]}, Serviced in 48 hours]`);
    lines.push('team:', '  - id: head-of-sales', '    role: Head of Sales', '    count: 1');
    for (let index = 0; index < 5; index++) lines.push(`  - id: role-${index}`, `    role: Account executive ${index}`, `    count: ${1 + (index % 3)}`, '    responsibilities: [Tastings, Proposals]', '    reportsTo: head-of-sales');
    lines.push('tactics:');
    for (let index = 0; index < 4; index++) lines.push(`  - name: Tactic ${index}`, '    methodology: MEDDIC', '    description: Every deal names its buyer and its pain.');
    lines.push('forecast:', '  method: linear', '  history:', ...[1, 2, 3, 4, 5, 6].map((quarter) => `    - { period: ${2024 + Math.floor((quarter - 1) / 4)}-Q${((quarter - 1) % 4) + 1}, revenue: ${600000 + quarter * 45000} }`));
    lines.push('territories:');
    for (const [index, city] of CITIES.entries()) lines.push(`  - id: territory-${index}`, `    name: ${city}`, `    regions: [${city}]`, `    owner: role-${index % 5}`);
    lines.push('training:', '  - id: meddic', '    name: MEDDIC onboarding', '    audience: role-0', '    cadence: Quarterly', '    topics: [MEDDIC fields, Finding the economic buyer]');
  }
  return `${lines.join('\n')}\n`;
}

/** What typing makes of a plan: a word added to a goal, text after a flow list's bracket, an open quote. */
function versions(text: string): string[] {
  const statement = text.indexOf('\n', text.indexOf('    statement: Improve results'));
  const supports = text.indexOf('\n', text.indexOf('    supports: [objective-', text.length / 2));
  const quote = text.indexOf('    statement: ', text.length / 3) + '    statement: '.length;
  const at = (offset: number, insert: string) => `${text.slice(0, offset)}${insert}${text.slice(offset)}`;
  return [text, at(statement, ' quickly'), at(statement, ' quick'), at(supports, 'x'), at(supports, 'xy'), at(quote, '"'), at(quote, '"G'), text];
}

/** Goals in the first large plan: about 10,000 lines. */
const MEDIUM_ITEMS = 600;

/** Goals in the second large plan: about 20,000 lines. */
const LARGE_ITEMS = 1200;

/** The check of a large plan in progress, closed when a plan opens (`warmUp`). */
interface LargeCheck {
  steps?: Generator<unknown, unknown, unknown>;
}

/** What is done with a check's result once it is made: its findings made into the editor's diagnostics (not sent). */
export type AfterCheck = (uri: string, text: string, plan: CheckedPlan) => void;

function* warmUpSteps(service: PlanService, planOpen: () => boolean, large: LargeCheck, afterCheck: AfterCheck): Generator<void, void, void> {
  const small = (['marketing', 'sales'] as const).map((kind) => versions(warmUpPlan(kind)));
  const check = function* (text: string): Generator<void, void, void> {
    afterCheck(WARM_UP_NAME, text, yield* service.checkSteps(text, WARM_UP_NAME));
  };
  /** Large plans one after the other until a plan opens; the check in progress then is dropped (`dropLargeCheck`). */
  const checkLarge = function* (texts: string[]): Generator<void, void, void> {
    for (const text of texts) {
      const steps = (large.steps = service.checkSteps(text, WARM_UP_NAME));
      let plan: CheckedPlan | undefined;
      while (!planOpen()) {
        const next = steps.next();
        if (next.done) {
          plan = next.value;
          break;
        }
        yield;
      }
      if (!plan) {
        dropLargeCheck(large, service);
        return;
      }
      afterCheck(WARM_UP_NAME, text, plan);
      large.steps = undefined;
      yield;
    }
  };
  // Large plans before the typing: what is optimised for small plans only is thrown away on
  // the first large one (its lists, its heap), and a large plan opened during the warm-up finds
  // more of the code ready (measured: a 20,000-line plan opened 300 ms after start, about 530 ms
  // against 720). A plan of about 10,000 lines first: its check is over before a plan opened
  // 300 ms after start, so every stage has run on a large plan by then (a 20,000-line plan
  // opened then, 8 alternated cold starts of each: median 154 → 146 ms, the third open 124 →
  // 99). A plan already open has done that, and a large one beside it would only add to the
  // memory the server holds at its peak: the large plans are dropped as soon as a plan opens.
  yield* checkLarge([warmUpPlan('marketing', MEDIUM_ITEMS)]);
  for (const [first] of small) {
    yield* check(first);
    yield;
  }
  const largeText = warmUpPlan('marketing', LARGE_ITEMS);
  yield* checkLarge([largeText, versions(largeText)[1]]);
  for (const texts of small) {
    for (const text of texts.slice(1)) {
      yield* check(text);
      yield;
    }
  }
}

/** Stops a large plan's check and forgets the plan: a plan opened, whether seen between the check's steps (`checkLarge`) or at a pause of the warm-up (`warmUp`). */
function dropLargeCheck(large: LargeCheck, service: PlanService): void {
  large.steps?.return(undefined);
  large.steps = undefined;
  service.forget(WARM_UP_NAME);
}

/** Warms the server up in slices, each one once `idle()` says no plan has a check pending. */
export async function warmUp(service: PlanService, idle: () => Promise<void>, planOpen: () => boolean, afterCheck: AfterCheck): Promise<void> {
  const large: LargeCheck = {};
  // A plan opened while the large plan is checked: its check waits for that one's, and should not wait beside its memory.
  const pause = () => {
    if (large.steps && planOpen()) dropLargeCheck(large, service);
    return idle();
  };
  try {
    await runWhenIdle(warmUpSteps(service, planOpen, large, afterCheck), pause);
  } finally {
    service.forget(WARM_UP_NAME);
  }
}
