/**
 * A repository of plans for the CLI and workspace benchmarks (issue 14, items 5 and 6): `count`
 * generated plans of about `lines` lines, marketing and sales in turn, linked in pairs by
 * `alignsWith`, a hundred to a folder; and the CLI over it against the `yaml` library parsing
 * the same files (`benchCli`, part of `npm run bench`; alone: `npx tsx bench/repository.ts
 * [--plans N] [--lines N] [--reps N]`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BENCH_TODAY, generatePlan } from './generate';
import { median } from './report';

const ROOT = path.resolve(__dirname, '..');

/** Writes the plans into `folder`; their paths, in order. */
export function writeRepository(folder: string, count: number, lines: number): string[] {
  const marketing = generatePlan('marketing', lines);
  const sales = generatePlan('sales', lines);
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const kind = index % 2 === 0 ? 'marketing' : 'sales';
    const partner = index % 2 === 0 ? index + 1 : index - 1;
    const text = (kind === 'marketing' ? marketing : sales)
      .replace(/^title: .*$/m, `title: Plan ${index}\nalignsWith: [plan-${partner}.plan.yaml]`)
      .replace(/^goals:\n  - id: [a-z0-9-]+/m, `goals:\n  - id: goal-of-plan-${index}`);
    const team = path.join(folder, `team-${Math.floor(index / 100)}`);
    fs.mkdirSync(team, { recursive: true });
    const file = path.join(team, `plan-${index}.plan.yaml`);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

export interface CliResult {
  plans: number;
  lines: number;
  megabytes: number;
  cores: number;
  loadAverage: number[];
  reps: number;
  /** Wall times, each a fresh process: the `yaml` library parsing every file (one thread), and `plan-as-code check` with one thread, the threads it picks, and one per core. */
  yamlMs: number[];
  oneThreadMs: number[];
  autoMs: number[];
  allCoresMs: number[];
}

/** Reads and parses every file named on standard input with the `yaml` library, in one thread: the floor item 5 measures against. */
const YAML_ALONE = `
const fs = require('fs');
const { parse } = require(${JSON.stringify(path.join(ROOT, 'node_modules/yaml'))});
for (const file of fs.readFileSync(0, 'utf8').split('\\n')) if (file) parse(fs.readFileSync(file, 'utf8'));
`;

function timed(run: () => { status: number | null; stderr: string }, what: string): number {
  const started = performance.now();
  const result = run();
  const elapsed = performance.now() - started;
  // The plans have findings: exit status 1 is expected; anything else is a failure of the benchmark.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${what} failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  return elapsed;
}

export function benchCli(options: { plans: number; lines: number; reps: number; log: (message: string) => void }): CliResult {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-cli-')));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  try {
    const files = writeRepository(folder, options.plans, options.lines);
    const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    const result: CliResult = { plans: options.plans, lines: options.lines, megabytes: Math.round(bytes / 1e5) / 10, cores, loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100), reps: options.reps, yamlMs: [], oneThreadMs: [], autoMs: [], allCoresMs: [] };
    const cli = (args: string[]) => () => spawnSync(process.execPath, [path.join(ROOT, 'server/out/cli.js'), 'check', '.', '--format', 'json', '--today', BENCH_TODAY, '-o', path.join(os.tmpdir(), `plan-bench-cli-${process.pid}.json`), ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    for (let rep = 0; rep < options.reps; rep++) {
      options.log(`CLI: ${options.plans} plans of ${options.lines} lines, repetition ${rep + 1}/${options.reps}`);
      result.yamlMs.push(timed(() => spawnSync(process.execPath, ['-e', YAML_ALONE], { input: files.join('\n'), encoding: 'utf8' }), 'yaml alone'));
      result.oneThreadMs.push(timed(cli(['--jobs', '1']), 'check --jobs 1'));
      result.autoMs.push(timed(cli([]), 'check'));
      result.allCoresMs.push(timed(cli(['--jobs', String(cores)]), `check --jobs ${cores}`));
    }
    return result;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(path.join(os.tmpdir(), `plan-bench-cli-${process.pid}.json`), { force: true });
  }
}

/** Target of item 5: the CLI within 2× of the `yaml` library alone. */
const CLI_RATIO = 2;

export function cliMarkdown(result: CliResult): string {
  const yaml = median(result.yamlMs);
  const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
  const row = (label: string, samples: number[]) => {
    const value = median(samples);
    const ratio = value / yaml;
    return `| ${label} | ${seconds(value)} | ${seconds(Math.max(...samples))} | ${ratio.toFixed(2)}× | ${ratio <= CLI_RATIO ? 'pass' : '**fail**'} |`;
  };
  return [
    `### The CLI on a repository: ${result.plans.toLocaleString('en-US')} plans of ${result.lines.toLocaleString('en-US')} lines (${result.megabytes} MB), median of ${result.reps}`,
    '',
    `Each a fresh process; ${result.cores} cores, load average ${result.loadAverage.join(' ')} at the start. The \`yaml\` library reads and parses every file in one thread; \`plan-as-code check . --format json\` reads, parses, models and checks every plan with its linked plans.`,
    '',
    `| run | median | worst | against \`yaml\` alone | target ≤ ${CLI_RATIO}× |`,
    '|---|---:|---:|---:|---|',
    `| \`yaml\` library alone (\`parse\`) | ${seconds(yaml)} | ${seconds(Math.max(...result.yamlMs))} | 1.00× | |`,
    row('`check --jobs 1` (one thread)', result.oneThreadMs),
    row('`check` (threads as it picks them: one per idle core)', result.autoMs),
    row(`\`check --jobs ${result.cores}\` (one per core)`, result.allCoresMs),
  ].join('\n');
}

if (require.main === module) {
  const option = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`);
    return index === -1 ? fallback : Number(process.argv[index + 1]);
  };
  const result = benchCli({ plans: option('plans', 1000), lines: option('lines', 2000), reps: option('reps', 3), log: (message) => process.stderr.write(`${message}\n`) });
  process.stdout.write(`${cliMarkdown(result)}\n`);
}
