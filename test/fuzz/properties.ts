/**
 * What must hold for any text, however hostile: every feature of the core runs on it without
 * throwing or crashing a rule, and every range it gives lies inside the text.
 */
import * as assert from 'assert';
import { complete } from '../../server/src/core/features/complete';
import { disableLineEdit } from '../../server/src/core/rules/fixes';
import { foldingRanges } from '../../server/src/core/features/folding';
import { planHints } from '../../server/src/core/features/hints';
import { hover } from '../../server/src/core/features/hover';
import { planLenses } from '../../server/src/core/features/lens';
import { formatMessage } from '../../server/src/core/base/messages';
import { createPlanWorkspace, documentHighlights, findDefinitions, findReferences, isRefusal, prepareRename, renameId, type PlanFile } from '../../server/src/core/features/references';
import { renderText } from '../../server/src/core/render';
import { semanticTokens } from '../../server/src/core/features/semantic';
import { createPlanService } from '../../server/src/core/workspace/service';
import { documentSymbols, type PlanSymbol } from '../../server/src/core/features/symbols';

const FILE = '/plans/fuzz.plan.yaml';

/** Fails unless `start..end` lies inside a text of `length` units. */
export function inside(what: string, start: number, end: number, length: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
    throw new Error(`${what} range ${start}..${end} is outside the text (length ${length})`);
  }
}

function checkSymbols(symbols: PlanSymbol[], length: number): void {
  for (const symbol of symbols) {
    inside(`symbol ${symbol.name}`, symbol.start, symbol.end, length);
    inside(`symbol ${symbol.name} selection`, symbol.selectionStart, symbol.selectionEnd, length);
    checkSymbols(symbol.children, length);
  }
}

/** Every feature of the core on one text, at a few offsets. */
export function everyFeature(text: string, offsets: number[], linkedText: string): void {
  const service = createPlanService({
    // Every other plan a fuzzed plan names exists, and is the sales example linked back to it.
    readFile: (filePath) => (filePath !== FILE && /\.plan\.ya?ml$/.test(filePath) ? linkedText : undefined),
    onRuleError: (ruleId, error) => {
      throw new Error(`rule ${ruleId} crashed: ${error instanceof Error ? error.stack : String(error)}`);
    },
  });
  const length = text.length;
  const { findings, locale } = service.check(text, FILE, { editorLocale: 'ro' });
  for (const finding of findings) {
    inside(`${finding.ruleId} finding`, finding.start, finding.end, length);
    assert.notStrictEqual(finding.messageId, 'engine.ruleCrashed', finding.message);
    for (const fix of finding.fixes ?? []) for (const edit of fix.edits) inside(`${finding.ruleId} fix`, edit.start, edit.end, length);
    const edit = disableLineEdit(service.snapshot(text, FILE).parsed, finding.start, finding.ruleId);
    if (edit) inside('disable-line edit', edit.start, edit.end, length);
  }
  const analysis = service.snapshot(text, FILE);
  const smart = service.check(text, FILE).smart;
  for (const goal of smart) {
    inside('SMART goal', goal.start, goal.end, length);
    for (const letter of goal.letters) if (letter.start !== undefined) inside('SMART letter', letter.start, letter.end ?? letter.start, length);
  }
  const linked = service.linked(analysis);
  const models = linked.map((plan) => plan.analysis.model);
  checkSymbols(documentSymbols(analysis.parsed, locale), length);
  const lineCount = text.split('\n').length;
  for (const fold of foldingRanges(analysis.parsed)) {
    if (!(fold.startLine >= 0 && fold.startLine < fold.endLine && fold.endLine < lineCount)) throw new Error(`fold ${fold.startLine}-${fold.endLine} of ${lineCount} lines`);
  }
  for (const token of semanticTokens(analysis, models)) inside('semantic token', token.start, token.end, length);
  for (const lens of planLenses({ parsed: analysis.parsed, model: analysis.model, smart, locale })) inside('lens', lens.start, lens.end, length);
  for (const hint of planHints({ parsed: analysis.parsed, model: analysis.model, figures: analysis.figures, locale })) inside('hint', hint.offset, hint.offset, length);

  const t = (id: Parameters<typeof formatMessage>[1], params?: Record<string, string | number>) => formatMessage(locale, id, params);
  const plan: PlanFile = { filePath: FILE, text, analysis };
  const workspace = createPlanWorkspace((plan) => service.linked(service.snapshot(plan.text, plan.filePath)), () => []);
  for (const offset of offsets) {
    for (const completion of complete({ text, offset, analysis, t, linked: models })) inside(`completion ${completion.label}`, completion.start, completion.end, length);
    const hovered = hover({ analysis, offset, t, linked: models, smart: () => smart, figures: analysis.figures, locale });
    if (hovered) inside('hover', hovered.start, hovered.end, length);
    for (const place of [...findDefinitions(plan, offset, workspace), ...findReferences(plan, offset, workspace, true)]) inside('location', place.start, place.end, place.plan.text.length);
    for (const place of documentHighlights(plan, offset, workspace)) inside('highlight', place.start, place.end, length);
    const prepared = prepareRename(plan, offset);
    if (!isRefusal(prepared)) inside('rename', prepared.start, prepared.end, length);
    const renamed = renameId(plan, offset, 'renamed-id', workspace);
    if (!isRefusal(renamed)) {
      for (const file of renamed) {
        assert.ok(file.plan.filePath === FILE || linked.some((other) => other.filePath === file.plan.filePath), `a rename edits only the plans it names, not ${file.plan.filePath}`);
        for (const edit of file.edits) inside('rename edit', edit.start, edit.end, file.plan.text.length);
      }
    }
  }
  const rendered = renderText(service, text, FILE, { editorLocale: 'en', today: '2026-07-15' });
  assert.strictEqual(typeof rendered.html, 'string');
  assert.ok(rendered.html.length > 0, 'the renderer returns HTML');
}

