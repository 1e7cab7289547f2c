/**
 * Typing at several places of one plan (issue 14): at each place a word is typed one character
 * every 20 ms, the diagnostics of the last version awaited, then the word deleted the same way,
 * three bursts per place. The places cover what a user types: a goal's statement, an id, a
 * number, a new list item, a comment, the top, the middle and the end of the plan, and lines that
 * are not valid YAML while they are typed (a flow list with text after its bracket, an open
 * quote). The time from the last keystroke to the diagnostics of that version is what the user
 * waits for; the report gives each place, the median over all places and the worst place.
 *
 * Also timed: the first open of the plan after the server starts (cold), and an open of the same
 * text under another name once the server has worked (warm).
 */
import { pathToFileURL } from 'url';
import * as fs from 'fs';
import * as path from 'path';
import { EditorRequests } from './editor-requests';
import { ClientDocument, LspSession, sleep } from './lsp-driver';
import type { ServerUnderTest } from './scenario';

/** One character every 20 ms, as the harness of issue 14 typed. */
const KEY_INTERVAL_MS = 20;
const SETTLE_MS = 250;

export interface Place {
  name: string;
  /** Where typing starts: a line (0-based) and a column (`end`: the line's end). */
  line: number;
  column: number | 'end';
  /** What is typed there, one character at a time. */
  word: string;
  /** Whether the line is valid YAML while the word is typed. */
  brokenWhileTyping?: boolean;
}

/** The places of a plan made by `bench/cases.ts` (or the harness's own plan). */
export function placesOf(text: string): Place[] {
  const lines = text.split('\n');
  const find = (from: number, test: (line: string) => boolean) => {
    for (let index = from; index < lines.length; index++) if (test(lines[index])) return index;
    throw new Error('no such line in the plan');
  };
  const goalsAt = lines.indexOf('goals:');
  const goalsEnd = find(goalsAt + 1, (line) => /^[a-z]/.test(line));
  const goalCount = lines.slice(goalsAt, goalsEnd).filter((line) => line.startsWith('  - id: ')).length;
  // Goal 40 of 97 in the harness's plan, and as far into the goals in a larger one.
  const middleGoal = find(goalsAt, (line) => line === `  - id: goal-${String(Math.round((goalCount * 40) / 97)).padStart(4, '0')}`);
  // The line the harness of issue 14 typed at: the `supports` of the goal before it (line 985 of 1,967).
  const supports = middleGoal - 1;
  if (!lines[supports].startsWith('    supports: ')) throw new Error('the goal before the middle one does not end with `supports`');
  const statement = find(middleGoal, (line) => line.startsWith('    statement: '));
  const target = find(middleGoal, (line) => line.startsWith('    target: '));
  const kpi = find(Math.floor(lines.indexOf('kpis:') + (goalsAt - lines.indexOf('kpis:')) / 3), (line) => line.startsWith('    source: '));
  const title = find(0, (line) => line.startsWith('title: '));
  const laterGoal = find(goalsAt + Math.floor((goalsEnd - goalsAt) * 0.7), (line) => line.startsWith('    statement: '));
  return [
    { name: 'end of a flow list (`supports: [growth]x`, not valid YAML)', line: supports, column: 'end', word: 'xyz', brokenWhileTyping: true },
    { name: "a goal's statement", line: statement, column: 'end', word: ' quickly' },
    { name: 'an id', line: middleGoal, column: 'end', word: '-new' },
    { name: 'a number', line: target, column: 'end', word: '05' },
    { name: 'a new list item', line: goalsEnd - 1, column: 'end', word: '\n  - id: new' },
    { name: 'a comment', line: kpi, column: 'end', word: ' # checked' },
    { name: 'the top (title)', line: title, column: 'end', word: ' draft' },
    { name: 'the end (last line)', line: lines.length - 2, column: 'end', word: ' again' },
    { name: 'an open quote (not valid YAML)', line: laterGoal, column: '    statement: '.length, word: '"Grow', brokenWhileTyping: true },
  ];
}

export interface PlacesResult {
  /** By place name: last keystroke → diagnostics while typing, and while deleting. */
  typing: Record<string, number[]>;
  deleting: Record<string, number[]>;
  /** The first open after the server started, and an open of the same text under another name afterwards. */
  coldOpen: number;
  warmOpen: number;
}

function offsetOf(document: ClientDocument, line: number, column: number | 'end'): number {
  const start = document.offsetOfLine(line);
  return column === 'end' ? start + document.lines()[line].length : start + column;
}

/** A fresh server, the plan opened, then `bursts` bursts of typing and deleting at each place. */
export async function runPlaces(server: ServerUnderTest, filePath: string, text: string, places: Place[], bursts: number): Promise<PlacesResult> {
  const session = new LspSession(server);
  const document = new ClientDocument(pathToFileURL(filePath).toString(), text);
  const result: PlacesResult = { typing: {}, deleting: {}, coldOpen: NaN, warmOpen: NaN };
  try {
    await session.initialize(pathToFileURL(path.dirname(filePath)).toString());
    await sleep(300);
    result.coldOpen = (await session.open(document)).ms;
    await sleep(SETTLE_MS);
    const editor = new EditorRequests(session, document);
    try {
      for (const place of places) {
        const typing: number[] = (result.typing[place.name] = []);
        const deleting: number[] = (result.deleting[place.name] = []);
        for (let burst = 0; burst < bursts; burst++) {
          const start = offsetOf(document, place.line, place.column);
          let offset = start;
          let lastSent = 0;
          for (const [index, char] of [...place.word].entries()) {
            if (index > 0) await sleep(KEY_INTERVAL_MS);
            session.change(document, [{ start: offset, end: offset, text: char }]);
            lastSent = performance.now();
            offset++;
            editor.changed(document.positionAt(offset));
          }
          typing.push((await session.diagnosticsOf(document, lastSent)).at - lastSent);
          await editor.idle();
          await sleep(SETTLE_MS);
          for (let index = 0; index < place.word.length; index++) {
            if (index > 0) await sleep(KEY_INTERVAL_MS);
            session.change(document, [{ start: offset - 1, end: offset, text: '' }]);
            lastSent = performance.now();
            offset--;
            editor.changed(document.positionAt(offset));
          }
          deleting.push((await session.diagnosticsOf(document, lastSent)).at - lastSent);
          await editor.idle();
          await sleep(SETTLE_MS);
        }
        if (document.text !== text) throw new Error(`typing and deleting at ${place.name} did not give the plan back`);
      }
    } finally {
      editor.dispose();
    }
    // The same plan under another name: nothing cached for it, but the server is warm.
    const copyPath = filePath.replace(/(\.plan\.yaml)$/, '-copy$1');
    fs.writeFileSync(copyPath, text);
    const copy = new ClientDocument(pathToFileURL(copyPath).toString(), text);
    result.warmOpen = (await session.open(copy)).ms;
    return result;
  } catch (error) {
    throw new Error(`${server.name}: ${error instanceof Error ? error.message : String(error)}\n${session.stderr}`);
  } finally {
    await session.stop();
  }
}
