/** Rendering after an edit reuses the parts of the previous rendering that did not change, and gives exactly what a fresh rendering gives. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { generatePlan } from '../../../bench/generate';
import { RenderMemo, renderText, renderTextSteps } from '../../../server/src/core/render';
import { runToEnd } from '../../../server/src/core/base/steps';
import { editBetween } from '../../../server/src/core/render/splice';
import { RenderContext } from '../../../server/src/core/render/context';
import { runs, SEED } from '../../fuzz/arbitraries';
import { memoryService, ROOT } from '../../helpers';

const PLAN = '/plans/memo.plan.yaml';

const bases = [
  fs.readFileSync(path.join(ROOT, 'examples/marketing.plan.yaml'), 'utf8'),
  fs.readFileSync(path.join(ROOT, 'examples/sales.plan.yaml'), 'utf8'),
  generatePlan('marketing', 300),
  generatePlan('sales', 300),
];

/** Edits a user makes: words in a statement, a name or an id changed, a line added or taken out, a number, a syntax slip, a key renamed. */
const edit = fc.record({
  position: fc.nat(),
  length: fc.constantFrom(0, 0, 0, 1, 4, 12),
  insert: fc.constantFrom('', 'x', ' quickly', '-2', '0', '\n', '\n  - id: new\n    name: New\n', '\n    owner: Someone\n', ': ', '"', '[', '# note', 'é', '\n    kpi: leads\n'),
});

function lineStartAtOrAfter(text: string, position: number): number {
  const at = position % (text.length + 1);
  const newline = text.indexOf('\n', at);
  return newline === -1 ? at : newline + 1;
}

describe('rendering with the previous rendering memoised', () => {
  it('gives exactly what a fresh rendering gives, after any series of edits', function () {
    // Hundreds of renderings of plans of up to 300 items: a property, not a timing.
    this.timeout(180000);
    let reused = 0;
    let rendered = 0;
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, edits) => {
        // One service across the versions, as in the editor: pieces of each parse are reused by the next.
        const service = memoryService();
        const memo = new RenderMemo();
        let text = bases[which];
        runToEnd(renderTextSteps(service, text, PLAN, {}, { memo }));
        for (const { position, length, insert } of edits) {
          // Half the edits at a line's start (new lines, items), half anywhere.
          const at = position % 2 === 0 ? lineStartAtOrAfter(text, position) : position % (text.length + 1);
          text = text.slice(0, at) + insert + text.slice(at + length);
          const incremental = runToEnd(renderTextSteps(service, text, PLAN, {}, { memo }));
          const fresh = renderText(memoryService(), text, PLAN);
          assert.strictEqual(incremental.html, fresh.html, `after ${JSON.stringify(edits)}`);
          assert.strictEqual(`${incremental.open}${incremental.parts.map((part) => part.html).join('')}${incremental.parts.length ? '</main>' : ''}`, incremental.parts.length ? incremental.html : '');
          reused += memo.reused;
          rendered += memo.rendered;
        }
      }),
      { seed: SEED + 21, numRuns: runs(40) },
    );
    assert.ok(reused > rendered, `the memo must be used: ${reused} parts reused, ${rendered} rendered`);
  });

  it('renders only the item that changed when a word is typed into a goal', () => {
    const service = memoryService();
    const memo = new RenderMemo();
    const text = generatePlan('marketing', 2000);
    runToEnd(renderTextSteps(service, text, PLAN, {}, { memo }));
    const at = text.indexOf('\n', text.indexOf('    statement:', text.indexOf('\ngoals:')));
    const edited = `${text.slice(0, at)} quickly${text.slice(at)}`;
    const result = runToEnd(renderTextSteps(service, edited, PLAN, {}, { memo }));
    assert.strictEqual(result.html, renderText(memoryService(), edited, PLAN).html);
    // The goal and the goals section around it: the sections that name the goal (the calendar, the strategies) show its id, which did not change.
    assert.ok(memo.rendered <= 3, `${memo.rendered} parts rendered again, ${memo.reused} reused`);
    assert.ok(memo.reused > 50, `${memo.reused} reused, ${memo.rendered} rendered`);
  });

  it('keeps a section of many cards in pieces: a word typed into a goal changes one of them', () => {
    const service = memoryService();
    const memo = new RenderMemo();
    const text = generatePlan('marketing', 2000);
    const first = runToEnd(renderTextSteps(service, text, PLAN, {}, { memo }));
    const at = text.indexOf('\n', text.indexOf('    statement:', text.indexOf('\ngoals:')));
    const edited = `${text.slice(0, at)} quickly${text.slice(at)}`;
    const result = runToEnd(renderTextSteps(service, edited, PLAN, {}, { memo }));
    const [was, now] = [first, result].map((rendered) => rendered.parts.find((part) => part.key === 'section-goals')!.pieces!);
    assert.ok(now.length > 20, `${now.length} pieces`);
    assert.strictEqual(now.join(''), renderText(memoryService(), edited, PLAN).parts.find((part) => part.key === 'section-goals')!.html);
    // The same strings, not equal ones: the preview finds what changed by comparing them as such.
    const changed = now.filter((piece, index) => piece !== was[index]);
    assert.ok(changed.length <= 2 && changed.some((piece) => piece.includes('quickly')), `${changed.length} pieces changed`);
    const edit = editBetween(first.parts.find((part) => part.key === 'section-goals')!, result.parts.find((part) => part.key === 'section-goals')!);
    assert.strictEqual(edit.html, ' quickly');
  });

  it('checks again what a part read outside an item it found the same', () => {
    const service = memoryService();
    const memo = new RenderMemo();
    const text = generatePlan('marketing', 2000);
    // A part that reads a goal (kept by the parse while its text is the same) and then the plan's title.
    const render = (source: string) => {
      const ctx = new RenderContext({ ...service.check(source, PLAN), memo });
      const goal = ['goals', 3];
      const html = ctx.memoised(goal, () => `${String((ctx.at(goal) as { id: string }).id)} ${String(ctx.at(['title']))} ${ctx.line([...goal, 'id'])}`);
      ctx.commitMemo();
      return html;
    };
    render(text);
    const retitled = text.replace(/^title: .*$/m, 'title: Another title');
    assert.notStrictEqual(retitled, text);
    assert.match(render(retitled), / Another title /);
    assert.strictEqual(memo.rendered, 1, 'rendered again');
    const shifted = retitled.replace(/^title: .*$/m, '$&\n# a line above the goals');
    assert.match(render(shifted), / Another title \d+$/);
    assert.strictEqual(memo.reused, 1, 'reused, its lines moved');
  });

  it('never takes a character of the plan for the mark of a list', () => {
    const text = `${bases[0].replace(/statement: .*/, 'statement: "Grow \\x000\\x00 leads \\0"')}`;
    assert.notStrictEqual(text, bases[0]);
    const rendered = renderText(memoryService(), text, PLAN);
    assert.ok(!rendered.html.includes('\u0000'), 'no NUL in the HTML');
    assert.match(rendered.html, /Grow \uFFFD0\uFFFD leads \uFFFD/);
    assert.strictEqual(rendered.html, `${rendered.open}${rendered.parts.map((part) => part.html).join('')}</main>`);
  });

  it('renders again the parts that name an item when its name changes, and only its name', () => {
    const service = memoryService();
    const memo = new RenderMemo();
    const text = generatePlan('marketing', 2000);
    runToEnd(renderTextSteps(service, text, PLAN, {}, { memo }));
    const channels = text.indexOf('\nchannels:');
    const nameAt = text.indexOf('    name: ', channels) + '    name: '.length;
    const name = text.slice(nameAt, text.indexOf('\n', nameAt));
    const renamed = `${text.slice(0, nameAt)}Renamed channel${text.slice(nameAt + name.length)}`;
    const result = runToEnd(renderTextSteps(service, renamed, PLAN, {}, { memo }));
    assert.strictEqual(result.html, renderText(memoryService(), renamed, PLAN).html);
    const calendar = result.parts.find((part) => part.key.includes('calendar'))!;
    assert.match(calendar.html, /<li class="chip">Renamed channel<\/li>/, 'the calendar names the channel anew');
  });

  it('reuses the parts a new line moved down, with their source lines moved', () => {
    const service = memoryService();
    const memo = new RenderMemo();
    const text = generatePlan('marketing', 2000);
    runToEnd(renderTextSteps(service, text, PLAN, {}, { memo }));
    const at = text.indexOf('\n', text.indexOf('    statement:', text.indexOf('\ngoals:'))) + 1;
    const edited = `${text.slice(0, at)}    # a note\n${text.slice(at)}`;
    const result = runToEnd(renderTextSteps(service, edited, PLAN, {}, { memo }));
    assert.strictEqual(result.html, renderText(memoryService(), edited, PLAN).html);
    assert.ok(memo.rendered < memo.reused / 5, `${memo.rendered} parts rendered again, ${memo.reused} reused`);
  });

  it('renders again the sections made from figures when only the figures changed (a KPI target read by the unit economics)', () => {
    const service = memoryService();
    const memo = new RenderMemo();
    const text = bases[1];
    runToEnd(renderTextSteps(service, text, PLAN, {}, { memo }));
    const at = text.indexOf('target: 45000');
    assert.ok(at > 0, 'the sales example states a CLV target of 45000');
    const edited = `${text.slice(0, at)}target: 9000${text.slice(at + 'target: 45000'.length)}`;
    const result = runToEnd(renderTextSteps(service, edited, PLAN, {}, { memo }));
    const fresh = renderText(memoryService(), edited, PLAN).html;
    assert.notStrictEqual(fresh, renderText(memoryService(), text, PLAN).html);
    assert.strictEqual(result.html, fresh);
  });
});
