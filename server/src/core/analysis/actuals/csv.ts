import { parse } from 'csv-parse/sync';
import { parsePeriod } from '../calendar';
import { parseCellNumber, type DecimalMark } from './number';

/** One measurement read from an actuals file. */
export interface ActualRow {
  /** The plan KPI's id, as written. */
  kpi: string;
  /** The period as written, `2026-q1` spelt `2026-Q1`. */
  period: string;
  /** The period's last day, in days since the epoch (UTC). */
  date: number;
  value: number;
  /** 1-based line of the file where the row starts. */
  line: number;
}

export type ActualsColumn = 'kpi' | 'period' | 'value';

/** A problem in the file. `text` is the raw cell (or line) as written, cut to 200 characters: escape it before showing it. */
export type ActualsProblem =
  | { kind: 'missing-header'; line: number; text: string; missing: ActualsColumn[] }
  | { kind: 'unknown-kpi' | 'bad-period' | 'not-a-number'; line: number; text: string }
  | { kind: 'duplicate-period'; line: number; text: string; kpi: string; firstLine: number }
  | { kind: 'malformed'; line: number; text: string; reason: 'missing-cells' | 'unclosed-quote' | 'unreadable' }
  | { kind: 'truncated'; line: number; text: string; maxRows: number };

export interface ActualsCsv {
  /** The rows that could be read, in file order. */
  rows: ActualRow[];
  problems: ActualsProblem[];
  delimiter: ',' | ';';
  decimalMark: DecimalMark;
}

export interface ReadActualsOptions {
  /** The plan's KPI ids; without them, any KPI id is accepted. */
  knownKpis?: ReadonlySet<string>;
  /** Rows after the header (blank ones included) beyond which the file is cut off. */
  maxRows?: number;
}

export const MAX_ACTUAL_ROWS = 100_000;
const MAX_TEXT = 200;
const COLUMNS: readonly ActualsColumn[] = ['kpi', 'period', 'value'];

/** Reads an actuals file `kpi,period,value` (header required; `;` and decimal commas when the header has `;` and no `,`): the good rows, and a problem for each bad one. */
export function readActualsCsv(fileText: string, options: ReadActualsOptions = {}): ActualsCsv {
  const maxRows = options.maxRows ?? MAX_ACTUAL_ROWS;
  const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
  const { line: headerLine, text: headerText } = firstFilledLine(text);
  const delimiter = headerText.includes(';') && !headerText.includes(',') ? ';' : ',';
  const decimalMark: DecimalMark = delimiter === ';' ? ',' : '.';
  const problems: ActualsProblem[] = [];
  const rows: ActualRow[] = [];
  const result = { rows, problems, delimiter, decimalMark } as const;
  const sourceLines = new SourceLines(text);

  let failure: string | undefined;
  const records: string[][] = parse(text, {
    delimiter,
    // Any line end, mixed too (a row pasted from elsewhere).
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    // Blank lines come back as records, so that counting records and the line breaks inside their
    // fields numbers the lines (csv-parse's own count takes a quoted CRLF for two lines).
    skip_empty_lines: false,
    // The header, the rows allowed, and one more to tell that there were more.
    to: headerLine + maxRows + 1,
    on_skip: (error) => {
      failure = error?.code;
      return undefined;
    },
  });

  let line = 1;
  let headerIndex = -1;
  let columns: Record<ActualsColumn, number> | undefined;
  // Line of each KPI's first value per period.
  const seen = new Map<string, Map<string, number>>();
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    const start = line;
    line += 1 + countBreaks(record);
    // Counted before blank rows are skipped: the parser stopped after exactly this many.
    if (columns !== undefined && index - headerIndex > maxRows) {
      problems.push({ kind: 'truncated', line: start, text: clip(sourceLines.line(start)), maxRows });
      return result;
    }
    if (isBlank(record)) continue;
    if (columns === undefined) {
      headerIndex = index;
      const names = record.map((field) => field.trim().toLowerCase());
      const missing = COLUMNS.filter((column) => !names.includes(column));
      if (missing.length > 0) {
        problems.push({ kind: 'missing-header', line: start, text: clip(sourceLines.line(start)), missing });
        return result;
      }
      columns = { kpi: names.indexOf('kpi'), period: names.indexOf('period'), value: names.indexOf('value') };
      continue;
    }
    readRow(record, start);
  }
  if (columns === undefined) problems.push({ kind: 'missing-header', line: headerLine, text: clip(headerText), missing: [...COLUMNS] });
  else if (failure !== undefined) {
    problems.push({ kind: 'malformed', line, text: clip(sourceLines.line(line)), reason: failure === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed-quote' : 'unreadable' });
  }
  return result;

  function readRow(record: string[], start: number): void {
    const at = columns as Record<ActualsColumn, number>;
    const kpiCell = record[at.kpi] ?? '';
    const periodCell = record[at.period] ?? '';
    const valueCell = record[at.value] ?? '';
    if (kpiCell.trim() === '' || periodCell.trim() === '' || at.value >= record.length) {
      problems.push({ kind: 'malformed', line: start, text: clip(sourceLines.line(start)), reason: 'missing-cells' });
      return;
    }
    // An empty value is no measurement yet: a sheet prepared ahead leaves the months to come empty.
    if (valueCell.trim() === '') return;
    const kpi = kpiCell.trim();
    const period = parsePeriod(periodCell.trim());
    const value = parseCellNumber(valueCell, decimalMark);
    const before = problems.length;
    if (options.knownKpis && !options.knownKpis.has(kpi)) problems.push({ kind: 'unknown-kpi', line: start, text: clip(kpiCell) });
    if (period === undefined) problems.push({ kind: 'bad-period', line: start, text: clip(periodCell) });
    if (value === undefined) problems.push({ kind: 'not-a-number', line: start, text: clip(valueCell) });
    if (problems.length > before || period === undefined || value === undefined) return;
    let periods = seen.get(kpi);
    if (periods === undefined) seen.set(kpi, (periods = new Map()));
    const firstLine = periods.get(period.period);
    if (firstLine !== undefined) {
      problems.push({ kind: 'duplicate-period', line: start, text: clip(periodCell), kpi, firstLine });
      return;
    }
    periods.set(period.period, start);
    rows.push({ kpi, period: period.period, date: period.end, value, line: start });
  }
}

/** Rows grouped by KPI id, each group in file order. */
export function actualsByKpi(rows: readonly ActualRow[]): Map<string, ActualRow[]> {
  const groups = new Map<string, ActualRow[]>();
  for (const row of rows) {
    const group = groups.get(row.kpi);
    if (group) group.push(row);
    else groups.set(row.kpi, [row]);
  }
  return groups;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** The first line with more than spaces and tabs (where the header is), 1-based, and its text. */
function firstFilledLine(text: string): { line: number; text: string } {
  const blank = /^(?:[ \t]*(?:\r\n|\r|\n))*/.exec(text)?.[0] ?? '';
  const rest = text.slice(blank.length);
  const end = rest.search(/[\r\n]/);
  return { line: 1 + (blank.match(LINE_BREAK)?.length ?? 0), text: end === -1 ? rest : rest.slice(0, end) };
}

function isBlank(record: readonly string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

/** Line breaks inside the fields of a record (quoted fields may hold them). */
function countBreaks(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.includes('\n') || field.includes('\r')) breaks += field.match(LINE_BREAK)?.length ?? 0;
  }
  return breaks;
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** Lines of the text by number, split only when a problem needs to quote one. */
class SourceLines {
  private lines: string[] | undefined;
  constructor(private readonly text: string) {}

  line(number: number): string {
    this.lines ??= this.text.split(LINE_BREAK);
    return this.lines[number - 1] ?? '';
  }
}
