import * as assert from 'assert';
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
