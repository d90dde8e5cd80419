/**
 * The one CSV writer: every CSV hfbot produces (web chat table downloads, /code export, chat
 * attachments) goes through here, so none can forget the two rules below. It sits at the bottom
 * layer, beside errors.ts, because commands, data and adapters all write CSV.
 *
 * 1. RFC 4180 (sections 2.6-2.7): CRLF between records, a field is quoted when it holds a comma,
 *    a double quote, CR or LF, and an inner double quote is doubled. csv-stringify does this.
 * 2. Formula neutralisation (OWASP "CSV Injection", CWE-1236): a text cell that begins with
 *    =, +, -, @, tab or carriage return is prefixed with a single quote, so a spreadsheet shows it
 *    as text instead of evaluating it. Rater names, free-text codes and forum titles come from
 *    users, and `=HYPERLINK(...)` in such a cell would otherwise run when a researcher opens it.
 *
 * The rule is by type, not by look (csv-stringify's escape_formulas does the same): a JS number is
 * a numeric cell and stays as written (-0.69 stays -0.69, a spreadsheet reads it as the number it
 * is); a string is text, and a string "-0.69" is neutralised like any other text, because a
 * string can hold anything a user typed. Commands that mean a number pass a number.
 *
 * Beyond OWASP's list, text that starts with line feed, or with spaces before one of the
 * trigger characters (" =1+1"), or with their full-width forms (＝ ＋ － ＠), is neutralised too:
 * some spreadsheets trim leading blanks before deciding what a cell is.
 */
import { stringify } from 'csv-stringify/sync';

/** A cell as commands produce them: text, a number, or empty (null/undefined -> empty field). */
export type CsvCell = string | number | null | undefined;

export interface CsvTable {
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** For HTTP responses and chat attachments (RFC 4180 section 3 registers `header`). */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/** Leading characters a spreadsheet may read as the start of a formula, after optional blanks. */
const FORMULA_START = /^(?:[\t\r\n]|[ \u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** The text a cell shows; exported so tests and other text exports can share the rule. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(v: CsvCell): string | number | null {
  if (v === null || v === undefined) return null;
  // NaN and ±Infinity are not numbers a spreadsheet can hold; write them as (neutralised) text.
  if (typeof v === 'number') return Number.isFinite(v) ? v : neutraliseFormula(String(v));
  return neutraliseFormula(v);
}

/** Records (the first usually the header) as an RFC 4180 CSV document ending in CRLF. */
export function toCsv(records: readonly (readonly CsvCell[])[]): string {
  return stringify(
    records.map((r) => r.map(cell)),
    // quote_record_delimiter: with an explicit record_delimiter csv-stringify would otherwise quote
    // only fields holding CRLF and leave a bare LF or CR unquoted, which RFC 4180 2.6 forbids.
    // escape_formulas stays on as a second net: it never touches numbers, and our own prefix
    // already makes any trigger-led string start with a quote, so nothing is escaped twice.
    { record_delimiter: 'windows', quote_record_delimiter: true, eof: true, escape_formulas: true },
  );
}

/** A table (a Reply's `table`) with its header row. */
export function tableToCsv(t: CsvTable): string {
  return toCsv([t.columns, ...t.rows]);
}

/** A table as a chat attachment (structurally a Reply file): what platforms should attach. */
export function csvAttachment(name: string, t: CsvTable): { name: string; contentType: string; content: string } {
  return { name: name.endsWith('.csv') ? name : `${name}.csv`, contentType: CSV_CONTENT_TYPE, content: tableToCsv(t) };
}
