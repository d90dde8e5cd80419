/**
 * Strict CSV for the replication package: UTF-8 text (text.ts), RFC 4180 quoting, and every
 * record exactly as wide as the header, so a row cut short by truncation, a value with an
 * unquoted comma or a stray quote is refused where it happens instead of shifting or dropping
 * values. Blank lines and all-blank rows inside the data, and a second copy of the header,
 * are refused too; empty lines at the very end are not data and are ignored.
 */
import { parse } from 'csv-parse/sync';
import { ingestError, type Location } from './errors.js';
import { msg } from '../../messages/index.js';
import type { PackageFile } from './files.js';
import { decodeCsvText } from './text.js';

export interface CsvRow {
  /** 1-based line where the record starts in the file (records may span lines). */
  line: number;
  cells: string[];
  get(column: string): string;
  /** This row's location in `column` (a header name, or `#n` for an unnamed column). */
  at(column: string): Location;
}

export interface CsvTable {
  file: string;
  header: string[];
  /** The header's names, `#n` where the header leaves a column blank. */
  columns: string[];
  rows: CsvRow[];
  /** The line after the last row: where missing rows would have been. */
  endLine: number;
}

type ParsedRecord = { record: string[]; info: { lines: number } };
type CsvParseError = Error & { code?: string; lines?: number; column?: number; records?: number; field?: string };

/**
 * Reads `file` and checks its header: an array is the exact header (names trimmed, compared
 * case-insensitively, '' for an unnamed column); a function checks headers that vary.
 */
export function readCsv(file: PackageFile, expected: readonly string[] | ((t: CsvTable) => void)): CsvTable {
  const name = file.name;
  const text = decodeCsvText(name, file.bytes);
  if (text.trim() === '') throw ingestError({ file: name, line: 1, column: '#1' }, msg.ingest.emptyFile);
  const records = parseRecords(name, text);
  const header = records[0]!.record.map((h) => h.trim());
  const columns = header.map((h, i) => h || `#${i + 1}`);
  const index = new Map(header.map((h, i) => [h.toLowerCase(), i] as const));
  const table: CsvTable = { file: name, header, columns, rows: [], endLine: records[0]!.info.lines + 1 };
  if (typeof expected === 'function') expected(table);
  else checkHeader(name, header, expected);

  const headerKey = header.join('\u0000').toLowerCase();
  let last = records.length;
  while (last > 1 && isEmptyLine(records[last - 1]!)) last--;
  let lineStart = records[0]!.info.lines + 1;
  for (const r of records.slice(1, last)) {
    const line = lineStart;
    lineStart = r.info.lines + 1;
    const at = (column: string): Location => ({ file: name, line, column });
    if (isEmptyLine(r)) throw ingestError(at('#1'), msg.ingest.emptyLine(header.length));
    const cells = r.record;
    if (cells.length !== header.length) {
      const column = cells.length < header.length ? columns[cells.length]! : `#${header.length + 1}`;
      throw ingestError(at(column), msg.ingest.cellCount(cells.length, header.length));
    }
    if (cells.every((c) => c.trim() === '')) throw ingestError(at(columns[0]!), msg.ingest.blankRow);
    if (
      cells
        .map((c) => c.trim())
        .join('\u0000')
        .toLowerCase() === headerKey
    )
      throw ingestError(at(columns[0]!), msg.ingest.repeatedHeader);
    const get = (column: string) => cells[index.get(column.toLowerCase()) ?? -1] ?? '';
    table.rows.push({ line, cells, get, at });
  }
  table.endLine = lineStart;
  return table;
}

const isEmptyLine = (r: ParsedRecord) => r.record.length === 1 && r.record[0] === '';

function parseRecords(name: string, text: string): ParsedRecord[] {
  const options = { relax_column_count: true, info: true, skip_empty_lines: false, record_delimiter: '\n' };
  try {
    return parse(text, options) as unknown as ParsedRecord[];
  } catch (err) {
    const e = err as CsvParseError;
    const column = e.column === undefined ? '#1' : columnOf(text, e.column);
    // csv-parse reports where it gave up; the record (and the quote that ran on) began after
    // the last complete record, which a parse up to that record tells.
    const done = e.records ? (parse(text, { ...options, to: e.records }) as unknown as ParsedRecord[]) : [];
    const start = (done.at(-1)?.info.lines ?? 0) + 1;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED')
      throw ingestError({ file: name, line: start, column }, msg.ingest.unclosedQuote);
    if (e.code === 'CSV_INVALID_CLOSING_QUOTE' && e.lines !== undefined && e.lines > start)
      throw ingestError({ file: name, line: start, column }, msg.ingest.runawayQuote(e.lines));
    const at = { file: name, line: e.lines, column };
    if (e.code === 'INVALID_OPENING_QUOTE')
      throw ingestError(at, msg.ingest.strayQuote(`inside an unquoted value, after ${JSON.stringify(e.field ?? '')}`));
    if (e.code === 'CSV_INVALID_CLOSING_QUOTE')
      throw ingestError(at, msg.ingest.strayQuote('a quoted value is followed by more text before the comma'));
    throw ingestError(at, msg.ingest.badCsv(e.message));
  }
}

/** The header's name for 0-based field `i`, read from the first line without a full parse. */
function columnOf(text: string, i: number): string {
  const end = text.indexOf('\n');
  const name = (text.slice(0, end < 0 ? undefined : end).split(',')[i] ?? '').trim();
  return name || `#${i + 1}`;
}

function checkHeader(file: string, header: string[], expected: readonly string[]): void {
  const width = Math.max(header.length, expected.length);
  for (let i = 0; i < width; i++) {
    if ((header[i] ?? '\u0000').toLowerCase() !== (expected[i] ?? '\u0001').toLowerCase())
      throw ingestError({ file, line: 1, column: `#${i + 1}` }, msg.ingest.badHeader(expected, header));
  }
}
