/**
 * Forums_Model_Mentions_Over_Time.csv: topics mentioning each model type per month, a wide
 * model-type x month matrix. Every cell is a count written as pandas writes floats ("3.0");
 * the file writes zero as "0.0", so a blank cell is damage, not zero.
 */
import { readCsv, type CsvTable } from './csv.js';
import { ingestError } from './errors.js';
import { msg } from '../../messages/index.js';
import { checkPin, FORUM_FIRST_MONTH, PINS } from './expected.js';
import type { PackageFile } from './files.js';
import { checkMonths, checkTrendWindow } from './months.js';
import { parseCount } from './values.js';

export interface MonthlyValue {
  modelType: string;
  month: string;
  value: number;
}

export interface Series {
  rows: MonthlyValue[];
  months: string[];
  modelTypes: string[];
  /** The line of each model type's row, for messages that point across files. */
  lines: Map<string, number>;
}

/** Model type names as Transformers spells them: lower case, digits, - and _. */
const MODEL_TYPE = /^[a-z0-9][a-z0-9_-]*$/;

/** Checks a row's model-type cell and that it is the first row of that type. */
export function modelTypeOf(table: CsvTable, row: CsvTable['rows'][number], lines: Map<string, number>): string {
  const name = row.cells[0]!;
  const at = row.at(table.columns[0]!);
  if (name.trim() === '') throw ingestError(at, msg.ingest.unnamedRowWithCounts);
  if (!MODEL_TYPE.test(name)) throw ingestError(at, msg.ingest.badModelType(name));
  const first = lines.get(name);
  if (first !== undefined) throw ingestError(at, msg.ingest.duplicateRow(name, first));
  lines.set(name, row.line);
  return name;
}

export function readForumSeries(file: PackageFile): Series {
  let months: string[] = [];
  const table = readCsv(file, (t) => {
    if (t.header[0] !== '')
      throw ingestError(
        { file: t.file, line: 1, column: '#1' },
        msg.ingest.badHeader(['', '2020-07-01', '...'], t.header),
      );
    months = checkMonths(
      t.header.slice(1),
      (i) => ({ file: t.file, line: 1, column: `#${i + 2} (${JSON.stringify(t.header[i + 1])})` }),
      { consecutive: true, first: { month: FORUM_FIRST_MONTH, why: 'the forum opened in July 2020' } },
    );
  });
  const end = { file: table.file, line: table.endLine, column: table.columns[0]! };
  checkTrendWindow('forum', months, { file: table.file, line: 1, column: `#${table.header.length}` });
  const rows: MonthlyValue[] = [];
  const lines = new Map<string, number>();
  let mentions = 0;
  for (const row of table.rows) {
    const modelType = modelTypeOf(table, row, lines);
    months.forEach((month, i) => {
      const value = parseCount(row.cells[i + 1]!, row.at(table.columns[i + 1]!), 'float');
      mentions += value;
      if (value > 0) rows.push({ modelType, month, value });
    });
  }
  checkPin(PINS.forumTypes, lines.size, 'model types', end);
  checkPin(PINS.forumMentions, mentions, 'mentions in all', end);
  return { rows, months, modelTypes: [...lines.keys()], lines };
}
