/**
 * The benchmark of issue 6 (`npm run bench`): our language server against yaml-language-server
 * on generated plans of 200, 2,000 and 20,000 lines, the two servers alternated in one run,
 * then the scaling of our server alone from 200 to 100,000 lines. Prints markdown tables and
 * writes bench/results/latest.json (and latest.md, the tables for the README).
 *
 *   npm run bench                       full run (3 repetitions)
 *   npm run bench -- --quick            1 repetition, fewer samples, scaling up to 20,000 lines
 *   npm run bench -- --reps 5 --sizes 2000,20000 --kind sales --no-scaling --no-peer
 *   npm run bench -- --scaling-sizes 200,2000,20000,100000 --scaling-reps 1
 *   npm run bench -- --peer-schema kind  the peer gets schemas/<kind>.schema.json, not plan.schema.json
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { generatePlan, lineCount, type PlanKind } from './generate';
import { compare, comparisonTable, formatValue, median, statOf, table, type Comparison } from './report';
import { runSession, type MetricKey, type SampleCounts, type ServerUnderTest } from './scenario';

const ROOT = path.resolve(__dirname, '..');

interface Options {
  reps: number;
  sizes: number[];
  scalingReps: number;
  scalingSizes: number[];
  kind: PlanKind;
  peer: boolean;
  /** The schema the peer gets: ours as the extension contributes it, or the plan kind's own. */
  peerSchema: 'plan' | 'kind';
  quick: boolean;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const numbers = (text: string | undefined, fallback: number[]) => (text ? text.split(',').map((item) => Number(item.replace(/_/g, ''))) : fallback);
  const kind = value('--kind') ?? 'marketing';
  if (kind !== 'marketing' && kind !== 'sales') throw new Error(`--kind must be marketing or sales, not ${kind}`);
  return {
    quick,
    reps: Number(value('--reps') ?? (quick ? 1 : 3)),
    scalingReps: Number(value('--scaling-reps') ?? (quick ? 1 : 3)),
    sizes: numbers(value('--sizes'), [200, 2000, 20000]),
    scalingSizes: argv.includes('--no-scaling') ? [] : numbers(value('--scaling-sizes'), quick ? [200, 2000, 20000] : [200, 1000, 2000, 5000, 10000, 20000, 50000, 100000]),
    kind,
    peer: !argv.includes('--no-peer'),
    peerSchema: value('--peer-schema') === 'kind' ? 'kind' : 'plan',
    out: path.resolve(value('--out') ?? path.join(ROOT, 'bench/results/latest.json')),
  };
}

const FULL: SampleCounts = { bursts: 4, hovers: 10, definitions: 10, symbols: 3, renames: 2, renders: 3, completionsAfterKeystroke: 3, completions: 16 };
const QUICK: SampleCounts = { bursts: 2, hovers: 6, definitions: 6, symbols: 2, renames: 1, renders: 2, completionsAfterKeystroke: 2, completions: 10 };
const SCALING: SampleCounts = { bursts: 2, hovers: 4, definitions: 0, symbols: 1, renames: 0, renders: 0, completionsAfterKeystroke: 0, completions: 4 };

const OURS: ServerUnderTest = {
  name: 'plan-as-code',
  args: [path.join(ROOT, 'server/out/server.js'), '--stdio'],
  languageId: 'plan-yaml',
  // The largest plans of the scaling series are past the default 5,000,000 characters.
  settings: { planAsCode: { maxFileSize: 200_000_000 } },
  skip: {},
};

function peer(schemaFile: string): ServerUnderTest {
  const schema = pathToFileURL(path.join(ROOT, schemaFile)).toString();
  return {
    name: 'yaml-language-server',
    args: [path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    languageId: 'yaml',
    // As the YAML extension sends them, with our schema mapped to plans (and no schema store
    // download: the machine may be offline, and it would only add catalog schemas).
    settings: {
      yaml: { schemas: { [schema]: ['*.plan.yaml', '*.plan.yml'] }, validate: true, completion: true, hover: true, format: { enable: false }, schemaStore: { enable: false }, maxItemsComputed: 5000 },
      http: { proxy: '', proxyStrictSSL: false },
      '[yaml]': { 'editor.tabSize': 2 },
      editor: { tabSize: 2 },
    },
    skip: { definition: 'anchors and aliases only', rename: 'anchors and aliases only', render: 'no preview' },
  };
}

function peerSchemaFile(options: Options): string {
  return `schemas/${options.peerSchema === 'kind' ? options.kind : 'plan'}.schema.json`;
}

function machine() {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  };
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    /** The machine is shared: its load (1, 5, 15 minutes) when the run started. */
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: Boolean(git('status', '--porcelain')),
  };
}

function packageVersion(relative: string): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8')) as { version: string }).version;
}

/** Samples of every session of one server at one size, pooled over the repetitions. */
type Pooled = Partial<Record<MetricKey, number[]>>;

function poolInto(into: Pooled, samples: Pooled): void {
  for (const [metric, values] of Object.entries(samples) as [MetricKey, number[]][]) (into[metric] ??= []).push(...values);
}

interface SizeResult {
  /** The size asked for; `lines` is the size generated. */
  target: number;
  lines: number;
  characters: number;
  servers: Record<string, { samples: Pooled; diagnosticsAtOpen: number[]; completionItems: number[] }>;
}

interface ScalingResult {
  lines: number;
  characters: number;
  samples: Pooled;
  /** A sanity check: a plan over the size limit would get one `plan/too-large` notice and nothing else. */
  diagnosticsAtOpen: number[];
}

interface BenchResult {
  date: string;
  machine: ReturnType<typeof machine>;
  options: Omit<Options, 'out'> & { out: string; counts: SampleCounts };
  servers: { ours: { name: string; version: string }; peer?: { name: string; version: string; schema: string } };
  sizes: SizeResult[];
  comparisons: Comparison[];
  scaling: ScalingResult[];
  bundles: { file: string; bytes: number | null; target: string; pass?: boolean }[];
  seconds: number;
}

function log(started: number, message: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${message}\n`);
}

/** Writes the plan of `target` lines into `folder`; its path and text. */
function planFile(folder: string, kind: PlanKind, target: number): { filePath: string; text: string } {
  const text = generatePlan(kind, target);
  const filePath = path.join(folder, `${kind}-${target}.plan.yaml`);
  fs.writeFileSync(filePath, text);
  return { filePath, text };
}

async function compareAt(target: number, folder: string, servers: ServerUnderTest[], options: Options, started: number): Promise<SizeResult> {
  const { filePath, text } = planFile(folder, options.kind, target);
  const entry: SizeResult = { target, lines: lineCount(text), characters: text.length, servers: {} };
  for (const server of servers) entry.servers[server.name] = { samples: {}, diagnosticsAtOpen: [], completionItems: [] };
  for (let rep = 0; rep < options.reps; rep++) {
    // A B, then B A: neither server always runs first on a warm (or hot) machine.
    for (const server of rep % 2 === 0 ? servers : [...servers].reverse()) {
      log(started, `${target} lines, repetition ${rep + 1}/${options.reps}: ${server.name}`);
      const result = await runSession(server, filePath, text, options.quick ? QUICK : FULL, rep);
      const pooled = entry.servers[server.name];
      poolInto(pooled.samples, result.samples);
      pooled.diagnosticsAtOpen.push(result.diagnosticsAtOpen);
      pooled.completionItems.push(result.completionItems);
    }
  }
  return entry;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-'));
  const theirs = options.peer ? peer(peerSchemaFile(options)) : undefined;
  const servers = theirs ? [OURS, theirs] : [OURS];
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: machine(),
    options: { ...options, out: path.relative(ROOT, options.out), counts: options.quick ? QUICK : FULL },
    servers: {
      ours: { name: OURS.name, version: packageVersion('package.json') },
      peer: theirs && { name: theirs.name, version: packageVersion('node_modules/yaml-language-server/package.json'), schema: peerSchemaFile(options) },
    },
    sizes: [],
    comparisons: [],
    scaling: [],
    bundles: ['client/out/extension.js', 'server/out/server.js'].map((file) => {
      const bytes = fs.existsSync(path.join(ROOT, file)) ? fs.statSync(path.join(ROOT, file)).size : null;
      return { file, bytes, target: '< 1 MB', pass: bytes === null ? undefined : bytes < 1_000_000 };
    }),
    seconds: 0,
  };
  try {
    for (const target of options.sizes) {
      const entry = await compareAt(target, folder, servers, options, started);
      result.sizes.push(entry);
      result.comparisons.push(...compare(target, entry.servers[OURS.name].samples, theirs && entry.servers[theirs.name].samples, theirs?.skip ?? {}));
    }
    for (const target of options.scalingSizes) {
      const { filePath, text } = planFile(folder, options.kind, target);
      const entry: ScalingResult = { lines: lineCount(text), characters: text.length, samples: {}, diagnosticsAtOpen: [] };
      for (let rep = 0; rep < options.scalingReps; rep++) {
        log(started, `scaling: ${target} lines, repetition ${rep + 1}/${options.scalingReps}: ${OURS.name}`);
        const session = await runSession(OURS, filePath, text, SCALING, rep);
        poolInto(entry.samples, session.samples);
        entry.diagnosticsAtOpen.push(session.diagnosticsAtOpen);
      }
      result.scaling.push(entry);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  result.seconds = Math.round((performance.now() - started) / 1000);
  const markdown = render(result);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(options.out.replace(/\.json$/, '.md'), markdown);
  process.stdout.write(markdown);
  log(started, `wrote ${path.relative(ROOT, options.out)} and its .md`);
}

function render(result: BenchResult): string {
  const { machine: m, options, servers } = result;
  const parts = [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node.js ${m.node}, ${m.os}, load average ${m.loadAverage.join(' ')} at the start; commit ${m.commit ?? '?'}${m.uncommittedChanges ? ' with uncommitted changes' : ''}; ${result.date.slice(0, 10)}, ${result.seconds} s.`,
    `Plans: generated ${options.kind} plans (bench/generate.ts), ${options.reps} repetition${options.reps === 1 ? '' : 's'} (scaling: ${options.scalingReps})${servers.peer ? `, the servers alternated; the peer is ${servers.peer.name} ${servers.peer.version} with ${servers.peer.schema}` : ''}. Times are medians unless marked p95; "n/a": the peer has no such feature.`,
  ];
  for (const size of result.sizes) {
    const sanity = Object.entries(size.servers)
      .map(([name, server]) => `${name}: ${server.diagnosticsAtOpen.join('/')} diagnostics at open, ${server.completionItems.join('/')} completion items`)
      .join('; ');
    const rows = result.comparisons.filter((row) => row.lines === size.target);
    parts.push(`### ${size.lines.toLocaleString('en-US')} lines (${Math.round(size.characters / 1000)} kB)\n\n${comparisonTable(rows, servers.peer?.name)}\n\n${sanity}.`);
  }
  if (result.scaling.length) {
    const value = (entry: ScalingResult, metric: MetricKey) => statOf(entry.samples[metric], 'median');
    const rows = result.scaling.map((entry, index) => {
      // Linear growth shows as a steady cost per extra 1,000 lines from one row to the next.
      const previous = result.scaling[index - 1];
      const marginal = (metric: MetricKey, unit: string) => (previous ? formatValue(((value(entry, metric) - value(previous, metric)) / (entry.lines - previous.lines)) * 1000, unit) : '');
      return [
        entry.lines.toLocaleString('en-US'),
        `${(entry.characters / 1e6).toFixed(2)} MB`,
        ...(['open', 'keystroke', 'completion', 'hover', 'symbols'] as const).map((metric) => formatValue(value(entry, metric), 'ms')),
        formatValue(value(entry, 'memory'), 'MiB'),
        marginal('keystroke', 'ms'),
        marginal('memory', 'MiB'),
        String(median(entry.diagnosticsAtOpen)),
      ];
    });
    const header = ['lines', 'size', 'open → diagnostics', 'keystroke → diagnostics', 'completion p50', 'hover p50', 'document symbols', 'peak memory', 'keystroke: + per 1,000 lines', 'memory: + per 1,000 lines', 'diagnostics'];
    parts.push(`### Scaling (${OURS.name} alone)\n\n${table(header, rows)}`);
  }
  const bundles = result.bundles.map((bundle) => `${bundle.file} ${bundle.bytes === null ? 'missing' : `${(bundle.bytes / 1e6).toFixed(2)} MB`}${bundle.pass === undefined ? '' : bundle.pass ? ' (pass, < 1 MB)' : ' (**fail**, ≥ 1 MB)'}`);
  parts.push(`Bundles: ${bundles.join(', ')}. Extension activation time is not measured here (it needs VS Code).`);
  return `${parts.join('\n\n')}\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
