import { readCsv } from './csv.js';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import { parseCount, parseMonth } from './values.js';
import type { CardMonth } from '../queries/series.js';

export interface MonthlyValue {
  modelType: string;
  month: string;
  value: number;
}

/** Trailing summary columns in the Hub file, which are not months. */
const SUMMARY_COLUMNS = new Set(['sum', 'cumulative sum', 'cumulative ratio']);
/** Summary rows: the Hub file's SUM row, and a blank-named row holding only totals. */
const SUMMARY_ROWS = new Set(['sum', 'total']);

/**
 * A wide model-type x month matrix (Forums_Model_Mentions_Over_Time.csv,
 * Hub_Model_Types_Over_Time_Created.csv). Blank cells are zero; zero cells are not stored.
 */
export function readMonthlyMatrix(file: string): { rows: MonthlyValue[]; months: string[]; modelTypes: string[] } {
  const table = readCsv(file, ['']);
  const monthCols: { index: number; month: string }[] = [];
  table.header.forEach((h, i) => {
    if (i === 0 || SUMMARY_COLUMNS.has(h.toLowerCase())) return;
    monthCols.push({ index: i, month: parseMonth(h, { file: table.file, line: 1, column: `#${i + 1} ("${h}")` }) });
  });
  const rows: MonthlyValue[] = [];
  const modelTypes: string[] = [];
  for (const row of table.rows) {
    const name = (row.cells[0] ?? '').trim();
    if (!name || SUMMARY_ROWS.has(name.toLowerCase())) continue;
    if (modelTypes.includes(name))
      throw ingestError({ file: table.file, line: row.line }, msg.ingest.duplicateRow(name));
    modelTypes.push(name);
    for (const { index, month } of monthCols) {
      const value = parseCount(row.cells[index] ?? '', {
        file: table.file,
        line: row.line,
        column: table.header[index]!,
      });
      if (value > 0) rows.push({ modelType: name, month, value });
    }
  }
  return { rows, months: monthCols.map((c) => c.month), modelTypes };
}

/** card_data_stats_months_created.csv: per creation month, models and models with a card. */
export function readCardStats(file: string): CardMonth[] {
  const table = readCsv(file, ['', 'month_year', 'has_card', 'count']);
  return table.rows.map((row) => {
    const loc = { file: table.file, line: row.line };
    const month = parseMonth(row.get('month_year'), { ...loc, column: 'month_year' });
    const withCard = parseCount(row.get('has_card'), { ...loc, column: 'has_card' }, false);
    const models = parseCount(row.get('count'), { ...loc, column: 'count' }, false);
    if (withCard > models)
      throw ingestError({ ...loc, column: 'has_card' }, msg.ingest.withCardExceeds(withCard, models));
    return { month, models, withCard };
  });
}
