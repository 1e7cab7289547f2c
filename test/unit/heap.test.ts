import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { capHeapGrowth } from '../../server/src/lsp/heap';

/** Open documents as the server's `TextDocuments` announces them: the list changes, then the event fires. */
function openDocuments() {
  const listeners = { open: [] as (() => void)[], change: [] as (() => void)[], close: [] as (() => void)[] };
  const texts = new Map<string, string>();
  return {
    all: () => [...texts.values()].map((text) => ({ getText: () => text })),
    onDidOpen: (listener: () => void) => listeners.open.push(listener),
    onDidChangeContent: (listener: () => void) => listeners.change.push(listener),
    onDidClose: (listener: () => void) => listeners.close.push(listener),
    open(uri: string, text: string) {
      texts.set(uri, text);
      for (const listener of [...listeners.open, ...listeners.change]) listener();
    },
    change(uri: string, text: string) {
      texts.set(uri, text);
      for (const listener of listeners.change) listener();
    },
    close(uri: string) {
      texts.delete(uri);
      for (const listener of listeners.close) listener();
    },
  };
}

const characters = (count: number) => 'x'.repeat(count);

describe("the heap's growth", () => {
  it('is capped tighter the more plan text is open, and left to V8 again once little is', () => {
    const documents = openDocuments();
    const flags: string[] = [];
    capHeapGrowth(documents, (flag: string) => flags.push(flag));
    documents.open('a', characters(400_000));
    assert.deepStrictEqual(flags, [], 'a plan of 10,000 lines');
    documents.open('b', characters(400_000));
    assert.deepStrictEqual(flags, ['--heap-growing-percent=150'], 'two such plans: over 500,000 characters together');
    documents.change('b', characters(400_010));
    assert.strictEqual(flags.length, 1, 'set once, not at every keystroke');
    documents.change('a', characters(1_700_000));
    assert.deepStrictEqual(flags.slice(1), ['--heap-growing-percent=50'], 'a large paste: over 2,000,000');
    documents.close('a');
    assert.deepStrictEqual(flags.slice(2), ['--heap-growing-percent=0'], 'the large plan closed');
    documents.change('b', characters(600_000));
    assert.deepStrictEqual(flags.slice(3), ['--heap-growing-percent=150']);
  });
});

/**
 * The young generation's size (MB) in a fresh Node.js while objects that survive pile up, with
 * or without `growYoungGenerationAtOnce` called first: V8's pretenuring needs it at full size.
 */
function youngGenerationSizes(growAtOnce: boolean): number[] {
  const heap = path.resolve(__dirname, '../../server/src/lsp/heap.ts');
  const script = `
    const v8 = require('v8');
    if (${growAtOnce}) require(${JSON.stringify(heap)}).growYoungGenerationAtOnce(v8.setFlagsFromString);
    const kept = [];
    const sizes = [];
    for (let index = 0; index < 300000; index++) {
      kept.push({ index, list: [index], text: 'item ' + index });
      if (index % 10000 === 0) sizes.push(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 1048576);
    }
    console.log(JSON.stringify(sizes));`;
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as number[];
}

describe("the young generation's growth", () => {
  it('goes from its first size to its largest in one step, where V8 doubles it', () => {
    const doubled = youngGenerationSizes(false);
    const largest = Math.max(...doubled);
    assert.ok(new Set(doubled).size > 3, `V8 grows it in steps: ${doubled.join(', ')}`);
    const atOnce = youngGenerationSizes(true);
    const grown = atOnce.filter((size) => size !== atOnce[0]);
    assert.ok(grown.length > 0 && grown.every((size) => size === largest), `${atOnce.join(', ')} against ${doubled.join(', ')}`);
  });
});
