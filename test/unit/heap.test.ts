import * as assert from 'assert';
import { capHeapGrowthWhileLarge, LARGE_OPEN_PLANS } from '../../server/src/lsp/heap';

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

describe("the heap's growth", () => {
  it('is capped while more plan text than a large plan is open, and left to V8 again once it is not', () => {
    const documents = openDocuments();
    const flags: string[] = [];
    capHeapGrowthWhileLarge(documents, (flag) => flags.push(flag));
    const half = 'x'.repeat(LARGE_OPEN_PLANS / 2);
    documents.open('a', half);
    assert.deepStrictEqual(flags, [], 'a plan of 1,000,000 characters');
    documents.open('b', `${half}more`);
    assert.deepStrictEqual(flags, ['--heap-growing-percent=50'], 'two plans together over the limit');
    documents.change('b', `${half}more and more`);
    assert.deepStrictEqual(flags, ['--heap-growing-percent=50'], 'set once, not at every keystroke');
    documents.change('b', 'short now');
    assert.deepStrictEqual(flags, ['--heap-growing-percent=50', '--heap-growing-percent=0'], 'a large part deleted');
    documents.change('a', `${half}${half}!`);
    assert.strictEqual(flags.at(-1), '--heap-growing-percent=50', 'a large paste');
    documents.close('a');
    assert.strictEqual(flags.at(-1), '--heap-growing-percent=0', 'the large plan closed');
    assert.strictEqual(flags.length, 4);
  });
});
