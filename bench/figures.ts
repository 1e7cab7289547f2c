/**
 * The cost of the plan's figures (issue 12), in process: the forecast engine fitting 60 monthly
 * periods (linear, seasonal and auto), and `service.check` of a 2,000-line sales plan alone, with
 * an actuals CSV, with an aligned 2,000-line marketing plan, and with both (a new text every run,
 * as after a keystroke: the forecast and the CSV of the previous version are reused when their
 * inputs did not change), and the figures made from nothing (`planFigures`, as on opening the
 * plan). The first runs warm up and are left out. Part of `npm run bench` (`--no-figures` skips it,
 * `--figures-only` runs nothing else); alone:
 *
 *   npx tsx bench/figures.ts [--runs N]
 */
import { parse } from 'yaml';
import { forecast, type ForecastMethod } from '../server/src/core/analysis/forecast';
import { planFigures } from '../server/src/core/analysis/figures';
import { createPlanService } from '../server/src/core/workspace/service';
import { generatePlan, lineCount, seeded } from './generate';
import { median, percentile } from './report';

export interface FiguresResult {
  runs: number;
  forecast: { method: ForecastMethod; chosen: string; periods: number; medianMs: number; p95Ms: number }[];
  check: { variant: string; lines: number; actualsRows: number; alignedLines: number; checkMs: number; figuresMs: number }[];
}

const TODAY = '2026-07-15';
const FOLDER = '/bench/plans';

/** Five years of months, 2021-01 … 2025-12: a trend, a yearly season and noise. */
export function monthlyHistory(periods = 60): { period: string; revenue: number }[] {
  const random = seeded(60);
  return Array.from({ length: periods }, (_, index) => {
    const year = 2026 - Math.ceil(periods / 12) + Math.floor(index / 12);
    const month = (index % 12) + 1;
    const revenue = 200000 + 2500 * index + 30000 * Math.sin((2 * Math.PI * month) / 12) + 8000 * (random() - 0.5);
    return { period: `${year}-${String(month).padStart(2, '0')}`, revenue: Math.round(revenue) };
  });
}

function time(runs: number, warmUp: number, body: (run: number) => void): number[] {
  const samples: number[] = [];
  for (let run = 0; run < warmUp + runs; run++) {
    const start = performance.now();
    body(run);
    if (run >= warmUp) samples.push(performance.now() - start);
  }
  return samples;
}

/** Per-KPI monthly actuals, January to June 2026, for every KPI of the plan with a baseline and a target. */
function actualsCsv(planText: string): { text: string; rows: number } {
  const plan = parse(planText) as { kpis?: { id?: unknown; baseline?: unknown; target?: unknown }[] };
  const lines = ['kpi,period,value'];
  for (const kpi of plan.kpis ?? []) {
    if (typeof kpi.id !== 'string' || typeof kpi.baseline !== 'number' || typeof kpi.target !== 'number') continue;
    for (let month = 1; month <= 6; month++) lines.push(`${kpi.id},2026-0${month},${kpi.baseline + ((kpi.target - kpi.baseline) * month) / 13}`);
  }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

export function benchFigures(options: { runs?: number; log?: (message: string) => void } = {}): FiguresResult {
  const runs = options.runs ?? 20;
  const log = options.log ?? (() => undefined);
  const result: FiguresResult = { runs, forecast: [], check: [] };

  const history = monthlyHistory(60);
  for (const method of ['linear', 'seasonal', 'auto'] as const) {
    log(`figures: forecast of 60 monthly periods, ${method}`);
    let chosen = '';
    const samples = time(runs, 3, () => {
      const outcome = forecast(history, { method, planStart: '2026-01-01', planEnd: '2026-12-31' });
      chosen = outcome.ok ? outcome.method : outcome.reason;
    });
    result.forecast.push({ method, chosen, periods: history.length, medianMs: median(samples), p95Ms: percentile(samples, 0.95) });
  }

  const sales = generatePlan('sales', 2000);
  const marketing = generatePlan('marketing', 2000);
  const actuals = actualsCsv(sales);
  const files: Record<string, string> = { [`${FOLDER}/marketing.plan.yaml`]: marketing, [`${FOLDER}/actuals.csv`]: actuals.text };
  const variants = [
    { variant: 'alone', header: '', actualsRows: 0, alignedLines: 0 },
    { variant: 'with actuals', header: 'actuals: actuals.csv\n', actualsRows: actuals.rows, alignedLines: 0 },
    { variant: 'with an aligned plan', header: 'alignsWith: [marketing.plan.yaml]\n', actualsRows: 0, alignedLines: lineCount(marketing) },
    { variant: 'with both', header: 'alignsWith: [marketing.plan.yaml]\nactuals: actuals.csv\n', actualsRows: actuals.rows, alignedLines: lineCount(marketing) },
  ];
  const file = `${FOLDER}/sales.plan.yaml`;
  const prepared = variants.map((entry) => ({ ...entry, text: sales.replace(/^currency: .*\n/m, (line) => `${line}${entry.header}`), service: createPlanService({ readFile: (filePath) => files[filePath] }), samples: [] as number[] }));
  // Round by round, every variant once, so that the machine's load and the JIT weigh on all alike.
  log('figures: check of a 2,000-line sales plan, alone, with actuals, with an aligned plan, with both');
  for (let round = 0; round < 3 + runs; round++) {
    for (const entry of prepared) {
      // A new text each run, as after a keystroke: the snapshot, the rules and the figures are made again.
      const start = performance.now();
      entry.service.check(`${entry.text}# run ${round}\n`, file, { today: TODAY });
      if (round >= 3) entry.samples.push(performance.now() - start);
    }
  }
  for (const entry of prepared) {
    const snapshot = entry.service.check(entry.text, file, { today: TODAY });
    const aligned = snapshot.aligned.map((plan) => plan.model);
    const actualsText = entry.header.includes('actuals') ? { file: 'actuals.csv', text: actuals.text } : undefined;
    // The figures alone, made from nothing (no previous version to reuse the forecast or the CSV of).
    const figuresSamples = time(runs, 3, () => planFigures(snapshot.model, aligned, actualsText, { today: TODAY }));
    result.check.push({ variant: entry.variant, lines: lineCount(entry.text), actualsRows: entry.actualsRows, alignedLines: entry.alignedLines, checkMs: median(entry.samples), figuresMs: median(figuresSamples) });
  }
  return result;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

/** The markdown of the figures' results, for the bench's report. */
export function figuresMarkdown(result: FiguresResult): string {
  const forecastRows = result.forecast.map((row) => `| ${row.method} | ${row.chosen} | ${row.periods} | ${ms(row.medianMs)} ms | ${ms(row.p95Ms)} ms |`);
  const base = result.check[0];
  const checkRows = result.check.map((row) => {
    const difference = row.checkMs - (base?.checkMs ?? row.checkMs);
    const added = base && row !== base ? ` (${difference < 0 ? '−' : '+'}${ms(Math.abs(difference))} ms)` : '';
    return `| ${row.variant} | ${row.lines.toLocaleString('en-US')} | ${row.actualsRows || '—'} | ${row.alignedLines ? row.alignedLines.toLocaleString('en-US') : '—'} | ${ms(row.checkMs)} ms${added} | ${ms(row.figuresMs)} ms |`;
  });
  return [
    `### Figures (in process, median of ${result.runs} runs)`,
    '',
    '| forecast method | model fitted | monthly periods | fit and forecast | p95 |',
    '|---|---|---:|---:|---:|',
    ...forecastRows,
    '',
    '| sales plan | lines | actuals rows | aligned plan lines | service.check of a new text (a keystroke) | the figures made from nothing |',
    '|---|---:|---:|---:|---:|---:|',
    ...checkRows,
  ].join('\n');
}

if (require.main === module) {
  const index = process.argv.indexOf('--runs');
  const result = benchFigures({ runs: index === -1 ? undefined : Number(process.argv[index + 1]), log: (message) => process.stderr.write(`${message}\n`) });
  process.stdout.write(`${figuresMarkdown(result)}\n`);
}
