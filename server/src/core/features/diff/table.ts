/**
 * The tables of a plan's diff, one per section, as cells of plain text and code (ids, keys)
 * that each renderer writes out in its own way (Markdown escapes the text and puts code in
 * backticks; the terminal quotes code).
 */
import { formatMessage } from '../../base/messages';
import type { Locale } from '../../base/types';
import { changeText, formatValue, isLabelled, message, oneLine, sectionTitle, signed } from './format';
import { figureValue } from './summary';
import type { FigureChange, ItemChange, PlanDiff } from '../../analysis/diff/types';

/** A piece of a cell: text, or code (an id, a key, a path). */
export type Part = string | { code: string };
export type Cell = Part[];

export interface Row {
  what: Cell;
  before: Cell;
  after: Cell;
  change: Cell;
}

export interface SectionTable {
  /** The section's key (`goals`), `header`, or `figures` for the derived figures. */
  section: string;
  title: string;
  rows: Row[];
}

/** Lists whose items are keyed by an id (shown as code) rather than by words. */
const CODE_KEYED = new Set(['allocations', 'messages']);

/** The tables of a plan's diff, in section order; the derived figures last. */
export function diffTables(diff: PlanDiff, locale: Locale): SectionTable[] {
  const tables: SectionTable[] = [];
  const currency = diff.currency;
  let current: SectionTable | undefined;
  for (const change of diff.changes) {
    if (current?.section !== change.section) {
      current = { section: change.section, title: sectionTitle(locale, change.section), rows: [] };
      tables.push(current);
    }
    current.rows.push(...rowsOf(change, locale, currency));
  }
  if (diff.figures.length > 0) {
    tables.push({ section: 'figures', title: formatMessage(locale, 'diff.section.figures'), rows: diff.figures.map((figure) => figureRow(figure, locale)) });
  }
  return tables;
}

function rowsOf(change: ItemChange, locale: Locale, currency: string | undefined): Row[] {
  const text = (id: 'diff.change.added' | 'diff.change.removed' | 'diff.change.renamed') => [formatMessage(locale, id)];
  const none: Cell = ['—'];
  if (change.key === undefined && (change.kind === 'added' || change.kind === 'removed')) {
    return [{ what: [sectionTitle(locale, change.section)], before: none, after: none, change: text(change.kind === 'added' ? 'diff.change.added' : 'diff.change.removed') }];
  }
  const item = itemCell(change, locale);
  const label: Cell = change.label !== undefined ? [oneLine(change.label)] : none;
  if (change.kind === 'added') return [{ what: item, before: none, after: label, change: text('diff.change.added') }];
  if (change.kind === 'removed') return [{ what: item, before: label, after: none, change: text('diff.change.removed') }];
  const rows: Row[] = [];
  if (change.kind === 'renamed') {
    rows.push({ what: [{ code: change.previousKey ?? '' }, ' → ', { code: change.key ?? '' }], before: [{ code: change.previousKey ?? '' }], after: [{ code: change.key ?? '' }], change: text('diff.change.renamed') });
  }
  for (const field of change.fields) {
    const what: Cell = [...item, ...(item.length > 0 && field.field.length > 0 ? [' · '] : []), ...fieldCell(field.field, locale)];
    if (what.length === 0) what.push(sectionTitle(locale, change.section));
    rows.push({
      what,
      before: [formatValue(locale, field.before, field.unit, currency)],
      after: [formatValue(locale, field.after, field.unit, currency)],
      change: [changeText(locale, field, currency)],
    });
  }
  return rows;
}

/** How an item is named in the "what" column: its id as code, a forecast row by its period, a competitor by name. */
function itemCell(change: ItemChange, locale: Locale): Cell {
  const key = change.key;
  if (key === undefined) return [];
  if (change.list === 'history' || change.list === 'projections') {
    return [formatMessage(locale, change.list === 'history' ? 'diff.history' : 'diff.projection', { period: oneLine(key, 40) })];
  }
  if (change.list === undefined ? change.section !== 'tactics' && change.section !== 'approvals' : CODE_KEYED.has(change.list)) return [{ code: key }];
  return [oneLine(key, 60)];
}

/** A field path: labelled keys in words, others (extensions, list keys) as code. */
function fieldCell(path: readonly string[], locale: Locale): Cell {
  const cell: Cell = [];
  path.forEach((key, index) => {
    if (index > 0) cell.push(' › ');
    cell.push(isLabelled(key) ? (message(locale, `diff.field.${key}`) ?? message(locale, `render.label.${key}`)!) : { code: key });
  });
  return cell;
}

function figureRow(change: FigureChange, locale: Locale): Row {
  const before = figureValue(change, 'before', locale);
  const after = figureValue(change, 'after', locale);
  let delta = formatMessage(locale, 'diff.change.changed');
  const numeric = (value: FigureChange['before']) => (typeof value === 'number' ? value : typeof value === 'object' ? value.passing : undefined);
  const [was, now] = [numeric(change.before), numeric(change.after)];
  if (was !== undefined && now !== undefined && typeof change.before === typeof change.after) {
    const difference = Math.round((now - was) * 100) / 100;
    delta = change.figure === 'funnelGapPercent' ? formatMessage(locale, 'diff.change.points', { delta: signed(locale, difference, 1) }) : signed(locale, difference);
  }
  return { what: [formatMessage(locale, `diff.figureName.${change.figure}`)], before: [before], after: [after], change: [delta] };
}
