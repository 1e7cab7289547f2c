/**
 * The benchmark of issue 6 (`npm run bench`): our language server against yaml-language-server
 * on generated marketing and sales plans of 200, 2,000 and 20,000 lines, the two servers
 * alternated in one run, then the scaling of our server alone from 200 to 100,000 lines. Prints
 * markdown tables and writes bench/results/latest.json (and latest.md, the tables for the README),
 * with the extension's activation time measured in VS Code by bench:activation, if it was.
 *
 *   npm run bench                       full run (3 repetitions)
 *   npm run bench -- --quick            1 repetition, fewer samples, scaling up to 20,000 lines
 *   npm run bench -- --reps 5 --sizes 2000,20000 --kind sales --no-scaling --no-peer
 *   npm run bench -- --scaling-sizes 200,2000,20000,100000 --scaling-reps 1
 *   npm run bench -- --peer-schema kind  the peer gets schemas/<kind>.schema.json, not plan.schema.json
 *   npm run bench -- --places-only --place-sizes 2000   typing at several places only (bench/places.ts)
 *   npm run bench -- --ours /tmp/old/server/out/server.js  another build of our server
 *   npm run bench -- --cli-plans 200   the CLI over a repository of 200 plans of 2,000 lines (bench/repository.ts; default 1,000); --no-cli leaves it out
 *   npm run bench -- --figures-only --out bench/results/figures.json
 *                                       only the cost of the plan's figures, in process (bench/figures.ts);
 *                                       --no-figures leaves them out
 *
 * Typing at several places (issue 14) runs on the plan an independent harness measured
 * (bench/cases/generated-2000.plan.yaml) and on larger plans from the same generator
 * (bench/cases.ts); `--no-places` leaves it out.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { generatedCase, goalsForLines } from './cases';
import { BENCH_TODAY, generatePlan, lineCount, type PlanKind } from './generate';
import { placesOf, runPlaces, type PlacesResult } from './places';
import type { FollowUpMetric } from './editor-requests';
import { compare, comparisonTable, formatValue, median, naNotes, statOf, table, type Comparison } from './report';
import { benchFigures, figuresMarkdown, type FiguresResult } from './figures';
import { benchCli, cliMarkdown, type CliResult } from './repository';
import { runSession, type MetricKey, type SampleCounts, type ServerUnderTest } from './scenario';

const ROOT = path.resolve(__dirname, '..');

interface Options {
  reps: number;
  sizes: number[];
  scalingReps: number;
  scalingSizes: number[];
  kinds: PlanKind[];
  peer: boolean;
  /** The schema the peer gets: ours as the extension contributes it, or the plan kind's own. */
  peerSchema: 'plan' | 'kind';
  quick: boolean;
  /** Sizes of the typing-at-places plans (none: left out), and bursts per place. */
  placeSizes: number[];
  placeBursts: number;
  /** The cost of the plan's figures, measured in process (bench/figures.ts). */
  figures: boolean;
  /** Plans of the repository the CLI checks (bench/repository.ts); 0: left out. */
  cliPlans: number;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const figuresOnly = argv.includes('--figures-only');
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const numbers = (text: string | undefined, fallback: number[]) => (text ? text.split(',').map((item) => Number(item.replace(/_/g, ''))) : fallback);
  const kinds = (value('--kind') ?? 'marketing,sales').split(',');
  const placesOnly = argv.includes('--places-only');
  for (const kind of kinds) if (kind !== 'marketing' && kind !== 'sales') throw new Error(`--kind must be marketing or sales, not ${kind}`);
  return {
    quick,
    reps: Number(value('--reps') ?? (quick ? 1 : 3)),
    scalingReps: Number(value('--scaling-reps') ?? (quick ? 1 : 3)),
    sizes: placesOnly || figuresOnly ? [] : numbers(value('--sizes'), [200, 2000, 20000]),
    scalingSizes: placesOnly || figuresOnly || argv.includes('--no-scaling') ? [] : numbers(value('--scaling-sizes'), quick ? [200, 2000, 20000] : [200, 1000, 2000, 5000, 10000, 20000, 50000, 100000]),
    placeSizes: figuresOnly || argv.includes('--no-places') ? [] : numbers(value('--place-sizes'), [2000, 20000]),
    placeBursts: Number(value('--place-bursts') ?? (quick ? 2 : 3)),
    kinds: kinds as PlanKind[],
    peer: !figuresOnly && !argv.includes('--no-peer'),
    figures: !argv.includes('--no-figures'),
    cliPlans: argv.includes('--no-cli') || placesOnly ? 0 : Number(value('--cli-plans') ?? (quick ? 100 : 1000)),
    peerSchema: value('--peer-schema') === 'kind' ? 'kind' : 'plan',
    out: path.resolve(value('--out') ?? path.join(ROOT, 'bench/results/latest.json')),
  };
}

const FULL: SampleCounts = { bursts: 4, hovers: 10, definitions: 10, symbols: 3, renames: 2, renders: 3, completionsAfterKeystroke: 3, completions: 16 };
const QUICK: SampleCounts = { bursts: 2, hovers: 6, definitions: 6, symbols: 2, renames: 1, renders: 2, completionsAfterKeystroke: 2, completions: 10 };
const SCALING: SampleCounts = { bursts: 2, hovers: 4, definitions: 0, symbols: 1, renames: 0, renders: 0, completionsAfterKeystroke: 0, completions: 4 };

/** `--ours <server.js>`: another build of our server (an older commit's, to compare). */
const OURS_SCRIPT = process.argv.includes('--ours') ? path.resolve(process.argv[process.argv.indexOf('--ours') + 1]) : path.join(ROOT, 'server/out/server.js');

const OURS: ServerUnderTest = {
  name: 'plan-as-code',
  args: [OURS_SCRIPT, '--stdio'],
  languageId: 'plan-yaml',
  // The largest plans of the scaling series are past the default 5,000,000 characters.
  settings: { planAsCode: { maxFileSize: 200_000_000 } },
  initializationOptions: { today: BENCH_TODAY },
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
    skip: { definition: 'anchors and aliases only', rename: 'anchors and aliases only', renderFirst: 'no preview', render: 'no preview' },
  };
}

function peerSchemaFile(options: Options, kind: PlanKind): string {
  return `schemas/${options.peerSchema === 'kind' ? kind : 'plan'}.schema.json`;
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
  kind: PlanKind;
  /** The size asked for; `lines` is the size generated. */
  target: number;
  lines: number;
  characters: number;
  servers: Record<string, { samples: Pooled; diagnosticsAtOpen: number[]; completionItems: number[]; notOffered: FollowUpMetric[] }>;
}

/** Typing at several places of one plan, each server's samples pooled over the repetitions. */
interface PlacesEntry {
  /** The size asked for: 2,000 is the harness's own plan. */
  target: number;
  file: string;
  lines: number;
  characters: number;
  places: { name: string; line: number; word: string; brokenWhileTyping: boolean }[];
  servers: Record<string, { typing: Record<string, number[]>; deleting: Record<string, number[]>; coldOpen: number[]; warmOpen: number[] }>;
}

interface ScalingResult {
  kind: PlanKind;
  lines: number;
  characters: number;
  samples: Pooled;
  /** A sanity check: a plan over the size limit would get one `plan/too-large` notice and nothing else. */
  diagnosticsAtOpen: number[];
}

/** The extension's activation in VS Code, as bench:activation last measured it (it needs VS Code, not only Node). */
interface Activation {
  file: string;
  medianMs: number | null;
  runs: number[];
  vscode?: string;
  target: string;
  pass?: boolean;
  /** Why there is no time. */
  note?: string;
}

interface BenchResult {
  date: string;
  machine: ReturnType<typeof machine>;
  options: Omit<Options, 'out'> & { out: string; counts: SampleCounts };
  servers: { ours: { name: string; version: string }; peer?: { name: string; version: string; schemas: Partial<Record<PlanKind, string>> } };
  sizes: SizeResult[];
  comparisons: Comparison[];
  places: PlacesEntry[];
  scaling: ScalingResult[];
  figures?: FiguresResult;
  cli?: CliResult;
  activation: Activation;
  bundles: { file: string; bytes: number | null; target: string; pass?: boolean }[];
  seconds: number;
}

const ACTIVATION_FILE = 'bench/results/activation.json';

/** A time in ms from a number, or from the `activationMs` of an object (both shapes occur). */
function activationMsOf(value: unknown): number | undefined {
  const ms = typeof value === 'object' && value !== null ? (value as { activationMs?: unknown }).activationMs : value;
  return typeof ms === 'number' && Number.isFinite(ms) ? ms : undefined;
}

/** Tolerant of a missing or partial file: `medianMs` or `median.activationMs`, else the median of the runs. */
function readActivation(): Activation {
  const empty: Activation = { file: ACTIVATION_FILE, medianMs: null, runs: [], target: '< 100 ms' };
  const filePath = path.join(ROOT, ACTIVATION_FILE);
  if (!fs.existsSync(filePath)) return { ...empty, note: 'not measured; run `npm run bench:activation`' };
  let data: { medianMs?: unknown; median?: unknown; runs?: unknown; vscode?: unknown } | null;
  try {
    data = JSON.parse(fs.readFileSync(filePath, 'utf8')) as typeof data;
  } catch (error) {
    return { ...empty, note: `${ACTIVATION_FILE} unreadable (${error instanceof Error ? error.message : String(error)})` };
  }
  const runs = Array.isArray(data?.runs) ? data.runs.map(activationMsOf).filter((run): run is number => run !== undefined) : [];
  const medianMs = activationMsOf(data?.medianMs) ?? activationMsOf(data?.median) ?? (runs.length ? median(runs) : null);
  if (medianMs === null) return { ...empty, note: `${ACTIVATION_FILE} has no median or runs; run \`npm run bench:activation\`` };
  return { ...empty, medianMs, runs, vscode: typeof data?.vscode === 'string' ? data.vscode : undefined, pass: medianMs < 100 };
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

async function compareAt(kind: PlanKind, target: number, folder: string, servers: ServerUnderTest[], options: Options, started: number): Promise<SizeResult> {
  const { filePath, text } = planFile(folder, kind, target);
  const entry: SizeResult = { kind, target, lines: lineCount(text), characters: text.length, servers: {} };
  for (const server of servers) entry.servers[server.name] = { samples: {}, diagnosticsAtOpen: [], completionItems: [], notOffered: [] };
  for (let rep = 0; rep < options.reps; rep++) {
    // A B, then B A: neither server always runs first on a warm (or hot) machine.
    for (const server of rep % 2 === 0 ? servers : [...servers].reverse()) {
      log(started, `${kind} plan, ${target} lines, repetition ${rep + 1}/${options.reps}: ${server.name}`);
      const result = await runSession(server, filePath, text, options.quick ? QUICK : FULL, rep);
      const pooled = entry.servers[server.name];
      poolInto(pooled.samples, result.samples);
      pooled.diagnosticsAtOpen.push(result.diagnosticsAtOpen);
      pooled.completionItems.push(result.completionItems);
      pooled.notOffered = [...new Set([...pooled.notOffered, ...result.notOffered])];
    }
  }
  return entry;
}

/** The harness's plan at 2,000 lines, else one of that size from its generator. */
function casePlan(folder: string, target: number): { filePath: string; text: string; file: string } {
  const file = target === 2000 ? 'bench/cases/generated-2000.plan.yaml' : `bench/cases.ts ${goalsForLines(target)} goals`;
  const text = target === 2000 ? fs.readFileSync(path.join(ROOT, file), 'utf8') : generatedCase(goalsForLines(target));
  const filePath = path.join(folder, `generated-${target}.plan.yaml`);
  fs.writeFileSync(filePath, text);
  return { filePath, text, file };
}

async function placesAt(target: number, folder: string, servers: ServerUnderTest[], options: Options, started: number): Promise<PlacesEntry> {
  const { filePath, text, file } = casePlan(folder, target);
  const places = placesOf(text);
  const entry: PlacesEntry = {
    target,
    file,
    lines: lineCount(text),
    characters: text.length,
    places: places.map((place) => ({ name: place.name, line: place.line + 1, word: place.word, brokenWhileTyping: place.brokenWhileTyping === true })),
    servers: {},
  };
  for (const server of servers) entry.servers[server.name] = { typing: {}, deleting: {}, coldOpen: [], warmOpen: [] };
  for (let rep = 0; rep < options.reps; rep++) {
    for (const server of rep % 2 === 0 ? servers : [...servers].reverse()) {
      log(started, `typing at ${places.length} places, ${target} lines, repetition ${rep + 1}/${options.reps}: ${server.name}`);
      const result: PlacesResult = await runPlaces(server, filePath, text, places, options.placeBursts);
      const pooled = entry.servers[server.name];
      for (const [name, samples] of Object.entries(result.typing)) (pooled.typing[name] ??= []).push(...samples);
      for (const [name, samples] of Object.entries(result.deleting)) (pooled.deleting[name] ??= []).push(...samples);
      pooled.coldOpen.push(result.coldOpen);
      pooled.warmOpen.push(result.warmOpen);
    }
  }
  return entry;
}

/** Why a server has no value for a metric: by design (`skip`), or it does not declare the feature. */
function notesOf(server: ServerUnderTest, notOffered: FollowUpMetric[]): Partial<Record<MetricKey, string>> {
  return { ...Object.fromEntries(notOffered.map((metric) => [metric, 'not offered'])), ...server.skip };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-'));
  const peers = new Map(options.kinds.map((kind) => [kind, options.peer ? peer(peerSchemaFile(options, kind)) : undefined]));
  const theirs = peers.get(options.kinds[0]);
  const result: Omit<BenchResult, 'activation'> = {
    date: new Date().toISOString(),
    machine: machine(),
    options: { ...options, out: path.relative(ROOT, options.out), counts: options.quick ? QUICK : FULL },
    servers: {
      ours: { name: OURS.name, version: packageVersion('package.json') },
      peer: theirs && {
        name: theirs.name,
        version: packageVersion('node_modules/yaml-language-server/package.json'),
        schemas: Object.fromEntries(options.kinds.map((kind) => [kind, peerSchemaFile(options, kind)])),
      },
    },
    sizes: [],
    comparisons: [],
    places: [],
    scaling: [],
    bundles: ['client/out/extension.js', 'server/out/server.js'].map((file) => {
      const bytes = fs.existsSync(path.join(ROOT, file)) ? fs.statSync(path.join(ROOT, file)).size : null;
      return { file, bytes, target: '< 1 MB', pass: bytes === null ? undefined : bytes < 1_000_000 };
    }),
    seconds: 0,
  };
  try {
    for (const target of options.sizes) {
      for (const kind of options.kinds) {
        const other = peers.get(kind);
        const entry = await compareAt(kind, target, folder, other ? [OURS, other] : [OURS], options, started);
        result.sizes.push(entry);
        const measured = (server: ServerUnderTest) => ({ samples: entry.servers[server.name].samples, notes: notesOf(server, entry.servers[server.name].notOffered) });
        result.comparisons.push(...compare(kind, target, measured(OURS), other && measured(other)));
      }
    }
    for (const target of options.placeSizes) {
      result.places.push(await placesAt(target, folder, [OURS, ...(options.peer ? [peer(peerSchemaFile(options, 'marketing'))] : [])], options, started));
    }
    for (const kind of options.kinds) {
      for (const target of options.scalingSizes) {
        const { filePath, text } = planFile(folder, kind, target);
        const entry: ScalingResult = { kind, lines: lineCount(text), characters: text.length, samples: {}, diagnosticsAtOpen: [] };
        for (let rep = 0; rep < options.scalingReps; rep++) {
          log(started, `scaling: ${kind} plan, ${target} lines, repetition ${rep + 1}/${options.scalingReps}: ${OURS.name}`);
          const session = await runSession(OURS, filePath, text, SCALING, rep);
          poolInto(entry.samples, session.samples);
          entry.diagnosticsAtOpen.push(session.diagnosticsAtOpen);
        }
        result.scaling.push(entry);
      }
    }
    if (options.figures) result.figures = benchFigures({ runs: options.quick ? 10 : 30, log: (message) => log(started, message) });
    if (options.cliPlans > 0) result.cli = benchCli({ plans: options.cliPlans, lines: 2000, reps: options.quick ? 1 : 3, log: (message) => log(started, message) });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  result.seconds = Math.round((performance.now() - started) / 1000);
  // Read at the end: bench:activation may have written it while this run went on.
  const final: BenchResult = { ...result, activation: readActivation() };
  const markdown = render(final);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(final, null, 2)}\n`);
  fs.writeFileSync(options.out.replace(/\.json$/, '.md'), markdown);
  process.stdout.write(markdown);
  log(started, `wrote ${path.relative(ROOT, options.out)} and its .md`);
}

const thousands = (value: number) => value.toLocaleString('en-US');

function render(result: BenchResult): string {
  const { machine: m, options, servers } = result;
  const schemas = [...new Set(Object.values(servers.peer?.schemas ?? {}))];
  const parts = [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node.js ${m.node}, ${m.os}, load average ${m.loadAverage.join(' ')} at the start; commit ${m.commit ?? '?'}${m.uncommittedChanges ? ' with uncommitted changes' : ''}; ${result.date.slice(0, 10)}, ${result.seconds} s.`,
    ...(options.sizes.length || options.scalingSizes.length ? [`Plans: generated ${options.kinds.join(' and ')} plans (bench/generate.ts), ${options.reps} repetition${options.reps === 1 ? '' : 's'} (scaling: ${options.scalingReps})${servers.peer ? `, the servers alternated; the peer is ${servers.peer.name} ${servers.peer.version} with ${schemas.join(' and ')}` : ''}. Our server judges deadlines as of ${BENCH_TODAY} (\`initializationOptions.today\`), whatever the day of the run. Times are medians unless marked p95. While typing, each server also gets the requests VS Code sends after keystrokes, for the features it declares, at VS Code's delays (bench/editor-requests.ts); the rows "… after a keystroke" time the first of each sent after the last keystroke of a burst.`] : []),
  ];
  for (const target of options.sizes) {
    const entries = result.sizes.filter((size) => size.target === target);
    const sizeOf = (size: SizeResult) => `${thousands(size.lines)} lines, ${Math.round(size.characters / 1000)} kB`;
    const heading = entries.length === 1 ? `${sizeOf(entries[0])} (${entries[0].kind} plan)` : `${thousands(target)} lines (${entries.map((size) => `${size.kind} plan: ${sizeOf(size)}`).join('; ')})`;
    const rows = result.comparisons.filter((row) => row.lines === target);
    const sanity = entries
      .map((size) => {
        const counts = Object.entries(size.servers)
          .map(([name, server]) => `${name} ${server.diagnosticsAtOpen.join('/')} diagnostics at open, ${server.completionItems.join('/')} completion items`)
          .join('; ');
        return entries.length === 1 ? counts : `${size.kind}: ${counts}`;
      })
      .join('. ');
    const notes = naNotes(rows, OURS.name, servers.peer?.name);
    parts.push(`### ${heading}\n\n${comparisonTable(rows, options.kinds, servers.peer?.name)}\n\n${notes ? `${notes} ` : ''}Sanity: ${sanity}.`);
  }
  for (const entry of result.places) parts.push(placesSection(entry, servers.peer?.name));
  if (result.scaling.length) {
    const value = (entry: ScalingResult, metric: MetricKey) => statOf(entry.samples[metric], 'median');
    const byKind = options.kinds.length > 1;
    const rows = result.scaling.map((entry, index) => {
      // Linear growth shows as a steady cost per extra 1,000 lines from one row to the next.
      const previous = result.scaling[index - 1]?.kind === entry.kind ? result.scaling[index - 1] : undefined;
      const marginal = (metric: MetricKey, unit: string) => (previous ? formatValue(((value(entry, metric) - value(previous, metric)) / (entry.lines - previous.lines)) * 1000, unit) : '');
      return [
        ...(byKind ? [entry.kind] : []),
        thousands(entry.lines),
        `${(entry.characters / 1e6).toFixed(2)} MB`,
        ...(['open', 'keystroke', 'completion', 'hover', 'symbols'] as const).map((metric) => formatValue(value(entry, metric), 'ms')),
        formatValue(value(entry, 'memory'), 'MiB'),
        marginal('keystroke', 'ms'),
        marginal('memory', 'MiB'),
        String(median(entry.diagnosticsAtOpen)),
      ];
    });
    const header = [
      ...(byKind ? ['plan'] : []),
      'lines',
      'size',
      'open → diagnostics',
      'keystroke → diagnostics',
      'completion p50',
      'hover p50',
      'document symbols',
      'peak memory',
      'keystroke: + per 1,000 lines',
      'memory: + per 1,000 lines',
      'diagnostics',
    ];
    parts.push(`### Scaling (${OURS.name} alone)\n\n${table(header, rows)}`);
  }
  if (result.figures) parts.push(figuresMarkdown(result.figures));
  if (result.cli) parts.push(cliMarkdown(result.cli));
  const { activation } = result;
  const activationLabel = `extension activation${activation.runs.length ? ` (median of ${activation.runs.length} run${activation.runs.length === 1 ? '' : 's'}${activation.vscode ? `, VS Code ${activation.vscode}` : ''})` : ''}`;
  const extension = [
    [activationLabel, activation.medianMs === null ? (activation.note ?? 'not measured') : formatValue(activation.medianMs, 'ms'), activation.target, activation.pass === undefined ? '' : activation.pass ? 'pass' : '**fail**'],
    ...result.bundles.map((bundle) => [
      `bundle ${bundle.file}`,
      bundle.bytes === null ? 'missing' : `${(bundle.bytes / 1e6).toFixed(2)} MB`,
      bundle.target,
      bundle.pass === undefined ? '' : bundle.pass ? 'pass' : '**fail**',
    ]),
  ];
  parts.push(`### Extension\n\n${table(['metric', 'value', 'target', ''], extension)}`);
  return `${parts.join('\n\n')}\n`;
}

/** Targets of issue 14: last keystroke → diagnostics at every place, and a cold open against a warm one. */
const PLACE_TARGETS: Record<number, number> = { 2000: 50, 20000: 60 };
const COLD_OPEN_RATIO = 1.5;

function placesSection(entry: PlacesEntry, peerName: string | undefined): string {
  const names = [OURS.name, ...(peerName && entry.servers[peerName] ? [peerName] : [])];
  const ms = (value: number) => formatValue(Number.isFinite(value) ? value : null, 'ms');
  const header = ['place', ...names.flatMap((name) => [`${name}: typing`, 'deleting'])];
  const rows = entry.places.map((place) => [
    `${place.name}, line ${thousands(place.line)}`,
    ...names.flatMap((name) => [ms(median(entry.servers[name].typing[place.name] ?? [])), ms(median(entry.servers[name].deleting[place.name] ?? []))]),
  ]);
  const all = (name: string, kind: 'typing' | 'deleting') => Object.values(entry.servers[name][kind]).flat();
  const worst = (name: string, kind: 'typing' | 'deleting') => {
    const [place, value] = Object.entries(entry.servers[name][kind])
      .map(([place, samples]) => [place, median(samples)] as const)
      .sort((a, b) => b[1] - a[1])[0] ?? ['', NaN];
    return `${ms(value)} (${place.split(' (')[0]})`;
  };
  rows.push(['**median, all places**', ...names.flatMap((name) => [ms(median(all(name, 'typing'))), ms(median(all(name, 'deleting')))])]);
  rows.push(['**worst place (its median)**', ...names.flatMap((name) => [worst(name, 'typing'), worst(name, 'deleting')])]);
  rows.push(['**slowest sample**', ...names.flatMap((name) => [ms(Math.max(...all(name, 'typing'))), ms(Math.max(...all(name, 'deleting')))])]);
  const ours = entry.servers[OURS.name];
  const limit = PLACE_TARGETS[entry.target];
  const worstOurs = Math.max(...Object.values(ours.typing).map(median), ...Object.values(ours.deleting).map(median));
  const verdict = limit === undefined ? '' : ` Target: every place under ${limit} ms (median per place): ${worstOurs < limit ? 'pass' : '**fail**'}.`;
  const cold = median(ours.coldOpen);
  const warm = median(ours.warmOpen);
  const opens = `Open → diagnostics, ${OURS.name}: first open after the server started ${ms(cold)}, the same plan opened again under another name ${ms(warm)} (${(cold / warm).toFixed(2)}×; target ≤ ${COLD_OPEN_RATIO}×: ${cold <= COLD_OPEN_RATIO * warm ? 'pass' : '**fail**'})${names[1] ? `; ${names[1]}: ${ms(median(entry.servers[names[1]].coldOpen))} and ${ms(median(entry.servers[names[1]].warmOpen))}` : ''}.`;
  return `### Typing at ${entry.places.length} places: ${thousands(entry.lines)} lines (${entry.file})

Last keystroke → diagnostics, medians per place; one character every 20 ms, ${entry.places.filter((place) => place.brokenWhileTyping).length} places not valid YAML while typed, the editor's own requests sent as VS Code sends them.${verdict}

${table(header, rows)}

${opens}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
