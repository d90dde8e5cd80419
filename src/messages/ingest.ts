/** Strings of `hfbot ingest`: each refusal says what was expected and how to fix it. */
import { fmtCount as n } from '../format/numbers.js';

const q = (s: string) => JSON.stringify(s);

export const ingest = {
  at: (loc: { file: string; line?: number; column?: string }, problem: string) =>
    `${loc.file}${loc.line !== undefined ? ` line ${loc.line}` : ''}${loc.column !== undefined ? `, column ${loc.column}` : ''}: ${problem}`,
  hint: 'The existing database was left unchanged. Fix the file, or restore it from the replication package (github.com/mina-taraghi/SANER2024ReplicationPackage, folder "Replication Package"), and run hfbot ingest again.',
  missingFile: (file: string) => `file not found (${file}).`,
  emptyFile: 'the file is empty; expected a header line and data rows.',
  badXlsx: (detail: string) => `not a readable .xlsx workbook (${detail}); expected the package's Codebook.xlsx.`,

  // Encoding and CSV syntax.
  utf16: 'the file is UTF-16; expected UTF-8. Save it again as "CSV UTF-8".',
  notUtf8: (byte: string) =>
    `byte ${byte} is not valid UTF-8; expected UTF-8 text. The file was probably saved as Windows-1252 or Latin-1: convert it (iconv -f windows-1252 -t utf-8) or save it again as "CSV UTF-8".`,
  nulByte: 'a NUL byte; expected text. The file is binary or UTF-16 without a byte order mark: save it again as UTF-8.',
  strayQuote: (detail: string) =>
    `a stray double quote (${detail}); expected a value wholly inside quotes with inner quotes doubled. Write "" for a quote inside a value, or quote the whole value.`,
  unclosedQuote:
    'a quoted value opens here and is never closed, so the rest of the file would be one value. Close the quote, or write "" for a quote inside a value.',
  runawayQuote: (closes: number) =>
    `a quoted value opens in this row and runs on to line ${closes}, where its closing quote is followed by more text: an unclosed or stray quote. Close the quote in this row, or write "" for a quote inside a value.`,
  badCsv: (detail: string) => `not valid CSV (${detail}); expected RFC 4180 CSV.`,
  cellCount: (got: number, expected: number) =>
    got < expected
      ? `the row has ${got} cells; expected ${expected}, like the header. It is cut short: was the file truncated? Restore the missing cells.`
      : `the row has ${got} cells; expected ${expected}, like the header. A value with an unquoted comma? Quote it, or remove the extra cells.`,
  emptyLine: (expected: number) =>
    `an empty line inside the data; expected a row of ${expected} cells. Delete the empty line.`,
  blankRow: 'every cell of the row is blank; expected data. Delete the row, or fill it in.',
  repeatedHeader: 'the header again; expected data. Was a second copy of the file pasted in? Delete the repeated part.',
  badHeader: (expected: readonly string[], got: string[]) =>
    `unexpected header: expected ${expected.map(q).join(', ')}; got ${got.map(q).join(', ')}. Restore the header line.`,
  duplicateColumn: (name: string, first: string) =>
    `${q(name)} repeats the month of column ${first}; expected each month once. Delete one of them.`,

  // Cells.
  badCount: (raw: string, expected: string, fix: string) => `expected ${expected}; got ${q(raw)}. ${fix}`,
  countInt: 'a whole number in decimal digits (such as 16)',
  countIntOrBlank: 'a whole number in decimal digits (such as 16), or blank for 0 as this file writes zero',
  countFloat: 'a whole number written with ".0", as this file writes every count (such as 16.0)',
  countBlank: 'A blank is not a count here: write 0 if the value is zero, or restore the value.',
  countNegative: 'Counts cannot be negative: restore the value.',
  countMeant: (canonical: string) => `If you meant ${canonical}, write exactly ${canonical}.`,
  countOther: (example: string) => `Write a whole number such as ${example}.`,
  badRatio: (raw: string) => `expected a ratio between 0 and 1 in decimal digits (such as 0.5294); got ${q(raw)}.`,
  badTopic: (raw: string) =>
    `expected a forum topic id (a number such as 639, digits only); got ${q(raw)}.${/^\s*T?\d+\s*$/i.test(raw) ? ` Write it as ${raw.replace(/\D/g, '')}.` : ''}`,
  badMonth: (raw: string) => `expected a month as YYYY-MM or YYYY-MM-01; got ${q(raw)}.`,
  required: (what: string) => `${what} is empty; expected a value.`,
  unknownCategory: (raw: string, known: string[]) =>
    `unknown taxonomy category ${q(raw)}; known: ${known.join(', ')}. Add an alias in src/data/ingest/labels.ts if it is a new spelling.`,
  withCardExceeds: (withCard: number, models: number) =>
    `has_card (${n(withCard)}) is larger than count (${n(models)}); expected at most count. Restore both values.`,
  ratioMismatch: (column: string, got: string, expected: number) =>
    `${column} is ${got} but the counts give ${expected.toPrecision(10)}; a count on this row is wrong. Restore the row.`,
  sumMismatch: (what: string, sum: number, said: number) =>
    `${what} add up to ${n(sum)}, but this cell says ${n(said)}; a count is missing or wrong. Restore the row.`,
  totalMismatch: (kind: string, sum: number, total: number) =>
    `the ${kind} counts add up to ${n(sum)}, but the total row says ${n(total)}; expected them to agree.`,
  missingSheet: (sheet: string, found: string[]) =>
    `no sheet named ${q(sheet)} (sheets: ${found.join(', ')}); expected the package's Overview sheet.`,
  overviewBlocks: 'expected two blocks (challenges, then benefits), each closed by a total row; restore the sheet.',
  duplicateRow: (key: string, first: number) =>
    `a second row for ${q(key)} (the first is on line ${first}); expected one. Delete the duplicate.`,

  // Months.
  monthOrder: (month: string, previous: string) =>
    `${month} comes after ${previous}; expected months in ascending order. Put the columns in calendar order.`,
  monthGap: (month: string, expected: string) =>
    `${month} follows a gap; expected ${expected} next (this file has every month). Restore the missing month.`,
  monthRange: (month: string, from: string | undefined, to: string, why: string) =>
    `${month} is ${month > to ? `after ${to}` : `before ${from}`} (${why}); expected ${from ? `${from}..` : 'up to '}${to}. Fix the month.`,
  windowMissing: (series: string, months: string[], window: string) =>
    `the ${series} series has no column for ${months.slice(0, 4).join(', ')}${months.length > 4 ? ', ...' : ''}; expected every month of ${window} (the Table III window). Restore the columns.`,

  // Rows, totals and what the package pins.
  tooFew: (what: string, got: number, min: number, why: string, exact: boolean) =>
    `${got === 0 ? `no ${what} after the header` : `${n(got)} ${what}`}; expected ${exact ? '' : 'at least '}${n(min)} (${why}). ${got === 0 ? 'The file was emptied or cut after its header.' : 'Rows or values are missing.'}`,
  tooMany: (what: string, got: number, expected: number, why: string) =>
    `${n(got)} ${what}; expected exactly ${n(expected)} (${why}). A stray or duplicated row? Remove it.`,
  unnamedRowWithCounts: 'a row with counts but no model type name; expected a model type in the first column.',
  badModelType: (raw: string) =>
    `expected a model type name (lower-case letters, digits, - or _, such as xlm-roberta); got ${q(raw)}.`,
  noSumRow:
    "no SUM row: the Hub file ends with a row named SUM holding each month's total, so the file looks truncated. Restore it.",
  sharedTypes: (got: number, min: number, why: string, forumOnly: string[], hubOnly: string[]) =>
    `the forum and Hub files share ${got} model types; expected at least ${min} (${why}). Only on the forum: ${forumOnly.join(', ') || '-'}; only on the Hub: ${hubOnly.slice(0, 8).join(', ') || '-'}${hubOnly.length > 8 ? ', ...' : ''}. A renamed or deleted row? Restore it.`,
  notCodedTopic: (topic: number) =>
    `topic ${topic} has a root cause but no codes in All_Codes.csv; expected every root-cause topic to be a coded topic. Fix the topic id.`,
  topicSplit: (topic: number, firstLine: number) =>
    `topic ${topic} starts again here after other topics (its rows begin on line ${firstLine}); expected each topic's codes together. A pasted duplicate? Remove it.`,
  topicTagChanged: (topic: number, tag: string, first: string, line: number) =>
    `topic ${topic} is tagged ${q(tag)} here but ${q(first)} on line ${line}; expected one forum category per topic.`,
  categoryMissing: (kind: string, names: string[]) =>
    `no codebook rows for the ${kind} categories ${names.map(q).join(', ')} of the Overview sheet; expected every category. Restore them.`,
  categoryRepeated: (name: string, line: number) =>
    `category ${q(name)} starts again here (its rows begin on line ${line}); expected each category once.`,
  categoryNumber: (got: string, expected: number) =>
    `the # cell is ${q(got)}; expected ${expected} (categories are numbered 1, 2, ... on their first row, blank below).`,
  unreadable: (detail: string) =>
    `could not be read (${detail}). This is a bug in hfbot's reader for this file; please report it with the file.`,

  sourceMissing: (tried: string[]) => `No replication package found. Tried: ${tried.join('; ')}.`,
  sourceHint: 'Pass --from DIR, set HFBOT_REPLICATION_DIR, or allow the download from the public repository.',
  download: (file: string, url: string, status: string) => `Downloading ${file} from ${url} failed: ${status}.`,
  done: (version: string, file: string, ms: number) => `Built dataset ${version} into ${file} in ${ms} ms.`,
};
