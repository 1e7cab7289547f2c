/**
 * Issue 11's workspace benchmark (`npm run bench:workspace`): a workspace of 1,000 plans of
 * 2,000 lines each, half of them linked in pairs by `alignsWith`. Starts our server over stdio on
 * it, opens one plan at once and measures (1) the time to that plan's first diagnostics, against
 * the same plan in an empty workspace, and (2) the time until every plan is indexed (workspace
 * symbols find a goal of the last plan), and (3) once the workspace is indexed, with the plan's
 * partner open too, the time from an edit of the plan to the partner's new diagnostics (the plans
 * aligned with a plan that changed are checked again), over a few edits. Writes
 * bench/results/workspace.json.
 *
 *   npm run bench:workspace                 1,000 plans of 2,000 lines, 3 repetitions
 *   npm run bench:workspace -- --plans 200 --lines 500 --reps 1
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient } from '../test/protocol/lsp-client';
import { writeRepository } from './repository';

const ROOT = path.resolve(__dirname, '..');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const PLANS = option('plans', 1000);
const LINES = option('lines', 2000);
const REPS = option('reps', 3);

function makeWorkspace(count: number): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-workspace-')));
  writeRepository(folder, count, LINES);
  return folder;
}

/** Edits of the plan whose effect on its partner is measured. */
const EDITS = 8;

/** `plans`: how many plans `folder` holds; with one, there is no index to wait for. */
async function session(folder: string, planPath: string, plans: number): Promise<{ firstDiagnostics: number; indexed: number | undefined; indexCpu: number | undefined; aligned: number[] }> {
  const client = new LspClient();
  try {
    await client.initialize('en', { workspaceFolders: true }, undefined, [pathToFileURL(folder).toString()]);
    const uri = pathToFileURL(planPath).toString();
    const started = performance.now();
    const cpuAtOpen = cpuMs(client.process.pid);
    await client.open(uri, fs.readFileSync(planPath, 'utf8'));
    const firstDiagnostics = performance.now() - started;
    let indexed: number | undefined;
    let indexCpu: number | undefined;
    if (plans > 1) {
      const wanted = `goal-of-plan-${plans - 1}`;
      for (;;) {
        const found = (await client.connection.sendRequest('workspace/symbol', { query: wanted })) as unknown[];
        if (found.length > 0) {
          indexed = performance.now() - started;
          const cpu = cpuMs(client.process.pid);
          indexCpu = cpu === undefined || cpuAtOpen === undefined ? undefined : cpu - cpuAtOpen;
          break;
        }
        if (performance.now() - started > 120_000) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    const aligned: number[] = [];
    const partnerPath = path.join(path.dirname(planPath), 'plan-1.plan.yaml');
    if (fs.existsSync(partnerPath)) {
      // The partner (plan-1 names plan-0, and plan-0 names it) open beside it, then the plan edited a few times.
      const partner = pathToFileURL(partnerPath).toString();
      await client.open(partner, fs.readFileSync(partnerPath, 'utf8'));
      const text = fs.readFileSync(planPath, 'utf8');
      const line = text.split('\n').findIndex((candidate) => candidate.startsWith('title:'));
      for (let edit = 0; edit < EDITS; edit++) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const next = client.nextDiagnostics(partner);
        const sent = performance.now();
        void client.change(uri, edit + 2, [{ range: { start: { line, character: 7 }, end: { line, character: 7 } }, text: 'x' }]);
        await next;
        aligned.push(performance.now() - sent);
      }
    }
    return { firstDiagnostics, indexed, indexCpu, aligned };
  } finally {
    await client.stop();
  }
}

/** CPU time a process has used (user and system, all its threads), from /proc on Linux; undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // utime and stime are the 14th and 15th fields of the line (the 12th and 13th after the command).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  const full = makeWorkspace(PLANS);
  const empty = makeWorkspace(1);
  const plan = (folder: string) => path.join(folder, 'team-0', 'plan-0.plan.yaml');
  const rows: { alone: number; inWorkspace: number; indexed: number | undefined; indexCpu: number | undefined; aligned: number[] }[] = [];
  try {
    for (let rep = 0; rep < REPS; rep++) {
      const alone = await session(empty, plan(empty), 1);
      const withPlans = await session(full, plan(full), PLANS);
      rows.push({ alone: alone.firstDiagnostics, inWorkspace: withPlans.firstDiagnostics, indexed: withPlans.indexed, indexCpu: withPlans.indexCpu, aligned: withPlans.aligned });
      console.log(`rep ${rep + 1}: first diagnostics ${alone.firstDiagnostics.toFixed(0)} ms alone, ${withPlans.firstDiagnostics.toFixed(0)} ms in the workspace; all ${PLANS} plans indexed after ${withPlans.indexed?.toFixed(0) ?? 'never'} ms (server CPU ${withPlans.indexCpu?.toFixed(0) ?? '?'} ms from the open); an edit → the aligned plan's diagnostics ${withPlans.aligned.map((value) => value.toFixed(0)).join(', ')} ms`);
    }
  } finally {
    fs.rmSync(full, { recursive: true, force: true });
    fs.rmSync(empty, { recursive: true, force: true });
  }
  const result = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${loadAtStart.map((load) => load.toFixed(2)).join(' ')} at the start`,
    plans: PLANS,
    lines: LINES,
    reps: REPS,
    firstDiagnosticsAloneMs: median(rows.map((row) => row.alone)),
    firstDiagnosticsInWorkspaceMs: median(rows.map((row) => row.inWorkspace)),
    indexedMs: median(rows.map((row) => row.indexed ?? Number.POSITIVE_INFINITY)),
    worstIndexedMs: Math.max(...rows.map((row) => row.indexed ?? Number.POSITIVE_INFINITY)),
    indexedServerCpuMs: rows.every((row) => row.indexCpu !== undefined) ? median(rows.map((row) => row.indexCpu!)) : undefined,
    alignedRecheckMs: rows.some((row) => row.aligned.length > 0) ? median(rows.flatMap((row) => row.aligned)) : undefined,
    worstAlignedRecheckMs: rows.some((row) => row.aligned.length > 0) ? Math.max(...rows.flatMap((row) => row.aligned)) : undefined,
  };
  console.log(JSON.stringify(result, null, 2));
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/workspace.json'), `${JSON.stringify(result, null, 2)}\n`);
}

void main();
