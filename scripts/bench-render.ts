/**
 * How long the preview takes to render a large plan: the marketing example grown to about
 * 2,000 lines (its lists repeated with fresh ids), timed as the language server does it on a
 * keystroke (check, SMART verdicts and render of a new text) and for the render alone.
 *
 *   npx tsx scripts/bench-render.ts [lines]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { renderPlan, renderText } from '../server/src/core/render';
import { createPlanService } from '../server/src/core/workspace/service';

const target = Number(process.argv[2] ?? 2000);
const example = path.resolve(__dirname, '../examples/marketing.plan.yaml');
const plan = parse(fs.readFileSync(example, 'utf8')) as Record<string, unknown>;

/** The plan with each id list repeated `times` times, ids (and references to them) suffixed. */
function grow(times: number): string {
  const grown: Record<string, unknown> = { ...plan };
  for (const section of ['kpis', 'goals', 'personas', 'strategies', 'calendar', 'channels']) {
    const items = plan[section] as Record<string, unknown>[];
    grown[section] = Array.from({ length: times }, (_, copy) =>
      items.map((item) => JSON.parse(JSON.stringify(item).replace(/"(id|kpi|channel|persona)":"([a-z0-9-]+)"/g, (_m, key, id) => `"${key}":"${id}${copy ? `-${copy}` : ''}"`))),
    ).flat();
  }
  return stringify(grown, { lineWidth: 0 });
}

let times = 1;
let text = grow(times);
while (text.split('\n').length < target) text = grow(++times);
const lines = text.split('\n').length;

const service = createPlanService({ readFile: (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined) });
const file = path.resolve(__dirname, '../test-output/bench.plan.yaml');

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const keystroke: number[] = [];
const renderOnly: number[] = [];
for (let run = 0; run < 25; run++) {
  // A new text each time, as after a keystroke: nothing cached.
  const edited = text.replace('marketing plan 2026', `marketing plan 2026 (${run})`);
  let start = performance.now();
  const rendered = renderText(service, edited, file, { editorLocale: 'en' });
  keystroke.push(performance.now() - start);
  const { parsed, model } = service.snapshot(edited, file);
  const smart = service.check(edited, file).smart;
  start = performance.now();
  renderPlan({ parsed, model, findings: rendered.findings, smart, locale: 'en' });
  renderOnly.push(performance.now() - start);
}
// The first runs warm the JIT and compile the schema; the median of the rest is reported.
console.log(`plan: ${lines} lines, ${text.length} characters`);
console.log(`check + SMART + render (a keystroke): median ${median(keystroke.slice(5)).toFixed(1)} ms, first ${keystroke[0].toFixed(1)} ms`);
console.log(`render alone: median ${median(renderOnly.slice(5)).toFixed(1)} ms`);
