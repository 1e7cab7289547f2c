/**
 * Issue 11's workspace benchmark (`npm run bench:workspace`): a workspace of 1,000 plans of
 * 2,000 lines each, half of them linked in pairs by `alignsWith`. Starts our server over stdio on
 * it, opens one plan at once and measures (1) the time to that plan's first diagnostics, against
 * the same plan in an empty workspace, and (2) the time until every plan is indexed (workspace
 * symbols find a goal of the last plan). Writes bench/results/workspace.json.
 *
 *   npm run bench:workspace                 1,000 plans of 2,000 lines, 3 repetitions
 *   npm run bench:workspace -- --plans 200 --lines 500 --reps 1
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient } from '../test/protocol/lsp-client';
import { generatePlan } from './generate';

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
  const marketing = generatePlan('marketing', LINES);
  const sales = generatePlan('sales', LINES);
  for (let index = 0; index < count; index++) {
    const kind = index % 2 === 0 ? 'marketing' : 'sales';
    const partner = index % 2 === 0 ? index + 1 : index - 1;
    const text = (kind === 'marketing' ? marketing : sales)
      .replace(/^title: .*$/m, `title: Plan ${index}\nalignsWith: [plan-${partner}.plan.yaml]`)
      .replace(/^goals:\n  - id: [a-z0-9-]+/m, `goals:\n  - id: goal-of-plan-${index}`);
    fs.mkdirSync(path.join(folder, `team-${Math.floor(index / 100)}`), { recursive: true });
    fs.writeFileSync(path.join(folder, `team-${Math.floor(index / 100)}`, `plan-${index}.plan.yaml`), text);
  }
  return folder;
}

async function session(folder: string, planPath: string): Promise<{ firstDiagnostics: number; indexed: number | undefined }> {
  const client = new LspClient();
  try {
    await client.initialize('en', { workspaceFolders: true }, undefined, [pathToFileURL(folder).toString()]);
    const uri = pathToFileURL(planPath).toString();
    const started = performance.now();
    await client.open(uri, fs.readFileSync(planPath, 'utf8'));
    const firstDiagnostics = performance.now() - started;
    let indexed: number | undefined;
    if (PLANS > 1) {
      const wanted = `goal-of-plan-${PLANS - 1}`;
      for (;;) {
        const found = (await client.connection.sendRequest('workspace/symbol', { query: wanted })) as unknown[];
        if (found.length > 0) {
          indexed = performance.now() - started;
          break;
        }
        if (performance.now() - started > 120_000) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    return { firstDiagnostics, indexed };
  } finally {
    await client.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const full = makeWorkspace(PLANS);
  const empty = makeWorkspace(1);
  const plan = (folder: string) => path.join(folder, 'team-0', 'plan-0.plan.yaml');
  const rows: { alone: number; inWorkspace: number; indexed: number | undefined }[] = [];
  try {
    for (let rep = 0; rep < REPS; rep++) {
      const alone = await session(empty, plan(empty));
      const withPlans = await session(full, plan(full));
      rows.push({ alone: alone.firstDiagnostics, inWorkspace: withPlans.firstDiagnostics, indexed: withPlans.indexed });
      console.log(`rep ${rep + 1}: first diagnostics ${alone.firstDiagnostics.toFixed(0)} ms alone, ${withPlans.firstDiagnostics.toFixed(0)} ms in the workspace; all ${PLANS} plans indexed after ${withPlans.indexed?.toFixed(0) ?? 'never'} ms`);
    }
  } finally {
    fs.rmSync(full, { recursive: true, force: true });
    fs.rmSync(empty, { recursive: true, force: true });
  }
  const result = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`,
    plans: PLANS,
    lines: LINES,
    reps: REPS,
    firstDiagnosticsAloneMs: median(rows.map((row) => row.alone)),
    firstDiagnosticsInWorkspaceMs: median(rows.map((row) => row.inWorkspace)),
    indexedMs: median(rows.map((row) => row.indexed ?? Number.POSITIVE_INFINITY)),
    worstIndexedMs: Math.max(...rows.map((row) => row.indexed ?? Number.POSITIVE_INFINITY)),
  };
  console.log(JSON.stringify(result, null, 2));
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/workspace.json'), `${JSON.stringify(result, null, 2)}\n`);
}

void main();
