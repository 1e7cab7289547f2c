/**
 * `plan-as-code check` over the plans it was given: each plan read and checked, in the main
 * thread and, for many plans on a machine with several cores, in worker threads too. Every thread
 * takes the next plan not yet taken (a shared counter), so that the threads finish together
 * whatever the plans' sizes; the reports come back in the order of the files. The command stays
 * synchronous: the main thread checks plans itself, then waits on the counter of threads done and
 * reads their reports from their ports (`receiveMessageOnPort`).
 */
import * as os from 'os';
import * as path from 'path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'worker_threads';
import { PlanIndex } from '../core/workspace/plan-index';
import { createPlanService, type PlanService } from '../core/workspace/service';
import type { Finding, Locale } from '../core/base/types';
import * as fs from 'fs';
import { DEFAULT_MAX_FILE_SIZE } from '../core/check/config';
import { readAtRevision } from '../node/git';
import { asHostRead, readTextFile, type NotUtf8, type ReadOptions, type TextRead } from '../node/files';
import { notReadReason } from './messages';

export interface FileReport {
  filePath: string;
  text: string;
  findings: Finding[];
  /** Why the plan could not be read (it was then not checked): one error of the report. */
  notRead?: string;
  /** The language the plan's findings are worded in. */
  locale?: Locale;
  /** A plan read with bytes that are not UTF-8: the warning to print. */
  notUtf8?: NotUtf8;
}

/** What every thread needs to check its plans: all of it can be copied to a worker. */
export interface CheckJob {
  files: { filePath: string; root?: string }[];
  /** Every plan under the folder the command runs in, with the plans it names in `alignsWith` (for back-links). */
  links: [filePath: string, links: string[]][];
  editorLocale: string | undefined;
  today: string | undefined;
  quiet: boolean;
  /** The terminal's language, for a plan that cannot be read. */
  locale: Locale;
}

/** Plans a thread should have to itself at least for another thread to pay for its start (about 0.2 s of checking). */
const PLANS_PER_THREAD = 8;

/** Parses and snapshots each thread keeps: enough for plans linked to plans near them, not a whole repository in memory. */
const KEEP = 16;

/** Marks the data a worker of this module is started with. */
const WORKER_TAG = 'plan-as-code check worker';

interface WorkerInput {
  tag: typeof WORKER_TAG;
  job: CheckJob;
  /** [next file to take, threads that started, threads done]. */
  counters: SharedArrayBuffer;
  port: MessagePort;
  threads: number;
}

type WorkerMessage = { index: number; report: FileReport } | { index: number; failed: string };

/**
 * How many threads to check `files` plans with: `jobs` if asked, else one per idle core (the
 * cores less the load average: on a busy machine another thread only adds its own start and
 * its own garbage collection) while each thread has enough plans.
 */
export function threadsFor(files: number, jobs: number | undefined): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const idle = Math.round(cores - os.loadavg()[0]);
  const wanted = jobs ?? Math.min(idle, Math.floor(files / PLANS_PER_THREAD));
  // More threads than cores would only share them.
  return Math.max(1, Math.min(wanted, files, 2 * cores));
}

/**
 * Checks every file of the job with `threads` threads (the main one included); the reports in
 * the order of `job.files`. Worker threads need the bundled CLI (a `.js` file to start them
 * from): run from the sources (the tests), it checks in this thread alone.
 */
export function checkFiles(job: CheckJob, threads: number): FileReport[] {
  const script = __filename;
  const workers = script.endsWith('.js') ? Math.max(0, threads - 1) : 0;
  const counters = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const ports: MessagePort[] = [];
  for (let index = 0; index < workers; index++) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { tag: WORKER_TAG, job, counters: counters.buffer as SharedArrayBuffer, port: port2, threads };
    const worker = new Worker(script, { workerData: input, transferList: [port2] });
    // The command ends when the main thread has the reports, whatever a worker still does.
    worker.unref();
    // A worker that cannot start takes no plan: the other threads check them all.
    worker.on('error', () => undefined);
    ports.push(port1);
  }
  const reports: FileReport[] = new Array(job.files.length);
  const state = serviceFor(job);
  const chunk = chunkFor(job.files.length, threads);
  for (let start = take(counters, chunk); start < job.files.length; start = take(counters, chunk)) {
    for (let index = start; index < Math.min(start + chunk, job.files.length); index++) reports[index] = checkFile(state, job, index);
  }
  // Every plan is taken: wait for the threads that took some (a thread that has not started by now takes none).
  for (;;) {
    const done = Atomics.load(counters, 2);
    if (done >= Atomics.load(counters, 1)) break;
    Atomics.wait(counters, 2, done, 1000);
  }
  for (const port of ports) {
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
      const message = received.message as WorkerMessage;
      // A plan a worker failed on is checked here again: a bug shows as it would without workers.
      reports[message.index] = 'report' in message ? message.report : checkFile(state, job, message.index);
    }
    port.close();
  }
  return reports;
}

/** The first of the next `chunk` plans not yet taken. */
function take(counters: Int32Array, chunk: number): number {
  return Atomics.add(counters, 0, chunk);
}

/**
 * How many plans a thread takes at once: plans next to each other in a folder are often linked,
 * and a thread that checks both parses each once (the other thread would parse both again); a
 * few at a time keeps the threads finishing together.
 */
function chunkFor(files: number, threads: number): number {
  return Math.max(1, Math.min(8, Math.floor(files / (threads * 4))));
}

/** A thread's plan service, and how it reads files. */
interface ThreadState {
  service: PlanService;
  read: (filePath: string, options: ReadOptions) => TextRead;
}

function serviceFor(job: CheckJob): ThreadState {
  const index = new PlanIndex();
  for (const [filePath, links] of job.links) index.setLinks(filePath, links);
  const cwd = process.cwd();
  const read = cachedReader();
  const service = createPlanService({
    index,
    // Links may lead anywhere under the folder the command runs in (their real paths too).
    rootOf: (filePath) => (path.relative(cwd, filePath).startsWith('..') ? undefined : cwd),
    readFile: (filePath, limits) => asHostRead(read(filePath, { roots: limits?.root ? [limits.root] : undefined, maxBytes: limits?.maxSize ?? DEFAULT_MAX_FILE_SIZE })),
    readRevision: readAtRevision,
    keep: KEEP,
  });
  return { service, read };
}

/**
 * `readTextFile` with the last reads kept: a plan checked is read again as the plan linked to
 * the next one, or linking to it. Files do not change while the command runs. Reads under the
 * same limits share an entry: roots inside another root (real paths) add nothing to it.
 */
function cachedReader(): (filePath: string, options: ReadOptions) => TextRead {
  const reads = new Map<string, TextRead>();
  const reals = new Map<string, string>();
  const realOf = (root: string) => {
    let real = reals.get(root);
    if (real === undefined) {
      try {
        real = fs.realpathSync(root);
      } catch {
        real = path.resolve(root);
      }
      reals.set(root, real);
    }
    return real;
  };
  const inside = (folder: string, other: string) => {
    const relative = path.relative(folder, other);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  return (filePath, options) => {
    const roots = options.roots && [...new Set(options.roots.map(realOf))];
    const kept = roots?.filter((root) => !roots.some((other) => other !== root && inside(other, root)));
    const key = `${filePath}\u0000${options.maxBytes}\u0000${kept?.sort().join('\u0000') ?? ''}`;
    let read = reads.get(key);
    if (read) {
      reads.delete(key);
    } else {
      read = readTextFile(filePath, { roots: kept, maxBytes: options.maxBytes });
      for (const oldest of reads.keys()) {
        if (reads.size < KEEP) break;
        reads.delete(oldest);
      }
    }
    reads.set(key, read);
    return read;
  };
}

/** One plan read and checked (or why it could not be read). */
function checkFile({ service, read: readFile }: ThreadState, job: CheckJob, index: number): FileReport {
  const { filePath, root } = job.files[index];
  const checkOptions = { editorLocale: job.editorLocale, today: job.today };
  const maxBytes = service.maxFileSize(filePath, { editorLocale: job.editorLocale });
  const read = readFile(filePath, { roots: root === undefined ? undefined : [root, process.cwd()], maxBytes });
  let findings: Finding[];
  let locale: Locale;
  if (read.ok) {
    const checked = service.check(read.text, filePath, checkOptions);
    findings = job.quiet ? checked.findings.filter((finding) => finding.severity === 'error') : checked.findings;
    return { filePath, text: read.text, findings, locale: checked.locale, notUtf8: read.notUtf8 };
  }
  if (read.problem === 'too-large') {
    // Over the limit: the one plan/too-large notice, as for a long text, without reading it.
    ({ findings, locale } = service.checkTooLarge(filePath, read.size ?? 0, checkOptions));
    return { filePath, text: '', findings: job.quiet ? findings.filter((finding) => finding.severity === 'error') : findings, locale };
  }
  const reason = notReadReason(job.locale, path.relative(process.cwd(), filePath) || filePath, read, maxBytes);
  return { filePath, text: '', findings: [], notRead: `${reason[0].toUpperCase()}${reason.slice(1)}.` };
}

/** A worker: checks the plans it takes, then sends their reports and counts itself done. */
function workerMain(input: WorkerInput): void {
  const counters = new Int32Array(input.counters);
  Atomics.add(counters, 1, 1);
  try {
    const state = serviceFor(input.job);
    const messages: WorkerMessage[] = [];
    const { files } = input.job;
    const chunk = chunkFor(files.length, input.threads);
    for (let start = take(counters, chunk); start < files.length; start = take(counters, chunk)) {
      for (let index = start; index < Math.min(start + chunk, files.length); index++) {
        try {
          messages.push({ index, report: checkFile(state, input.job, index) });
        } catch (error) {
          messages.push({ index, failed: String(error) });
        }
      }
    }
    for (const message of messages) input.port.postMessage(message);
  } finally {
    input.port.close();
    Atomics.add(counters, 2, 1);
    Atomics.notify(counters, 2);
  }
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.tag === WORKER_TAG) workerMain(workerData as WorkerInput);

