/**
 * Hub_Model_Types_Over_Time_Created.csv: models created per month per model type. The file
 * writes zero as a blank cell (7,186 of them, never "0"), so blank is its zero; what keeps a
 * blanked count from passing is the file's own arithmetic, checked exactly: each row's `sum`,
 * the running `cumulative sum` and `Cumulative ratio`, and the closing SUM row of month totals.
 * A blank-named row holding only the grand total sits before the SUM row; neither is data.
 */
import { readCsv, type CsvTable } from './csv.js';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import { checkPin, PINS } from './expected.js';
import type { PackageFile } from './files.js';
import { checkMonths, checkTrendWindow } from './months.js';
import { modelTypeOf, type MonthlyValue, type Series } from './series.js';
import { parseCount, parseRatio } from './values.js';

const SUMMARY = ['sum', 'cumulative sum', 'Cumulative ratio'];

export function readHubSeries(file: PackageFile): Series {
  let months: string[] = [];
  const table = readCsv(file, (t) => {
    const tail = t.header.slice(-SUMMARY.length).map((h) => h.toLowerCase());
    if (t.header[0] !== '' || tail.join() !== SUMMARY.join().toLowerCase())
      throw ingestError(
        { file: t.file, line: 1, column: '#1' },
        msg.ingest.badHeader(['', '2017-09', '...', ...SUMMARY], t.header),
      );
    months = checkMonths(
      t.header.slice(1, -SUMMARY.length),
      (i) => ({ file: t.file, line: 1, column: `#${i + 2} (${JSON.stringify(t.header[i + 1])})` }),
      { consecutive: false },
    );
  });
  checkTrendWindow('Hub', months, { file: table.file, line: 1, column: '#1' });
  const [sumCol, cumCol, ratioCol] = SUMMARY.map((_, k) => table.columns[months.length + 1 + k]!) as [
    string,
    string,
    string,
  ];
  const rows: MonthlyValue[] = [];
  const lines = new Map<string, number>();
  const monthTotals = months.map(() => 0);
  const cumulative: { row: CsvTable['rows'][number]; running: number }[] = [];
  let total = 0;
  let sumRow: CsvTable['rows'][number] | undefined;
  for (const row of table.rows) {
    const name = row.cells[0]!;
    const monthCells = row.cells.slice(1, months.length + 1);
    if (name === 'SUM') {
      if (sumRow) throw ingestError(row.at(table.columns[0]!), msg.ingest.duplicateRow('SUM', sumRow.line));
      sumRow = row;
      continue;
    }
    if (name === '' && monthCells.every((c) => c === '') && row.get('sum') === '') continue; // the total-only row
    const modelType = modelTypeOf(table, row, lines);
    let rowSum = 0;
    months.forEach((month, i) => {
      const value = parseCount(monthCells[i]!, row.at(table.columns[i + 1]!), 'int-or-blank');
      rowSum += value;
      monthTotals[i]! += value;
      if (value > 0) rows.push({ modelType, month, value });
    });
    const said = parseCount(row.get('sum'), row.at(sumCol), 'int');
    if (said !== rowSum)
      throw ingestError(row.at(sumCol), msg.ingest.sumMismatch('the months of this row', rowSum, said));
    total += rowSum;
    const running = parseCount(row.get('cumulative sum'), row.at(cumCol), 'int');
    if (running !== total)
      throw ingestError(row.at(cumCol), msg.ingest.sumMismatch('the sums down to this row', total, running));
    cumulative.push({ row, running });
  }
  const end = { file: table.file, line: table.endLine, column: table.columns[0]! };
  checkPin(PINS.hubTypes, lines.size, 'model types', end);
  if (!sumRow) throw ingestError(end, msg.ingest.noSumRow);
  months.forEach((month, i) => {
    const said = parseCount(sumRow.cells[i + 1]!, sumRow.at(table.columns[i + 1]!), 'int');
    if (said !== monthTotals[i])
      throw ingestError(
        sumRow.at(table.columns[i + 1]!),
        msg.ingest.sumMismatch(`the ${month} counts`, monthTotals[i]!, said),
      );
  });
  const grand = parseCount(sumRow.get('sum'), sumRow.at(sumCol), 'int');
  if (grand !== total) throw ingestError(sumRow.at(sumCol), msg.ingest.sumMismatch('all model types', total, grand));
  for (const { row, running } of cumulative) {
    const raw = row.get('Cumulative ratio');
    // Written with 10 decimals, so a correct cell is within 5e-11 of the exact share.
    if (Math.abs(parseRatio(raw, row.at(ratioCol)) - running / total) > 1e-9)
      throw ingestError(row.at(ratioCol), msg.ingest.ratioMismatch('Cumulative ratio', raw, running / total));
  }
  checkPin(PINS.hubModels, total, 'models in all', end);
  return { rows, months, modelTypes: [...lines.keys()], lines };
}
